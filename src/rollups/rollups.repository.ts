import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IndicatorStatus } from '../common/enums.js';
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

export interface IndicatorFigures {
  indicatorId: string;
  latestMeasurementId: string | null;
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
           calc.attainment,
           CASE
             WHEN i.baseline IS NULL THEN 'NO_BASELINE'
             WHEN latest.id IS NULL THEN 'NO_DATA'
             WHEN calc.attainment >= calc.elapsed - ${ON_TRACK_MARGIN}::float8 - ${ON_TRACK_SLACK}::float8 THEN 'ON_TRACK'
             ELSE 'OFF_TRACK'
           END AS status
    FROM indicators i
    LEFT JOIN LATERAL (
      SELECT m.id, m.value
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
 * Given a CTE `scoped_plans` (rows of plans), the per-plan totals and coherence findings as
 * `plan_figures`, one row per scoped plan. Used by planRollups and portfolioRollup alike.
 *
 * Everything is read plan by plan: activities through activities_plan_idx, links through
 * activity_goal_links_plan_idx, indicators through indicators_plan_idx, the roots through
 * goals_plan_idx and each further level of the tree through goals_parent_idx (or, for many plans,
 * one hash of goals). A link's plan_id is its activity's and its goal's plan: the app only links
 * within a plan.
 *
 * - `plan_activities`: the plans' non-cancelled activities, and whether any link holds them.
 * - `goal_tree`: every goal of the plans, walked down from the roots, with its depth and its path
 *   from the root (itself included). Goals are never their own ancestors (the app refuses cycles),
 *   and a walk down from a root cannot enter a cycle anyway.
 * - A goal's subtree is served (measured) when some goal in it is linked to a non-cancelled activity
 *   (has an indicator): so the served goals are the union of the paths of the directly served ones.
 * - Co-financing below the minimum is decided exactly in numeric, local < min × (grant + local); with
 *   no money at all the share is 0, below any positive minimum.
 */
function planFiguresCtes(today: string): string {
  return `
  ${activityFiguresCte(`a.plan_id IN (SELECT id FROM scoped_plans) AND a.status <> 'CANCELLED'`, today)},
  plan_links AS (
    SELECT l.activity_id, l.goal_id
    FROM activity_goal_links l
    WHERE l.plan_id IN (SELECT id FROM scoped_plans)
  ),
  plan_activities AS (
    SELECT af.*, af.id IN (SELECT activity_id FROM plan_links) AS has_goal
    FROM activity_figures af
  ),
  goal_tree (plan_id, id, depth, created_at, path) AS (
    SELECT g.plan_id, g.id, 0, g.created_at, ARRAY[g.id]
    FROM goals g
    WHERE g.plan_id IN (SELECT id FROM scoped_plans) AND g.parent_id IS NULL
    UNION ALL
    SELECT c.plan_id, c.id, t.depth + 1, c.created_at, t.path || c.id
    FROM goal_tree t
    JOIN goals c ON c.parent_id = t.id
  ),
  served_goals AS (
    SELECT DISTINCT unnest(t.path) AS id
    FROM goal_tree t
    WHERE t.id IN (SELECT l.goal_id FROM plan_links l JOIN plan_activities pa ON pa.id = l.activity_id)
  ),
  measured_goals AS (
    SELECT DISTINCT unnest(t.path) AS id
    FROM goal_tree t
    WHERE t.id IN (SELECT i.goal_id FROM indicators i WHERE i.plan_id IN (SELECT id FROM scoped_plans))
  ),
  goal_gaps AS (
    SELECT t.plan_id,
           array_agg(t.id ORDER BY t.depth, t.created_at, t.id) FILTER (WHERE sg.id IS NULL) AS goals_without_activities,
           array_agg(t.id ORDER BY t.depth, t.created_at, t.id) FILTER (WHERE mg.id IS NULL) AS goals_without_indicators
    FROM goal_tree t
    LEFT JOIN served_goals sg ON sg.id = t.id
    LEFT JOIN measured_goals mg ON mg.id = t.id
    GROUP BY t.plan_id
  ),
  activity_totals AS (
    SELECT pa.plan_id,
           count(*)::int AS activity_count,
           avg(coalesce(pa.progress, 0)) AS progress,
           sum(pa.budget) AS budget,
           sum(pa.spent) AS spent,
           array_agg(pa.id ORDER BY pa.created_at, pa.id) FILTER (WHERE NOT pa.has_goal) AS activities_without_goals,
           array_agg(pa.id ORDER BY pa.created_at, pa.id) FILTER (WHERE pa.is_stale) AS stale_activities
    FROM plan_activities pa
    GROUP BY pa.plan_id
  ),
  plan_figures AS (
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
    FROM scoped_plans p
    JOIN pools po ON po.id = p.pool_id
    LEFT JOIN activity_totals at ON at.plan_id = p.id
    LEFT JOIN goal_gaps gg ON gg.plan_id = p.id
  )`;
}

interface ActivityFiguresRow {
  id: string;
  latest_progress_id: string | null;
  progress: number | null;
  spent: string;
  is_stale: boolean;
}

interface IndicatorFiguresRow {
  id: string;
  latest_measurement_id: string | null;
  attainment: number | null;
  status: IndicatorStatus;
}

interface GoalRollupRow {
  goal_id: string;
  activity_count: number;
  progress: number | null;
  budget: string;
  spent: string;
  indicator_count: number;
  indicators_on_track: number;
}

interface PlanFiguresRow {
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

  /** Latest progress, spend and staleness per activity (cancelled ones included: they have figures too). */
  async activityFigures(activityIds: string[], today: string): Promise<Map<string, ActivityFigures>> {
    if (activityIds.length === 0) return new Map();
    const rows: ActivityFiguresRow[] = await this.dataSource.query(
      `WITH ${activityFiguresCte('a.id = ANY($1::uuid[])', '$2')}
       SELECT id, latest_progress_id, progress, spent, is_stale FROM activity_figures`,
      [activityIds, today],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          activityId: r.id,
          latestProgressId: r.latest_progress_id,
          progress: r.progress,
          spent: toMoney(r.spent),
          isStale: r.is_stale,
        },
      ]),
    );
  }

  /** Latest measurement, attainment and status per indicator. */
  async indicatorFigures(indicatorIds: string[], today: string): Promise<Map<string, IndicatorFigures>> {
    if (indicatorIds.length === 0) return new Map();
    const rows: IndicatorFiguresRow[] = await this.dataSource.query(
      `WITH ${indicatorFiguresCte('i.id = ANY($1::uuid[])', '$2')}
       SELECT id, latest_measurement_id, attainment, status FROM indicator_figures`,
      [indicatorIds, today],
    );
    return new Map(
      rows.map((r) => [
        r.id,
        {
          indicatorId: r.id,
          latestMeasurementId: r.latest_measurement_id,
          attainment: r.attainment,
          status: r.status,
        },
      ]),
    );
  }

  /**
   * Per requested goal, the roll-up of its subtree (the goal and all its descendants).
   *
   * Read plan by plan: the goals (goals_plan_idx), links (activity_goal_links_plan_idx), activities
   * (activities_plan_idx) and indicators (indicators_plan_idx) of the requested goals' plans; a
   * request usually covers one plan's goals, a few dozen rows of each. The plans are given as
   * `= ANY(ARRAY(SELECT …))`: the planner then assumes a handful of plans and reads them by index,
   * where `IN (SELECT …)` over the CTE made it guess one plan per requested goal and scan whole
   * tables (EXPLAIN on 2000 plans: 32 ms → 6 ms). `subtree` pairs each requested goal (root_id) with
   * every goal below it; UNION rather than UNION ALL so that a cycle in bad data ends the walk
   * instead of looping.
   *
   * s_a = (weights of a's links into the subtree) / (weights of all a's links), summed in numeric so
   * an activity whose links all lie in the subtree has s_a exactly 1. Budget and spent are Money
   * (whole kroner): sum(budget × w_sub / w_total) is computed in numeric, exact for the products and
   * sums and carrying at least 16 significant digits through each division, and only the final sum
   * is rounded to the krone, with numeric round() (half away from zero). Progress is a Float,
   * computed in double precision.
   */
  async goalRollups(goalIds: string[], today: string): Promise<Map<string, GoalRollupFigures>> {
    if (goalIds.length === 0) return new Map();
    const rows: GoalRollupRow[] = await this.dataSource.query(
      `WITH RECURSIVE
       requested AS (
         SELECT g.id, g.plan_id FROM goals g WHERE g.id = ANY($1::uuid[])
       ),
       plan_goals AS (
         SELECT g.id, g.parent_id FROM goals g WHERE g.plan_id = ANY(ARRAY(SELECT plan_id FROM requested))
       ),
       subtree (root_id, goal_id) AS (
         SELECT r.id, r.id FROM requested r
         UNION
         SELECT s.root_id, c.id
         FROM subtree s
         JOIN plan_goals c ON c.parent_id = s.goal_id
       ),
       plan_links AS (
         SELECT l.activity_id, l.goal_id, l.weight::numeric AS weight
         FROM activity_goal_links l
         WHERE l.plan_id = ANY(ARRAY(SELECT plan_id FROM requested))
       ),
       total_weights AS (
         SELECT activity_id, sum(weight) AS weight FROM plan_links GROUP BY activity_id
       ),
       subtree_weights AS (
         SELECT s.root_id, l.activity_id, sum(l.weight) AS weight
         FROM subtree s
         JOIN plan_links l ON l.goal_id = s.goal_id
         GROUP BY s.root_id, l.activity_id
       ),
       ${activityFiguresCte(`a.plan_id = ANY(ARRAY(SELECT plan_id FROM requested)) AND a.status <> 'CANCELLED'`, '$2')},
       served AS (
         SELECT sw.root_id, af.progress, af.budget, af.spent,
                sw.weight AS subtree_weight, tw.weight AS total_weight,
                (sw.weight / tw.weight)::float8 AS s_a
         FROM subtree_weights sw
         JOIN total_weights tw ON tw.activity_id = sw.activity_id
         JOIN activity_figures af ON af.id = sw.activity_id
       ),
       activity_totals AS (
         SELECT root_id,
                count(*)::int AS activity_count,
                sum(s_a * coalesce(progress, 0)) / sum(s_a) AS progress,
                round(sum(budget * subtree_weight / total_weight)) AS budget,
                round(sum(spent * subtree_weight / total_weight)) AS spent
         FROM served
         GROUP BY root_id
       ),
       ${indicatorFiguresCte('i.plan_id = ANY(ARRAY(SELECT plan_id FROM requested))', '$2')},
       indicator_totals AS (
         SELECT s.root_id,
                count(*)::int AS indicator_count,
                (count(*) FILTER (WHERE i.status = 'ON_TRACK'))::int AS indicators_on_track
         FROM subtree s
         JOIN indicator_figures i ON i.goal_id = s.goal_id
         GROUP BY s.root_id
       )
       SELECT r.id AS goal_id,
              coalesce(at.activity_count, 0) AS activity_count,
              at.progress,
              coalesce(at.budget, 0) AS budget,
              coalesce(at.spent, 0) AS spent,
              coalesce(it.indicator_count, 0) AS indicator_count,
              coalesce(it.indicators_on_track, 0) AS indicators_on_track
       FROM requested r
       LEFT JOIN activity_totals at ON at.root_id = r.id
       LEFT JOIN indicator_totals it ON it.root_id = r.id`,
      [goalIds, today],
    );
    return new Map(
      rows.map((r) => [
        r.goal_id,
        {
          goalId: r.goal_id,
          activityCount: r.activity_count,
          progress: r.progress,
          budget: toMoney(r.budget),
          spent: toMoney(r.spent),
          indicatorCount: r.indicator_count,
          indicatorsOnTrack: r.indicators_on_track,
        },
      ]),
    );
  }

  /** Per requested plan: totals over its non-cancelled activities and its coherence findings. */
  async planRollups(planIds: string[], today: string): Promise<Map<string, PlanRollupFigures>> {
    if (planIds.length === 0) return new Map();
    const rows: PlanFiguresRow[] = await this.dataSource.query(
      `WITH RECURSIVE
       scoped_plans AS (SELECT * FROM plans WHERE id = ANY($1::uuid[])),
       ${planFiguresCtes('$2')}
       SELECT * FROM plan_figures`,
      [planIds, today],
    );
    return new Map(rows.map((r) => [r.plan_id, toPlanRollup(r)]));
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
       scoped_plans AS (SELECT p.* FROM plans p WHERE ${where}),
       ${planFiguresCtes('$1')}
       SELECT p.id
       FROM plan_figures pf
       JOIN scoped_plans p ON p.id = pf.plan_id
       WHERE cardinality(pf.goals_without_activities) > 0
          OR cardinality(pf.activities_without_goals) > 0
          OR cardinality(pf.goals_without_indicators) > 0
          OR cardinality(pf.stale_activities) > 0
          OR pf.cofinancing_below_minimum
       ORDER BY p.title, p.id`,
      params,
    );
    return rows.map((r) => r.id);
  }
}

/** The filter's conditions on plans (alias p) as SQL with `$n` parameters numbered after `leading`. */
function portfolioScope(filter: PortfolioFilter, leading: unknown[]): { where: string; params: unknown[] } {
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

function toPlanRollup(r: PlanFiguresRow): PlanRollupFigures {
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
    cofinancingShare: r.cofinancing_share,
    cofinancingBelowMinimum: r.cofinancing_below_minimum,
  };
}
