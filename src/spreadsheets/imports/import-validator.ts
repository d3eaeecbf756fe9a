import { ActivityStatus, GoalKind, IndicatorDirection, ResponsibleParty } from '../../common/enums.js';
import {
  isUuid,
  MAX_LONG_TEXT,
  MAX_TEXT,
  requireDateOrder,
  requireFinite,
  requireNonNegative,
} from '../../common/validate.js';
import { requireWithinPlan } from '../../activities/activity-dates.js';
import { requirePlausibleTarget } from '../../indicators/indicator-rules.js';
import { ACTIVITIES, GOALS, INDICATORS, LINKS } from '../sheets/plan-sheets.js';
import type { SheetLayout } from '../sheets/sheet-layout.js';
import type { ImportContext, ImportPlan, NewActivity, NewGoal, NewIndicator, NewLink } from './import-plan.js';
import { type ImportError, RowCheck } from './row-check.js';
import type { ImportSheet } from './workbook-reader.js';

/** The sheets an import reads, in the order they are checked. */
export const IMPORT_LAYOUTS = [GOALS, INDICATORS, ACTIVITIES, LINKS] as const;

/** Columns that must be in a sheet that has rows. */
const REQUIRED_COLUMNS: Record<string, string[]> = {
  Goals: ['kind', 'title'],
  Indicators: ['goalRef', 'name', 'unit', 'direction', 'target', 'targetDate'],
  Activities: ['title', 'responsibleParty', 'startDate', 'endDate', 'budget'],
  Links: ['activityRef', 'goalRef'],
};

export interface ValidationResult {
  errors: ImportError[];
  plan: ImportPlan;
}

/**
 * Checks an import's rows against the rules the GraphQL mutations apply (createGoal, createIndicator,
 * createActivity, linkActivityToGoal: the same validators from common/validate.ts, the same limits),
 * plus what only a file can get wrong: refs that are unknown or given twice, a goal tree with a
 * cycle, a link to nothing. Every error is collected, at its sheet, row and column; the result is
 * what to insert, and it is only used when there are no errors. Pure: the context says what the plan
 * already holds, and `newId` makes the ids.
 */
export function validateImport(sheets: Map<string, ImportSheet>, context: ImportContext, newId: () => string): ValidationResult {
  const errors: ImportError[] = [];
  const checks = (layout: SheetLayout): RowCheck[] => {
    const sheet = sheets.get(layout.name);
    if (!sheet) return [];
    if (sheet.rows.length > 0 && sheet.headerRow !== 1) {
      errors.push({ sheet: sheet.name, row: sheet.headerRow, column: '', message: 'the column headers must be on row 1' });
    }
    const missing = REQUIRED_COLUMNS[layout.name]!.filter((key) => !sheet.headers.has(key));
    if (sheet.rows.length > 0 && missing.length > 0) {
      const header = new RowCheck(sheet, layout, { number: 1, cells: new Map() }, errors);
      for (const key of missing) header.fail(key, 'this column is missing from the header row');
      return [];
    }
    return sheet.rows.map((row) => new RowCheck(sheet, layout, row, errors));
  };

  const focusArea = focusAreaResolver(context);
  const goals = checkGoals(checks(GOALS), context, focusArea, newId);
  const indicators = checkIndicators(checks(INDICATORS), context, goals.refs, newId);
  const activities = checkActivities(checks(ACTIVITIES), context, focusArea, newId);
  const links = checkLinks(checks(LINKS), context, goals.refs, activities.refs);
  if (sheets.size === 0) {
    errors.push({ sheet: '', row: 0, column: '', message: 'The workbook has none of the sheets Goals, Indicators, Activities and Links (Mål, Indikatorer, Aktiviteter, Koblinger)' });
  }
  return { errors: bySheetAndRow(errors), plan: { goals: goals.rows, indicators, activities: activities.rows, links } };
}

/** Errors sheet by sheet (in the order checked), each sheet's by row; a row's in column order as found. */
function bySheetAndRow(errors: ImportError[]): ImportError[] {
  const sheets = [...new Set(errors.map((e) => e.sheet))];
  return sheets.flatMap((sheet) => errors.filter((e) => e.sheet === sheet).sort((a, b) => a.row - b.row));
}

/** Refs of one sheet: each names the id its row gets. Duplicates are an error on the later row. */
class Refs {
  private readonly ids = new Map<string, { id: string; row: number }>();

  claim(check: RowCheck, id: string): void {
    const ref = check.text('ref', { max: MAX_TEXT });
    if (!ref) return;
    const first = this.ids.get(ref);
    if (first) check.fail('ref', `"${ref}" is already the ref of row ${first.row}: a ref names one row of its sheet`);
    else this.ids.set(ref, { id, row: check.row.number });
  }

  get(ref: string): string | undefined {
    return this.ids.get(ref)?.id;
  }
}

/**
 * A ref in a `…Ref` column: a ref of the file's sheet, else the id of an object already in the plan.
 * Undefined (with the error given) when it names nothing.
 */
