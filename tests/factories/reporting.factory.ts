import type { GraphQLClient } from '../helpers/graphql-client.js';
import { createPlan, type PlanRefs } from './plan.factory.js';
import { userWithToken } from './user.factory.js';

/** This calendar year (UTC): the reporting tests place plans around it, so that they hold on any day. */
export const THIS_YEAR = new Date().getUTCFullYear();

/**
 * A plan with its own project secretariat, running from 1 January `THIS_YEAR - 3` to 31 December
 * `THIS_YEAR + 1` unless told otherwise: three ended periods to report on, one running, one ahead.
 */
export async function reportingPlan(
  client: GraphQLClient,
  adminToken: string,
  refs: PlanRefs,
  input: Record<string, unknown> = {},
): Promise<{ id: string; title: string; secretariat: string; secretariatId: string }> {
  const plan = await createPlan(client, adminToken, refs, {
    startDate: `${THIS_YEAR - 3}-01-01`,
    endDate: `${THIS_YEAR + 1}-12-31`,
    status: 'ACTIVE',
    ...input,
  });
  const secretariat = await userWithToken(client, adminToken, 'PROJECT_SECRETARIAT', { planId: plan.id });
  return { ...plan, secretariat: secretariat.token, secretariatId: secretariat.id };
}

/**
 * Submits every late annual report of the plan (as `token`: ADMIN or its project secretariat), so that
 * LATE_REPORTS is not among its attention reasons. Returns the years submitted. A late year ended more
 * than six months ago, so later writes dated within the last six months are never refused by its lock.
 */
export async function submitLateReports(client: GraphQLClient, token: string, planId: string): Promise<number[]> {
  const { plan } = await client.ok<{ plan: { reportingPeriods: { year: number; isLate: boolean }[] } }>(
    `query($id: ID!) { plan(id: $id) { reportingPeriods { year isLate } } }`,
    { id: planId },
    token,
  );
  const late = plan.reportingPeriods.filter((p) => p.isLate).map((p) => p.year);
  for (const year of late) {
    await client.ok(`mutation($input: SubmitAnnualReportInput!) { submitAnnualReport(input: $input) { status } }`, { input: { planId, year } }, token);
  }
  return late;
}
