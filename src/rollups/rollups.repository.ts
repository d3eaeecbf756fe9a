import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IndicatorStatus } from '../common/enums.js';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import { type Kroner, toMoney } from '../database/transformers.js';
import { ON_TRACK_MARGIN, ON_TRACK_SLACK } from './rollup-rules.js';

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
  cofinancingShare: number;
  cofinancingBelowMinimum: boolean;
}

/** Every figure of one plan: its roll-up and those of its goals, activities and indicators, by id. */
export interface PlanFigures {
  rollup: PlanRollupFigures;
  goals: Map<string, GoalRollupFigures>;
  activities: Map<string, ActivityFigures>;
  indicators: Map<string, IndicatorFigures>;
}

/** All given conditions are ANDed on plans; callers narrow to the caller's scope this way. */
export interface PortfolioFilter {
  poolId?: string;
  areaSecretariatId?: string;
  planId?: string;
}

export interface FocusAreaFigures {
  focusAreaId: string;
  activityCount: number;
  budget: Kroner;
  progress: number | null;
}

export interface MunicipalityFigures {
  municipalityId: string;
  planCount: number;
  lbfGrant: Kroner;
  progress: number | null;
}

export interface PortfolioFigures {
  planCount: number;
  activityCount: number;
  lbfGrant: Kroner;
  localCofinancing: Kroner;
  budget: Kroner;
  spent: Kroner;
  progress: number | null;
  /** By the focus area's pool start year, then its position in the pool's catalogue. */
  byFocusArea: FocusAreaFigures[];
  /** By municipality code. */
  byMunicipality: MunicipalityFigures[];
}

/*
 * SQL building blocks. Each rule is written once, as a CTE, and every statement that needs it
 * splices it in. The fragments are constants of this file; only `$n` placeholders vary, so no
 * input ever reaches the SQL text.
 */

/**
 * `activity_figures`: per activity matching `where` (alias a), the figures of its latest progress
 * entry and whether it is stale. The latest entry is activities.latest_progress_id, which the app
 * keeps current on every log; a trigger copies that entry's percent, spend and date onto the
 * activity row (migration LatestProgressFigures), so no history is read here at all. Since the latest
 * entry has the greatest reported_on, "no entry reported on or after today − interval" is a test on
 * its reported_on alone.
 */
function activityFiguresCte(where: string, today: string): string {
  return `
  activity_figures AS (
    SELECT a.id, a.plan_id, a.status, a.focus_area_id, a.budget, a.created_at, a.latest_progress_id,
           a.latest_percent_complete::float8 AS progress,
           coalesce(a.latest_spent, 0) AS spent,
           (a.status IN ('PLANNED', 'ACTIVE')
             AND a.start_date < ${today}::date
             AND (a.latest_reported_on IS NULL
                  OR a.latest_reported_on < ${today}::date - p.reporting_interval_days)) AS is_stale
    FROM activities a
    JOIN plans p ON p.id = a.plan_id
    WHERE ${where}
  )`;
}

/**
 * `activity_groups`: the non-cancelled activities matching `where` (alias a), summed per plan and
 * focus area in one pass: count, budget, spent (the latest entries' spend) and the sum of their
 * progress (the latest entries' percentComplete, 0 without one). Every portfolio total and breakdown
 * is a sum of these few thousand groups. Percentages are whole numbers, so their sums are exact and a
 * mean is one correctly rounded division, whatever order the rows come in.
 */
function activityGroupsCte(where: string): string {
  return `
  activity_groups AS (
    SELECT a.plan_id, a.focus_area_id,
           count(*) AS activity_count,
           sum(a.budget) AS budget,
           sum(coalesce(a.latest_spent, 0)) AS spent,
           sum(coalesce(a.latest_percent_complete, 0)) AS progress_sum
    FROM activities a
    WHERE ${where} AND a.status <> 'CANCELLED'
    GROUP BY a.plan_id, a.focus_area_id
  )`;
}

/**
 * `indicator_figures`: per indicator matching `where` (alias i), its latest measurement, attainment
 * and status, in double precision exactly as rollup-rules.ts computes them. The latest measurement
 * is one backward scan of measurements_indicator_idx (indicator_id, measured_on, recorded_at) per
 * indicator, stopping after the first (measured_on, recorded_at); id only breaks exact ties.
 * Without a baseline date the elapsed share is 1 (no start to measure from: hold the indicator to its
 * full target). A zero-length period counts as elapsed from its target date on.
 */
