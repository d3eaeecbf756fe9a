import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { ACTIVITY_STATUS, optionsOf, RESPONSIBLE_PARTY } from '../common/labels';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import type { ActivityStatus, ResponsibleParty } from '../gql/graphql';
import { FormActions } from './form-actions';
import { createActivityMutation } from './plan-mutations.graphql';
import type { PlanData } from './plan-types';

interface Props {
  plan: Pick<PlanData, 'id' | 'pool' | 'startDate' | 'endDate'>;
  onSaved(message: string): void;
  onCancel(): void;
}

/** "Ny aktivitet": concrete work of the plan, with its period and budget. */
export function ActivityForm({ plan, onSaved, onCancel }: Props) {
  const [initial] = useState({
    title: '',
    description: '',
    targetGroup: '',
    responsibleParty: 'JOINT',
    focusAreaId: '',
    startDate: '',
    endDate: plan.endDate,
    budget: '',
    status: 'PLANNED',
  });
  const form = useForm(initial);
  const [{ fetching }, createActivity] = useMutation(createActivityMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const p = new FormParser();
    const parsed = p.result({
      planId: plan.id,
      title: v.title,
      description: p.optionalText(v.description),
      targetGroup: p.optionalText(v.targetGroup),
      responsibleParty: v.responsibleParty as ResponsibleParty,
      focusAreaId: v.focusAreaId || null,
      startDate: p.date('startDate', v.startDate),
      endDate: p.date('endDate', v.endDate),
      budget: p.money('budget', v.budget),
      status: v.status as ActivityStatus,
    });
    await submitParsed(
      form,
      parsed,
      (input) => createActivity({ input }),
      (data) => onSaved(`Aktiviteten "${data.createActivity.title}" er oprettet.`),
    );
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label="Ny aktivitet">
      <div className="form-grid">
        <TextField label="Titel" {...form.field('title')} />
        <TextField label="Målgruppe" {...form.field('targetGroup')} />
        <SelectField<ResponsibleParty>
          label="Ansvarlig"
          options={optionsOf(RESPONSIBLE_PARTY)}
          {...form.field('responsibleParty')}
          value={form.values.responsibleParty as ResponsibleParty}
        />
        <SelectField
          label="Indsatsområde"
          options={plan.pool.focusAreas.map((f) => ({ value: f.id, label: f.name }))}
          emptyLabel="Intet"
          {...form.field('focusAreaId')}
        />
        <TextField label="Startdato" type="date" {...form.field('startDate')} />
        <TextField label="Slutdato" type="date" {...form.field('endDate')} />
        <TextField label="Budget (kr.)" inputMode="numeric" {...form.field('budget')} />
        <SelectField<ActivityStatus>
          label="Status"
          options={optionsOf(ACTIVITY_STATUS)}
          {...form.field('status')}
          value={form.values.status as ActivityStatus}
        />
      </div>
      <TextField label="Beskrivelse" multiline {...form.field('description')} />
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
