import { Link } from 'react-router';
import { formatDate } from '../common/format';
import { REPORT_STATUS } from '../common/labels';
import type { ReportStatus } from '../gql/graphql';

interface LatePeriod {
  year: number;
  dueDate: string;
  status: ReportStatus;
  plan: { id: string; title: string };
}

/** "Forsinkede årsrapporter": open or returned reports past their due date, as the roll-up lists them. */
export function LateReports({ periods }: { periods: readonly LatePeriod[] }) {
  if (periods.length === 0) return <p className="ok-note">Ingen forsinkede årsrapporter.</p>;
  return (
    <ul className="attention-list">
      {periods.map((p) => (
        <li key={`${p.plan.id}-${p.year}`}>
          <Link to={`/planer/${p.plan.id}/aarsrapporter/${p.year}`}>
            {p.plan.title}: årsrapport {p.year}
          </Link>
          <span className="muted">
            {' '}
            ({REPORT_STATUS[p.status].toLowerCase()}, frist {formatDate(p.dueDate)})
          </span>
        </li>
      ))}
    </ul>
  );
}