function indicatorFiguresCte(where: string, today: string): string {
  return `
  indicator_figures AS (
    SELECT i.id, i.goal_id, i.plan_id,
           latest.id AS latest_measurement_id,
           latest.value AS latest_value,
           latest.measured_on AS latest_measured_on,
           latest.note AS latest_note,
           latest.recorded_at AS latest_recorded_at,
           latest.recorded_by AS latest_recorded_by,
           calc.attainment,
           CASE
             WHEN i.baseline IS NULL THEN 'NO_BASELINE'
             WHEN latest.id IS NULL THEN 'NO_DATA'
             WHEN calc.attainment >= calc.elapsed - ${ON_TRACK_MARGIN}::float8 - ${ON_TRACK_SLACK}::float8 THEN 'ON_TRACK'
             ELSE 'OFF_TRACK'
           END AS status
    FROM indicators i
    LEFT JOIN LATERAL (
      SELECT m.id, m.value, m.measured_on, m.note, m.recorded_at, m.recorded_by
      FROM measurements m
      WHERE m.indicator_id = i.id
      ORDER BY m.measured_on DESC, m.recorded_at DESC, m.id DESC
      LIMIT 1
    ) latest ON true
    CROSS JOIN LATERAL (
      SELECT
        CASE
          WHEN i.baseline IS NULL OR latest.id IS NULL THEN NULL
          WHEN i.target = i.baseline THEN
            CASE WHEN (i.direction = 'INCREASE' AND latest.value >= i.target)
                   OR (i.direction = 'DECREASE' AND latest.value <= i.target)
                 THEN 1::float8 ELSE 0::float8 END
          ELSE least(1::float8, greatest(0::float8, (latest.value - i.baseline) / (i.target - i.baseline)))
        END AS attainment,
        CASE
          WHEN i.baseline_date IS NULL THEN 1::float8
          WHEN i.target_date = i.baseline_date THEN
            CASE WHEN ${today}::date >= i.target_date THEN 1::float8 ELSE 0::float8 END
          ELSE least(1::float8, greatest(0::float8,
                 (${today}::date - i.baseline_date)::float8 / (i.target_date - i.baseline_date)::float8))
        END AS elapsed
    ) calc
    WHERE ${where}
  )`;
}

/**
 * The figures of every plan whose id satisfies `plans` (SQL after `plan_id`, e.g. `= ANY($1::uuid[])`
 * or `IN (SELECT id FROM scoped_plans)`), as CTEs that planFigures and plansNeedingAttention share:
 *
 * - `activity_figures`: every activity (cancelled ones too: they have figures), `live` the others,
 *   with whether any link holds them; `links` with each activity's total weight.
 * - `goal_tree`: the plans' goals walked down from the roots, with depth and path from the root
 *   (itself included); `subtree` pairs every goal (root_id) with each goal of its subtree. Goals are
 *   never their own ancestors (the app refuses cycles), and a walk down from a root cannot loop.
 * - `served`: per goal, each live activity linked into its subtree, with
 *   s_a = (weights of its links into the subtree) / (weights of all its links), summed in numeric so
 *   that an activity whose links all lie in the subtree has s_a exactly 1. Budget and spent (Money)
 *   are summed as budget × w_sub / w_total in numeric, exact in the products and sums and carrying at
 *   least 16 significant digits through each division; only the goal's total is rounded to the
 *   krone, half away from zero. Progress is a Float, in double precision.
 * - `goal_figures`: each goal's subtree roll-up. A goal without activities (indicators) is one whose
 *   subtree has none.
 * - `plan_rollups`: one row per plan: totals over its live activities, the coherence lists (goals
 *   roots first by depth, created_at, id; activities by created_at, id) and co-financing, decided
 *   exactly in numeric as local < min × (grant + local); with no money at all the share is 0, below
 *   any positive minimum.
 *
 * Read plan by plan: activities (activities_plan_idx), links (activity_goal_links_plan_idx), goals
 * (goals_plan_idx), indicators (indicators_plan_idx), one backward index scan of measurements per
 * indicator. A link's plan is its activity's and its goal's: the app only links within a plan.
 */
