import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { todayIso } from '../common/format';
import { ACTIVITY_STATUS, optionsOf } from '../common/labels';
import { newKey } from '../common/new-key';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import type { ActivityStatus } from '../gql/graphql';
import { FormActions } from './form-actions';
import { logProgressMutation } from './plan-mutations.graphql';
import type { PlanActivity } from './plan-types';

interface Props {
  activity: Pick<PlanActivity, 'id' | 'title' | 'status' | 'progress' | 'spent'>;
  onSaved(message: string): void;
  onCancel(): void;
}

/**
 * "Registrér status": a dated statusregistrering. The API validates (dates, 0-100, not negative);
 * its message is shown beside the field it names and everything typed stays in the form.
 */
export function LogProgressForm({ activity, onSaved, onCancel }: Props) {
  const [initial] = useState(() => ({
    reportedOn: todayIso(),
    percentComplete: activity.progress == null ? '' : String(Math.round(activity.progress)),
    status: activity.status === 'PLANNED' ? 'ACTIVE' : activity.status,
    participantsReached: '',
    spent: activity.spent ? String(activity.spent) : '',
    note: '',
  }));
  const form = useForm(initial);
  // One key per opened form: a second click on "Gem" cannot store the entry twice.
  const [idempotencyKey] = useState(newKey);
  const [{ fetching }, logProgress] = useMutation(logProgressMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const p = new FormParser();
    const v = form.values;
    const parsed = p.result({
      activityId: activity.id,
      reportedOn: p.date('reportedOn', v.reportedOn),
      percentComplete: p.integer('percentComplete', v.percentComplete),
      status: v.status as ActivityStatus,
      participantsReached: p.optionalInteger('participantsReached', v.participantsReached),
      spent: p.optionalMoney('spent', v.spent),
      note: p.optionalText(v.note),
      idempotencyKey,
    });
    await submitParsed(
      form,
      parsed,
      (input) => logProgress({ input }),
      (data) => onSaved(`Status registreret for ${activity.title}: ${data.logProgress.percentComplete} % gennemført.`),
    );
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Registrér status for ${activity.title}`}>
      <h3 className="panel-form__title">Registrér status: {activity.title}</h3>
      <div className="form-grid">
        <TextField label="Dato" type="date" {...form.field('reportedOn')} />
        <TextField label="Procent gennemført" inputMode="numeric" hint="0-100" {...form.field('percentComplete')} />
        <SelectField<ActivityStatus>
          label="Status"
          options={optionsOf(ACTIVITY_STATUS)}
          {...form.field('status')}
          value={form.values.status as ActivityStatus}
        />
        <TextField label="Deltagere" inputMode="numeric" hint="Antal nået indtil nu" {...form.field('participantsReached')} />
        <TextField label="Forbrug (kr.)" inputMode="numeric" hint="Samlet forbrug til dato" {...form.field('spent')} />
      </div>
      <TextField label="Note" multiline {...form.field('note')} />
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
