import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AttentionReason } from '../common/enums.js';
import { preparedVariant } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import { type Kroner, toMoney } from '../database/transformers.js';
import { keptActivityFlagsCte, type PlanCondition, portfolioAttentionCtes } from './rollup-sql.js';

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
  /** The non-cancelled activities without a focus area: with byFocusArea, they add up to the totals. */
  withoutFocusArea: UnassignedFocusAreaFigures;
}

export interface UnassignedFocusAreaFigures {
  activityCount: number;
  budget: Kroner;
  /** null when there are none. */
  progress: number | null;
}

/** A plan of the portfolio that needs attention, and why (AttentionReason's order). */
export interface PlanAttention {
  planId: string;
  reasons: AttentionReason[];
}

/**
 * `activity_groups`: the non-cancelled activities of the plans matching `where` (alias f), summed per
 * plan and focus area: count, budget, spent (the latest entries' spend) and the sum of their progress
 * (the latest entries' percentComplete, 0 without one). These are the kept figures of plan_figures
 * (migrations/1764800000000-PlanFigures.ts: triggers move them on every write to an activity, its
 * links or its entries), a few thousand rows nationally instead of every activity. Percentages are
 * whole numbers, so their sums are exact and a mean is one correctly rounded division, whatever order
 * the rows come in. tests/kept-figures.test.ts checks them against liveActivityGroupsSql.
 */
function activityGroupsCte(where: string): string {
  return `
  activity_groups AS (
    SELECT f.plan_id, f.focus_area_id, f.activity_count, f.budget, f.spent, f.progress_sum
    FROM plan_figures f
    WHERE ${where} AND f.activity_count > 0
  )`;
}

/**
 * The same groups computed from the activity rows (what plan_figures keeps), with every kept column:
 * the oracle of tests/kept-figures.test.ts.
 */
export const liveActivityGroupsSql = `
    SELECT a.plan_id, a.focus_area_id,
           count(*)::int AS activity_count,
           sum(a.budget)::bigint AS budget,
           sum(coalesce(a.latest_spent, 0))::bigint AS spent,
           sum(coalesce(a.latest_percent_complete, 0))::bigint AS progress_sum,
           (count(*) FILTER (WHERE a.goal_link_count = 0))::int AS without_goals_count,
           (count(*) FILTER (WHERE coalesce(a.latest_spent, 0) > a.budget))::int AS overspent_count
    FROM activities a
    WHERE a.status <> 'CANCELLED'
    GROUP BY a.plan_id, a.focus_area_id`;

/**
 * The portfolio statements vary only with which of the filter's conditions are given (national, pool,
 * area, plan): a handful of texts each, prepared on a real server (planning the roll-up took about 1 ms,
 * a fifth of running it).
 */
function portfolioRollupSql(where: string, inScope: string): string {
  return preparedVariant(
    'portfolio_rollup',
    `WITH
       scoped_plans AS (SELECT p.id, p.municipality_id, p.lbf_grant, p.local_cofinancing FROM plans p WHERE ${where}),
       ${activityGroupsCte(inScope)},
       plan_totals AS (
         SELECT count(*)::int AS plan_count,
                coalesce(sum(lbf_grant), 0) AS lbf_grant,
                coalesce(sum(local_cofinancing), 0) AS local_cofinancing
         FROM scoped_plans
       ),
       -- One pass over the groups gives each focus area's sums (NULL: activities without one) and the
       -- portfolio's (the empty grouping set, one row even when nothing is in scope).
       focus_area_sums AS (
         SELECT g.focus_area_id, grouping(g.focus_area_id) = 1 AS is_total,
                sum(g.activity_count)::int AS activity_count,
                sum(g.budget) AS budget,
                sum(g.spent) AS spent,
                sum(g.progress_sum) AS progress_sum
         FROM activity_groups g
         GROUP BY GROUPING SETS ((g.focus_area_id), ())
       ),
       portfolio_activity_totals AS (
         SELECT coalesce(activity_count, 0) AS activity_count,
                coalesce(budget, 0) AS budget,
                coalesce(spent, 0) AS spent,
                progress_sum::float8 / nullif(activity_count, 0)::float8 AS progress
         FROM focus_area_sums WHERE is_total
       ),
       without_focus_area AS (
         SELECT coalesce(sum(activity_count), 0)::int AS activity_count,
                coalesce(sum(budget), 0) AS budget,
                sum(progress_sum)::float8 / nullif(sum(activity_count), 0)::float8 AS progress
         FROM focus_area_sums
         WHERE NOT is_total AND focus_area_id IS NULL
       ),
       by_focus_area AS (
         SELECT focus_area_id, activity_count, budget,
                progress_sum::float8 / activity_count::float8 AS progress
         FROM focus_area_sums
         WHERE NOT is_total AND focus_area_id IS NOT NULL
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
              wfa.activity_count AS without_focus_area_count, wfa.budget AS without_focus_area_budget,
              wfa.progress AS without_focus_area_progress,
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
       CROSS JOIN portfolio_activity_totals pat
       CROSS JOIN without_focus_area wfa`,
  );
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
  without_focus_area_count: number;
  without_focus_area_budget: string;
  without_focus_area_progress: number | null;
}

