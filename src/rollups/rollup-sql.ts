import { AttentionReason } from '../common/enums.js';
import { indicatorCalcJoin, indicatorStatusSql, type LatestMeasurementSql } from './indicator-status.sql.js';
import { planHasStaleActivitySql, staleActivitySql } from './stale-activity-rule.js';

/*
 * SQL building blocks. Each rule is written once, as a CTE, and every statement that needs it
 * splices it in. The fragments are constants of this file; only `$n` placeholders vary, so no
 * input ever reaches the SQL text.
 */

/**
 * `activity_figures`: per activity matching `where` (alias a), the figures of its latest progress
 * entry and whether it is stale (stale-activity-rule.ts). The latest entry is activities.latest_progress_id, which triggers
 * keep current on every log and retraction, and copy that entry's percent, spend and date onto the
 * activity row (migrations LatestProgressFigures, LatestProgressOnInsert, Retractions), so no
 * history is read here at all. With `whole`, every column of the activity row comes along (a
 * statement that shows the activities themselves then reads them once).
 */
export function activityFiguresCte(where: string, today: string, { whole = false }: { whole?: boolean } = {}): string {
  return `
  activity_figures AS (
    SELECT ${whole ? 'a.*' : 'a.id, a.plan_id, a.status, a.focus_area_id, a.budget, a.created_at, a.latest_progress_id, a.goal_link_count'},
           a.latest_percent_complete::float8 AS progress,
           coalesce(a.latest_spent, 0) AS spent,
           ${staleActivitySql('a', 'p', today)} AS is_stale
    FROM activities a
    JOIN plans p ON p.id = a.plan_id
    WHERE ${where}
  )`;
}

/**
 * `indicator_figures`: per indicator matching `where` (alias i), its latest measurement, attainment
 * and status (indicator-status.sql.ts, the rule the annual report uses too) as of `today`. The latest
 * measurement (by measured_on, then recorded_at, then id; retracted ones skipped) is
 * indicators.latest_measurement_id, whose value and date a trigger copies onto the indicator row
 * (migrations/1764710000000-Retractions.ts), so no history is read here: with `details` the
 * measurement's note and recorder come from one primary-key probe per indicator (what
 * `Indicator.latest` shows), without them not even that.
 */
export function indicatorFiguresCte(where: string, today: string, { details }: { details: boolean }): string {
  const latest: LatestMeasurementSql = { value: 'i.latest_value', measuredOn: 'i.latest_measured_on' };
  return `
  indicator_figures AS (
    SELECT i.id, i.goal_id, i.plan_id,
           i.latest_measurement_id,
           i.latest_value,
           i.latest_measured_on,
           i.latest_recorded_at,
           ${details ? 'latest.note' : 'NULL::text'} AS latest_note,
           ${details ? 'latest.recorded_by' : 'NULL::uuid'} AS latest_recorded_by,
           calc.attainment,
           ${indicatorStatusSql(latest)} AS status
    FROM indicators i
    ${details ? 'LEFT JOIN measurements latest ON latest.id = i.latest_measurement_id' : ''}
    ${indicatorCalcJoin(latest, `${today}::date`)}
    WHERE ${where}
  )`;
}

/**
 * Co-financing below the pool's minimum, for plan alias `p` and pool alias `po`: decided exactly in
 * numeric as local < min × (grant + local); with no money at all the share is 0, below any positive
 * minimum.
 */
export function cofinancingBelowMinimumSql(p: string, po: string): string {
  return `CASE WHEN ${p}.lbf_grant + ${p}.local_cofinancing = 0 THEN ${po}.min_cofinancing_share > 0
                ELSE ${p}.local_cofinancing < ${po}.min_cofinancing_share * (${p}.lbf_grant + ${p}.local_cofinancing)
           END`;
}

/** SQL that restricts a plan id column (e.g. `a.plan_id`) to the plans a statement covers. */
export type PlanCondition = (column: string) => string;

/**
 * `late_report_plans (plan_id)`: the plans of `inPlans` with at least one late annual report, which
 * makes LATE_REPORTS an attention reason. Lateness is the reporting module's rule, written once in
 * SQL (migrations/1764700000000-AnnualReporting.ts): `late_reporting_periods(today)` lists the late
 * periods (the plan ACTIVE or COMPLETED, the period OPEN or RETURNED, today after its dueDate), and
 * PortfolioRollup.lateReports and the workbooks' lateReports column read the same function. It is a
 * plain SQL function over the view plan_reporting_periods, so PostgreSQL inlines it and the plan
 * condition reaches the plans scan: a few rows per plan, no history read.
 */
