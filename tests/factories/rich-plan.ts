import type { GraphQLClient } from '../helpers/graphql-client.js';
import { createActivity, createGoal, createIndicator, link } from './plan.factory.js';
import type { World } from './world.js';

/**
 * Plan A of the world filled as a project secretariat would: a goal tree of two roots, indicators
 * with and without measurements and baselines, activities of every kind (one cancelled, one serving
 * nothing), weighted links and progress entries. The spreadsheet tests export it and import it back.
 *
 * Figures by hand (docs/rollups.md): a1 (300,000) serves sub ×3 and effect ×1, a2 (1,200,000) serves root,
 * a3 (80,000, cancelled) serves root2, a4 (50,000) serves nothing. sub's budget = 300,000 × 3/4 =
 * 225,000; effect's subtree holds all of a1: 300,000; root's: a1 + a2 = 1,500,000; root2's: 0 (a3 is
 * cancelled). The plan: live a1, a2, a4: budget 1,550,000; spent 150,000 (a1's latest entry); progress
 * (60 + 20 + 0) / 3.
 */
export async function buildRichPlan(client: GraphQLClient, world: World) {
  const token = world.tokens.projectA;
  const planId = world.planA.id;
  const [fa0, fa1] = world.pool.focusAreas;
  const root = await createGoal(client, token, { planId, kind: 'OVERALL', title: 'Flere unge i uddannelse og job', focusAreaId: fa0!.id });
  const effect = await createGoal(client, token, { planId, kind: 'EFFECT', parentId: root.id, title: 'Færre unge uden uddannelse' });
  const sub = await createGoal(client, token, { planId, kind: 'SUB', parentId: effect.id, title: 'Lektiehjælp', focusAreaId: fa1!.id });
  const root2 = await createGoal(client, token, { planId, kind: 'OVERALL', title: 'Tryghed, "citeret", med komma' });
  await client.ok(`mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }`, { input: { id: root2.id, description: 'Linje 1\nLinje 2' } }, token);
  const i1 = await createIndicator(client, token, {
    goalId: effect.id,
    name: 'Unge 18-25 uden uddannelse',
    direction: 'DECREASE',
    baseline: 24,
    baselineDate: '2023-01-01',
    target: 15,
    targetDate: '2026-12-31',
    source: 'Danmarks Statistik',
  });
  const i2 = await createIndicator(client, token, { goalId: sub.id, name: 'Karaktergennemsnit', unit: 'point', direction: 'INCREASE', baseline: 4.5, target: 6.25 });
  await createIndicator(client, token, { goalId: root2.id, name: 'Tryghedsmåling', unit: '%', baseline: null, baselineDate: null, target: 80 });
  for (const [indicatorId, measuredOn, value, note] of [
    [i1.id, '2024-06-30', 20, 'Skoleåret 23/24'],
    [i1.id, '2025-06-30', 18.5, null],
    [i2.id, '2024-12-31', 5.1, '=SUM(A1)'],
  ] as const) {
    await client.ok(
      `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`,
      { input: { indicatorId, measuredOn, value, note } },
      token,
    );
  }
  const a1 = await createActivity(client, token, {
    planId,
    title: 'Lektiecafé',
    budget: 300_000,
    focusAreaId: fa0!.id,
    targetGroup: 'Børn 6-16 år',
    description: 'To gange om ugen',
    responsibleParty: 'HOUSING_ORGANISATION',
    status: 'ACTIVE',
  });
  const a2 = await createActivity(client, token, { planId, title: 'Forældrekursus', budget: 1_200_000, responsibleParty: 'MUNICIPALITY', startDate: '2024-01-15', endDate: '2025-12-31' });
  const a3 = await createActivity(client, token, { planId, title: 'Nattevandring', budget: 80_000, status: 'CANCELLED', responsibleParty: 'OTHER' });
  const a4 = await createActivity(client, token, { planId, title: 'Ungeråd', budget: 50_000 });
  await link(client, token, { activityId: a1.id, goalId: sub.id, weight: 3, rationale: 'Direkte lektiehjælp' });
  await link(client, token, { activityId: a1.id, goalId: effect.id, weight: 1 });
  await link(client, token, { activityId: a2.id, goalId: root.id, weight: 1 });
  await link(client, token, { activityId: a3.id, goalId: root2.id, weight: 2.5 });
  for (const input of [
    { activityId: a1.id, reportedOn: '2024-03-01', percentComplete: 40, status: 'ACTIVE', participantsReached: 25, spent: 100_000, note: 'God start' },
    { activityId: a1.id, reportedOn: '2024-09-01', percentComplete: 60, status: 'ACTIVE', participantsReached: 32, spent: 150_000 },
    { activityId: a2.id, reportedOn: '2024-05-01', percentComplete: 20 },
  ]) {
    await client.ok(`mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`, { input }, token);
  }
  return { root, effect, sub, root2, i1, i2, a1, a2, a3, a4 };
}

/** The plan as GraphQL gives it: what every export must equal. */
export const PLAN_QUERY = `query($id: ID!) { plan(id: $id) {
  id title status startDate endDate lbfGrant localCofinancing
  pool { name } municipality { name code } areaSecretariat { name } reportingPeriods { isLate }
  rollup { activityCount budget spent progress cofinancingShare cofinancingBelowMinimum
    goalsWithoutActivities { id } activitiesWithoutGoals { id } goalsWithoutIndicators { id } staleActivities { id } }
  goals { id kind title description parent { id } focusArea { name } rollup { progress budget spent }
    indicators { id name unit direction source baseline baselineDate target targetDate latest { value measuredOn } attainment status
      goal { id } measurements { measuredOn value note } } }
  activities { id title description targetGroup responsibleParty focusArea { name } startDate endDate budget status progress spent isStale
    links { goal { id } weight share rationale }
    progressEntries { reportedOn percentComplete status participantsReached spent note loggedAt } }
} }`;
