import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ReportStatusBadge } from '../common/badges';
import { formatDate } from '../common/format';
import type { PlanData } from '../plan/plan-types';
import { Loading } from '../layout/page-state';
import { MilestonesPart } from './milestones-part';
import { planReportingQuery } from './reporting.graphql';

interface Props {
  plan: PlanData;
  editable: boolean;
  onSaved(message: string): void;
}

/** "Årsrapporter": each year of the plan with its status (and whether it is late), then the milestones. */
export function ReportsSection({ plan, editable, onSaved }: Props) {
  const [{ data, error }] = useQuery({ query: planReportingQuery, variables: { id: plan.id } });
  const reporting = data?.plan;
  return (
    <section aria-labelledby="aarsrapporter" className="section">
      <h2 id="aarsrapporter">Årsrapporter</h2>
      {!reporting ? (
        error ? (
          <p role="alert">Årsrapporterne kunne ikke hentes.</p>
        ) : (
          <Loading what="årsrapporterne" />
        )
      ) : (
        <>
          <div className="table-scroll" role="region" aria-label="Årsrapporter, tabel" tabIndex={0}>
            <table className="table table--compact">
              <caption className="visually-hidden">Planens årsrapporter</caption>
              <thead>
                <tr>
                  <th scope="col">År</th>
                  <th scope="col">Status</th>
                  <th scope="col">Frist</th>
                  <th scope="col">Indsendt</th>
                </tr>
              </thead>
              <tbody>
                {reporting.reportingPeriods.map((p) => (
                  <tr key={p.year} id={`aarsrapport-${p.year}`}>
                    <th scope="row">
                      <Link to={`/planer/${plan.id}/aarsrapporter/${p.year}`}>Årsrapport {p.year}</Link>
                    </th>
                    <td>
                      <ReportStatusBadge status={p.status} isLate={p.isLate} />
                    </td>
                    <td>{formatDate(p.dueDate)}</td>
                    <td>{p.submittedAt ? formatDate(p.submittedAt.slice(0, 10)) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <MilestonesPart plan={plan} milestones={reporting.milestones} editable={editable} onSaved={onSaved} />
        </>
      )}
    </section>
  );
}