function lateReportPlansCte(inPlans: PlanCondition, today: string): string {
  return `
  late_report_plans AS (
    SELECT DISTINCT l.plan_id FROM late_reporting_periods(${today}::date) l WHERE ${inPlans('l.plan_id')}
  )`;
}

/**
 * The activities' share of the attention reasons, as aggregates over non-cancelled activity rows
 * (alias a, plan alias p) for any GROUP BY: a non-cancelled activity without a link (its
 * goal_link_count, kept by triggers: migrations/1764711000000-GoalLinkCounts.ts), a stale one
 * (staleActivitySql), an overspent one (its latest entry's spent above its budget).
 */
export function activityAttentionFlagsSql(a: string, p: string, today: string): string {
  return `bool_or(${a}.goal_link_count = 0) AS activities_without_goals,
           bool_or(${staleActivitySql(a, p, today)}) AS stale_activities,
           bool_or(coalesce(${a}.latest_spent, 0) > ${a}.budget) AS overspent_activities`;
}

/** `activity_flags (plan_id, …)`: activityAttentionFlagsSql per plan of `inPlans`, in one pass. */
export function activityFlagsCte(inPlans: PlanCondition, today: string): string {
  return `
  activity_flags AS (
    SELECT a.plan_id, ${activityAttentionFlagsSql('a', 'p', today)}
    FROM activities a
    JOIN plans p ON p.id = a.plan_id
    WHERE ${inPlans('a.plan_id')} AND a.status <> 'CANCELLED'
    GROUP BY a.plan_id
  )`;
}

/**
 * `activity_flags (plan_id, …)` as activityFlagsCte gives it, from the kept figures instead of the
 * activity rows (migrations/1764800000000-PlanFigures.ts): plan_figures counts each plan's
 * non-cancelled activities without a goal and overspent ones per focus area, and the stale rule is
 * one index probe per plan (planHasStaleActivitySql). A plan without activities has no row, as there.
 */
export function keptActivityFlagsCte(inPlans: PlanCondition, today: string): string {
  return `
  activity_flags AS (
    SELECT k.plan_id, k.activities_without_goals, k.overspent_activities,
           ${planHasStaleActivitySql('k.plan_id', today)} AS stale_activities
    FROM (SELECT f.plan_id,
                 sum(f.without_goals_count) > 0 AS activities_without_goals,
                 sum(f.overspent_count) > 0 AS overspent_activities
          FROM plan_figures f
          WHERE ${inPlans('f.plan_id')} AND f.activity_count > 0
          GROUP BY f.plan_id) k
  )`;
}

/**
 * Each attention reason (AttentionReason, in the enum's order) as a condition on the columns of
 * planAttentionCtes' last join. The record type makes the compiler insist on every reason.
 */
const REASON_CONDITIONS: Record<AttentionReason, string> = {
  [AttentionReason.GOALS_WITHOUT_ACTIVITIES]: 'lg.goals_without_activities',
  [AttentionReason.ACTIVITIES_WITHOUT_GOALS]: 'af.activities_without_goals',
  [AttentionReason.GOALS_WITHOUT_INDICATORS]: 'lg.goals_without_indicators',
  [AttentionReason.STALE_ACTIVITIES]: 'af.stale_activities',
  [AttentionReason.COFINANCING_BELOW_MINIMUM]: cofinancingBelowMinimumSql('p', 'po'),
  [AttentionReason.INDICATORS_OFF_TRACK]: 'ifl.indicators_off_track',
  [AttentionReason.OVERSPENT_ACTIVITIES]: 'af.overspent_activities',
  [AttentionReason.LATE_REPORTS]: 'lr.plan_id IS NOT NULL',
};

/**
 * `plan_attention (plan_id, title, reasons text[])`: for every plan of `inPlans`, the reasons it
 * needs attention, in AttentionReason's order (empty: it needs none). Expects, in the same WITH,
 * `activity_flags (plan_id, activities_without_goals, stale_activities, overspent_activities)`
 * (activityAttentionFlagsSql grouped by plan) and `indicator_figures` over the same plans. Besides
 * those, one pass over the plans' goals, without walking the trees:
 *
 * - a goal's subtree holds at least one leaf (a goal without children), and a leaf's subtree is the
 *   leaf itself; so some goal has no activity linked into its subtree exactly when some leaf has no
 *   non-cancelled activity linked to it directly (its live_link_count, kept by triggers), and some
 *   goal has no indicator in its subtree exactly when some leaf has none. The plan roll-up's lists
 *   (goalsWithoutActivities, goalsWithoutIndicators) walk the trees and name every such goal; the
 *   reason only asks whether there is one.
 * - indicators: any OFF_TRACK by indicator_figures' rule.
 * - co-financing: cofinancingBelowMinimumSql, as the plan roll-up decides it.
 * - late reports: lateReportPlansCte.
 */
