import { type FormEvent, useState } from 'react';
import { useMutation } from 'urql';
import { MilestoneBadge } from '../common/badges';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { formatDate, todayIso } from '../common/format';
import { FormParser, submitParsed, useForm } from '../common/use-form';
import type { PlanReportingQuery } from '../gql/graphql';
import { FormActions } from '../plan/form-actions';
import { goalOptions } from '../plan/goal-tree';
import type { PlanData } from '../plan/plan-types';
import { completeMilestoneMutation, createMilestoneMutation } from './reporting.graphql';

type Milestone = PlanReportingQuery['plan']['milestones'][number];

interface Props {
  plan: PlanData;
  milestones: readonly Milestone[];
  editable: boolean;
  onSaved(message: string): void;
}

/** "Milepæle" inside "Årsrapporter": the milestone plan, overdue ones marked; editors add and complete. */
export function MilestonesPart({ plan, milestones, editable, onSaved }: Props) {
  const [open, setOpen] = useState<'new' | string | null>(null);
  const close = (focusId?: string) => {
    setOpen(null);
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };
  return (
    <div className="subsection">
      <div className="section__head">
        <h3 id="milepaele">Milepæle</h3>
        {editable && (
          <button type="button" id="ny-milepael" className="button" aria-expanded={open === 'new'} onClick={() => setOpen(open === 'new' ? null : 'new')}>
            Ny milepæl
          </button>
        )}
      </div>
      {open === 'new' && (
        <MilestoneForm
          plan={plan}
          onSaved={(m) => {
            close('ny-milepael');
            onSaved(m);
          }}
          onCancel={() => close('ny-milepael')}
        />
      )}
      {milestones.length === 0 ? (
        <p className="muted">Planen har endnu ingen milepæle.</p>
      ) : (
        <ul className="milestones" aria-labelledby="milepaele">
          {milestones.map((m) => (
            <li key={m.id} id={`milepael-${m.id}`} className={m.isOverdue ? 'milestone milestone--overdue' : 'milestone'}>
              <div className="milestone__line">
                <MilestoneBadge completedOn={m.completedOn} isOverdue={m.isOverdue} />
                <strong id={`milepael-${m.id}-titel`}>{m.title}</strong>
                <span className="muted">
                  frist {formatDate(m.dueDate)}
                  {m.completedOn ? `, nået ${formatDate(m.completedOn)}` : ''}
                  {m.activity ? ` · aktivitet: ${m.activity.title}` : ''}
                  {m.goal ? ` · mål: ${m.goal.title}` : ''}
                </span>
                {editable && !m.completedOn && (
                  <button
                    type="button"
                    id={`naa-${m.id}`}
                    className="button button--small"
                    aria-expanded={open === m.id}
                    aria-describedby={`milepael-${m.id}-titel`}
                    onClick={() => setOpen(open === m.id ? null : m.id)}
                  >
                    Markér som nået
                  </button>
                )}
              </div>
              {open === m.id && (
                <CompleteForm
                  milestone={m}
                  onSaved={(message) => {
                    close();
                    onSaved(message);
                  }}
                  onCancel={() => close(`naa-${m.id}`)}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function MilestoneForm({ plan, onSaved, onCancel }: { plan: PlanData; onSaved(m: string): void; onCancel(): void }) {
  const [initial] = useState({ title: '', dueDate: '', activityId: '', goalId: '' });
  const form = useForm(initial);
  const [{ fetching }, create] = useMutation(createMilestoneMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const v = form.values;
    const p = new FormParser();
    const parsed = p.result({
      planId: plan.id,
      title: v.title,
      dueDate: p.date('dueDate', v.dueDate),
      activityId: v.activityId || null,
      goalId: v.goalId || null,
    });
    await submitParsed(form, parsed, (input) => create({ input }), (data) => onSaved(`Milepælen "${data.createMilestone.title}" er oprettet.`));
  }
  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label="Ny milepæl">
      <div className="form-grid">
        <TextField label="Titel" {...form.field('title')} />
        <TextField label="Frist" type="date" {...form.field('dueDate')} />
        <SelectField label="Aktivitet" options={plan.activities.map((a) => ({ value: a.id, label: a.title }))} emptyLabel="Ingen" {...form.field('activityId')} />
        <SelectField label="Mål" options={goalOptions(plan.goals)} emptyLabel="Intet" {...form.field('goalId')} />
      </div>
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}

function CompleteForm({ milestone, onSaved, onCancel }: { milestone: Milestone; onSaved(m: string): void; onCancel(): void }) {
  const [initial] = useState({ completedOn: todayIso() });
  const form = useForm(initial);
  const [{ fetching }, complete] = useMutation(completeMilestoneMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const p = new FormParser();
    const parsed = p.result({ id: milestone.id, completedOn: p.date('completedOn', form.values.completedOn) });
    await submitParsed(form, parsed, (vars) => complete(vars), () => onSaved(`Milepælen "${milestone.title}" er nået.`));
  }
  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Markér ${milestone.title} som nået`}>
      <TextField label="Nået den" type="date" {...form.field('completedOn')} />
      <FormAlert message={form.errors.form} />
      <FormActions busy={fetching} onCancel={onCancel} />
    </form>
  );
}
