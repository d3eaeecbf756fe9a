import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDate, formatMoney } from '../common/format';
import { ACTIVITY_STATUS } from '../common/labels';
import { activityHistoryQuery, retractProgressEntryMutation } from './history.graphql';
import { RetractForm } from './retract-form';

/**
 * An activity's statusregistreringer, newest first, opened on demand (its own query). Retracted entries
 * stay listed, struck through, with who retracted them and why; the plan's editors may retract one.
 */
export function ActivityHistory({ activityId, title, editable, onSaved }: { activityId: string; title: string; editable: boolean; onSaved(m: string): void }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="history-toggle" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Statusregistreringer</summary>
      {open && <Entries activityId={activityId} title={title} editable={editable} onSaved={onSaved} />}
    </details>
  );
}

function Entries({ activityId, title, editable, onSaved }: { activityId: string; title: string; editable: boolean; onSaved(m: string): void }) {
  const [{ data, error }] = useQuery({ query: activityHistoryQuery, variables: { id: activityId } });
  const [, retract] = useMutation(retractProgressEntryMutation);
  const [retracting, setRetracting] = useState<string | null>(null);
  if (!data) return error ? <p role="alert">Registreringerne kunne ikke hentes.</p> : <p className="muted">Henter …</p>;
  const entries = [...data.activity.progressEntries].reverse();
  if (entries.length === 0) return <p className="muted">Ingen statusregistreringer endnu.</p>;
  return (
    <ol className="entries" aria-label={`Statusregistreringer for ${title}`}>
      {entries.map((e) => {
        const label = `statusregistreringen ${formatDate(e.reportedOn)} (${e.percentComplete} %)`;
        return (
          <li key={e.id} className={e.retraction ? 'entry entry--retracted' : 'entry'}>
            <span className="entry__figures">
              {formatDate(e.reportedOn)}: {e.percentComplete} %, {ACTIVITY_STATUS[e.status].toLowerCase()}
              {e.spent != null ? `, forbrug ${formatMoney(e.spent)}` : ''} <span className="muted">({e.loggedBy.name})</span>
            </span>
            {e.note && <span className="cell-sub">{e.note}</span>}
            {e.retraction ? (
              <span className="cell-sub entry__retraction">
                Tilbagekaldt {formatDate(e.retraction.at.slice(0, 10))} af {e.retraction.by.name}: {e.retraction.reason}
              </span>
            ) : (
              editable &&
              retracting !== e.id && (
                <button type="button" className="button button--small" aria-label={`Tilbagekald ${label}`} onClick={() => setRetracting(e.id)}>
                  Tilbagekald
                </button>
              )
            )}
            {retracting === e.id && (
              <RetractForm
                what={label}
                send={(reason) => retract({ id: e.id, reason })}
                onDone={() => {
                  setRetracting(null);
                  onSaved(`Statusregistreringen ${formatDate(e.reportedOn)} er tilbagekaldt.`);
                }}
                onCancel={() => setRetracting(null)}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}