function resolveRef(check: RowCheck, key: string, refs: Refs, existing: (id: string) => boolean, what: string): string | null | undefined {
  const ref = check.text(key, { max: MAX_TEXT });
  if (ref === undefined || ref === null) return ref;
  const inFile = refs.get(ref);
  if (inFile) return inFile;
  if (isUuid(ref) && existing(ref.toLowerCase())) return ref.toLowerCase();
  check.fail(key, `"${ref}" is neither a ref of the ${what} sheet nor the id of a ${what === 'Goals' ? 'goal' : 'activity'} in this plan`);
  return undefined;
}

type FocusAreaResolver = (check: RowCheck) => string | null | undefined;

/** A focus area by name (or id) among the plan's pool's; one of another pool is its own error. */
function focusAreaResolver(context: ImportContext): FocusAreaResolver {
  const key = (text: string) => text.trim().toLowerCase();
  const inPool = new Map<string, string>();
  const elsewhere = new Map<string, string>();
  for (const area of context.focusAreas) {
    const map = area.poolId === context.plan.poolId ? inPool : elsewhere;
    map.set(key(area.name), area.id);
    map.set(area.id, area.id);
  }
  const names = context.focusAreas.filter((a) => a.poolId === context.plan.poolId).map((a) => a.name);
  return (check) => {
    const text = check.raw('focusArea');
    if (text === null || text === undefined) return text;
    const found = inPool.get(key(text));
    if (found) return found;
    if (elsewhere.has(key(text))) check.fail('focusArea', `focus area "${text.trim()}" belongs to another pool than the plan's`);
    else check.fail('focusArea', `no focus area "${text.trim()}" in the plan's pool${names.length ? ` (it has: ${names.join(', ')})` : ''}`);
    return undefined;
  };
}

function checkGoals(checks: RowCheck[], context: ImportContext, focusArea: FocusAreaResolver, newId: () => string) {
  const refs = new Refs();
  const ids = checks.map(() => newId());
  checks.forEach((check, i) => refs.claim(check, ids[i]!));
  const rows = new Map<string, NewGoal & { check: RowCheck }>();
  checks.forEach((check, i) => {
    const kind = check.enumValue('kind', Object.values(GoalKind), true);
    const title = check.text('title', { required: true, max: MAX_TEXT });
    const description = check.text('description', { max: MAX_LONG_TEXT });
    const focusAreaId = focusArea(check);
    const parentId = resolveRef(check, 'parentRef', refs, (id) => context.goals.has(id), 'Goals');
    if (kind === GoalKind.OVERALL && parentId) check.fail('parentRef', 'an OVERALL goal (formål) is a root and has no parent');
    if (kind && kind !== GoalKind.OVERALL && parentId === null) check.fail('parentRef', `is required for a ${kind} goal: it sits below another goal`);
    if (kind && title && description !== undefined && focusAreaId !== undefined && parentId !== undefined) {
      rows.set(ids[i]!, { id: ids[i]!, parentId, kind, title, description, focusAreaId, check });
    }
  });
  return { refs, rows: parentsFirst(rows) };
}

/**
 * The new goals with each parent before its children. A goal whose parent chain within the file
 * comes back to itself is a cycle: an error on every goal of it, as updateGoal refuses one.
 */
