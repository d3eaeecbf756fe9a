import { GoalKind } from '../../common/enums.js';
import { ACTIVITIES, GOALS, INDICATORS, LINKS } from '../sheets/plan-sheets.js';
import type { SheetLayout } from '../sheets/sheet-layout.js';
import { type ImportCell } from './import-cells.js';
import type { ImportContext } from './import-plan.js';
import { validateImport } from './import-validator.js';
import type { ImportSheet } from './workbook-reader.js';

const PLAN = { id: 'p', poolId: 'pool', startDate: '2024-01-01', endDate: '2027-12-31' };
const EXISTING_GOAL = '11111111-1111-4111-8111-111111111111';

function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    plan: PLAN,
    focusAreas: [
      { id: 'fa-1', name: 'Tryghed', poolId: 'pool' },
      { id: 'fa-2', name: 'Beskæftigelse', poolId: 'other-pool' },
    ],
    goals: new Map([[EXISTING_GOAL, GoalKind.OVERALL]]),
    activities: new Set(),
    links: new Set(),
    ...overrides,
  };
}

const cell = (value: string | number | null): ImportCell =>
  value === null ? { kind: 'empty' } : typeof value === 'number' ? { kind: 'number', value } : { kind: 'text', text: value };

/** A sheet as the reader gives it: English headers, rows from row 2. */
function sheet(layout: SheetLayout, columns: string[], rows: (string | number | null)[][]): [string, ImportSheet] {
  return [
    layout.name,
    {
      name: layout.name,
      lang: 'en',
      headerRow: 1,
      headers: new Map(columns.map((c) => [c, c])),
      rows: rows.map((values, i) => ({ number: i + 2, cells: new Map(columns.map((c, j) => [c, cell(values[j] ?? null)])) })),
    },
  ];
}

let counter = 0;
const newId = () => `id-${++counter}`;

