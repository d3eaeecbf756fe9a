import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, TextField } from '../common/form-field';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import { FormActions } from '../plan/form-actions';
import type { PlanIndicator } from '../plan/plan-types';
import { updateIndicatorMutation } from './history.graphql';

const decimalText = (n: number | null | undefined) => (n == null ? '' : String(n).replace('.', ','));

/**
 * "Ret indikator": a changed name, unit, baseline or target, always with a reason ("Begrundelse"), which
 * the API keeps in the indicator's revisions. Only the fields changed here are sent; the direction is fixed.
 */
export function IndicatorEditForm({ indicator, onSaved, onCancel }: { indicator: PlanIndicator; onSaved(m: string): void; onCancel(): void }) {
  const [initial] = useState({
    name: indicator.name,
    unit: indicator.unit,
    baseline: decimalText(indicator.baseline),
    target: decimalText(indicator.target),
    targetDate: indicator.targetDate,
    reason: '',
  });
  const form = useForm(initial);
  const [{ fetching }, update] = useMutation(updateIndicatorMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const p = new FormParser();
    const changed = (name: keyof typeof initial) => v[name].trim() !== initial[name].trim();
    const parsed = p.result({
      id: indicator.id,
      reason: v.reason,
      ...(changed('name') ? { name: v.name } : {}),
      ...(changed('unit') ? { unit: v.unit } : {}),
      ...(changed('baseline') ? { baseline: p.decimal('baseline', v.baseline) } : {}),
      ...(changed('target') ? { target: p.decimal('target', v.target) } : {}),
      ...(changed('targetDate') ? { targetDate: p.date('targetDate', v.targetDate) } : {}),
    });
    await submitParsed(form, parsed, (input) => update({ input }), (data) => onSaved(`Indikatoren "${data.updateIndicator.name}" er rettet.`));
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Ret indikatoren ${indicator.name}`}>
      <div className="form-grid">
        <TextField label="Navn" {...form.field('name')} />
        <TextField label="Enhed" {...form.field('unit')} />
        <TextField label="Baseline" inputMode="decimal" {...form.field('baseline')} />
        <TextField label="Målværdi" inputMode="decimal" {...form.field('target')} />
        <TextField label="Måldato" type="date" {...form.field('targetDate')} />
      </div>
      <TextField label="Begrundelse" multiline hint="Hvorfor ændres indikatoren? Begrundelsen gemmes i indikatorens historik." {...form.field('reason')} />
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
