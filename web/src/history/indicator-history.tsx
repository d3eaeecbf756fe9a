import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { formatDate, formatNumber } from '../common/format';
import { indicatorHistoryQuery, retractMeasurementMutation } from './history.graphql';
import { RetractForm } from './retract-form';
import { describeRevision } from './revisions';

interface Props {
  goalId: string;
  indicatorId: string;
  name: string;
  editable: boolean;
  onSaved(message: string): void;
}

/** An indicator's measurements (retracted ones kept, with why) and its revisions, opened on demand. */
export function IndicatorHistory(props: Props) {
  const [open, setOpen] = useState(false);
  return (
    <details className="history-toggle" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Målinger og ændringer</summary>
      {open && <History {...props} />}
    </details>
  );
}

function History({ goalId, indicatorId, name, editable, onSaved }: Props) {
  const [{ data, error }] = useQuery({ query: indicatorHistoryQuery, variables: { goalId } });
  const [, retract] = useMutation(retractMeasurementMutation);
  const [retracting, setRetracting] = useState<string | null>(null);
  if (!data) return error ? <p role="alert">Historikken kunne ikke hentes.</p> : <p className="muted">Henter …</p>;
  const indicator = data.goal.indicators.find((i) => i.id === indicatorId);
  if (!indicator) return <p className="muted">Indikatoren findes ikke længere.</p>;
  const measurements = [...indicator.measurements].reverse();
  return (
    <div className="history-body">
      <h4 className="history-body__title">Målinger</h4>
      {measurements.length === 0 ? (
        <p className="muted">Ingen målinger endnu.</p>
      ) : (
        <ol className="entries" aria-label={`Målinger af ${name}`}>
          {measurements.map((m) => {
            const label = `målingen ${formatDate(m.measuredOn)} (${formatNumber(m.value)})`;
            return (
              <li key={m.id} className={m.retraction ? 'entry entry--retracted' : 'entry'}>
                <span className="entry__figures">
                  {formatDate(m.measuredOn)}: {formatNumber(m.value)} <span className="muted">({m.recordedBy.name})</span>
                </span>
                {m.note && <span className="cell-sub">{m.note}</span>}
                {m.retraction ? (
                  <span className="cell-sub entry__retraction">
                    Tilbagekaldt {formatDate(m.retraction.at.slice(0, 10))} af {m.retraction.by.name}: {m.retraction.reason}
                  </span>
                ) : (
                  editable &&
                  retracting !== m.id && (
                    <button type="button" className="button button--small" aria-label={`Tilbagekald ${label}`} onClick={() => setRetracting(m.id)}>
                      Tilbagekald
                    </button>
                  )
                )}
                {retracting === m.id && (
                  <RetractForm
                    what={label}
                    send={(reason) => retract({ id: m.id, reason })}
                    onDone={() => {
                      setRetracting(null);
                      onSaved(`Målingen ${formatDate(m.measuredOn)} er tilbagekaldt.`);
                    }}
                    onCancel={() => setRetracting(null)}
                  />
                )}
              </li>
            );
          })}
        </ol>
      )}
      <h4 className="history-body__title">Ændringer af indikatoren</h4>
      {indicator.revisions.length === 0 ? (
        <p className="muted">Indikatoren er ikke ændret.</p>
      ) : (
        <ol className="entries" aria-label={`Ændringer af ${name}`}>
          {indicator.revisions.map((r, i) => (
            <li key={i} className="entry">
              <span className="entry__figures">
                {formatDate(r.at.slice(0, 10))}: {describeRevision(r.before, r.after)} <span className="muted">({r.by.name})</span>
              </span>
              <span className="cell-sub">Begrundelse: {r.reason}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
