import { lazy, Suspense } from 'react';
import { formatMoney, formatPercent } from '../common/format';
import type { NationalRollupQuery } from '../gql/graphql';

type FocusAreaRow = NationalRollupQuery['nationalRollup']['byFocusArea'][number];
type Unassigned = NationalRollupQuery['nationalRollup']['withoutFocusArea'];

const BarsChart = lazy(() => import('./focus-area-bars'));

/**
 * Progress by focus area: a bar chart for the eye, and the same figures as a table (its text
 * alternative, which screen readers read instead of the chart).
 */
export function FocusAreaChart({ rows, withoutFocusArea }: { rows: readonly FocusAreaRow[]; withoutFocusArea?: Unassigned }) {
  if (rows.length === 0) return <p className="muted">Ingen aktiviteter med indsatsområde endnu.</p>;
  const data = rows.map((r) => ({ name: r.focusArea.name, progress: r.progress ?? 0 }));
  const height = Math.max(120, rows.length * 34 + 40);
  return (
    <figure className="chart" aria-labelledby="fremdrift-indsatsomraade-titel">
      <figcaption id="fremdrift-indsatsomraade-titel">Fremdrift pr. indsatsområde (gennemsnit af aktiviteternes fremdrift, %)</figcaption>
      <div className="chart__canvas" aria-hidden="true">
        <Suspense fallback={<div style={{ height }} />}>
          <BarsChart data={data} height={height} />
        </Suspense>
      </div>
      <div className="table-scroll" role="region" aria-label="Fremdrift pr. indsatsområde, tabel" tabIndex={0}>
        <table className="table table--compact">
          <caption>Fremdrift pr. indsatsområde som tabel</caption>
          <thead>
            <tr>
              <th scope="col">Indsatsområde</th>
              <th scope="col">Pulje</th>
              <th scope="col" className="cell-number">Aktiviteter</th>
              <th scope="col" className="cell-number">Budget</th>
              <th scope="col" className="cell-number">Fremdrift</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.focusArea.id}>
                <th scope="row">{r.focusArea.name}</th>
                <td>{r.focusArea.pool.name}</td>
                <td className="cell-number">{r.activityCount}</td>
                <td className="cell-number">{formatMoney(r.budget)}</td>
                <td className="cell-number">{formatPercent(r.progress)}</td>
              </tr>
            ))}
          </tbody>
          {withoutFocusArea && (
            <tfoot>
              {/* The activities without a focus area, so that the rows add up to the totals. */}
              <tr>
                <th scope="row">Uden indsatsområde</th>
                <td>–</td>
                <td className="cell-number">{withoutFocusArea.activityCount}</td>
                <td className="cell-number">{formatMoney(withoutFocusArea.budget)}</td>
                <td className="cell-number">{formatPercent(withoutFocusArea.progress)}</td>
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </figure>
  );
}
