import { useMemo } from 'react';
import { useQuery } from 'urql';
import { canReadNational } from '../auth/permissions';
import { useUser } from '../auth/session';
import { Loading, PageError } from '../layout/page-state';
import { usePageTitle } from '../layout/page-title';
import { AttentionList } from '../plans-table/attention-list';
import { PlansTable } from '../plans-table/plans-table';
import { lateReportCounts } from '../plans-table/plans-table-model';
import { PortfolioTotals } from '../plans-table/portfolio-totals';
import { FocusAreaChart } from '../charts/focus-area-chart';
import { nationalRollupQuery } from './national-page.graphql';
import { useAllPlans } from './use-all-plans';
import { DownloadLink } from '../downloads/download-link';
import { LateReports } from '../reporting/late-reports';

/**
 * /national, for LBF and ADMIN: the totals, progress by focus area, every plan in a sortable and
 * filterable table with a traffic light, the plans needing attention and the late annual reports.
 */
export function NationalPage() {
  const user = useUser();
  usePageTitle('Nationalt overblik');
  if (!canReadNational(user)) {
    return (
      <>
        <h1 tabIndex={-1}>Nationalt overblik</h1>
        <p role="alert">Det nationale overblik er for Landsbyggefonden og administratorer.</p>
      </>
    );
  }
  return <National />;
}

function National() {
  const [{ data, error }] = useQuery({ query: nationalRollupQuery });
  const plans = useAllPlans();
  const rollup = data?.nationalRollup;
  const attention = useMemo(() => new Set(rollup?.plansNeedingAttention.map((p) => p.id)), [rollup]);
  const late = useMemo(() => lateReportCounts(rollup?.lateReports ?? []), [rollup]);
  if (!rollup) return error ? <PageError error={error} /> : <Loading what="det nationale overblik" />;
  return (
    <div className="national-page">
      <header className="page-head">
        <p className="page-head__kicker">Landsbyggefonden</p>
        <h1 tabIndex={-1}>Nationalt overblik</h1>
        <div className="page-actions">
          <DownloadLink href="/exports/national.xlsx" />
        </div>
        <PortfolioTotals totals={rollup} label="Alle planer i alt" />
      </header>
      <section aria-labelledby="indsatsomraader" className="section">
        <h2 id="indsatsomraader">Fremdrift pr. indsatsområde</h2>
        <FocusAreaChart rows={rollup.byFocusArea} withoutFocusArea={rollup.withoutFocusArea} />
      </section>
      <section aria-labelledby="planer" className="section">
        <h2 id="planer">Planer</h2>
        {plans.rows ? (
          <PlansTable rows={plans.rows} attention={attention} filterable late={late} />
        ) : plans.error ? (
          <PageError error={plans.error} />
        ) : (
          <Loading what="planerne" />
        )}
      </section>
      <section aria-labelledby="opmaerksomhed" className="section">
        <h2 id="opmaerksomhed">Planer der kræver opmærksomhed</h2>
        <AttentionList plans={rollup.plansNeedingAttention} rows={plans.rows ?? []} />
      </section>
      <section aria-labelledby="forsinkede" className="section">
        <h2 id="forsinkede">Forsinkede årsrapporter</h2>
        <LateReports periods={rollup.lateReports} />
      </section>
    </div>
  );
}
