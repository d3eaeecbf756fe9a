import type { PlanRowFragment } from '../gql/graphql';

export type PlanRow = PlanRowFragment;

/** The columns a person can sort by. */
export type SortKey = 'title' | 'municipality' | 'pool' | 'progress' | 'budget' | 'spent' | 'warnings' | 'late' | 'attention';
export interface Sort {
  key: SortKey;
  direction: 'ascending' | 'descending';
}

export interface Filters {
  poolId: string;
  municipalityId: string;
  onlyAttention: boolean;
}

/** The number of coherence warnings: each list counts its objects, a low co-financing counts one. */
export function warningCount(row: PlanRow): number {
  const r = row.rollup;
  return (
    r.goalsWithoutActivities.length +
    r.activitiesWithoutGoals.length +
    r.goalsWithoutIndicators.length +
    r.staleActivities.length +
    r.overspentActivities.length +
    (r.cofinancingBelowMinimum ? 1 : 0)
  );
}

const collator = new Intl.Collator('da-DK');

function compare(a: PlanRow, b: PlanRow, key: SortKey, attention: ReadonlySet<string>, late: ReadonlyMap<string, number>): number {
  switch (key) {
    case 'title':
      return collator.compare(a.title, b.title);
    case 'municipality':
      return collator.compare(a.municipality.name, b.municipality.name);
    case 'pool':
      return collator.compare(a.pool.name, b.pool.name);
    case 'progress':
      // A plan without progress (no activities) sorts below every plan that has some.
      return (a.rollup.progress ?? -1) - (b.rollup.progress ?? -1);
    case 'budget':
      return a.rollup.budget - b.rollup.budget;
    case 'spent':
      return a.rollup.spent - b.rollup.spent;
    case 'warnings':
      return warningCount(a) - warningCount(b);
    case 'late':
      return (late.get(a.id) ?? 0) - (late.get(b.id) ?? 0);
    case 'attention':
      return Number(attention.has(a.id)) - Number(attention.has(b.id));
  }
}

/** Filter, then sort (stable: ties keep the title order). */
export function visibleRows(
  rows: readonly PlanRow[],
  filters: Filters,
  sort: Sort,
  attention: ReadonlySet<string>,
  late: ReadonlyMap<string, number> = new Map(),
): PlanRow[] {
  const filtered = rows.filter(
    (row) =>
      (!filters.poolId || row.pool.id === filters.poolId) &&
      (!filters.municipalityId || row.municipality.id === filters.municipalityId) &&
      (!filters.onlyAttention || attention.has(row.id)),
  );
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return filtered
    .map((row, index) => ({ row, index }))
    .sort((x, y) => sign * compare(x.row, y.row, sort.key, attention, late) || collator.compare(x.row.title, y.row.title) || x.index - y.index)
    .map((x) => x.row);
}

/** Clicking a column sorts by it; clicking it again turns the order. Numbers start with the largest. */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const textual = key === 'title' || key === 'municipality' || key === 'pool';
  return { key, direction: textual ? 'ascending' : 'descending' };
}

/** Distinct options of a column, sorted by name, for a filter's <select>. */
export function distinctOptions(rows: readonly PlanRow[], pick: (row: PlanRow) => { id: string; name: string }) {
  const byId = new Map<string, string>();
  for (const row of rows) {
    const { id, name } = pick(row);
    byId.set(id, name);
  }
  return [...byId].map(([value, label]) => ({ value, label })).sort((a, b) => collator.compare(a.label, b.label));
}

/** How many late annual reports each plan has, from a roll-up's `lateReports`. */
export function lateReportCounts(periods: ReadonlyArray<{ plan: { id: string } }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of periods) counts.set(p.plan.id, (counts.get(p.plan.id) ?? 0) + 1);
  return counts;
}
