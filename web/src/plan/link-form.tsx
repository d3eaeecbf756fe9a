import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { formatShare } from '../common/format';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import { formErrorsOf } from '../graphql/api-errors';
import { FormActions } from './form-actions';
import { goalOptions } from './goal-tree';
import { linkActivityMutation, unlinkActivityMutation } from './plan-mutations.graphql';
import type { PlanActivity, PlanData } from './plan-types';

interface Props {
  plan: Pick<PlanData, 'goals'>;
  activity: Pick<PlanActivity, 'id' | 'title' | 'links'>;
  onSaved(message: string): void;
  onCancel(): void;
}

/** "Kobl til mål": which goals an activity serves (weights split it between them), and unlinking. */
export function LinkForm({ plan, activity, onSaved, onCancel }: Props) {
  const [initial] = useState({ goalId: '', weight: '1', rationale: '' });
  const form = useForm(initial);
  const [{ fetching }, link] = useMutation(linkActivityMutation);
  const [{ fetching: unlinking }, unlink] = useMutation(unlinkActivityMutation);
  const linked = new Set(activity.links.map((l) => l.goal.id));
  const goals = goalOptions(plan.goals, linked);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const p = new FormParser();
    if (!v.goalId) p.errors.goalId = 'Vælg et mål.';
    const parsed = p.result({
      activityId: activity.id,
      goalId: v.goalId,
      weight: p.decimal('weight', v.weight),
      rationale: p.optionalText(v.rationale),
    });
    await submitParsed(
      form,
      parsed,
      (input) => link({ input }),
      () => onSaved(`${activity.title} er koblet til målet.`),
    );
  }

  async function remove(goalId: string, title: string) {
    // A Boolean answer holds no typename: say which results it changes, so the page refetches.
    const result = await unlink({ activityId: activity.id, goalId }, { additionalTypenames: ['ActivityGoalLink', 'Activity'] });
    if (result.error) return form.setErrors(formErrorsOf(result.error));
    onSaved(`Koblingen til "${title}" er fjernet.`);
  }

  return (
    <div className="panel-form">
      <h3 className="panel-form__title">Koblinger: {activity.title}</h3>
      {activity.links.length > 0 && (
        <ul className="link-list">
          {activity.links.map((l) => (
            <li key={l.goal.id}>
              <span>
                {l.goal.title} <span className="muted">(vægt {l.weight}, andel {formatShare(l.share)})</span>
              </span>
              <button type="button" className="button button--small" disabled={unlinking} onClick={() => remove(l.goal.id, l.goal.title)}>
                Fjern kobling til {l.goal.title}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} noValidate aria-label={`Kobl ${activity.title} til et mål`}>
        <div className="form-grid">
          <SelectField label="Mål" options={goals} emptyLabel="Vælg mål" {...form.field('goalId')} />
          <TextField label="Vægt" inputMode="decimal" hint="Fordeler aktiviteten mellem dens mål" {...form.field('weight')} />
        </div>
        <TextField label="Begrundelse" multiline {...form.field('rationale')} />
        <FormAlert message={form.errors.form} />
        <FormActions busy={fetching} onCancel={onCancel} submitLabel="Kobl" />
      </form>
    </div>
  );
}