export function planAttentionCtes(inPlans: PlanCondition, today: string): string {
  return `
  attention_indicator_goals AS (
    SELECT goal_id, plan_id, bool_or(status = 'OFF_TRACK') AS indicators_off_track
    FROM indicator_figures
    GROUP BY goal_id, plan_id
  ),
  indicator_flags AS (
    SELECT plan_id, bool_or(indicators_off_track) AS indicators_off_track FROM attention_indicator_goals GROUP BY plan_id
  ),
  leaf_gaps AS (
    SELECT g.plan_id,
           bool_or(g.live_link_count = 0) AS goals_without_activities,
           bool_or(ig.goal_id IS NULL) AS goals_without_indicators
    FROM goals g
    LEFT JOIN attention_indicator_goals ig ON ig.goal_id = g.id
    WHERE ${inPlans('g.plan_id')} AND NOT EXISTS (SELECT 1 FROM goals c WHERE c.parent_id = g.id)
    GROUP BY g.plan_id
  ),
  ${lateReportPlansCte(inPlans, today)},
  ${planAttentionCte(inPlans)}`;
}

/**
 * `plan_attention` from `leaf_gaps (plan_id, goals_without_activities, goals_without_indicators)`,
 * `activity_flags`, `indicator_flags (plan_id, indicators_off_track)` and `late_report_plans`.
 */
function planAttentionCte(inPlans: PlanCondition): string {
  const reasons = Object.values(AttentionReason).map((reason) => `CASE WHEN ${REASON_CONDITIONS[reason]} THEN '${reason}' END`);
  return `plan_attention AS (
    SELECT p.id AS plan_id, p.title,
           array_remove(ARRAY[
             ${reasons.join(',\n             ')}
           ]::text[], NULL) AS reasons
    FROM plans p
    JOIN pools po ON po.id = p.pool_id
    LEFT JOIN leaf_gaps lg ON lg.plan_id = p.id
    LEFT JOIN activity_flags af ON af.plan_id = p.id
    LEFT JOIN indicator_flags ifl ON ifl.plan_id = p.id
    LEFT JOIN late_report_plans lr ON lr.plan_id = p.id
    WHERE ${inPlans('p.id')}
  )`;
}

/**
 * `plan_attention` as planAttentionCtes gives it, for a portfolio (plansNeedingAttention), which needs
 * the reasons alone and none of the plan page's per-indicator figures. Expects `activity_flags`
 * (keptActivityFlagsCte) in the same WITH. The same rules, each a single pass grouped by plan:
 *
 * - leaf goals without a live link or without an indicator, as planAttentionCtes argues, from the
 *   goals' kept counts (child_count, live_link_count, indicator_count): only such goals are read,
 *   from their two partial indexes (migrations/1764800000000-PlanFigures.ts);
 * - plans with an indicator OFF_TRACK today (indicatorStatusSql over the latest measurement kept on
 *   the indicator row: the date-dependent part, computed here): per plan, its indicators
 *   (indicators_plan_idx) until the first one off track (the LIMIT keeps PostgreSQL from computing
 *   every indicator's status first, which its row estimates would otherwise have it do);
 * - late reports (lateReportPlansCte).
 */
export function portfolioAttentionCtes(inPlans: PlanCondition, today: string): string {
  const latest: LatestMeasurementSql = { value: 'i.latest_value', measuredOn: 'i.latest_measured_on' };
  return `
  leaf_gaps AS (
    SELECT g.plan_id,
           bool_or(g.live_link_count = 0) AS goals_without_activities,
           bool_or(g.indicator_count = 0) AS goals_without_indicators
    FROM goals g
    WHERE ${inPlans('g.plan_id')} AND g.child_count = 0 AND (g.live_link_count = 0 OR g.indicator_count = 0)
    GROUP BY g.plan_id
  ),
  indicator_flags AS (
    SELECT ip.id AS plan_id, true AS indicators_off_track
    FROM plans ip
    CROSS JOIN LATERAL (
      SELECT 1 FROM indicators i
      ${indicatorCalcJoin(latest, `${today}::date`)}
      WHERE i.plan_id = ip.id AND ${indicatorStatusSql(latest)} = 'OFF_TRACK'
      LIMIT 1) off_track
    WHERE ${inPlans('ip.id')}
  ),
  ${lateReportPlansCte(inPlans, today)},
  ${planAttentionCte(inPlans)}`;
}
