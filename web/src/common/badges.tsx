import type { IndicatorStatus } from '../gql/graphql';
import { INDICATOR_STATUS } from './labels';

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
