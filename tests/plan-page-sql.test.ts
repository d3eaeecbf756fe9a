import pg from 'pg';
import { W1_PLAN_PAGE } from '../scripts/bench/queries.js';
import { DATASET_PASSWORD, type DatasetRun, generateDataset, secretariatEmail } from '../scripts/dataset/generate.js';
import { createGoal, link } from './factories/plan.factory.js';
import { buildRichPlan } from './factories/rich-plan.js';
import { userWithToken } from './factories/user.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/*
 * The plan page in one SQL statement (src/plans/page/): for every selection it compiles, its answer
 * must be the resolvers' answer, every value and the order of every object's keys, for every caller
 * who may read the plan (the statement's JSON text goes out with PostgreSQL's spacing, so the answers
 * are compared as a client parses them, serialised again), and every
 * other request (out of scope, no session, a selection it does not know) must get exactly what the
 * resolvers give. The resolvers' answer is had by putting `@include(if: true)` on the root field:
 * the same operation, which the compiler leaves to the resolvers because it compiles no directive.
 */

/** Every field the compiler knows, with aliases and __typename at every level. */
const EVERY_FIELD = `query Everything($id: ID!) {
  page: plan(id: $id) {
    __typename id title status housingAreas startDate endDate lbfGrant grant: lbfGrant localCofinancing reportingIntervalDays
    pool { __typename id name startYear endYear minCofinancingShare }
    municipality { id name code }
    goals {
      id kind title description
      parent { id title parent { id } }
      children { id title }
      rollup { __typename activityCount progress budget spent indicatorCount indicatorsOnTrack }
      indicators {
        id name unit direction source baseline baselineDate target targetDate attainment status
        latest { __typename id value measuredOn note }
      }
    }
    activities {
      id version title description targetGroup status responsibleParty startDate endDate budget partners progress spent isStale
      links { __typename weight share rationale goal { id title rollup { budget } } }
    }
    rollup {
      activityCount progress budget spent cofinancingShare cofinancingBelowMinimum attentionReasons
      goalsWithoutActivities { id title } activitiesWithoutGoals { id title budget } goalsWithoutIndicators { id }
      staleActivities { id isStale } overspentActivities { id spent }
    }
  }
}`;

