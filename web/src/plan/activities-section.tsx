import { useState } from 'react';
import { StaleBadge } from '../common/badges';
import { formatDate, formatShare, formatSpentOfBudget } from '../common/format';
import { ACTIVITY_STATUS, RESPONSIBLE_PARTY } from '../common/labels';
import { ProgressBar } from '../common/progress-bar';
import { ActivityForm } from './activity-form';
import { LinkForm } from './link-form';
import { LogProgressForm } from './log-progress-form';
import type { PlanActivity, PlanData } from './plan-types';
import { ProgressSparkline } from '../charts/progress-sparkline';
import { ActivityHistory } from '../history/activity-history';

interface Props {
  plan: PlanData;
  editable: boolean;
  onSaved(message: string): void;
}

type Open = { kind: 'activity' } | { kind: 'progress' | 'links'; activityId: string } | null;

/** "Aktiviteter": one row per activity, its progress over time, and the editor's forms. */
export function ActivitiesSection({ plan, editable, onSaved }: Props) {
  const [open, setOpen] = useState<Open>(null);
  const close = (focusId?: string) => {
    setOpen(null);
    // Back to the button that opened the form, so the keyboard user keeps their place.
    if (focusId) requestAnimationFrame(() => document.getElementById(focusId)?.focus());
  };
  const columns = editable ? 8 : 7;

  return (
    <section aria-labelledby="aktiviteter" className="section">
      <div className="section__head">
        <h2 id="aktiviteter">Aktiviteter</h2>
        {editable && (
          <button
            type="button"
            className="button"
            aria-expanded={open?.kind === 'activity'}
            onClick={() => setOpen(open?.kind === 'activity' ? null : { kind: 'activity' })}
          >
            Ny aktivitet
          </button>
        )}
      </div>
      {open?.kind === 'activity' && (
        <ActivityForm
          plan={plan}
          onSaved={(m) => {
            close();
            onSaved(m);
          }}
          onCancel={() => close()}
        />
      )}
      {plan.activities.length === 0 ? (
        <p className="muted">Planen har endnu ingen aktiviteter.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Aktiviteter" tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">Planens aktiviteter</caption>
            <thead>
              <tr>
                <th scope="col">Aktivitet</th>
                <th scope="col">Status</th>
                <th scope="col">Fremdrift</th>
                <th scope="col">Forbrug af budget</th>
                <th scope="col">Seneste status</th>
                <th scope="col">Aktuel</th>
                <th scope="col">Udvikling</th>
                {editable && <th scope="col"><span className="visually-hidden">Handlinger</span></th>}
              </tr>
            </thead>
            <tbody>
              {plan.activities.map((activity) => {
                const which = open && open.kind !== 'activity' && open.activityId === activity.id ? open.kind : null;
                const saved = (message: string, focusId: string) => {
                  close(focusId);
                  onSaved(message);
                };
                return (
                  <ActivityRows
                    key={activity.id}
                    activity={activity}
                    editable={editable}
                    columns={columns}
                    which={which}
                    toggle={(kind) => setOpen(which === kind ? null : { kind, activityId: activity.id })}
                    plan={plan}
                    saved={saved}
                    close={close}
                    onSaved={onSaved}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

interface RowProps {
  activity: PlanActivity;
  plan: PlanData;
  editable: boolean;
  columns: number;
  which: 'progress' | 'links' | null;
  toggle(kind: 'progress' | 'links'): void;
  saved(message: string, focusId: string): void;
  close(focusId?: string): void;
  onSaved(message: string): void;
}

function ActivityRows({ activity: a, plan, editable, columns, which, toggle, saved, close, onSaved }: RowProps) {
  const retracted = a.progressEntries.filter((e) => e.retraction).length;
  const progressButton = `registrer-${a.id}`;
  const linksButton = `kobl-${a.id}`;
  return (
    <>
      <tr id={`aktivitet-${a.id}`} className={a.status === 'CANCELLED' ? 'row--cancelled' : undefined}>
        <th scope="row" className="cell-title">
          <span id={`aktivitet-${a.id}-titel`}>{a.title}</span>
          <span className="cell-sub">
            {RESPONSIBLE_PARTY[a.responsibleParty]}
            {a.targetGroup ? ` · ${a.targetGroup}` : ''} · {formatDate(a.startDate)} – {formatDate(a.endDate)}
          </span>
          {a.links.length > 0 ? (
            <span className="cell-sub">Mål: {a.links.map((l) => `${l.goal.title}${a.links.length > 1 ? ` (${formatShare(l.share)})` : ''}`).join('; ')}</span>
          ) : (
            <span className="cell-sub cell-sub--warn">Ikke koblet til et mål</span>
          )}
          {retracted > 0 && <span className="cell-sub">{retracted === 1 ? '1 tilbagekaldt statusregistrering' : `${retracted} tilbagekaldte statusregistreringer`}</span>}
          <ActivityHistory activityId={a.id} title={a.title} editable={editable} onSaved={onSaved} />
        </th>
        <td>{ACTIVITY_STATUS[a.status]}</td>
        <td>
          <ProgressBar value={a.progress} label={`Fremdrift for ${a.title}`} />
        </td>
        <td className="cell-money">{formatSpentOfBudget(a.spent, a.budget)}</td>
        <td>{a.latestProgress ? `${formatDate(a.latestProgress.reportedOn)}: ${a.latestProgress.percentComplete} %` : 'Ingen endnu'}</td>
        <td>{a.isStale ? <StaleBadge /> : <span className="muted">Ja</span>}</td>
        <td>
          <ProgressSparkline entries={a.progressEntries.filter((e) => !e.retraction)} />
        </td>
        {editable && (
          <td>
            <div className="cell-actions">
              {a.status !== 'CANCELLED' && (
                <button
                  type="button"
                  id={progressButton}
                  className="button button--small button--primary"
                  aria-expanded={which === 'progress'}
                  aria-describedby={`aktivitet-${a.id}-titel`}
                  onClick={() => toggle('progress')}
                >
                  Registrér status
                </button>
              )}
              <button
                type="button"
                id={linksButton}
                className="button button--small"
                aria-expanded={which === 'links'}
                aria-describedby={`aktivitet-${a.id}-titel`}
                onClick={() => toggle('links')}
              >
                Kobl til mål
              </button>
            </div>
          </td>
        )}
      </tr>
      {which && (
        <tr className="row-form">
          <td colSpan={columns}>
            {which === 'progress' ? (
              <LogProgressForm activity={a} onSaved={(m) => saved(m, progressButton)} onCancel={() => close(progressButton)} />
            ) : (
              <LinkForm plan={plan} activity={a} onSaved={(m) => saved(m, linksButton)} onCancel={() => close(linksButton)} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
