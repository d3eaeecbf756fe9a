import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, TextField } from '../common/form-field';
import { todayIso } from '../common/format';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import { FormActions } from './form-actions';
import { recordMeasurementMutation } from './plan-mutations.graphql';
import type { PlanIndicator } from './plan-types';

interface Props {
  indicator: Pick<PlanIndicator, 'id' | 'name' | 'unit'>;
  onSaved(message: string): void;
  onCancel(): void;
}

/** "Registrér måling": a dated value of an indicator. */
export function MeasurementForm({ indicator, onSaved, onCancel }: Props) {
  const [initial] = useState({ measuredOn: todayIso(), value: '', note: '' });
  const form = useForm(initial);
  const [{ fetching }, record] = useMutation(recordMeasurementMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const p = new FormParser();
    const v = form.values;
    const parsed = p.result({
      indicatorId: indicator.id,
      measuredOn: p.date('measuredOn', v.measuredOn),
      value: p.decimal('value', v.value),
      note: p.optionalText(v.note),
    });
    await submitParsed(
      form,
      parsed,
      (input) => record({ input }),
      () => onSaved(`Måling registreret for ${indicator.name}.`),
    );
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Registrér måling for ${indicator.name}`}>
      <div className="form-grid">
        <TextField label="Dato" type="date" {...form.field('measuredOn')} />
        <TextField label={`Værdi (${indicator.unit})`} inputMode="decimal" {...form.field('value')} />
      </div>
      <TextField label="Note" multiline {...form.field('note')} />
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
