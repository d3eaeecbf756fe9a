import { useMemo } from 'react';
import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Loading, PageError } from '../layout/page-state';
import { usePageTitle } from '../layout/page-title';
import { AttentionList } from '../plans-table/attention-list';
import { PlansTable } from '../plans-table/plans-table';
import { lateReportCounts } from '../plans-table/plans-table-model';
import { PortfolioTotals } from '../plans-table/portfolio-totals';
import { areaPageQuery } from './area-page.graphql';
import { AreaCoordination } from '../coordination/area-coordination';
import { DownloadLink } from '../downloads/download-link';

/**
 * /omraader/{id}: an områdesekretariat's plans side by side, then (its own query) the late reports,
 * "Overlap", "Fælles indikatorer", who does what, and the notes with "Ny note" / "Tilføj note".
 */
export function AreaPage() {
  const { areaId = '' } = useParams();
  const [{ data, error }] = useQuery({ query: areaPageQuery, variables: { id: areaId } });
  const area = data?.areaSecretariat;
  usePageTitle(area?.name);
  const attention = useMemo(() => new Set(area?.rollup.plansNeedingAttention.map((p) => p.id)), [area]);
  const late = useMemo(() => lateReportCounts(area?.rollup.lateReports ?? []), [area]);
  if (!area) return error ? <PageError error={error} /> : <Loading what="områdesekretariatet" />;
  return (
    <div className="area-page">
      <header className="page-head">
        <p className="page-head__kicker">Områdesekretariat</p>
        <h1 tabIndex={-1}>{area.name}</h1>
        <div className="page-actions">
          <DownloadLink href={`/exports/area-secretariats/${area.id}.xlsx`} />
        </div>
        <PortfolioTotals totals={area.rollup} label="Områdets planer i alt" />
      </header>
      <section aria-labelledby="planer" className="section">
        <h2 id="planer">Planer</h2>
        <PlansTable rows={area.plans} attention={attention} late={late} />
      </section>
      <section aria-labelledby="opmaerksomhed" className="section">
        <h2 id="opmaerksomhed">Planer der kræver opmærksomhed</h2>
        <AttentionList plans={area.rollup.plansNeedingAttention} rows={area.plans} />
      </section>
      <AreaCoordination areaId={area.id} />
    </div>
  );
}
