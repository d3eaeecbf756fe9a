import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool, type PoolRef } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { RECORD_MEASUREMENT } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';

/**
 * No N+1: the plan page, with every nested list a client shows, takes the same number of SQL
 * statements (the X-SQL-Statements header) for a plan with one goal and one activity as for one with
 * a three-level goal tree, 25 activities, 50 links, 10 indicators and 30 measurements.
 */
/**
 * The plan page's fixed count on a warm replica: 12 for the page itself, and 1 for the session
 * check that every authenticated request makes (src/auth/session.service.ts: one primary-key lookup
 * that refuses a token of a deactivated user or an ended session; docs/security.md).
 */
const PLAN_PAGE_STATEMENTS = 12 + SESSION_CHECK_STATEMENTS;

const PLAN_PAGE = `query PlanPage($id: ID!) {
  plan(id: $id) {
    id title status startDate endDate lbfGrant localCofinancing housingAreas reportingIntervalDays
    goals {
      id kind title description
      parent { id title }
      children { id title }
      focusArea { id name }
      indicators {
        id name unit direction baseline baselineDate target targetDate
        measurements { id measuredOn value note recordedBy { id name } }
      }
      links { weight share rationale activity { id title } }
    }
    activities {
      id version title status responsibleParty startDate endDate budget
      focusArea { id name }
      links { weight share goal { id title } }
      servedGoals { share goal { id } path { id title } }
    }
    pool { id name focusAreas { id name } }
    municipality { id name code }
    housingOrganisations { id name }
    areaSecretariat { id name }
  }
}`;

interface PlanPage {
  plan: {
    goals: {
      id: string;
      parent: { id: string } | null;
      children: { id: string }[];
      indicators: { measurements: { recordedBy: { id: string } }[] }[];
      links: { activity: { id: string } }[];
    }[];
    activities: { id: string; links: { goal: { id: string } }[]; servedGoals: { path: { id: string }[] }[] }[];
    pool: { focusAreas: unknown[] };
    housingOrganisations: unknown[];
    areaSecretariat: { id: string } | null;
  };
}

let app: TestApp;
let admin: string;
let pool: PoolRef;
let areaSecretariatId: string;
let small: { id: string };
let large: { id: string };
let largeSecretariatToken: string;

/** Runs `fn` over `items`, `size` at a time: fast, without flooding the connection pool. */
async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map((item, i) => fn(item, start + i)))));
  }
  return results;
}
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function recordMeasurement(token: string, indicatorId: string, measuredOn: string, value: number) {
  await app.client.ok(RECORD_MEASUREMENT, { input: { indicatorId, measuredOn, value, note: `Måling ${measuredOn}` } }, token);
}

/** Plan refs of their own: a municipality and `housingOrganisations` housing organisations. */
async function planRefs(housingOrganisations: number) {
  const municipality = await createMunicipality(app.client, admin);
  const orgs = await inBatches(range(housingOrganisations), 5, () => createHousingOrganisation(app.client, admin));
  return { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: orgs.map((o) => o.id), areaSecretariatId };
}

/** One goal with one indicator and one measurement, one activity linked to it: every loader is used once. */
async function buildSmallPlan() {
  const { client } = app;
  const plan = await createPlan(client, admin, await planRefs(1));
  const goal = await createGoal(client, admin, { planId: plan.id, kind: 'OVERALL', focusAreaId: pool.focusAreas[0].id });
  const indicator = await createIndicator(client, admin, { goalId: goal.id });
  await recordMeasurement(admin, indicator.id, '2024-01-31', 42);
  const activity = await createActivity(client, admin, { planId: plan.id, focusAreaId: pool.focusAreas[0].id });
  await link(client, admin, { activityId: activity.id, goalId: goal.id });
  return plan;
}

