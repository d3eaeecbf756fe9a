import { W1_PLAN_PAGE } from '../scripts/bench/queries.js';
import { buildRichPlan, PLAN_QUERY } from './factories/rich-plan.js';
import { buildWorld, type World } from './factories/world.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Compiled execution (GRAPHQL_JIT=hot, the default) must not change any answer or error. The app
 * executes a query's first use with graphql-js and compiles it from the second on, so sending the same
 * request twice compares graphql-jit's answer with graphql-js's, byte for byte: status, the
 * statement count, and the body as sent.
 */
let app: TestApp;
let world: World;
let documents = 0;

interface RawAnswer {
  status: number;
  statements: string | null;
  body: string;
}

async function send(query: string, variables: unknown, token?: string, operationName?: string): Promise<RawAnswer> {
  const response = await fetch(`${app.server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: response.status, statements: response.headers.get('x-sql-statements'), body: await response.text() };
}

/** The graphql-js answer (first use), then the compiled one (second and third use); returns the body. */
async function sameBothWays(query: string, variables: unknown, token?: string, operationName?: string) {
  // A query text sent nowhere else, so its first use here is its first use in the process.
  const unique = `${query}\n# ${++documents}`;
  const interpreted = await send(unique, variables, token, operationName);
  const compiled = await send(unique, variables, token, operationName);
  const again = await send(unique, variables, token, operationName);
  expect(compiled).toEqual(interpreted);
  expect(again).toEqual(interpreted);
  return { status: interpreted.status, ...(JSON.parse(interpreted.body) as { data?: any; errors?: any[] }) };
}

beforeAll(async () => {
  app = await startTestApp({ GRAPHQL_JIT: 'hot' });
  world = await buildWorld(app.client, app.adminToken);
  await buildRichPlan(app.client, world);
  // Warm the per-process registry rows, so both executions read the same number of statements.
  await app.client.request(W1_PLAN_PAGE, { id: world.planA.id }, world.tokens.projectA);
  await app.client.request(PLAN_QUERY, { id: world.planA.id }, world.tokens.projectA);
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

describe('compiled execution answers as graphql-js does', () => {
  it('the plan page (W1) and the full plan, for each role that may see them', async () => {
    for (const token of [world.tokens.projectA, world.tokens.area, world.tokens.lbf, world.tokens.admin]) {
      const page = await sameBothWays(W1_PLAN_PAGE, { id: world.planA.id }, token);
      expect(page.errors).toBeUndefined();
      expect(page.data.plan.goals.length).toBe(4);
      expect(page.data.plan.activities.length).toBe(4);
      const full = await sameBothWays(PLAN_QUERY, { id: world.planA.id }, token);
      expect(full.errors).toBeUndefined();
      expect(full.data.plan.rollup.budget).toBeDefined();
    }
  });

  it("plan A's user cannot read plan B: the same refusal, and a non-null root nulls data", async () => {
    const refused = await sameBothWays(W1_PLAN_PAGE, { id: world.planB.id }, world.tokens.projectA);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0].extensions.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const mixed = await sameBothWays(
      `query Two($a: ID!, $b: ID!) { a: plan(id: $a) { id title } b: plan(id: $b) { id title } }`,
      { a: world.planA.id, b: world.planB.id },
      world.tokens.projectA,
    );
    expect(mixed.data).toBeNull();
    expect(mixed.errors?.[0].path).toEqual(['b']);
  });

  it('no token, a bad token, and a bad or missing variable', async () => {
    const anonymous = await sameBothWays(W1_PLAN_PAGE, { id: world.planA.id });
    expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const forged = await sameBothWays(W1_PLAN_PAGE, { id: world.planA.id }, `${world.tokens.projectA}x`);
    expect(forged.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const missing = await sameBothWays(W1_PLAN_PAGE, {}, world.tokens.projectA);
    expect(missing.status).toBe(400);
    expect(missing.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const wrongType = await sameBothWays(W1_PLAN_PAGE, { id: { not: 'an id' } }, world.tokens.projectA);
    expect(wrongType.status).toBe(400);
    expect(wrongType.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const badPage = await sameBothWays(`query($n: Int!) { plans(first: $n) { totalCount } }`, { n: -1 }, world.tokens.lbf);
    expect(badPage.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('lists, fragments, directives, __typename and a document of several operations', async () => {
    const query = `
      fragment Goal on Goal { __typename id title indicators { id latest { value } } }
      query Lists($first: Int!, $withGoals: Boolean!) {
        __typename
        me { id role }
        plans(first: $first) { totalCount edges { cursor node { id title goals @include(if: $withGoals) { ...Goal } } } }
        nationalRollup(poolId: null) { planCount budget }
      }
      query Other { me { id } }`;
    const lists = await sameBothWays(query, { first: 5, withGoals: true }, world.tokens.lbf, 'Lists');
    expect(lists.errors).toBeUndefined();
    expect(lists.data.plans.edges.length).toBeGreaterThan(0);
    const skipped = await sameBothWays(query, { first: 5, withGoals: false }, world.tokens.admin, 'Lists');
    expect(skipped.data.plans.edges[0].node.goals).toBeUndefined();
    const other = await sameBothWays(query, {}, world.tokens.area, 'Other');
    expect(other.data.me.id).toBeDefined();
  });
});

describe('a request whose document names no operation to run', () => {
  let plain: TestApp;
  beforeAll(async () => {
    plain = await startTestApp({ GRAPHQL_JIT: 'off' });
  }, 120_000);
  afterAll(async () => plain?.stop());

  // Found by the fault fuzz: these reached the compiled path without an operation and answered 500.
  it.each([
    ['several operations and no operationName', 'query A { me { id } } query B { me { id } }', undefined],
    ['an operationName that names none of them', '{ me { id } }', 'Nope'],
  ])('%s: answered as graphql-js answers it, never INTERNAL_SERVER_ERROR', async (_case, query, operationName) => {
    for (let use = 0; use < 3; use++) {
      const compiled = await send(query, {}, world.tokens.lbf, operationName);
      const expected = await fetch(`${plain.server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${world.tokens.lbf}` },
        body: JSON.stringify({ query, variables: {}, operationName }),
      });
      expect(compiled.status).toBe(expected.status);
      expect(compiled.status).toBeLessThan(500);
      const body = JSON.parse(compiled.body) as { errors: { extensions: { code: string } }[] };
      expect(body).toEqual(await expected.json());
      expect(body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    }
  });
});
