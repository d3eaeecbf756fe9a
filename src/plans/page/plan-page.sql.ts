import { type FieldNode, Kind, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { linkShareSql } from '../../activities/activities.loaders.js';
import { currentSessionSql } from '../../auth/session.service.js';
import { planFiguresCtes } from '../../rollups/plan-figures.repository.js';

/*
 * A plan page (`query { plan(id: …) { … } }`) compiled into one SQL statement that returns the
 * answer as JSON, shaped as GraphQL's `data.plan` would be. It serves the page a secretariat opens
 * most without resolving hundreds of fields one by one (bench/analysis.md, rung 2: W1).
 *
 * Every value comes from the same SQL the resolvers read: the entity columns, planFiguresCtes for
 * every figure, the links' share expression of activities.loaders.ts, and the lists in the
 * resolvers' orders. A selection with anything this file does not know (a field it has no SQL for,
 * an argument, a directive, a fragment, a response key given twice) is not compiled: the resolvers
 * serve it. The resolvers stay the reference: this file answers only selections built from fields
 * whose answers tests compare with theirs value for value, in the same order of keys
 * (tests/plan-page-sql.test.ts), so a field added here needs a place in that test's EVERY_FIELD.
 */

/** Thrown while compiling a selection that the resolvers must serve. */
class Unsupported extends Error {}

/** How a compiled page reads its plan id: from a variable, or as written in the document. */
export type PlanIdSource = { variable: string } | { literal: string };

export interface CompiledPlanPage {
  /** The root field, and its response key (its alias, or `plan`). */
  root: FieldNode;
  responseKey: string;
  planId: PlanIdSource;
  /**
   * The statement, given the SQL condition that limits `plans p` to the caller's scope: $1 plan id,
   * $2 today, $3 user id, $4 session version, $5 the scope's value where the condition needs one.
   * One row, column `page`, when the plan exists, is in scope and the session is current; else none.
   */
  statement(scopeCondition: string): string;
}

interface Compiler {
  n: number;
  /** Whether some field shows attention reasons (planFiguresCtes computes them only then). */
  attention: boolean;
  /** Whether some field shows the latest measurement's note (planFiguresCtes reads it only then). */
  details: boolean;
}

/** A field of an object type: its JSON value as SQL, given the alias of the object's row. */
type FieldSql = (row: string, field: FieldNode, c: Compiler) => string;

interface ObjectType {
  name: string;
  fields: Record<string, FieldSql>;
}

/**
 * An object type read from a table: `from(t, f)` introduces alias `t` (and, where the figures are
 * needed, alias `f` for the object's row of figures); `figures` are the fields that need `f`.
 */
interface TableType extends ObjectType {
  from(t: string, f: string, withFigures: boolean): string;
  figures: ReadonlySet<string>;
}

const column =
  (name: string): FieldSql =>
  (row) =>
    `${row}.${name}`;

/** Money as MoneyScalar serialises it: a JSON number while exact (|x| ≤ 2^53 − 1), else its decimal string. */
function money(sql: string): string {
  return `CASE WHEN ${sql} BETWEEN -9007199254740991 AND 9007199254740991 THEN to_json((${sql})::bigint) ELSE to_json((${sql})::text) END`;
}
const moneyColumn =
  (name: string): FieldSql =>
  (row) =>
    money(`${row}.${name}`);

/** A fresh pair of aliases: `t<n>` for an object's row, `f<n>` for its row of figures (figureAlias). */
function fresh(c: Compiler): [string, string] {
  c.n += 1;
  return [`t${c.n}`, `f${c.n}`];
}

function selectedFields(selectionSet: SelectionSetNode | undefined): FieldNode[] {
  if (!selectionSet) throw new Unsupported('no selection');
  const keys = new Set<string>();
  return selectionSet.selections.map((selection) => {
    if (selection.kind !== Kind.FIELD) throw new Unsupported('fragment');
    if (selection.directives?.length) throw new Unsupported('directive');
    if (selection.arguments?.length) throw new Unsupported('argument');
    const key = selection.alias?.value ?? selection.name.value;
    // GraphQL merges a key given twice; one json_build_object key per response key keeps it simple.
    if (keys.has(key)) throw new Unsupported('repeated response key');
    keys.add(key);
    return selection;
  });
}

/** json_build_object of the selected fields, in the selection's order (GraphQL's order of keys). */
function objectJson(type: ObjectType, selectionSet: SelectionSetNode | undefined, row: string, c: Compiler): string {
  const fields = selectedFields(selectionSet);
  // json_build_object takes at most 100 arguments.
  if (fields.length > 50) throw new Unsupported('too many fields');
  const pairs = fields.map((field) => {
    const key = field.alias?.value ?? field.name.value;
    const value = field.name.value === '__typename' ? `'${type.name}'::text` : type.fields[field.name.value]?.(row, field, c);
    if (value === undefined) throw new Unsupported(`${type.name}.${field.name.value}`);
    return `'${key}', ${value}`;
  });
  return `json_build_object(${pairs.join(', ')})`;
}

function needsFigures(type: TableType, selectionSet: SelectionSetNode | undefined): boolean {
  return selectedFields(selectionSet).some((field) => type.figures.has(field.name.value));
}

/**
 * A non-list object field: the row of `type` that `where(t)` picks, or null. With `key`, the column
 * of `row` that holds the object's id: a selection of its `id` alone is then answered from that
 * column, without reading the row (`parent { id }`, `goal { id }`).
 */
function one(type: () => TableType, where: (t: string, row: string) => string, key?: (row: string) => string): FieldSql {
  return (row, field, c) => {
    const target = type();
    const fields = selectedFields(field.selectionSet);
    if (key && fields.every((f) => f.name.value === 'id' || f.name.value === '__typename')) {
      const pairs = fields.map((f) => `'${f.alias?.value ?? f.name.value}', ${f.name.value === 'id' ? key(row) : `'${target.name}'::text`}`);
      return `CASE WHEN ${key(row)} IS NOT NULL THEN json_build_object(${pairs.join(', ')}) END`;
    }
    const [t, f] = fresh(c);
    return `(SELECT ${objectJson(target, field.selectionSet, t, c)} FROM ${target.from(t, f, needsFigures(target, field.selectionSet))} WHERE ${where(t, row)})`;
  };
}

/** A list field: the rows of `type` that `where(t)` picks, in `orderBy(t)`; [] when none. */
function many(type: () => TableType, where: (t: string, row: string) => string, orderBy: (t: string) => string): FieldSql {
  return (row, field, c) => {
    const target = type();
    const [t, f] = fresh(c);
    return `(SELECT coalesce(json_agg(${objectJson(target, field.selectionSet, t, c)} ORDER BY ${orderBy(t)}), '[]'::json)
      FROM ${target.from(t, f, needsFigures(target, field.selectionSet))} WHERE ${where(t, row)})`;
  };
}

/** A list field given as an array of ids (`ids(row)`), in the array's order. */
function byIds(type: () => TableType, ids: (row: string) => string): FieldSql {
  return (row, field, c) => {
    const target = type();
    const [t, f] = fresh(c);
    const u = `u${c.n}`;
    return `(SELECT coalesce(json_agg(${objectJson(target, field.selectionSet, t, c)} ORDER BY ${u}.n), '[]'::json)
      FROM ${target.from(t, f, needsFigures(target, field.selectionSet))}
      JOIN unnest(${ids(row)}) WITH ORDINALITY ${u}(id, n) ON ${u}.id = ${t}.id)`;
  };
}

/** An object whose values are columns of the row it belongs to (a roll-up, the latest measurement). */
function inline(type: ObjectType, present?: (row: string) => string): FieldSql {
  return (row, field, c) => {
    const json = objectJson(type, field.selectionSet, row, c);
    return present ? `CASE WHEN ${present(row)} THEN ${json} END` : json;
  };
}

// The page's own CTEs (statement() below): figures materialised once, since the lists read them
// row by row; the links with each activity's share; the goals in the order `Plan.goals` gives them.

const Pool: TableType = {
  name: 'Pool',
  from: (t) => `pools ${t}`,
  figures: new Set(),
  fields: {
    id: column('id'),
    name: column('name'),
    startYear: column('start_year'),
    endYear: column('end_year'),
    minCofinancingShare: column('min_cofinancing_share'),
  },
};

const Municipality: TableType = {
  name: 'Municipality',
  from: (t) => `municipalities ${t}`,
  figures: new Set(),
  fields: { id: column('id'), name: column('name'), code: column('code') },
};

const GoalRollup: ObjectType = {
  name: 'GoalRollup',
  fields: {
    activityCount: column('activity_count'),
    progress: column('progress'),
    budget: moneyColumn('budget'),
    spent: moneyColumn('spent'),
    indicatorCount: column('indicator_count'),
    indicatorsOnTrack: column('indicators_on_track'),
  },
};

const Measurement: ObjectType = {
  name: 'Measurement',
  fields: {
    id: column('latest_measurement_id'),
    value: column('latest_value'),
    measuredOn: column('latest_measured_on'),
    note: (row, _field, c) => {
      c.details = true;
      return `${row}.latest_note`;
    },
  },
};

/** A field's SQL is given its object's alias `t<n>`; the object's figures are `f<n>` (fresh). */
const figureAlias = (t: string) => `f${t.slice(1)}`;

const Indicator: TableType = {
  name: 'Indicator',
  from: (t, f, withFigures) => `indicators ${t}${withFigures ? ` JOIN page_indicator_figures ${f} ON ${f}.id = ${t}.id` : ''}`,
  figures: new Set(['attainment', 'status', 'latest']),
  fields: {
    id: column('id'),
    name: column('name'),
    unit: column('unit'),
    direction: column('direction'),
    source: column('source'),
    baseline: column('baseline'),
    baselineDate: column('baseline_date'),
    target: column('target'),
    targetDate: column('target_date'),
    attainment: (t) => `${figureAlias(t)}.attainment`,
    status: (t) => `${figureAlias(t)}.status`,
    latest: (t, field, c) => inline(Measurement, (f) => `${f}.latest_measurement_id IS NOT NULL`)(figureAlias(t), field, c),
  },
};

const Goal: TableType = {
  name: 'Goal',
  from: (t, f, withFigures) => `goals ${t}${withFigures ? ` JOIN page_goal_figures ${f} ON ${f}.id = ${t}.id` : ''}`,
  figures: new Set(['rollup']),
  fields: {
    id: column('id'),
    kind: column('kind'),
    title: column('title'),
    description: column('description'),
    parent: one(() => Goal, (t, row) => `${t}.id = ${row}.parent_id`, (row) => `${row}.parent_id`),
    // goalsByPlan's order (created_at, id) filtered to one parent, as GoalsResolver.children does.
    children: many(() => Goal, (t, row) => `${t}.parent_id = ${row}.id`, (t) => `${t}.created_at, ${t}.id`),
    rollup: (t, field, c) => inline(GoalRollup)(figureAlias(t), field, c),
    // indicatorsOfGoal: the plan's indicators by created_at, id, filtered to the goal.
    indicators: many(() => Indicator, (t, row) => `${t}.goal_id = ${row}.id`, (t) => `${t}.created_at, ${t}.id`),
  },
};

const ActivityGoalLink: TableType = {
  name: 'ActivityGoalLink',
  from: (t) => `page_links ${t}`,
  figures: new Set(),
  fields: {
    weight: column('weight'),
    share: column('share'),
    rationale: column('rationale'),
    goal: one(() => Goal, (t, row) => `${t}.id = ${row}.goal_id`, (row) => `${row}.goal_id`),
  },
};

/** The activity rows come with their figures (planFiguresCtes' wholeActivities): one read of them. */
const Activity: TableType = {
  name: 'Activity',
  from: (t) => `page_activity_figures ${t}`,
  figures: new Set(),
  fields: {
    id: column('id'),
    version: column('version'),
    title: column('title'),
    description: column('description'),
    targetGroup: column('target_group'),
    status: column('status'),
    responsibleParty: column('responsible_party'),
    startDate: column('start_date'),
    endDate: column('end_date'),
    budget: moneyColumn('budget'),
    partners: column('partners'),
    progress: column('progress'),
    spent: moneyColumn('spent'),
    isStale: column('is_stale'),
    // linksOfActivity: the plan's links by created_at, goal_id, grouped by activity.
    links: many(() => ActivityGoalLink, (t, row) => `${t}.activity_id = ${row}.id`, (t) => `${t}.created_at, ${t}.goal_id`),
  },
};

const PlanRollup: TableType = {
  name: 'PlanRollup',
  from: (t) => `page_plan_rollups ${t}`,
  figures: new Set(),
  fields: {
    activityCount: column('activity_count'),
    progress: column('progress'),
    budget: moneyColumn('budget'),
    spent: moneyColumn('spent'),
    cofinancingShare: column('cofinancing_share'),
    cofinancingBelowMinimum: column('cofinancing_below_minimum'),
    attentionReasons: (row, _field, c) => {
      c.attention = true;
      return `${row}.attention_reasons`;
    },
    goalsWithoutActivities: byIds(() => Goal, (row) => `${row}.goals_without_activities`),
    activitiesWithoutGoals: byIds(() => Activity, (row) => `${row}.activities_without_goals`),
    goalsWithoutIndicators: byIds(() => Goal, (row) => `${row}.goals_without_indicators`),
    staleActivities: byIds(() => Activity, (row) => `${row}.stale_activities`),
    overspentActivities: byIds(() => Activity, (row) => `${row}.overspent_activities`),
  },
};

const Plan: ObjectType = {
  name: 'Plan',
  fields: {
    id: column('id'),
    title: column('title'),
    status: column('status'),
    housingAreas: column('housing_areas'),
    startDate: column('start_date'),
    endDate: column('end_date'),
    lbfGrant: moneyColumn('lbf_grant'),
    localCofinancing: moneyColumn('local_cofinancing'),
    reportingIntervalDays: column('reporting_interval_days'),
    pool: one(() => Pool, (t, row) => `${t}.id = ${row}.pool_id`),
    municipality: one(() => Municipality, (t, row) => `${t}.id = ${row}.municipality_id`),
    // Roots first, then each level in the order of its parents, each parent's children by created_at, id (rootsFirst).
    goals: (row, field, c) => {
      const [t, f] = fresh(c);
      const withFigures = needsFigures(Goal, field.selectionSet);
      return `(SELECT coalesce(json_agg(${objectJson(Goal, field.selectionSet, t, c)} ORDER BY o.depth, o.sort_key COLLATE "C"), '[]'::json)
        FROM page_goal_order o JOIN ${Goal.from(t, f, withFigures)} ON ${t}.id = o.id)`;
    },
    activities: many(() => Activity, (t, row) => `${t}.plan_id = ${row}.id`, (t) => `${t}.created_at, ${t}.id`),
    rollup: one(() => PlanRollup, (t, row) => `${t}.plan_id = ${row}.id`),
  },
};

/**
 * The compiled page of `operation`, or null when its selection is not one this file compiles (the
 * resolvers then serve it). Only a query whose one root field is `plan(id: …)`, with the id a
 * variable or a string literal.
 */
export function compilePlanPage(operation: OperationDefinitionNode): CompiledPlanPage | null {
  if (operation.operation !== 'query' || operation.directives?.length) return null;
  const [root, ...others] = operation.selectionSet.selections;
  if (others.length || root?.kind !== Kind.FIELD || root.name.value !== 'plan' || root.directives?.length) return null;
  const [arg, ...otherArgs] = root.arguments ?? [];
  if (otherArgs.length || arg?.name.value !== 'id') return null;
  let planId: PlanIdSource;
  if (arg.value.kind === Kind.VARIABLE) planId = { variable: arg.value.name.value };
  else if (arg.value.kind === Kind.STRING) planId = { literal: arg.value.value };
  else return null;
  let page: string;
  const c: Compiler = { n: 0, attention: false, details: false };
  try {
    page = objectJson(Plan, root.selectionSet, 'p', c);
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  const statements = new Map<string, string>();
  return {
    root,
    responseKey: root.alias?.value ?? 'plan',
    planId,
    // One text per scope condition (there are three), built once: a page's text is some 15 kB.
    statement: (scopeCondition) => {
      let text = statements.get(scopeCondition);
      if (text === undefined) {
        text = planPageStatement(page, scopeCondition, c);
        statements.set(scopeCondition, text);
      }
      return text;
    },
  };
}

function planPageStatement(page: string, scopeCondition: string, { attention, details }: Compiler): string {
  return `WITH RECURSIVE
  ${planFiguresCtes((column) => `${column} = $1::uuid`, '$2', { attention, details, wholeActivities: true })},
  page_goal_figures AS MATERIALIZED (SELECT * FROM goal_figures),
  page_activity_figures AS MATERIALIZED (SELECT * FROM activity_figures),
  page_indicator_figures AS MATERIALIZED (SELECT * FROM indicator_figures),
  page_plan_rollups AS MATERIALIZED (SELECT * FROM plan_rollups),
  page_links AS MATERIALIZED (
    SELECT l.activity_id, l.goal_id, l.weight, l.rationale, l.created_at,
           ${linkShareSql('l')} AS share
    FROM activity_goal_links l
    WHERE l.plan_id = $1::uuid
  ),
  page_goal_order (id, depth, sort_key) AS (
    SELECT g.id, 0, to_char(g.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || g.id::text
    FROM plan_goals g WHERE g.parent_id IS NULL
    UNION ALL
    SELECT g.id, o.depth + 1, o.sort_key || to_char(g.created_at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MISSUS') || g.id::text
    FROM page_goal_order o JOIN plan_goals g ON g.parent_id = o.id
  )
  SELECT (${page})::text AS page
  FROM plans p
  WHERE p.id = $1::uuid
    AND ${scopeCondition}
    AND ${currentSessionSql('$3', '$4')}`;
}
