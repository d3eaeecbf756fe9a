import type { EntityManager } from 'typeorm';
import { BadInputError } from '../common/errors.js';

export interface PlanDates {
  startDate: string;
  endDate: string;
}

/**
 * The plan's dates, its row locked against a concurrent updatePlan until the activity's write
 * commits: an updatePlan that shortens the plan (refusing while an activity lies beyond its new end)
 * then either ran first, and these are its dates, or waits and sees this activity.
 */
export async function lockedPlanDates(m: EntityManager, planId: string): Promise<PlanDates> {
  const [row]: { start_date: string; end_date: string }[] = await m.query(
    `SELECT start_date::text AS start_date, end_date::text AS end_date FROM plans WHERE id = $1 FOR SHARE`,
    [planId],
  );
  return { startDate: row.start_date, endDate: row.end_date };
}

/** An activity's startDate and endDate lie within its plan's dates (docs/api.md), each named when it does not. */
export function requireWithinPlan(plan: PlanDates, dates: Partial<PlanDates>): void {
  for (const field of ['startDate', 'endDate'] as const) {
    const date = dates[field];
    if (date === undefined) continue;
    if (date < plan.startDate || date > plan.endDate) {
      throw new BadInputError(field, `${date} is outside the plan's dates ${plan.startDate} to ${plan.endDate}`);
    }
  }
}
