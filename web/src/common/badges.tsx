import type { IndicatorStatus, ReportStatus } from '../gql/graphql';
import { INDICATOR_STATUS, REPORT_STATUS } from './labels';

/** Text always carries the meaning; the colour only repeats it. */
export function IndicatorStatusBadge({ status }: { status: IndicatorStatus }) {
  return <span className={`badge badge--${status.toLowerCase().replace('_', '-')}`}>{INDICATOR_STATUS[status]}</span>;
}

export function StaleBadge() {
  return (
    <span className="badge badge--stale" title="Ingen statusregistrering inden for planens rapporteringsinterval">
      Mangler status
    </span>
  );
}

/** The national and area tables' traffic light: a plan that needs attention is red, else green. */
export function TrafficLight({ needsAttention }: { needsAttention: boolean }) {
  return needsAttention ? (
    <span className="light light--red">
      <span className="light__dot" aria-hidden="true" />
      Kræver opmærksomhed
    </span>
  ) : (
    <span className="light light--green">
      <span className="light__dot" aria-hidden="true" />I orden
    </span>
  );
}

/** An annual report's status, and "Forsinket" beside it when it is late. */
export function ReportStatusBadge({ status, isLate }: { status: ReportStatus; isLate?: boolean }) {
  return (
    <>
      <span className={`badge badge--report-${status.toLowerCase()}`}>{REPORT_STATUS[status]}</span>
      {isLate && <span className="badge badge--late">Forsinket</span>}
    </>
  );
}

export function MilestoneBadge({ completedOn, isOverdue }: { completedOn?: string | null; isOverdue: boolean }) {
  if (completedOn) return <span className="badge badge--on-track">Nået</span>;
  if (isOverdue) return <span className="badge badge--off-track">Overskredet</span>;
  return <span className="badge badge--no-data">Kommende</span>;
}