/**
 * The portfolio roll-ups of docs/rollups.md (an area secretariat's plans, every plan, one pool's), each
 * method one aggregate statement over the plans the filter selects. Sums, means and lists are
 * computed in SQL; the code here only converts types.
 */
@Injectable()
export class PortfolioRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The portfolio of the plans matching every given condition of `filter`: counts, sums and
   * breakdowns in one statement, from the plans' kept figures (plan_figures: a row per plan and focus
   * area, see activityGroupsCte), never the activity rows. No "today": nothing here depends on it.
   * Plans come from plans_pool_idx / plans_area_secretariat_idx / plans_pkey as the filter allows.
   * Progress everywhere is the mean over the activities themselves (exact sums of whole percentages
   * over the count), never a mean of plan means. The plans needing attention are a statement of
   * their own (plansNeedingAttention), run only when asked for.
   */
  async portfolioRollup(filter: PortfolioFilter): Promise<PortfolioFigures> {
    const { where, params } = portfolioScope(filter, []);
    // Without a filter (the national roll-up) every activity is in scope: no semi-join to the plans.
    const inScope = where === 'true' ? 'true' : 'f.plan_id IN (SELECT id FROM scoped_plans)';
    const [row] = await readRows<PortfolioRow>(this.dataSource, portfolioRollupSql(where, inScope), params);
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
      withoutFocusArea: {
        activityCount: row.without_focus_area_count,
        budget: toMoney(row.without_focus_area_budget),
        progress: row.without_focus_area_progress,
      },
    };
  }

  /**
   * The portfolio's plans that need attention, with their reasons, by title, then id, in one
   * statement: the activities' reasons from the kept figures (plan_figures, and one probe of the kept
   * stale_after per plan: rollup-sql.ts keptActivityFlagsCte), one pass over the goals and one over
   * the indicators (latest values on their rows), grouped by plan; no goal tree walked, no activity,
   * link or history row read
   * (rollup-sql.ts planAttentionCtes says why none is needed). The same rules give the plan
   * roll-up's attentionReasons.
   */
  async plansNeedingAttention(filter: PortfolioFilter, today: string): Promise<PlanAttention[]> {
    const { text, params } = plansNeedingAttentionStatement(filter, today);
    return readRows<PlanAttention>(this.dataSource, text, params);
  }

}

/**
 * The statement of PortfolioRepository.plansNeedingAttention (its rows: "planId", reasons), also sent
 * by the peer harness's RollupsRepository inside a projection.
 */
export function plansNeedingAttentionStatement(filter: PortfolioFilter, today: string): { text: string; params: unknown[] } {
  const { where, params } = portfolioScope(filter, [today]);
  // Without a filter (the national roll-up) every row is in scope: no semi-join to the plans.
  const inPlans: PlanCondition = where === 'true' ? () => 'true' : (column) => `${column} IN (SELECT id FROM scoped_plans)`;
  const text = preparedVariant(
    'plans_needing_attention',
    `WITH
       scoped_plans AS (SELECT p.id FROM plans p WHERE ${where}),
       ${keptActivityFlagsCte(inPlans, '$1')},
       ${portfolioAttentionCtes(inPlans, '$1')}
       SELECT plan_id AS "planId", reasons
       FROM plan_attention
       WHERE cardinality(reasons) > 0
       ORDER BY title, plan_id`,
  );
  return { text, params };
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
