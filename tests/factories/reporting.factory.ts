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