function planFiguresCtes(plans: string, today: string, { indicatorStatus = true } = {}): string {
  // Without the indicators' status (plansNeedingAttention only asks whether a goal has indicators at
  // all), no latest measurement is looked up: 7,000 index probes fewer nationally.
  const indicators = indicatorStatus
    ? indicatorFiguresCte(`i.plan_id ${plans}`, today)
    : `indicator_figures AS (SELECT i.id, i.goal_id, i.plan_id, NULL::text AS status FROM indicators i WHERE i.plan_id ${plans})`;
  return `
  ${activityFiguresCte(`a.plan_id ${plans}`, today)},
  links AS (
    SELECT l.activity_id, l.goal_id, l.weight::numeric AS weight,
           sum(l.weight::numeric) OVER (PARTITION BY l.activity_id) AS total_weight
    FROM activity_goal_links l
    WHERE l.plan_id ${plans}
  ),
  live AS (
    SELECT af.*, af.id IN (SELECT activity_id FROM links) AS has_goal
    FROM activity_figures af
    WHERE af.status <> 'CANCELLED'
  ),
  plan_goals AS (
    SELECT g.id, g.plan_id, g.parent_id, g.created_at FROM goals g WHERE g.plan_id ${plans}
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
           sum((subtree_weight / total_weight)::float8 * coalesce(progress, 0))
             / sum((subtree_weight / total_weight)::float8) AS progress,
           round(sum(budget * subtree_weight / total_weight)) AS budget,
           round(sum(spent * subtree_weight / total_weight)) AS spent
    FROM served
    GROUP BY root_id
  ),
  ${indicators},
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
           array_agg(id ORDER BY created_at, id) FILTER (WHERE NOT has_goal) AS activities_without_goals,
           array_agg(id ORDER BY created_at, id) FILTER (WHERE is_stale) AS stale_activities
    FROM live
    GROUP BY plan_id
  ),
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
           CASE WHEN p.lbf_grant + p.local_cofinancing = 0 THEN 0::float8
                ELSE p.local_cofinancing::float8 / (p.lbf_grant + p.local_cofinancing)::float8
           END AS cofinancing_share,
           CASE WHEN p.lbf_grant + p.local_cofinancing = 0 THEN po.min_cofinancing_share > 0
                ELSE p.local_cofinancing < po.min_cofinancing_share * (p.lbf_grant + p.local_cofinancing)
           END AS cofinancing_below_minimum
    FROM plans p
    JOIN pools po ON po.id = p.pool_id
    LEFT JOIN plan_activity_totals at ON at.plan_id = p.id
    LEFT JOIN goal_gaps gg ON gg.plan_id = p.id
    WHERE p.id ${plans}
  )`;
}

/**
 * The statement behind planFigures, for the plans that `plans` selects (SQL after `plan_id`), with
 * $2 = today ('YYYY-MM-DD'): the shared CTEs, and the goals', activities' and indicators' figures as
 * JSON per plan.
 */