/** 12 goals in 3 levels, 10 indicators with 3 measurements each, 25 activities each linked to 2 goals. */
async function buildLargePlan() {
  const { client } = app;
  const plan = await createPlan(client, admin, await planRefs(3));
  const secretariat = await userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: plan.id });
  const focusArea = (i: number) => pool.focusAreas[i % pool.focusAreas.length].id;

  const roots = await inBatches(range(2), 10, (_, i) => createGoal(client, admin, { planId: plan.id, kind: 'OVERALL', focusAreaId: focusArea(i) }));
  const effects = await inBatches(range(4), 10, (_, i) =>
    createGoal(client, admin, { planId: plan.id, kind: 'EFFECT', parentId: roots[i % 2].id, focusAreaId: focusArea(i + 1) }),
  );
  const subs = await inBatches(range(6), 10, (_, i) => createGoal(client, admin, { planId: plan.id, kind: 'SUB', parentId: effects[i % 4].id }));
  const goals = [...roots, ...effects, ...subs];

  const indicators = await inBatches(range(10), 10, (_, i) => createIndicator(client, admin, { goalId: goals[(i * 5) % goals.length].id }));
  // Two recorders, so that recordedBy needs more than one user.
  await inBatches(range(30), 10, (_, i) =>
    recordMeasurement(i % 2 ? admin : secretariat.token, indicators[i % 10].id, `2024-${String(1 + Math.floor(i / 10)).padStart(2, '0')}-15`, 40 + i),
  );

  const activities = await inBatches(range(25), 10, (_, i) =>
    createActivity(client, admin, { planId: plan.id, focusAreaId: i % 4 ? focusArea(i) : undefined, budget: 100_000 + i * 1_000 }),
  );
  await inBatches(range(50), 10, (_, i) => {
    const activity = Math.floor(i / 2);
    const goal = i % 2 ? (activity + 5) % goals.length : activity % goals.length;
    return link(client, admin, { activityId: activities[activity].id, goalId: goals[goal].id, weight: 1 + (i % 3) });
  });
  return { plan, token: secretariat.token };
}

beforeAll(async () => {
  app = await startTestApp();
  admin = app.adminToken;
  pool = await createPool(app.client, admin);
  areaSecretariatId = (await createAreaSecretariat(app.client, admin)).id;
  small = await buildSmallPlan();
  const built = await buildLargePlan();
  large = built.plan;
  largeSecretariatToken = built.token;
}, 180_000);
afterAll(() => app?.stop());

/** A warm request (see GraphQLClient.warm): the statement counts below compare warm pages. */
async function planPage(id: string, token = admin): Promise<GraphQLResponse<PlanPage>> {
  const result = await app.client.warm<PlanPage>(PLAN_PAGE, { id }, token);
  if (result.errors?.length || !result.data) throw new Error(`plan page failed: ${JSON.stringify(result.errors)}`);
  return result;
}

describe('the plan page', () => {
  it('loads everything of the large plan', async () => {
    const { plan } = (await planPage(large.id)).data!;
    expect(plan.goals).toHaveLength(12);
    expect(plan.goals.filter((g) => g.parent === null)).toHaveLength(2);
    expect(plan.goals.reduce((n, g) => n + g.children.length, 0)).toBe(10);
    expect(plan.goals.flatMap((g) => g.indicators)).toHaveLength(10);
    const measurements = plan.goals.flatMap((g) => g.indicators.flatMap((i) => i.measurements));
    expect(measurements).toHaveLength(30);
    expect(new Set(measurements.map((m) => m.recordedBy.id)).size).toBe(2);
    expect(plan.goals.flatMap((g) => g.links)).toHaveLength(50);
    expect(plan.activities).toHaveLength(25);
    for (const activity of plan.activities) {
      expect(activity.links).toHaveLength(2);
      expect(activity.servedGoals.map((s) => s.path.length).every((n) => n >= 1 && n <= 3)).toBe(true);
    }
    expect(plan.activities.flatMap((a) => a.servedGoals.map((s) => s.path.length))).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(plan.housingOrganisations).toHaveLength(3);
    expect(plan.pool.focusAreas).toHaveLength(pool.focusAreas.length);
    expect(plan.areaSecretariat).toEqual(expect.objectContaining({ id: areaSecretariatId }));
  });

  it('takes as many SQL statements for a large plan as for a small one', async () => {
    const smallPage = await planPage(small.id);
    const largePage = await planPage(large.id);
    console.log(`plan page SQL statements: small plan ${smallPage.statements}, large plan ${largePage.statements}`);
    expect(smallPage.data!.plan.goals).toHaveLength(1);
    expect(smallPage.statements).toBe(PLAN_PAGE_STATEMENTS);
    expect(largePage.statements).toBe(smallPage.statements);
  });

  it('takes the same number again, and for a scoped caller too', async () => {
    const { statements } = await planPage(small.id);
    expect((await planPage(large.id)).statements).toBe(statements);

    const area = await userWithToken(app.client, admin, 'AREA_SECRETARIAT', { areaSecretariatId });
    const areaSmall = await planPage(small.id, area.token);
    const areaLarge = await planPage(large.id, area.token);
    console.log(`plan page SQL statements as AREA_SECRETARIAT: small ${areaSmall.statements}, large ${areaLarge.statements}`);
    expect(areaSmall.statements).toBe(PLAN_PAGE_STATEMENTS);
    expect(areaLarge.statements).toBe(areaSmall.statements);
    expect((await planPage(large.id, largeSecretariatToken)).statements).toBe(areaLarge.statements);
  });
});
