import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttentionReason, IndicatorStatus } from '../common/enums.js';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import { type Kroner, toMoney } from '../database/transformers.js';
import {
  activityFiguresCte,
  activityFlagsCte,
  cofinancingBelowMinimumSql,
  indicatorFiguresCte,
  type PlanCondition,
  planAttentionCtes,
} from './rollup-sql.js';

export interface ActivityFigures {
  activityId: string;
  latestProgressId: string | null;
  /** percentComplete of the latest entry; null without entries. */
  progress: number | null;
  /** spent of the latest entry; 0 without entries or when that entry gave none. */
  spent: Kroner;
  isStale: boolean;
}

export interface LatestMeasurement {
  id: string;
  value: number;
  measuredOn: string;
  note: string | null;
  recordedAt: Date;
  recordedBy: string;
}

export interface IndicatorFigures {
  indicatorId: string;
  /** By measuredOn, then by when it was recorded; null without measurements. */
  latest: LatestMeasurement | null;
  attainment: number | null;
  status: IndicatorStatus;
}

export interface GoalRollupFigures {
  goalId: string;
  activityCount: number;
  progress: number | null;
  budget: Kroner;
  spent: Kroner;
  indicatorCount: number;
  indicatorsOnTrack: number;
}

export interface PlanRollupFigures {
  planId: string;
  activityCount: number;
  progress: number | null;
  budget: Kroner;
  spent: Kroner;
  /** Roots first: by depth, then created_at, then id. */
  goalsWithoutActivities: string[];
  /** By created_at, then id. */
  activitiesWithoutGoals: string[];
  goalsWithoutIndicators: string[];
  staleActivities: string[];
  /** Non-cancelled activities whose spent exceeds their budget (a warning, not a refusal), by created_at, then id. */
  overspentActivities: string[];
  cofinancingShare: number;
  cofinancingBelowMinimum: boolean;
  /** In AttentionReason's order; empty when the plan needs no attention. */
  attentionReasons: AttentionReason[];
}

/** Every figure of one plan: its roll-up and those of its goals, activities and indicators, by id. */
export interface PlanFigures {
  rollup: PlanRollupFigures;
  goals: Map<string, GoalRollupFigures>;
  activities: Map<string, ActivityFigures>;
  indicators: Map<string, IndicatorFigures>;
}

/**
 * The figures of every plan whose id `inPlans` accepts, as CTEs:
 *
 * - `activity_figures`: every activity (cancelled ones too: they have figures), `live` the others.
 *   With `wholeActivities`, each carries every column of its row, for a statement that shows the
 *   activities themselves (src/plans/page/): it then reads them once.
 *   `links` with each activity's total weight. An activity serves no goal when its goal_link_count
 *   (kept by triggers) is 0.
 * - `goal_tree`: the plans' goals walked down from the roots, with depth and path from the root
 *   (itself included); `subtree` pairs every goal (root_id) with each goal of its subtree. Goals are
 *   never their own ancestors (the app refuses cycles), and a walk down from a root cannot loop.
 * - `served`: per goal, each live activity linked into its subtree, with
 *   s_a = (weights of its links into the subtree) / (weights of all its links), summed in numeric so
 *   that an activity whose links all lie in the subtree has s_a exactly 1. Budget and spent (Money)
 *   are summed as budget × w_sub / w_total in numeric, exact in the products and sums and carrying at
 *   least 16 significant digits through each division; only the goal's total is rounded to the
 *   krone, half away from zero. Progress is a Float, in double precision, summed in the order of the
 *   activities' ids: a sum of doubles depends on its order, and without one each statement's plan
 *   would pick its own (the plan page's statement and this one once differed in the last digit).
 * - `goal_figures`: each goal's subtree roll-up. A goal without activities (indicators) is one whose
 *   subtree has none.
 * - `plan_attention`: the attention reasons (rollup-sql.ts activityFlagsCte and planAttentionCtes,
 *   the rules the portfolio's plansNeedingAttention uses too).
 * - `plan_rollups`: one row per plan: totals over its live activities, the coherence and overspending
 *   lists (goals roots first by depth, created_at, id; activities by created_at, id), co-financing
 *   (cofinancingBelowMinimumSql) and the attention reasons (null with `attention: false`, for a
 *   statement that shows none: the CTEs behind them are then never evaluated).
 *
 * Read plan by plan: activities (activities_plan_idx), links (activity_goal_links_plan_idx), goals
 * (goals_plan_idx), indicators (indicators_plan_idx) with their latest measurement by primary key. A
 * link's plan is its activity's and its goal's: the app only links within a plan.
 */
