import { lazy, Suspense } from 'react';
import { formatDate } from '../common/format';

const SparklineChart = lazy(() => import('./sparkline-chart'));

interface Entry {
  reportedOn: string;
  percentComplete: number;
}

/** Words for the chart: what a sighted reader takes from it at a glance. */
export function sparklineText(entries: readonly Entry[]): string {
  if (entries.length === 0) return 'Ingen statusregistreringer endnu';
  const first = entries[0]!;
  const last = entries.at(-1)!;
  if (entries.length === 1) return `Én statusregistrering: ${last.percentComplete} % den ${formatDate(last.reportedOn)}`;
  return `${entries.length} statusregistreringer, fra ${first.percentComplete} % den ${formatDate(first.reportedOn)} til ${last.percentComplete} % den ${formatDate(last.reportedOn)}`;
}

/**
 * A small chart of an activity's progress entries over time (oldest first, as the API gives them).
 * Its text alternative is there at once; the drawing follows when the chart library has loaded.
 */
export function ProgressSparkline({ entries }: { entries: readonly Entry[] }) {
  const text = sparklineText(entries);
  if (entries.length < 2) return <span className="muted sparkline-empty">{entries.length ? `${entries[0]!.percentComplete} %` : '–'}</span>;
  // Time on the x axis: days since the first entry, so uneven gaps look uneven.
  const start = Date.parse(entries[0]!.reportedOn);
  const data = entries.map((e) => ({ day: (Date.parse(e.reportedOn) - start) / 86_400_000, percent: e.percentComplete }));
  return (
    <span className="sparkline" role="img" aria-label={`Fremdrift over tid: ${text}`} title={text}>
      <span aria-hidden="true">
        <Suspense fallback={<span className="sparkline__placeholder" />}>
          <SparklineChart data={data} />
        </Suspense>
      </span>
    </span>
  );
}