function planFiguresSql(plans: string): string {
  return `WITH RECURSIVE
  ${planFiguresCtes(plans, '$2')},
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
const PLAN_FIGURES_ONE = prepared('plan_figures_one', planFiguresSql('= $1::uuid'));
const PLAN_FIGURES_MANY = prepared('plan_figures_many', planFiguresSql('= ANY($1::uuid[])'));

interface PlanRollupRow {
  plan_id: string;
  activity_count: number;
  progress: number | null;
  budget: string;
  spent: string;
  goals_without_activities: string[];
  activities_without_goals: string[];
  goals_without_indicators: string[];
  stale_activities: string[];
  cofinancing_share: number;
  cofinancing_below_minimum: boolean;
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

interface PortfolioRow {
  plan_count: number;
  activity_count: number;
  lbf_grant: string;
  local_cofinancing: string;
  budget: string;
  spent: string;
  progress: number | null;
  /** Built with json_build_object; money as strings so JSON.parse cannot round it. */
  by_focus_area: { focusAreaId: string; activityCount: number; budget: string; progress: number | null }[];
  by_municipality: { municipalityId: string; planCount: number; lbfGrant: string; progress: number | null }[];
}

/**
 * The roll-up figures of DOMAIN.md, each method one aggregate statement over a batch of ids (the
 * portfolio: one statement over the filtered plans). Sums, means and lists are computed in SQL; the
 * code here only converts types. `today` ('YYYY-MM-DD') is passed in so that tests can fix the clock.
 * Ids that do not exist are absent from the returned maps.
 */
@Injectable()
export class RollupsRepository {
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

  /**
   * The portfolio of the plans matching every given condition of `filter`: counts, sums and
   * breakdowns in one statement, from one pass over the plans' non-cancelled activities (their latest
   * figures are on their own rows; see activityGroupsCte). No "today": nothing here depends on it.
   * Plans come from plans_pool_idx / plans_area_secretariat_idx / plans_pkey as the filter allows.
   * Progress everywhere is the mean over the activities themselves (exact sums of whole percentages
   * over the count), never a mean of plan means. The plans needing attention take the goal
   * trees of every plan, so they are a statement of their own, run only when asked for.
   */
  async portfolioRollup(filter: PortfolioFilter): Promise<PortfolioFigures> {
    const { where, params } = portfolioScope(filter, []);
    // Without a filter (the national roll-up) every activity is in scope: no semi-join to the plans.
    const inScope = where === 'true' ? 'true' : 'a.plan_id IN (SELECT id FROM scoped_plans)';
    const [row]: PortfolioRow[] = await this.dataSource.query(
      `WITH
       scoped_plans AS (SELECT p.id, p.municipality_id, p.lbf_grant, p.local_cofinancing FROM plans p WHERE ${where}),
       ${activityGroupsCte(inScope)},
       plan_totals AS (
         SELECT count(*)::int AS plan_count,
                coalesce(sum(lbf_grant), 0) AS lbf_grant,
                coalesce(sum(local_cofinancing), 0) AS local_cofinancing
         FROM scoped_plans
       ),
       portfolio_activity_totals AS (
         SELECT coalesce(sum(activity_count), 0)::int AS activity_count,
                coalesce(sum(budget), 0) AS budget,
                coalesce(sum(spent), 0) AS spent,
                sum(progress_sum)::float8 / nullif(sum(activity_count), 0)::float8 AS progress
         FROM activity_groups
       ),
       by_focus_area AS (
         SELECT g.focus_area_id,
                sum(g.activity_count)::int AS activity_count,
                sum(g.budget) AS budget,
                sum(g.progress_sum)::float8 / sum(g.activity_count)::float8 AS progress
         FROM activity_groups g
         WHERE g.focus_area_id IS NOT NULL
         GROUP BY g.focus_area_id
       ),
       municipality_plans AS (
         SELECT municipality_id, count(*)::int AS plan_count, sum(lbf_grant) AS lbf_grant
         FROM scoped_plans
         GROUP BY municipality_id
       ),
       municipality_activities AS (
         SELECT p.municipality_id, sum(g.progress_sum)::float8 / sum(g.activity_count)::float8 AS progress
         FROM activity_groups g
         JOIN scoped_plans p ON p.id = g.plan_id
         GROUP BY p.municipality_id
       )
       SELECT pt.plan_count, pt.lbf_grant, pt.local_cofinancing,
              pat.activity_count, pat.budget, pat.spent, pat.progress,
              (SELECT coalesce(json_agg(json_build_object(
                        'focusAreaId', f.focus_area_id, 'activityCount', f.activity_count,
                        'budget', f.budget::text, 'progress', f.progress)
                      ORDER BY po.start_year, po.name, fa.position, f.focus_area_id), '[]'::json)
               FROM by_focus_area f
               JOIN focus_areas fa ON fa.id = f.focus_area_id
               JOIN pools po ON po.id = fa.pool_id) AS by_focus_area,
              (SELECT coalesce(json_agg(json_build_object(
                        'municipalityId', mp.municipality_id, 'planCount', mp.plan_count,
                        'lbfGrant', mp.lbf_grant::text, 'progress', ma.progress)
                      ORDER BY m.code), '[]'::json)
               FROM municipality_plans mp
               JOIN municipalities m ON m.id = mp.municipality_id
               LEFT JOIN municipality_activities ma ON ma.municipality_id = mp.municipality_id) AS by_municipality
       FROM plan_totals pt
       CROSS JOIN portfolio_activity_totals pat`,
      params,
    );
    return {
      planCount: row.plan_count,
      activityCount: row.activity_count,
      lbfGrant: toMoney(row.lbf_grant),
      localCofinancing: toMoney(row.local_cofinancing),
      budget: toMoney(row.budget),
      spent: toMoney(row.spent),
      progress: row.progress,
      byFocusArea: row.by_focus_area.map((f) => ({
        focusAreaId: f.focusAreaId,
        activityCount: f.activityCount,
        budget: toMoney(f.budget),
        progress: f.progress,
      })),
      byMunicipality: row.by_municipality.map((m) => ({
        municipalityId: m.municipalityId,
        planCount: m.planCount,
        lbfGrant: toMoney(m.lbfGrant),
        progress: m.progress,
      })),
    };
  }

  /**
   * The portfolio's plans with any coherence warning (a goal without activities or indicators, an
   * activity without goals, co-financing below the minimum) or a stale activity, by title, then id.
   * Over thousands of plans, the planner's guess at the recursive goal_tree inflates the estimated
   * cost past PostgreSQL's JIT thresholds, and JIT compilation then costs more than the query itself
   * (2000 plans: about 1.2 s without JIT, 3 s with it): the connection runs with jit off.
   */
  async plansNeedingAttention(filter: PortfolioFilter, today: string): Promise<string[]> {
    const { where, params } = portfolioScope(filter, [today]);
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH RECURSIVE
       scoped_plans AS (SELECT p.id FROM plans p WHERE ${where}),
       ${planFiguresCtes('IN (SELECT id FROM scoped_plans)', '$1', { indicatorStatus: false })}
       SELECT p.id
       FROM plan_rollups r
       JOIN plans p ON p.id = r.plan_id
       WHERE cardinality(r.goals_without_activities) > 0
          OR cardinality(r.activities_without_goals) > 0
          OR cardinality(r.goals_without_indicators) > 0
          OR cardinality(r.stale_activities) > 0
          OR r.cofinancing_below_minimum
       ORDER BY p.title, p.id`,
      params,
    );
    return rows.map((r) => r.id);
  }
}

