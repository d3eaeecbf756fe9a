import { REPORTING_STATUSES } from './rollup-rules.js';

/**
 * The stale-activity rule of docs/rollups.md as a SQL condition, for any statement that needs it: PLANNED
 * or ACTIVE, started before today, and no progress entry reported within the plan's reporting
 * interval before today. `activity` is an alias of `activities`, `plan` one of `plans` (or any row
 * with their columns), `today` a date expression (e.g. `$2`). The latest entry (retracted ones
 * skipped) has the greatest reported_on, and the activity row carries its date (latest_reported_on,
 * kept by triggers), so the test reads no history. rollup-rules.ts `isStale` states the same rule in
 * TypeScript. The roll-ups' activityFiguresCte and the attention reasons (rollup-sql.ts) splice it.
 */
export function staleActivitySql(activity: string, plan: string, today: string): string {
  const statuses = REPORTING_STATUSES.map((s) => `'${s}'`).join(', ');
  return `(${activity}.status IN (${statuses})
             AND ${activity}.start_date < ${today}::date
             AND (${activity}.latest_reported_on IS NULL
                  OR ${activity}.latest_reported_on < ${today}::date - ${plan}.reporting_interval_days))`;
}

/**
 * The same rule over the kept date (migrations/1764800000000-PlanFigures.ts): a PLANNED or ACTIVE
 * activity is stale on `today` exactly when its stale_after (greatest of its start date and its
 * latest entry's date plus the plan's reporting interval; triggers keep it) lies before today. As a
 * condition on whether the plan whose id is `planId` has a stale activity: one probe of
 * activities_stale_after_idx, whose predicate is REPORTING_STATUSES.
 */
export function planHasStaleActivitySql(planId: string, today: string): string {
  const statuses = REPORTING_STATUSES.map((s) => `'${s}'`).join(', ');
  return `EXISTS (SELECT 1 FROM activities sa
                   WHERE sa.plan_id = ${planId} AND sa.status IN (${statuses}) AND sa.stale_after < ${today}::date)`;
}