/** The same operation served by the resolvers: a directive on the root field is nothing the compiler takes. */
function viaResolvers(query: string): string {
  const resolved = query.replace(/plan\(id: \$id\) \{/, 'plan(id: $id) @include(if: true) {');
  if (resolved === query) throw new Error('no root plan field to mark');
  return resolved;
}

let app: TestApp;
let world: World;
let db: pg.Client;
let dataset: DatasetRun;

/**
 * The answer as a client reads it: parsed, then serialised again, which keeps every value and the order
 * of keys and drops only the server's whitespace; and its statement count.
 */
async function raw(query: string, variables: Record<string, unknown>, token?: string): Promise<{ status: number; text: string; statements: number }> {
  const response = await fetch(`${app.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = JSON.stringify(JSON.parse(await response.text()));
  return { status: response.status, text, statements: Number(response.headers.get('x-sql-statements')) };
}

/** Both ways, each asked twice (the second answer counted: registry rows are cached per process). */
async function bothWays(query: string, variables: Record<string, unknown>, token?: string) {
  await raw(query, variables, token);
  const fast = await raw(query, variables, token);
  await raw(viaResolvers(query), variables, token);
  const resolvers = await raw(viaResolvers(query), variables, token);
  return { fast, resolvers };
}

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  const rich = await buildRichPlan(app.client, world);
  const token = world.tokens.projectA;
  const planId = world.planA.id;
  // Breadth first is not creation order: root2's child is created before root's second child, yet
  // comes after it (root's children first, then root2's).
  const underRoot2 = await createGoal(app.client, token, { planId, kind: 'EFFECT', parentId: rich.root2.id, title: 'Under root2' });
  await createGoal(app.client, token, { planId, kind: 'EFFECT', parentId: rich.root.id, title: 'Root, second child' });
  await createGoal(app.client, token, { planId, kind: 'SUB', parentId: underRoot2.id, title: 'Third level' });
  // Weights whose sum depends on the order of addition in doubles: (0.1 + 0.2) + 0.3 ≠ 0.1 + (0.2 + 0.3).
  await link(app.client, token, { activityId: rich.a4.id, goalId: rich.sub.id, weight: 0.1 });
  await link(app.client, token, { activityId: rich.a4.id, goalId: rich.effect.id, weight: 0.2 });
  await link(app.client, token, { activityId: rich.a4.id, goalId: underRoot2.id, weight: 0.3 });
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  dataset = await generateDataset(db, { plans: 2, seed: 7, chunkSize: 2 });
});

afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('the plan page in one statement', () => {
  it('answers W1 and a selection of every field it knows exactly as the resolvers do, for every reader of plan A', async () => {
    const readers = { admin: world.tokens.admin, lbf: world.tokens.lbf, area: world.tokens.area, project: world.tokens.projectA, board: world.tokens.boardA };
    for (const query of [W1_PLAN_PAGE, EVERY_FIELD]) {
      for (const [reader, token] of Object.entries(readers)) {
        const { fast, resolvers } = await bothWays(query, { id: world.planA.id }, token);
        expect({ reader, status: fast.status, text: fast.text }).toEqual({ reader, status: 200, text: resolvers.text });
        expect(JSON.parse(fast.text).errors).toBeUndefined();
        // The session check, the scope and the whole page: one statement; the resolvers take several.
        expect(fast.statements).toBe(1);
        expect(resolvers.statements).toBeGreaterThan(1 + SESSION_CHECK_STATEMENTS);
      }
    }
  });

  it('gives goals breadth first and the shares of weights 0.1, 0.2 and 0.3 as the resolvers do', async () => {
    const { fast } = await bothWays(EVERY_FIELD, { id: world.planA.id }, world.tokens.projectA);
    const page = JSON.parse(fast.text).data.page;
    expect(page.goals.map((g: { title: string }) => g.title)).toEqual([
      'Flere unge i uddannelse og job',
      'Tryghed, "citeret", med komma',
      'Færre unge uden uddannelse',
      'Root, second child',
      'Under root2',
      'Lektiehjælp',
      'Third level',
    ]);
    const ungeraad = page.activities.find((a: { title: string }) => a.title === 'Ungeråd');
    expect(ungeraad.links.map((l: { weight: number }) => l.weight)).toEqual([0.1, 0.2, 0.3]);
    expect(ungeraad.links.reduce((sum: number, l: { share: number }) => sum + l.share, 0)).toBeCloseTo(1, 12);
  });

  it('answers the dataset\'s plans (hundreds of entries, cancelled activities, many links) as the resolvers do', async () => {
    for (const [i, planId] of dataset.planIds.entries()) {
      const token = await app.client.login(secretariatEmail(dataset.tag, i + 1), DATASET_PASSWORD);
      for (const query of [W1_PLAN_PAGE, EVERY_FIELD]) {
        const { fast, resolvers } = await bothWays(query, { id: planId }, token);
        expect(fast.text).toBe(resolvers.text);
        expect(fast.statements).toBe(1);
      }
    }
  });

  it('leaves every refusal to the resolvers: out of scope, no token, a bad id, an ended session', async () => {
    const cases: [string, Record<string, unknown>, string | undefined][] = [
      ['project secretariat of plan B', { id: world.planA.id }, world.tokens.projectB],
      ['area secretariat, plan outside its area', { id: world.planB.id }, world.tokens.area],
      ['no token', { id: world.planA.id }, undefined],
      ['a forged token', { id: world.planA.id }, `${world.tokens.lbf}x`],
      ['an id that is no uuid', { id: 'plan-a' }, world.tokens.lbf],
      ['a plan that does not exist', { id: '00000000-0000-4000-8000-000000000000' }, world.tokens.lbf],
    ];
    for (const [name, variables, token] of cases) {
      const { fast, resolvers } = await bothWays(W1_PLAN_PAGE, variables, token);
      expect({ name, status: fast.status, text: fast.text }).toEqual({ name, status: resolvers.status, text: resolvers.text });
      const body = JSON.parse(fast.text);
      expect({ name, data: body.data ?? null, refused: (body.errors ?? []).length > 0 }).toEqual({ name, data: null, refused: true });
    }
    // Plan B's secretariat is told NOT_FOUND, as for a plan that does not exist, and sees nothing of plan A.
    const foreign = await raw(W1_PLAN_PAGE, { id: world.planA.id }, world.tokens.projectB);
    expect(JSON.parse(foreign.text).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(foreign.text).not.toContain(world.planA.title);

    // A session ended after the token was issued (the user deactivated): the statement finds no row.
    const user = await userWithToken(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId: world.planA.id });
    expect((await raw(W1_PLAN_PAGE, { id: world.planA.id }, user.token)).statements).toBe(1);
    await app.client.ok(`mutation($input: UpdateUserInput!) { updateUser(input: $input) { id } }`, { input: { id: user.id, active: false } }, app.adminToken);
    const { fast, resolvers } = await bothWays(W1_PLAN_PAGE, { id: world.planA.id }, user.token);
    expect(fast.text).toBe(resolvers.text);
    expect(JSON.parse(fast.text).data).toBeNull();
    expect(fast.text).not.toContain(world.planA.title);
  });

  it('leaves a selection it does not know to the resolvers, whole', async () => {
    for (const query of [
      'query($id: ID!) { plan(id: $id) { id title housingOrganisations { id } } }',
      'query($id: ID!) { plan(id: $id) { id ...Money } } fragment Money on Plan { lbfGrant }',
      'query($id: ID!) { plan(id: $id) { id activities { id progressEntries { percentComplete } } } }',
      'query($id: ID!) { plan(id: $id) { id title } plans { totalCount } }',
    ]) {
      const answer = await app.client.warm(query, { id: world.planA.id }, world.tokens.lbf);
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.plan.id).toBe(world.planA.id);
      expect(answer.statements).toBeGreaterThan(1);
    }
  });
});
