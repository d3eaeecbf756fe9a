import type { GraphQLClient } from '../helpers/graphql-client.js';
import { activityInput, indicatorInput, planInput } from './inputs.js';
import { unique } from './unique.js';

export interface PlanRefs {
  poolId: string;
  municipalityId: string;
  housingOrganisationIds: string[];
  areaSecretariatId?: string | null;
}

export async function createPlan(
  client: GraphQLClient,
  token: string,
  refs: PlanRefs,
  input: Record<string, unknown> = {},
): Promise<{ id: string; title: string }> {
  const data = await client.ok(
    `mutation($input: CreatePlanInput!) { createPlan(input: $input) { id title } }`,
    { input: planInput(refs, input) },
    token,
  );
  return data.createPlan;
}

export async function createGoal(
  client: GraphQLClient,
  token: string,
  input: { planId: string; kind: 'OVERALL' | 'EFFECT' | 'SUB'; parentId?: string; title?: string; focusAreaId?: string },
): Promise<{ id: string }> {
  const data = await client.ok(
    `mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }`,
    { input: { title: unique('Mål'), ...input } },
    token,
  );
  return data.createGoal;
}

export async function createIndicator(
  client: GraphQLClient,
  token: string,
  input: { goalId: string } & Record<string, unknown>,
): Promise<{ id: string }> {
  const data = await client.ok(
    `mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }`,
    { input: indicatorInput(input.goalId, input) },
    token,
  );
  return data.createIndicator;
}

export async function createActivity(
  client: GraphQLClient,
  token: string,
  input: { planId: string } & Record<string, unknown>,
): Promise<{ id: string; version: number }> {
  const data = await client.ok(
    `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version } }`,
    { input: activityInput(input.planId, input) },
    token,
  );
  return data.createActivity;
}

export async function link(
  client: GraphQLClient,
  token: string,
  input: { activityId: string; goalId: string; weight?: number; rationale?: string },
) {
  const data = await client.ok(
    `mutation($input: LinkActivityInput!) { linkActivityToGoal(input: $input) { weight share } }`,
    { input },
    token,
  );
  return data.linkActivityToGoal as { weight: number; share: number };
}
