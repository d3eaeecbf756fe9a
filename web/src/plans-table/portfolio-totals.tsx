import { formatMoney } from '../common/format';
import { ProgressBar } from '../common/progress-bar';

interface Totals {
  planCount: number;
  activityCount: number;
  lbfGrant: number;
  localCofinancing: number;
  budget: number;
  spent: number;
  progress?: number | null;
}

/** A portfolio's totals (an area secretariat's plans, or every plan) as key figures. */
export function PortfolioTotals({ totals, label }: { totals: Totals; label: string }) {
  return (
    <dl className="totals" aria-label={label}>
      <div>
        <dt>Planer</dt>
        <dd>{totals.planCount}</dd>
      </div>
      <div>
        <dt>Aktiviteter</dt>
        <dd>{totals.activityCount}</dd>
      </div>
      <div>
        <dt>Fremdrift</dt>
        <dd>
          <ProgressBar value={totals.progress} label={`Fremdrift, ${label.toLowerCase()}`} />
        </dd>
      </div>
      <div>
        <dt>LBF-tilskud</dt>
        <dd>{formatMoney(totals.lbfGrant)}</dd>
      </div>
      <div>
        <dt>Lokal medfinansiering</dt>
        <dd>{formatMoney(totals.localCofinancing)}</dd>
      </div>
      <div>
        <dt>Budget</dt>
        <dd>{formatMoney(totals.budget)}</dd>
      </div>
      <div>
        <dt>Forbrug</dt>
        <dd>{formatMoney(totals.spent)}</dd>
      </div>
    </dl>
  );
}
