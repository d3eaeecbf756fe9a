import { Link } from 'react-router';
import { formatDate, formatMoney, formatShare } from '../common/format';
import { PLAN_STATUS } from '../common/labels';
import { ProgressBar } from '../common/progress-bar';
import type { PlanData } from './plan-types';
import { DownloadLink } from '../downloads/download-link';

/** The plan's title (h1), its downloads (the workbook, and each sheet as CSV) and its key facts. */
const CSV_TABLES: Array<[string, string]> = [
  ['goals', 'Mål'],
  ['indicators', 'Indikatorer'],
  ['measurements', 'Målinger'],
  ['activities', 'Aktiviteter'],
  ['links', 'Koblinger'],
  ['progress-entries', 'Statusregistreringer'],
];

export function PlanHeader({ plan }: { plan: PlanData }) {
  const { rollup } = plan;
  return (
    <header className="page-head">
      <p className="page-head__kicker">
        Helhedsplan · {plan.municipality.name} Kommune
        {plan.areaSecretariat && (
          <>
            {' · '}
            <Link to={`/omraader/${plan.areaSecretariat.id}`}>{plan.areaSecretariat.name}</Link>
          </>
        )}
      </p>
      <h1 tabIndex={-1}>{plan.title}</h1>
      <div className="page-actions">
        <DownloadLink href={`/exports/plans/${plan.id}.xlsx`} />
        <details className="csv-links">
          <summary>CSV-filer</summary>
          <ul>
            {CSV_TABLES.map(([table, label]) => (
              <li key={table}>
                <DownloadLink href={`/exports/plans/${plan.id}/${table}.csv`}>{`${label} (CSV)`}</DownloadLink>
              </li>
            ))}
          </ul>
        </details>
      </div>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>{PLAN_STATUS[plan.status]}</dd>
        </div>
        <div>
          <dt>Periode</dt>
          <dd>
            {formatDate(plan.startDate)} – {formatDate(plan.endDate)}
          </dd>
        </div>
        <div>
          <dt>Pulje</dt>
          <dd>{plan.pool.name}</dd>
        </div>
        <div>
          <dt>Fremdrift</dt>
          <dd>
            <ProgressBar value={rollup.progress} label="Planens fremdrift" />
          </dd>
        </div>
        <div>
          <dt>Budget / forbrug</dt>
          <dd>
            {formatMoney(rollup.budget)} / {formatMoney(rollup.spent)}
          </dd>
        </div>
        <div>
          <dt>LBF-tilskud / lokal medfinansiering</dt>
          <dd>
            {formatMoney(plan.lbfGrant)} / {formatMoney(plan.localCofinancing)} ({formatShare(rollup.cofinancingShare)})
          </dd>
        </div>
      </dl>
    </header>
  );
}
