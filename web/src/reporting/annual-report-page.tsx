import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { canReviewReports, canSubmitReport } from '../auth/permissions';
import { useUser } from '../auth/session';
import { useAnnounce } from '../common/announcer';
import { IndicatorStatusBadge, MilestoneBadge, ReportStatusBadge } from '../common/badges';
import { formatDate, formatMoney, formatNumber, formatPercent, formatShare, todayIso } from '../common/format';
import { REPORT_ACTION, RESPONSIBLE_PARTY } from '../common/labels';
import { DownloadLink } from '../downloads/download-link';
import type { AnnualReportPageQuery } from '../gql/graphql';
import { Loading, PageError } from '../layout/page-state';
import { usePageTitle } from '../layout/page-title';
import { annualReportQuery } from './reporting.graphql';
import { ReviewForm, SubmitForm } from './report-forms';

export type AnnualReportData = AnnualReportPageQuery['annualReport'];

/**
 * /planer/{id}/aarsrapporter/{year}: the report's tables (målopfyldelse, activities, finances, next
 * year's milestones), its history, and what the person may do with it: the plan's project secretariat
 * (and ADMIN) "Indsend" with comments once the year has ended; LBF (and ADMIN) "Godkend" / "Send tilbage".
 */
export function AnnualReportPage() {
  const { planId = '', year = '' } = useParams();
  const user = useUser();
  const announce = useAnnounce();
  const yearNumber = Number(year);
  const valid = /^\d{4}$/.test(year);
  const [{ data, error }] = useQuery({ query: annualReportQuery, variables: { planId, year: yearNumber }, pause: !valid });
  usePageTitle(data ? `Årsrapport ${year} · ${data.annualReport.period.plan.title}` : `Årsrapport ${year}`);
  if (!valid) return <NotAYear />;
  if (!data) return error ? <PageError error={error} /> : <Loading what="årsrapporten" />;
  const report = data.annualReport;
  const { period } = report;
  const ended = todayIso() > period.endDate;
  const maySubmit = canSubmitReport(user, period.plan.id) && (period.status === 'OPEN' || period.status === 'RETURNED');
  const mayReview = canReviewReports(user) && (period.status === 'SUBMITTED' || period.status === 'APPROVED');

  return (
    <div className="report-page">
      <header className="page-head">
        <p className="page-head__kicker">
          Årsrapport · <Link to={`/planer/${period.plan.id}`}>{period.plan.title}</Link>
        </p>
        <h1 tabIndex={-1}>Årsrapport {period.year}</h1>
        <div className="page-actions">
          <DownloadLink href={`/exports/plans/${period.plan.id}/annual-reports/${period.year}.xlsx`} />
        </div>
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <ReportStatusBadge status={period.status} isLate={period.isLate} />
            </dd>
          </div>
          <div>
            <dt>Periode</dt>
            <dd>
              {formatDate(period.startDate)} – {formatDate(period.endDate)}
            </dd>
          </div>
          <div>
            <dt>Frist</dt>
            <dd>{formatDate(period.dueDate)}</dd>
          </div>
          <div>
            <dt>Indsendt</dt>
            <dd>{period.submittedAt ? `${formatDate(period.submittedAt.slice(0, 10))} af ${period.submittedBy?.name ?? 'ukendt'}` : 'Ikke indsendt'}</dd>
          </div>
          <div>
            <dt>Opgjort pr.</dt>
            <dd>{formatDate(report.asOf)}</dd>
          </div>
        </dl>
      </header>

      {maySubmit && (
        <section aria-labelledby="indsend" className="section">
          <h2 id="indsend">Indsend årsrapporten</h2>
          {ended ? (
            <SubmitForm report={report} onSaved={announce} />
          ) : (
            <p className="muted">Rapporten kan indsendes, når året er slut (efter {formatDate(period.endDate)}).</p>
          )}
        </section>
      )}
      {mayReview && (
        <section aria-labelledby="behandl" className="section">
          <h2 id="behandl">Behandl årsrapporten</h2>
          <ReviewForm report={report} onSaved={announce} />
        </section>
      )}

      <section aria-labelledby="kommentar" className="section">
        <h2 id="kommentar">Sekretariatets kommentar</h2>
        <p>{report.comment ?? <span className="muted">Ingen kommentar.</span>}</p>
      </section>

      <IndicatorsTable report={report} />
      <ActivitiesTable report={report} />
      <Finances report={report} />

      <section aria-labelledby="milepaelsplan" className="section">
        <h2 id="milepaelsplan">Milepælsplan for {period.year + 1}</h2>
        {report.milestones.length === 0 ? (
          <p className="muted">Ingen milepæle i {period.year + 1}.</p>
        ) : (
          <ul className="milestones">
            {report.milestones.map((m) => (
              <li key={m.id} className="milestone">
                <div className="milestone__line">
                  <MilestoneBadge completedOn={m.completedOn} isOverdue={m.isOverdue} />
                  <strong>{m.title}</strong>
                  <span className="muted">frist {formatDate(m.dueDate)}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="historik" className="section">
        <h2 id="historik">Historik</h2>
        {period.events.length === 0 ? (
          <p className="muted">Rapporten er endnu ikke indsendt.</p>
        ) : (
          <ol className="history">
            {period.events.map((e, i) => (
              <li key={i}>
                <strong>{REPORT_ACTION[e.action]}</strong> {formatDate(e.at.slice(0, 10))} af {e.by.name}
                {e.comment && <q className="history__comment">{e.comment}</q>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function NotAYear() {
  usePageTitle('Ikke fundet');
  return (
    <>
      <h1 tabIndex={-1}>Siden findes ikke</h1>
      <p>Et år skrives med fire cifre, fx /aarsrapporter/2025.</p>
    </>
  );
}

function IndicatorsTable({ report }: { report: AnnualReportData }) {
  return (
    <section aria-labelledby="maalopfyldelse" className="section">
      <h2 id="maalopfyldelse">Målopfyldelse</h2>
      {report.indicators.length === 0 ? (
        <p className="muted">Planen har ingen indikatorer.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Målopfyldelse, tabel" tabIndex={0}>
          <table className="table table--compact">
            <caption className="visually-hidden">Målopfyldelse pr. indikator</caption>
            <thead>
              <tr>
                <th scope="col">Indikator</th>
                <th scope="col">Mål</th>
                <th scope="col">Baseline → mål</th>
                <th scope="col">Måling</th>
                <th scope="col">Målopfyldelse</th>
                <th scope="col">Status</th>
                <th scope="col">Kommentar</th>
              </tr>
            </thead>
            <tbody>
              {report.indicators.map((r) => (
                <tr key={r.indicator.id}>
                  <th scope="row" className="cell-title">
                    {r.name} <span className="muted">({r.unit})</span>
                  </th>
                  <td>{r.goal.title}</td>
                  <td>
                    {formatNumber(r.baseline)} → {formatNumber(r.target)} <span className="muted">({formatDate(r.targetDate)})</span>
                  </td>
                  <td>{r.value == null ? '–' : `${formatNumber(r.value)} (${formatDate(r.measuredOn)})`}</td>
                  <td>{formatShare(r.attainment)}</td>
                  <td>
                    <IndicatorStatusBadge status={r.status} />
                  </td>
                  <td>{r.comment ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ActivitiesTable({ report }: { report: AnnualReportData }) {
  return (
    <section aria-labelledby="rapport-aktiviteter" className="section">
      <h2 id="rapport-aktiviteter">Aktiviteter</h2>
      <div className="table-scroll" role="region" aria-label="Aktiviteter i årsrapporten, tabel" tabIndex={0}>
        <table className="table table--compact">
          <caption className="visually-hidden">Aktiviteterne i året</caption>
          <thead>
            <tr>
              <th scope="col">Aktivitet</th>
              <th scope="col">Ansvarlig</th>
              <th scope="col" className="cell-number">Fremdrift</th>
              <th scope="col" className="cell-number">Budget</th>
              <th scope="col" className="cell-number">Forbrug i alt</th>
              <th scope="col" className="cell-number">Forbrug i året</th>
              <th scope="col" className="cell-number">Deltagere</th>
              <th scope="col" className="cell-number">Statusregistreringer i året</th>
            </tr>
          </thead>
          <tbody>
            {report.activities.map((a) => (
              <tr key={a.activity.id}>
                <th scope="row" className="cell-title">
                  {a.title}
                  {a.focusArea && <span className="cell-sub">{a.focusArea.name}</span>}
                </th>
                <td>{RESPONSIBLE_PARTY[a.responsibleParty]}</td>
                <td className="cell-number">{formatPercent(a.progress)}</td>
                <td className="cell-number">{formatMoney(a.budget)}</td>
                <td className="cell-number">{formatMoney(a.spent)}</td>
                <td className="cell-number">{formatMoney(a.spentInYear)}</td>
                <td className="cell-number">{formatNumber(a.participantsReached)}</td>
                <td className="cell-number">{a.entriesInYear}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Finances({ report }: { report: AnnualReportData }) {
  const f = report.finances;
  return (
    <section aria-labelledby="oekonomi" className="section">
      <h2 id="oekonomi">Økonomi</h2>
      <dl className="totals" aria-label="Økonomi">
        <div>
          <dt>LBF-tilskud</dt>
          <dd>{formatMoney(f.lbfGrant)}</dd>
        </div>
        <div>
          <dt>Lokal medfinansiering</dt>
          <dd>{formatMoney(f.localCofinancing)}</dd>
        </div>
        <div>
          <dt>Budget</dt>
          <dd>{formatMoney(f.budget)}</dd>
        </div>
        <div>
          <dt>Forbrug i alt</dt>
          <dd>{formatMoney(f.spent)}</dd>
        </div>
        <div>
          <dt>Forbrug i året</dt>
          <dd>{formatMoney(f.spentInYear)}</dd>
        </div>
      </dl>
    </section>
  );
}