export function planFiguresCtes(
  inPlans: PlanCondition,
  today: string,
  {
    details = true,
    attention = true,
    wholeActivities = false,
  }: { details?: boolean; attention?: boolean; wholeActivities?: boolean } = {},
): string {
  return `
  ${activityFiguresCte(inPlans('a.plan_id'), today, { whole: wholeActivities })},
  links AS (
    SELECT l.activity_id, l.goal_id, l.weight::numeric AS weight,
           sum(l.weight::numeric) OVER (PARTITION BY l.activity_id) AS total_weight
    FROM activity_goal_links l
    WHERE ${inPlans('l.plan_id')}
  ),
  live AS (
    SELECT af.* FROM activity_figures af WHERE af.status <> 'CANCELLED'
  ),
  plan_goals AS (
    SELECT g.id, g.plan_id, g.parent_id, g.created_at FROM goals g WHERE ${inPlans('g.plan_id')}
  ),
  goal_tree (plan_id, id, depth, created_at, path) AS (
    SELECT g.plan_id, g.id, 0, g.created_at, ARRAY[g.id] FROM plan_goals g WHERE g.parent_id IS NULL
    UNION ALL
    SELECT c.plan_id, c.id, t.depth + 1, c.created_at, t.path || c.id
    FROM goal_tree t
    JOIN plan_goals c ON c.parent_id = t.id
  ),
  subtree AS (
    SELECT unnest(t.path) AS root_id, t.id AS goal_id FROM goal_tree t
  ),
  served AS (
    SELECT s.root_id, lv.id, lv.progress, lv.budget, lv.spent,
           sum(l.weight) AS subtree_weight, min(l.total_weight) AS total_weight
    FROM subtree s
    JOIN links l ON l.goal_id = s.goal_id
    JOIN live lv ON lv.id = l.activity_id
    GROUP BY s.root_id, lv.id, lv.progress, lv.budget, lv.spent
  ),
  goal_activity_totals AS (
    SELECT root_id,
           count(*)::int AS activity_count,
           sum((subtree_weight / total_weight)::float8 * coalesce(progress, 0) ORDER BY id)
             / sum((subtree_weight / total_weight)::float8 ORDER BY id) AS progress,
           round(sum(budget * subtree_weight / total_weight)) AS budget,
           round(sum(spent * subtree_weight / total_weight)) AS spent
    FROM served
    GROUP BY root_id
  ),
  ${indicatorFiguresCte(inPlans('i.plan_id'), today, { details })},
  goal_indicator_totals AS (
    SELECT s.root_id,
           count(*)::int AS indicator_count,
           (count(*) FILTER (WHERE i.status = 'ON_TRACK'))::int AS indicators_on_track
    FROM subtree s
    JOIN indicator_figures i ON i.goal_id = s.goal_id
    GROUP BY s.root_id
  ),
  goal_figures AS (
    SELECT t.plan_id, t.id, t.depth, t.created_at,
           coalesce(ga.activity_count, 0) AS activity_count, ga.progress,
           coalesce(ga.budget, 0) AS budget, coalesce(ga.spent, 0) AS spent,
           coalesce(gi.indicator_count, 0) AS indicator_count,
           coalesce(gi.indicators_on_track, 0) AS indicators_on_track
    FROM goal_tree t
    LEFT JOIN goal_activity_totals ga ON ga.root_id = t.id
    LEFT JOIN goal_indicator_totals gi ON gi.root_id = t.id
  ),
  goal_gaps AS (
    SELECT plan_id,
           array_agg(id ORDER BY depth, created_at, id) FILTER (WHERE activity_count = 0) AS goals_without_activities,
           array_agg(id ORDER BY depth, created_at, id) FILTER (WHERE indicator_count = 0) AS goals_without_indicators
    FROM goal_figures
    GROUP BY plan_id
  ),
  plan_activity_totals AS (
    SELECT plan_id,
           count(*)::int AS activity_count,
           avg(coalesce(progress, 0)) AS progress,
           sum(budget) AS budget,
           sum(spent) AS spent,
           array_agg(id ORDER BY created_at, id) FILTER (WHERE goal_link_count = 0) AS activities_without_goals,
           array_agg(id ORDER BY created_at, id) FILTER (WHERE is_stale) AS stale_activities,
           array_agg(id ORDER BY created_at, id) FILTER (WHERE spent > budget) AS overspent_activities
    FROM live
    GROUP BY plan_id
  ),
  ${activityFlagsCte(inPlans, today)},
  ${planAttentionCtes(inPlans, today)},
  plan_rollups AS (
    SELECT p.id AS plan_id,
           coalesce(at.activity_count, 0) AS activity_count,
           at.progress,
           coalesce(at.budget, 0) AS budget,
           coalesce(at.spent, 0) AS spent,
           coalesce(gg.goals_without_activities, '{}') AS goals_without_activities,
           coalesce(at.activities_without_goals, '{}') AS activities_without_goals,
           coalesce(gg.goals_without_indicators, '{}') AS goals_without_indicators,
           coalesce(at.stale_activities, '{}') AS stale_activities,
           coalesce(at.overspent_activities, '{}') AS overspent_activities,
           CASE WHEN p.lbf_grant + p.local_cofinancing = 0 THEN 0::float8
                ELSE p.local_cofinancing::float8 / (p.lbf_grant + p.local_cofinancing)::float8
           END AS cofinancing_share,
           ${cofinancingBelowMinimumSql('p', 'po')} AS cofinancing_below_minimum,
           ${attention ? 'pa.reasons' : 'NULL::text[]'} AS attention_reasons
    FROM plans p
    JOIN pools po ON po.id = p.pool_id
    ${attention ? 'JOIN plan_attention pa ON pa.plan_id = p.id' : ''}
    LEFT JOIN plan_activity_totals at ON at.plan_id = p.id
    LEFT JOIN goal_gaps gg ON gg.plan_id = p.id
    WHERE ${inPlans('p.id')}
  )`;
}