describe('validateImport', () => {
  beforeEach(() => (counter = 0));

  it('orders goals parents first whatever the row order, and names existing goals by id', () => {
    const { errors, plan } = validateImport(
      new Map([
        sheet(GOALS, ['ref', 'parentRef', 'kind', 'title'], [
          ['C', 'B', 'SUB', 'Barnebarn'],
          ['B', 'A', 'EFFECT', 'Barn'],
          ['A', null, 'OVERALL', 'Rod'],
          ['X', EXISTING_GOAL.toUpperCase(), 'EFFECT', 'Under en eksisterende'],
        ]),
      ]),
      context(),
      newId,
    );
    expect(errors).toEqual([]);
    expect(plan.goals.map((g) => g.title)).toEqual(['Rod', 'Barn', 'Barnebarn', 'Under en eksisterende']);
    expect(plan.goals[3]!.parentId).toBe(EXISTING_GOAL);
    expect(plan.goals[2]!.parentId).toBe(plan.goals[1]!.id);
  });

  it('finds a cycle and reports it on every goal in it, not on the goal hanging below', () => {
    const { errors } = validateImport(
      new Map([sheet(GOALS, ['ref', 'parentRef', 'kind', 'title'], [['A', 'C', 'EFFECT', 'a'], ['B', 'A', 'EFFECT', 'b'], ['C', 'B', 'EFFECT', 'c'], ['D', 'C', 'SUB', 'd'], ['E', 'E', 'SUB', 'e']])]),
      context(),
      newId,
    );
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'parentRef'],
      [3, 'parentRef'],
      [4, 'parentRef'],
      [6, 'parentRef'],
    ]);
    expect(errors[0]!.message).toContain('rows 2, 4, 3');
  });

  it('defaults an indicator’s baseline date to the plan’s start, as createIndicator does, and checks the target date against it', () => {
    const columns = ['goalRef', 'name', 'unit', 'direction', 'baseline', 'target', 'targetDate'];
    const { errors, plan } = validateImport(
      new Map([sheet(INDICATORS, columns, [[EXISTING_GOAL, 'A', '%', 'INCREASE', 10, 20, '2026-01-01'], [EXISTING_GOAL, 'B', '%', 'increase', 10, 20, '2023-06-30'], [EXISTING_GOAL, 'C', '%', 'DECREASE', null, '5,5', '2026-01-01']])]),
      context(),
      newId,
    );
    expect(errors).toEqual([{ sheet: 'Indicators', row: 3, column: 'targetDate', message: '2023-06-30 is before baselineDate 2024-01-01' }]);
    expect(plan.indicators.map((i) => [i.name, i.baselineDate, i.target])).toEqual([
      ['A', '2024-01-01', 20],
      ['C', null, 5.5],
    ]);
  });

  it('refuses a target on the wrong side of the baseline and activity dates outside the plan, as the mutations do', () => {
    const { errors, plan } = validateImport(
      new Map([
        sheet(INDICATORS, ['goalRef', 'name', 'unit', 'direction', 'baseline', 'target', 'targetDate'], [
          [EXISTING_GOAL, 'Op', '%', 'INCREASE', 40, 30, '2026-01-01'],
          [EXISTING_GOAL, 'Ned', '%', 'DECREASE', 24, 30, '2026-01-01'],
          [EXISTING_GOAL, 'Hold', '%', 'INCREASE', 10, 10, '2026-01-01'],
        ]),
        sheet(ACTIVITIES, ['title', 'responsibleParty', 'startDate', 'endDate', 'budget'], [
          ['Før', 'JOINT', '2023-12-31', '2024-12-31', 0],
          ['Efter', 'JOINT', '2027-01-01', '2028-01-01', 0],
          ['Inden for', 'JOINT', '2024-01-01', '2027-12-31', 0],
        ]),
      ]),
      context(),
      newId,
    );
    expect(errors).toEqual([
      { sheet: 'Indicators', row: 2, column: 'target', message: '30 is below the baseline 40, but the indicator is to INCREASE' },
      { sheet: 'Indicators', row: 3, column: 'target', message: '30 is above the baseline 24, but the indicator is to DECREASE' },
      { sheet: 'Activities', row: 2, column: 'startDate', message: "2023-12-31 is outside the plan's dates 2024-01-01 to 2027-12-31" },
      { sheet: 'Activities', row: 3, column: 'endDate', message: "2028-01-01 is outside the plan's dates 2024-01-01 to 2027-12-31" },
    ]);
    expect(plan.indicators.map((i) => i.name)).toEqual(['Hold']);
    expect(plan.activities.map((a) => a.title)).toEqual(['Inden for']);
  });

  it('resolves focus areas by name in the plan’s pool, and tells one of another pool apart from an unknown one', () => {
    const columns = ['title', 'responsibleParty', 'focusArea', 'startDate', 'endDate', 'budget'];
    const { errors, plan } = validateImport(
      new Map([
        sheet(ACTIVITIES, columns, [
          ['A', 'JOINT', ' tryghed ', '2024-01-01', '2024-12-31', 0],
          ['B', 'JOINT', 'Beskæftigelse', '2024-01-01', '2024-12-31', 0],
          ['C', 'JOINT', 'Sundhed', '2024-01-01', '2024-12-31', 0],
        ]),
      ]),
      context(),
      newId,
    );
    expect(plan.activities[0]!.focusAreaId).toBe('fa-1');
    expect(errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'focus area "Beskæftigelse" belongs to another pool than the plan\'s'],
      [4, 'no focus area "Sundhed" in the plan\'s pool (it has: Tryghed)'],
    ]);
  });

  it('gives links the default weight 1 and refuses a second link of the same pair', () => {
    const { errors, plan } = validateImport(
      new Map([
        sheet(ACTIVITIES, ['ref', 'title', 'responsibleParty', 'startDate', 'endDate', 'budget'], [['A', 'a', 'JOINT', '2024-01-01', '2024-12-31', 5]]),
        sheet(LINKS, ['activityRef', 'goalRef', 'weight'], [['A', EXISTING_GOAL, null], ['A', EXISTING_GOAL, 2]]),
      ]),
      context(),
      newId,
    );
    expect(plan.links).toEqual([{ activityId: plan.activities[0]!.id, goalId: EXISTING_GOAL, weight: 1, rationale: null }]);
    expect(errors).toEqual([{ sheet: 'Links', row: 3, column: 'goalRef', message: 'row 2 already links this activity to this goal' }]);
  });

  it('reports a missing required column once, at the header row', () => {
    const { errors } = validateImport(new Map([sheet(ACTIVITIES, ['title', 'budget'], [['A', 1]])]), context(), newId);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, 'responsibleParty'],
      [1, 'startDate'],
      [1, 'endDate'],
    ]);
  });
});
