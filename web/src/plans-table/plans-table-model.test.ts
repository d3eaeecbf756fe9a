import { describe, expect, it } from 'vitest';
import { attentionReasons } from './attention-reasons';
import { lateReportCounts, nextSort, type PlanRow, visibleRows, warningCount } from './plans-table-model';

function row(id: string, title: string, progress: number | null, budget: number, municipality = 'Aarhus', pool = 'P1', warnings = 0): PlanRow {
  return {
    id,
    title,
    status: 'ACTIVE',
    lbfGrant: 0,
    localCofinancing: 0,
    pool: { id: pool, name: pool },
    municipality: { id: municipality, name: municipality },
    rollup: {
      activityCount: 1,
      progress,
      budget,
      spent: 0,
      cofinancingBelowMinimum: false,
      goalsWithoutActivities: Array.from({ length: warnings }, (_, i) => ({ id: `g${i}` })),
      activitiesWithoutGoals: [],
      goalsWithoutIndicators: [],
      staleActivities: [],
      overspentActivities: [],
      attentionReasons: [],
    },
  } as PlanRow;
}

const rows = [row('1', 'Æblehaven', 61.1, 600), row('2', 'Aldershvile', 36.8, 510, 'København', 'P2', 3), row('3', 'Ørkenen', null, 315), row('4', 'Birkely', 56.8, 510)];
const none = new Set<string>();
const all = { poolId: '', municipalityId: '', onlyAttention: false };

describe('the plans table', () => {
  it('sorts titles by Danish alphabet order: æ and ø after z', () => {
    expect(visibleRows(rows, all, { key: 'title', direction: 'ascending' }, none).map((r) => r.title)).toEqual(['Aldershvile', 'Birkely', 'Æblehaven', 'Ørkenen']);
  });

  it('sorts progress largest first, a plan without progress last, and turns on a second click', () => {
    const first = nextSort({ key: 'title', direction: 'ascending' }, 'progress');
    expect(first).toEqual({ key: 'progress', direction: 'descending' });
    expect(visibleRows(rows, all, first, none).map((r) => r.id)).toEqual(['1', '4', '2', '3']);
    const second = nextSort(first, 'progress');
    expect(visibleRows(rows, all, second, none).map((r) => r.id)).toEqual(['3', '2', '4', '1']);
  });

  it('breaks ties by title, so equal budgets keep a stable order', () => {
    expect(visibleRows(rows, all, { key: 'budget', direction: 'descending' }, none).map((r) => r.title)).toEqual(['Æblehaven', 'Aldershvile', 'Birkely', 'Ørkenen']);
  });

  it('filters by pool, municipality and attention together', () => {
    const attention = new Set(['2', '3']);
    expect(visibleRows(rows, { ...all, municipalityId: 'København' }, { key: 'title', direction: 'ascending' }, none).map((r) => r.id)).toEqual(['2']);
    expect(visibleRows(rows, { ...all, poolId: 'P1', onlyAttention: true }, { key: 'title', direction: 'ascending' }, attention).map((r) => r.id)).toEqual(['3']);
    expect(visibleRows(rows, all, { key: 'attention', direction: 'descending' }, attention).map((r) => r.id)).toEqual(['2', '3', '4', '1']);
  });

  it('counts each warning list by its objects and a low co-financing as one', () => {
    expect(warningCount(rows[1]!)).toBe(3);
    expect(warningCount({ ...rows[0]!, rollup: { ...rows[0]!.rollup, cofinancingBelowMinimum: true, staleActivities: [{ id: 'a' }] } })).toBe(2);
  });
});

describe('why a plan needs attention', () => {
  it("says the roll-up's reasons in its order, counting the objects behind each", () => {
    const base = rows[0]!;
    const plan = {
      ...base,
      rollup: {
        ...base.rollup,
        activitiesWithoutGoals: [{ id: 'a' }],
        overspentActivities: [{ id: 'b' }, { id: 'c' }],
        attentionReasons: ['ACTIVITIES_WITHOUT_GOALS', 'COFINANCING_BELOW_MINIMUM', 'OVERSPENT_ACTIVITIES'],
      },
    } as PlanRow;
    expect(attentionReasons(plan)).toEqual(['1 aktivitet uden mål', 'medfinansiering under puljens minimum', '2 aktiviteter med forbrug over budget']);
    expect(warningCount(plan)).toBe(3);
  });
});

describe('late annual reports', () => {
  it('counts them per plan from the roll-up and sorts by them, most first', () => {
    const late = lateReportCounts([{ plan: { id: '3' } }, { plan: { id: '2' } }, { plan: { id: '3' } }]);
    expect([...late]).toEqual([
      ['3', 2],
      ['2', 1],
    ]);
    const sorted = visibleRows(rows, { poolId: '', municipalityId: '', onlyAttention: false }, nextSort({ key: 'title', direction: 'ascending' }, 'late'), new Set(), late);
    expect(sorted.map((r) => r.id)).toEqual(['3', '2', '4', '1']);
  });
});