/**
 * The statement behind planFigures, for the plans that `inPlans` selects by $1, with $2 = today
 * ('YYYY-MM-DD'): the CTEs above, and the goals', activities' and indicators' figures as JSON per plan.
 */
function planFiguresSql(inPlans: PlanCondition): string {
  return `WITH RECURSIVE
  ${planFiguresCtes(inPlans, '$2')},
  plan_goal_figures AS (
    SELECT plan_id,
           json_agg(json_build_object(
             'id', id, 'activityCount', activity_count, 'progress', progress,
             'budget', budget::text, 'spent', spent::text,
             'indicatorCount', indicator_count, 'indicatorsOnTrack', indicators_on_track)) AS goals
    FROM goal_figures
    GROUP BY plan_id
  ),
  plan_activity_figures AS (
    SELECT plan_id,
           json_agg(json_build_object(
             'id', id, 'latestProgressId', latest_progress_id, 'progress', progress,
             'spent', spent::text, 'isStale', is_stale)) AS activities
    FROM activity_figures
    GROUP BY plan_id
  ),
  plan_indicator_figures AS (
    SELECT plan_id,
           json_agg(json_build_object(
             'id', id, 'attainment', attainment, 'status', status,
             'latest', CASE WHEN latest_measurement_id IS NULL THEN NULL ELSE json_build_object(
               'id', latest_measurement_id, 'value', latest_value, 'measuredOn', latest_measured_on,
               'note', latest_note, 'recordedAt', latest_recorded_at, 'recordedBy', latest_recorded_by) END)) AS indicators
    FROM indicator_figures
    GROUP BY plan_id
  )
  SELECT r.*,
         coalesce(pg.goals, '[]') AS goals,
         coalesce(pa.activities, '[]') AS activities,
         coalesce(pi.indicators, '[]') AS indicators
  FROM plan_rollups r
  LEFT JOIN plan_goal_figures pg ON pg.plan_id = r.plan_id
  LEFT JOIN plan_activity_figures pa ON pa.plan_id = r.plan_id
  LEFT JOIN plan_indicator_figures pi ON pi.plan_id = r.plan_id`;
}

/**
 * One plan ($1 a uuid), the plan page's case, and any number of plans ($1 a uuid[]). Both are
 * prepared on a real server; with a single id PostgreSQL settles on a generic plan, which saves the
 * few milliseconds that planning this statement takes (with an array it keeps planning each time,
 * since it cannot know how many plans will come).
 */
const PLAN_FIGURES_ONE = prepared('plan_figures_one', planFiguresSql((column) => `${column} = $1::uuid`));
const PLAN_FIGURES_MANY = prepared('plan_figures_many', planFiguresSql((column) => `${column} = ANY($1::uuid[])`));

