import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool, type PoolRef } from './factories/registry.factory.js';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { APPROVE, CREATE_MILESTONE, RETURN, SUBMIT, UPDATE_INDICATOR } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The plan page with the reporting fields (periods with their events and submitters, milestones with
 * their activities and goals, indicators with their revisions) costs the same number of SQL
 * statements for a plan with little as for one with much, like the page without them
 * (tests/statement-count.test.ts): each new field is one statement per request, whatever the plan holds.
 */
const BASE = `
    id title status startDate endDate
    goals { id title indicators { id name target } }
    activities { id title }`;
const REPORTING = `
    reportingPeriods { year startDate endDate dueDate status isLate submittedAt submittedBy { id name }
      events { action at comment by { id name } } plan { id } }
    milestones { id title dueDate completedOn isOverdue activity { id title } goal { id title } plan { id } }
    goals { id indicators { id revisions { at reason before after by { id name } } } }`;
// Through the resolvers, whose statements per field this file counts: the directive keeps the base page
// from the single statement that would otherwise answer it (src/plans/page/, tests/plan-page-sql.test.ts).
const PAGE = (fields: string) => `query($id: ID!) { plan(id: $id) @include(if: true) { ${fields} } }`;

let app: TestApp;
let pool: PoolRef;
let small: string;
let large: string;

async function plan(startDate: string, endDate: string): Promise<string> {
  const admin = app.adminToken;
  const refs = {
    poolId: pool.id,
    municipalityId: (await createMunicipality(app.client, admin)).id,
    housingOrganisationIds: [(await createHousingOrganisation(app.client, admin)).id],
  };
  return (await createPlan(app.client, admin, refs, { startDate, endDate, status: 'ACTIVE' })).id;
}

beforeAll(async () => {
  app = await startTestApp();
  const admin = app.adminToken;
  const c = app.client;
  pool = await createPool(c, admin);

  // Small: one of everything (so that every loader runs): a goal, an indicator revised once, an
  // activity, a milestone, one submitted year.
  small = await plan('2022-01-01', '2025-12-31');
  const goal = await createGoal(c, admin, { planId: small, kind: 'OVERALL' });
  const indicator = await createIndicator(c, admin, { goalId: goal.id });
  await c.ok(UPDATE_INDICATOR, { input: { id: indicator.id, reason: 'Én', target: 61 } }, admin);
  const activity = await createActivity(c, admin, { planId: small, endDate: '2025-06-30' });
  await c.ok(CREATE_MILESTONE, { input: { planId: small, title: 'Én', dueDate: '2025-01-01', activityId: activity.id, goalId: goal.id } }, admin);
  await c.ok(SUBMIT, { input: { planId: small, year: 2022 } }, admin);

  // Large: ten years, each with events; 6 goals with 12 indicators revised twice; 10 activities; 20 milestones.
  large = await plan('2014-01-01', '2025-12-31');
  const goals = [await createGoal(c, admin, { planId: large, kind: 'OVERALL' })];
  for (let i = 0; i < 5; i++) goals.push(await createGoal(c, admin, { planId: large, kind: 'EFFECT', parentId: goals[0].id }));
  const indicators = [];
  for (let i = 0; i < 12; i++) indicators.push(await createIndicator(c, admin, { goalId: goals[i % 6].id }));
  for (const [i, indicator] of indicators.entries()) {
    await c.ok(UPDATE_INDICATOR, { input: { id: indicator.id, reason: 'Første', target: 70 + i } }, admin);
    await c.ok(UPDATE_INDICATOR, { input: { id: indicator.id, reason: 'Anden', name: `Indikator ${i}` } }, admin);
  }
  const activities = [];
  for (let i = 0; i < 10; i++) activities.push(await createActivity(c, admin, { planId: large, endDate: '2025-06-30' }));
  for (let i = 0; i < 20; i++) {
    await c.ok(CREATE_MILESTONE, { input: { planId: large, title: `M${i}`, dueDate: `20${15 + (i % 10)}-06-30`, activityId: activities[i % 10].id, goalId: goals[i % 6].id } }, admin);
  }
  for (let year = 2014; year <= 2023; year++) {
    await c.ok(SUBMIT, { input: { planId: large, year, comment: `År ${year}` } }, admin);
    await c.ok(RETURN, { input: { planId: large, year, comment: 'Ret' } }, admin);
    await c.ok(SUBMIT, { input: { planId: large, year } }, admin);
    await c.ok(APPROVE, { input: { planId: large, year } }, admin);
  }
}, 180_000);
afterAll(() => app?.stop());

async function page(id: string, fields: string): Promise<GraphQLResponse> {
  const result = await app.client.warm(PAGE(fields), { id }, app.adminToken);
  if (result.errors?.length || !result.data) throw new Error(`plan page failed: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('the plan page with the reporting fields', () => {
  it('shows everything of the large plan', async () => {
    const { plan } = (await page(large, BASE + REPORTING)).data!;
    expect(plan.reportingPeriods).toHaveLength(12);
    expect(plan.reportingPeriods.slice(0, 10).every((p: any) => p.status === 'APPROVED' && p.events.length === 4)).toBe(true);
    expect(plan.milestones).toHaveLength(20);
    const revisions = plan.goals.flatMap((g: any) => g.indicators.flatMap((i: any) => i.revisions));
    expect(revisions).toHaveLength(24);
  });

  it('takes as many statements for the large plan as for the small one, seven more with the reporting fields', async () => {
    const [smallBase, largeBase, smallFull, largeFull] = [
      await page(small, BASE),
      await page(large, BASE),
      await page(small, BASE + REPORTING),
      await page(large, BASE + REPORTING),
    ].map((r) => r.statements);
    console.log(`plan page with reporting fields, SQL statements: small ${smallFull}, large ${largeFull} (without them: ${smallBase}, ${largeBase})`);
    expect(largeBase).toBe(smallBase);
    expect(largeFull).toBe(smallFull);
    // Periods, events, their users, milestones, the milestones' activities, the plans, revisions.
    expect(largeFull - largeBase).toBe(7);
  });
});
