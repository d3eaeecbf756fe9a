import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { GOAL_KIND, optionsOf } from '../common/labels';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import type { GoalKind } from '../gql/graphql';
import { FormActions } from './form-actions';
import { goalOptions } from './goal-tree';
import { createGoalMutation } from './plan-mutations.graphql';
import type { PlanData } from './plan-types';

interface Props {
  plan: Pick<PlanData, 'id' | 'goals' | 'pool'>;
  onSaved(message: string): void;
  onCancel(): void;
}

/** "Nyt mål": a formål at the top, or an effektmål/delmål under another goal. */
export function GoalForm({ plan, onSaved, onCancel }: Props) {
  const [initial] = useState({ kind: plan.goals.length ? 'EFFECT' : 'OVERALL', parentId: '', title: '', description: '', focusAreaId: '' });
  const form = useForm(initial);
  const [{ fetching }, createGoal] = useMutation(createGoalMutation);
  const parents = goalOptions(plan.goals);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const p = new FormParser();
    const parsed = p.result({
      planId: plan.id,
      kind: v.kind as GoalKind,
      parentId: v.parentId || null,
      title: v.title,
      description: p.optionalText(v.description),
      focusAreaId: v.focusAreaId || null,
    });
    await submitParsed(
      form,
      parsed,
      (input) => createGoal({ input }),
      (data) => onSaved(`Målet "${data.createGoal.title}" er oprettet.`),
    );
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label="Nyt mål">
      <div className="form-grid">
        <SelectField<GoalKind> label="Type" options={optionsOf(GOAL_KIND)} {...form.field('kind')} value={form.values.kind as GoalKind} />
        <SelectField label="Placeres under" options={parents} emptyLabel="Øverst (formål)" {...form.field('parentId')} />
        <TextField label="Titel" {...form.field('title')} />
        <SelectField
          label="Indsatsområde"
          options={plan.pool.focusAreas.map((f) => ({ value: f.id, label: f.name }))}
          emptyLabel="Intet"
          {...form.field('focusAreaId')}
        />
      </div>
      <TextField label="Beskrivelse" multiline {...form.field('description')} />
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