/** A row of plan_rollups (planFiguresCtes). */
export interface PlanRollupRow {
  plan_id: string;
  activity_count: number;
  progress: number | null;
  budget: string;
  spent: string;
  goals_without_activities: string[];
  activities_without_goals: string[];
  goals_without_indicators: string[];
  stale_activities: string[];
  overspent_activities: string[];
  cofinancing_share: number;
  cofinancing_below_minimum: boolean;
  attention_reasons: AttentionReason[];
}

/** The JSON columns of planFiguresSql carry money as strings, so that JSON.parse cannot round it. */
interface PlanFiguresRow extends PlanRollupRow {
  goals: {
    id: string;
    activityCount: number;
    progress: number | null;
    budget: string;
    spent: string;
    indicatorCount: number;
    indicatorsOnTrack: number;
  }[];
  activities: { id: string; latestProgressId: string | null; progress: number | null; spent: string; isStale: boolean }[];
  indicators: {
    id: string;
    attainment: number | null;
    status: IndicatorStatus;
    latest: { id: string; value: number; measuredOn: string; note: string | null; recordedAt: string; recordedBy: string } | null;
  }[];
}

/**
 * Every figure of the plans a request shows (docs/rollups.md), in one aggregate statement
 * over a batch of plan ids. Sums, means and lists are computed in SQL; the code here only converts
 * types. `today` ('YYYY-MM-DD') is passed in so that tests can fix the clock. Ids that do not exist
 * are absent from the returned map.
 */
@Injectable()
export class PlanFiguresRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every figure of each requested plan in one statement: the plan's roll-up and coherence lists, each
   * goal's subtree roll-up, each activity's latest figures and staleness (cancelled ones too: they
   * have figures), each indicator's latest measurement, attainment and status. They share every
   * intermediate result (the goal tree, the links and their weights, the activities' figures), so
   * one statement per request does what five did (bench/analysis.md: W1). The rules: planFiguresCtes.
   */
  async planFigures(planIds: string[], today: string): Promise<Map<string, PlanFigures>> {
    if (planIds.length === 0) return new Map();
    const rows: PlanFiguresRow[] =
      planIds.length === 1
        ? await readRows<PlanFiguresRow>(this.dataSource, PLAN_FIGURES_ONE, [planIds[0], today])
        : await readRows<PlanFiguresRow>(this.dataSource, PLAN_FIGURES_MANY, [planIds, today]);
    return new Map(rows.map((r) => [r.plan_id, toPlanFigures(r)]));
  }
}

export function toPlanRollupFigures(r: PlanRollupRow): PlanRollupFigures {
  return {
    planId: r.plan_id,
    activityCount: r.activity_count,
    progress: r.progress,
    budget: toMoney(r.budget),
    spent: toMoney(r.spent),
    goalsWithoutActivities: r.goals_without_activities,
    activitiesWithoutGoals: r.activities_without_goals,
    goalsWithoutIndicators: r.goals_without_indicators,
    staleActivities: r.stale_activities,
    overspentActivities: r.overspent_activities,
    cofinancingShare: r.cofinancing_share,
    cofinancingBelowMinimum: r.cofinancing_below_minimum,
    attentionReasons: r.attention_reasons,
  };
}

function toPlanFigures(r: PlanFiguresRow): PlanFigures {
  return {
    rollup: toPlanRollupFigures(r),
    goals: new Map(
      r.goals.map((g) => [
        g.id,
        {
          goalId: g.id,
          activityCount: g.activityCount,
          progress: g.progress,
          budget: toMoney(g.budget),
          spent: toMoney(g.spent),
          indicatorCount: g.indicatorCount,
          indicatorsOnTrack: g.indicatorsOnTrack,
        },
      ]),
    ),
    activities: new Map(
      r.activities.map((a) => [
        a.id,
        { activityId: a.id, latestProgressId: a.latestProgressId, progress: a.progress, spent: toMoney(a.spent), isStale: a.isStale },
      ]),
    ),
    indicators: new Map(
      r.indicators.map((i) => [
        i.id,
        {
          indicatorId: i.id,
          attainment: i.attainment,
          status: i.status,
          latest: i.latest && { ...i.latest, recordedAt: new Date(i.latest.recordedAt) },
        },
      ]),
    ),
  };
}
