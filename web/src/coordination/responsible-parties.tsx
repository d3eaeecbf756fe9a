import { formatMoney, formatPercent } from '../common/format';
import { RESPONSIBLE_PARTY } from '../common/labels';
import type { ResponsiblePartiesFragment } from '../gql/graphql';

/** Who does what: the non-cancelled activities by responsible party, with money, progress and stale count. */
export function ResponsiblePartiesTable({ rows, caption }: { rows: readonly ResponsiblePartiesFragment[]; caption: string }) {
  if (rows.length === 0) return <p className="muted">Ingen aktiviteter endnu.</p>;
  return (
    <div className="table-scroll" role="region" aria-label="Ansvarlige parter, tabel" tabIndex={0}>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Ansvarlig</th>
            <th scope="col" className="cell-number">Aktiviteter</th>
            <th scope="col" className="cell-number">Budget</th>
            <th scope="col" className="cell-number">Forbrug</th>
            <th scope="col" className="cell-number">Fremdrift</th>
            <th scope="col" className="cell-number">Mangler status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.responsibleParty}>
              <th scope="row">{RESPONSIBLE_PARTY[r.responsibleParty]}</th>
              <td className="cell-number">{r.activityCount}</td>
              <td className="cell-number">{formatMoney(r.budget)}</td>
              <td className="cell-number">{formatMoney(r.spent)}</td>
              <td className="cell-number">{formatPercent(r.progress)}</td>
              <td className="cell-number">{r.staleCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
