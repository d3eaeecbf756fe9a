import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { DIRECTION, optionsOf } from '../common/labels';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import type { IndicatorDirection } from '../gql/graphql';
import { FormActions } from './form-actions';
import { createIndicatorMutation } from './plan-mutations.graphql';
import type { PlanGoal } from './plan-types';

interface Props {
  goal: Pick<PlanGoal, 'id' | 'title'>;
  onSaved(message: string): void;
  onCancel(): void;
}

/** "Ny indikator" on a goal: what is measured, from where to where, by when. */
export function IndicatorForm({ goal, onSaved, onCancel }: Props) {
  const [initial] = useState({
    name: '',
    unit: '',
    direction: 'INCREASE',
    source: '',
    baseline: '',
    baselineDate: '',
    target: '',
    targetDate: '',
  });
  const form = useForm(initial);
  const [{ fetching }, createIndicator] = useMutation(createIndicatorMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const p = new FormParser();
    const parsed = p.result({
      goalId: goal.id,
      name: v.name,
      unit: v.unit,
      direction: v.direction as IndicatorDirection,
      source: p.optionalText(v.source),
      baseline: p.optionalDecimal('baseline', v.baseline),
      baselineDate: p.optionalDate('baselineDate', v.baselineDate),
      target: p.decimal('target', v.target),
      targetDate: p.date('targetDate', v.targetDate),
    });
    await submitParsed(
      form,
      parsed,
      (input) => createIndicator({ input }),
      (data) => onSaved(`Indikatoren "${data.createIndicator.name}" er oprettet.`),
    );
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Ny indikator for ${goal.title}`}>
      <div className="form-grid">
        <TextField label="Navn" {...form.field('name')} />
        <TextField label="Enhed" hint='F.eks. "%" eller "personer"' {...form.field('unit')} />
        <SelectField<IndicatorDirection>
          label="Retning"
          options={optionsOf(DIRECTION)}
          {...form.field('direction')}
          value={form.values.direction as IndicatorDirection}
        />
        <TextField label="Kilde" {...form.field('source')} />
        <TextField label="Baseline" inputMode="decimal" {...form.field('baseline')} />
        <TextField label="Baseline-dato" type="date" {...form.field('baselineDate')} />
        <TextField label="Målværdi" inputMode="decimal" {...form.field('target')} />
        <TextField label="Måldato" type="date" {...form.field('targetDate')} />
      </div>
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