function parentsFirst(rows: Map<string, NewGoal & { check: RowCheck }>): NewGoal[] {
  const ordered: NewGoal[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'cycle'>();
  const visit = (id: string, path: string[]): boolean => {
    const goal = rows.get(id);
    if (!goal) return true; // an existing goal, or a row with errors of its own
    const seen = state.get(id);
    if (seen === 'done') return true;
    if (seen === 'cycle') return false;
    if (seen === 'visiting') {
      const cycle = path.slice(path.indexOf(id));
      const rowsOf = cycle.map((g) => rows.get(g)!.check.row.number);
      for (const member of cycle) {
        state.set(member, 'cycle');
        rows.get(member)!.check.fail('parentRef', `the goals of rows ${rowsOf.join(', ')} are each other's parents: the goal tree would have a cycle`);
      }
      return false;
    }
    state.set(id, 'visiting');
    const ok = goal.parentId === null || visit(goal.parentId, [...path, id]);
    if (state.get(id) === 'cycle') return false;
    state.set(id, ok ? 'done' : 'cycle');
    if (ok) {
      const { check: _check, ...row } = goal;
      ordered.push(row);
    }
    return ok;
  };
  for (const id of rows.keys()) visit(id, []);
  return ordered;
}

function checkIndicators(checks: RowCheck[], context: ImportContext, goalRefs: Refs, newId: () => string): NewIndicator[] {
  const refs = new Refs();
  const rows: NewIndicator[] = [];
  for (const check of checks) {
    const id = newId();
    refs.claim(check, id);
    const goalId = check.required('goalRef') ? resolveRef(check, 'goalRef', goalRefs, (g) => context.goals.has(g), 'Goals') : undefined;
    const name = check.text('name', { required: true, max: MAX_TEXT });
    const unit = check.text('unit', { required: true, max: 50 });
    const direction = check.enumValue('direction', Object.values(IndicatorDirection), true);
    const source = check.text('source', { max: 500 });
    const baseline = check.number('baseline', false);
    const target = check.number('target', true);
    const givenBaselineDate = check.date('baselineDate', false);
    const targetDate = check.date('targetDate', true);
    if (baseline !== undefined && baseline !== null) check.rule('baseline', () => requireFinite('baseline', baseline));
    // As createIndicator: attainment runs from the baseline date, by default the plan's start.
    const baselineDate = givenBaselineDate === null ? (baseline === null ? null : context.plan.startDate) : givenBaselineDate;
    if (baselineDate && targetDate && targetDate < baselineDate) check.fail('targetDate', `${targetDate} is before baselineDate ${baselineDate}`);
    // As createIndicator: a target on the indicator's side of the baseline.
    const plausible =
      direction && baseline !== undefined && target !== undefined && target !== null
        ? check.rule('target', () => (requirePlausibleTarget({ direction, baseline, target }), true))
        : undefined;
    if (goalId && name && unit && direction && source !== undefined && baseline !== undefined && target !== undefined && target !== null && plausible) {
      if (baselineDate !== undefined && targetDate && !(baselineDate && targetDate < baselineDate)) {
        rows.push({ id, goalId, name, unit, direction, source, baseline, baselineDate, target, targetDate });
      }
    }
  }
  return rows;
}

function checkActivities(checks: RowCheck[], context: ImportContext, focusArea: FocusAreaResolver, newId: () => string) {
  const refs = new Refs();
  const rows: NewActivity[] = [];
  for (const check of checks) {
    const id = newId();
    refs.claim(check, id);
    const title = check.text('title', { required: true, max: MAX_TEXT });
    const description = check.text('description', { max: MAX_LONG_TEXT });
    const targetGroup = check.text('targetGroup', { max: 500 });
    const responsibleParty = check.enumValue('responsibleParty', Object.values(ResponsibleParty), true);
    const status = check.enumValue('status', Object.values(ActivityStatus), false);
    const focusAreaId = focusArea(check);
    const startDate = check.date('startDate', true);
    const endDate = check.date('endDate', true);
    const ordered = startDate && endDate ? check.rule('endDate', () => (requireDateOrder('startDate', startDate, 'endDate', endDate), true)) : undefined;
    // As createActivity: both dates within the plan's.
    const withinPlan = [
      startDate ? check.rule('startDate', () => (requireWithinPlan(context.plan, { startDate }), true)) : undefined,
      endDate ? check.rule('endDate', () => (requireWithinPlan(context.plan, { endDate }), true)) : undefined,
    ].every(Boolean);
    const money = check.money('budget', true);
    const budget = money === undefined || money === null ? undefined : check.rule('budget', () => requireNonNegative('budget', money));
    if (title && description !== undefined && targetGroup !== undefined && responsibleParty && status !== undefined && focusAreaId !== undefined) {
      if (startDate && endDate && ordered && withinPlan && budget !== undefined) {
        rows.push({ id, title, description, targetGroup, responsibleParty, focusAreaId, startDate, endDate, budget, status: status ?? ActivityStatus.PLANNED });
      }
    }
  }
  // As the plan's existing activities are named by id, so are the file's by ref.
  return { refs, rows, existing: context.activities };
}

function checkLinks(checks: RowCheck[], context: ImportContext, goalRefs: Refs, activityRefs: Refs): NewLink[] {
  const rows: NewLink[] = [];
  const seen = new Map<string, number>();
  for (const check of checks) {
    const activityId = check.required('activityRef')
      ? resolveRef(check, 'activityRef', activityRefs, (a) => context.activities.has(a), 'Activities')
      : undefined;
    const goalId = check.required('goalRef') ? resolveRef(check, 'goalRef', goalRefs, (g) => context.goals.has(g), 'Goals') : undefined;
    const given = check.number('weight', false);
    let weight: number | undefined = given === null ? 1 : given;
    if (weight !== undefined && (weight <= 0 || weight > 1e6)) {
      check.fail('weight', weight <= 0 ? `must be positive, got ${weight}` : `must be at most 1000000, got ${weight}`);
      weight = undefined;
    }
    const rationale = check.text('rationale', { max: MAX_LONG_TEXT });
    if (!activityId || !goalId) continue;
    const key = `${activityId}:${goalId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      check.fail('goalRef', `row ${first} already links this activity to this goal`);
      continue;
    }
    seen.set(key, check.row.number);
    if (context.links.has(key)) {
      check.fail('goalRef', 'the activity is already linked to this goal');
      continue;
    }
    if (weight !== undefined && rationale !== undefined) rows.push({ activityId, goalId, weight, rationale });
  }
  return rows;
}