/**
 * Hooks for the spreadsheet exports (src/spreadsheets/), which write every plan of a portfolio and
 * need only part of planFigures: the same CTEs, so the same figures, without the per-goal and
 * per-indicator JSON (or, for the activities, anything but their own figures). Many plans at once.
 */
const PLAN_ROLLUPS_MANY = prepared(
  'plan_rollups_many',
  `WITH RECURSIVE ${planFiguresCtes('= ANY($1::uuid[])', '$2', { indicatorStatus: false })} SELECT * FROM plan_rollups`,
);
const ACTIVITY_FIGURES_MANY = prepared(
  'activity_figures_many',
  `WITH ${activityFiguresCte('a.plan_id = ANY($1::uuid[])', '$2')}
   SELECT id, latest_progress_id, progress, spent::text AS spent, is_stale FROM activity_figures`,
);

/** Export reads of RollupsRepository (a separate class keeps the repository's own surface as it is). */
@Injectable()
export class RollupsExportReads {
  constructor(private readonly dataSource: DataSource) {}

  /** The roll-up of each plan, as planFigures(…).rollup gives it. */
  async planRollups(planIds: string[], today: string): Promise<Map<string, PlanRollupFigures>> {
    if (planIds.length === 0) return new Map();
    const rows = await readRows<PlanRollupRow>(this.dataSource, PLAN_ROLLUPS_MANY, [planIds, today]);
    return new Map(rows.map((r) => [r.plan_id, toPlanFigures({ ...r, goals: [], activities: [], indicators: [] }).rollup]));
  }

  /** The figures of every activity of the plans, as planFigures(…).activities gives them. */
  async activityFigures(planIds: string[], today: string): Promise<Map<string, ActivityFigures>> {
    if (planIds.length === 0) return new Map();
    const rows = await readRows<{ id: string; latest_progress_id: string | null; progress: number | null; spent: string; is_stale: boolean }>(
      this.dataSource,
      ACTIVITY_FIGURES_MANY,
      [planIds, today],
    );
    return new Map(
      rows.map((r) => [r.id, { activityId: r.id, latestProgressId: r.latest_progress_id, progress: r.progress, spent: toMoney(r.spent), isStale: r.is_stale }]),
    );
  }
}

/** The filter's conditions on plans (alias p) as SQL with `$n` parameters numbered after `leading`. */
export function portfolioScope(filter: PortfolioFilter, leading: unknown[]): { where: string; params: unknown[] } {
  const params: unknown[] = [...leading];
  const conditions: string[] = [];
  for (const [column, value] of [
    ['p.pool_id', filter.poolId],
    ['p.area_secretariat_id', filter.areaSecretariatId],
    ['p.id', filter.planId],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    conditions.push(`${column} = $${params.length}::uuid`);
  }
  return { where: conditions.length ? conditions.join(' AND ') : 'true', params };
}

function toPlanFigures(r: PlanFiguresRow): PlanFigures {
  return {
    rollup: {
      planId: r.plan_id,
      activityCount: r.activity_count,
      progress: r.progress,
      budget: toMoney(r.budget),
      spent: toMoney(r.spent),
      goalsWithoutActivities: r.goals_without_activities,
      activitiesWithoutGoals: r.activities_without_goals,
      goalsWithoutIndicators: r.goals_without_indicators,
      staleActivities: r.stale_activities,
      cofinancingShare: r.cofinancing_share,
      cofinancingBelowMinimum: r.cofinancing_below_minimum,
    },
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
