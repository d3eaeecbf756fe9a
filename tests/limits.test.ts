import { getIntrospectionQuery } from 'graphql';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** The demo's largest real queries: the README's plan page, the national roll-up and every plan with everything. */
const PLAN_PAGE = `query($id: ID!) {
  plan(id: $id) {
    title status lbfGrant localCofinancing
    goals { id kind title parent { id } indicators { name baseline target latest { value measuredOn } status attainment } rollup { progress budget spent } }
    activities { title status budget progress spent isStale servedGoals { share path { title } } }
    rollup { progress budget spent cofinancingShare cofinancingBelowMinimum
      goalsWithoutActivities { title } activitiesWithoutGoals { title } goalsWithoutIndicators { title } staleActivities { title } }
  }
}`;
// Scoped to this file's pool: the test database is shared, and other files' data is not ours to sum.
const NATIONAL_ROLLUP = `query($poolId: ID) {
  nationalRollup(poolId: $poolId) {
    planCount activityCount lbfGrant localCofinancing budget spent progress
    byFocusArea { focusArea { id name pool { id name startYear endYear minCofinancingShare } } activityCount budget progress }
    byMunicipality { municipality { id name code } planCount lbfGrant progress }
    plansNeedingAttention { id title status startDate endDate lbfGrant localCofinancing
      pool { id name } municipality { id name code } areaSecretariat { id name }
      rollup { activityCount progress budget spent cofinancingShare cofinancingBelowMinimum
        goalsWithoutActivities { id title } activitiesWithoutGoals { id title } goalsWithoutIndicators { id title } staleActivities { id title } } }
  }
}`;
const EVERY_PLAN = `query($first: Int!, $poolId: ID) {
  plans(first: $first, filter: { poolId: $poolId }) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id title status startDate endDate lbfGrant localCofinancing reportingIntervalDays housingAreas
      pool { id name } municipality { id name code } housingOrganisations { id name } areaSecretariat { id name }
      goals { id kind title description parent { id } focusArea { id name }
        indicators { id name unit direction source baseline baselineDate target targetDate attainment status
          latest { id value measuredOn }
          measurements { id measuredOn value note recordedAt recordedBy { id name } } }
        links { weight share rationale activity { id } }
        rollup { activityCount progress budget spent indicatorCount indicatorsOnTrack } }
      activities { id version title description targetGroup status responsibleParty startDate endDate budget progress spent isStale
        focusArea { id name }
        links { weight share rationale goal { id } }
        servedGoals { share goal { id title } path { id title } }
        progressEntries { id reportedOn percentComplete status participantsReached spent note loggedAt loggedBy { id name } }
        latestProgress { id reportedOn percentComplete } }
      rollup { activityCount progress budget spent cofinancingShare cofinancingBelowMinimum
        goalsWithoutActivities { id title } activitiesWithoutGoals { id title } goalsWithoutIndicators { id title } staleActivities { id title } }
    } }
  }
}`;

/** `goal(id) { parent { parent { … id } } }` with `depth` fields on its longest path (and no lists, so cheap). */
function queryOfDepth(depth: number, introspect = ''): string {
  const parents = depth - 2;
  return `query($id: ID!) { ${introspect} goal(id: $id) { ${'parent { '.repeat(parents)}id${' }'.repeat(parents)} } }`;
}

/** A document of exactly `count` lexical tokens: `{`, `__typename` × (count − 2), `}`. */
function queryOfTokens(count: number): string {
  return `{ ${'__typename '.repeat(count - 2)}}`;
}

function aliases(count: number): string {
  return `{ ${Array.from({ length: count }, (_, i) => `a${i}: __typename`).join(' ')} }`;
}

function directives(count: number): string {
  return `{ ${'__typename @include(if: true) '.repeat(count)}}`;
}

/** Refused before execution: HTTP 400, QUERY_TOO_COMPLEX, the limit and its variable named. Returns the extensions. */
function expectRefused(result: GraphQLResponse, limit: string, variable: string) {
  expect({ status: result.status, code: result.errors?.[0]?.extensions?.code, limit: result.errors?.[0]?.extensions?.limit }).toEqual({
    status: 400,
    code: 'QUERY_TOO_COMPLEX',
    limit,
  });
  expect(result.data).toBeNull();
  expect(result.errors![0]!.message).toContain(variable);
  return result.errors![0]!.extensions!;
}

function expectAccepted(result: GraphQLResponse) {
  expect({ status: result.status, errors: result.errors }).toEqual({ status: 200, errors: undefined });
}

async function post(app: TestApp, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${app.server.url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, text, body: text.startsWith('{') ? JSON.parse(text) : undefined };
}

describe('query limits at their defaults', () => {
  let app: TestApp;
  let planId: string;
  let goalId: string;
  let poolId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const { client, adminToken: token } = app;
    // A plan with one of everything, so the demo queries resolve every field they ask for.
    const pool = await createPool(client, token);
    poolId = pool.id;
    const refs = {
      poolId: pool.id,
      municipalityId: (await createMunicipality(client, token)).id,
      housingOrganisationIds: [(await createHousingOrganisation(client, token)).id],
    };
    planId = (await createPlan(client, token, refs)).id;
    const goal = await createGoal(client, token, { planId, kind: 'OVERALL', focusAreaId: pool.focusAreas[0]!.id });
    goalId = goal.id;
    await createIndicator(client, token, { goalId: goal.id });
    const activity = await createActivity(client, token, { planId });
    await link(client, token, { activityId: activity.id, goalId: goal.id });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it("answers the demo's largest real queries", async () => {
    const { client, adminToken } = app;
    expectAccepted(await client.request(PLAN_PAGE, { id: planId }, adminToken));
    expectAccepted(await client.request(NATIONAL_ROLLUP, { poolId }, adminToken));
    const everyPlan = await client.request(EVERY_PLAN, { first: 50, poolId }, adminToken);
    expectAccepted(everyPlan);
    expect(everyPlan.data!.plans.edges.length).toBeGreaterThan(0);
  });

  it('refuses a query deeper than QUERY_MAX_DEPTH (12), and takes one as deep', async () => {
    const { client, adminToken } = app;
    expectAccepted(await client.request(queryOfDepth(12), { id: goalId }, adminToken));
    const refused = expectRefused(await client.request(queryOfDepth(13), { id: goalId }, adminToken), 'depth', 'QUERY_MAX_DEPTH');
    expect(refused).toMatchObject({ maximum: 12, actual: 13 });
  });

  it('refuses more aliases than QUERY_MAX_ALIASES (30), and takes as many', async () => {
    expectAccepted(await app.client.request(aliases(30)));
    const refused = expectRefused(await app.client.request(aliases(31)), 'aliases', 'QUERY_MAX_ALIASES');
    expect(refused).toMatchObject({ maximum: 30, actual: 31 });
  });

  it('refuses more directives than QUERY_MAX_DIRECTIVES (50), and takes as many', async () => {
    expectAccepted(await app.client.request(directives(50)));
    const refused = expectRefused(await app.client.request(directives(51)), 'directives', 'QUERY_MAX_DIRECTIVES');
    expect(refused).toMatchObject({ maximum: 50, actual: 51 });
  });

  it('refuses more tokens than QUERY_MAX_TOKENS (2000) before validating anything', async () => {
    const refused = expectRefused(await app.client.request(queryOfTokens(2001)), 'tokens', 'QUERY_MAX_TOKENS');
    expect(refused).toMatchObject({ maximum: 2000 });
  });

  it('refuses a query that costs more than QUERY_MAX_COST (10,000,000)', async () => {
    // The biggest page of plans with four nested lists below it: 200 × 20 × 20 × 20 × …
    const query = `{ plans(first: 200) { edges { node { goals { children { children { children { id } } } } } } } }`;
    const refused = expectRefused(await app.client.request(query, {}, app.adminToken), 'cost', 'QUERY_MAX_COST');
    expect(refused.maximum).toBe(10_000_000);
    expect(refused.actual).toBeGreaterThan(10_000_000);
  });

  it('answers introspection outside production, exempt from depth and cost', async () => {
    // The full introspection query is 15 deep and costs about 350,000 when measured: it would be refused.
    const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, inputValueDeprecation: true });
    const result = await app.client.request(query);
    expectAccepted(result);
    expect(result.data!.__schema.queryType.name).toBe('Query');
  });

  it('still measures the data fields of an operation that also introspects', async () => {
    const query = queryOfDepth(13, '__schema { queryType { name } }');
    expectRefused(await app.client.request(query, { id: goalId }, app.adminToken), 'depth', 'QUERY_MAX_DEPTH');
  });

  it('suggests names outside production, which helps while writing queries', async () => {
    const field = await app.client.request('{ me { nme } }', {}, app.adminToken);
    expect(field.errors?.[0]?.message).toMatch(/Did you mean "name"\?/);
  });

  it('refuses a batch of operations', async () => {
    const batch = JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    const { status, body } = await post(app, batch);
    expect(status).toBe(400);
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST' } });
    expect(body.errors[0].message).toMatch(/batching/i);
  });

  it('refuses requests a browser could send across sites without a preflight (CSRF prevention)', async () => {
    const get = await fetch(`${app.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
    expect(((await get.json()) as any).errors[0].message).toMatch(/Cross-Site Request Forgery/);

    const form = await post(app, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(form.status).toBe(400);
    expect(form.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);

    // The same GET with a header a cross-site form cannot set goes through.
    const preflighted = await fetch(`${app.server.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(200);
    expect(await preflighted.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('refuses a body over BODY_LIMIT_BYTES with 413 in GraphQL error shape', async () => {
    const { status, body } = await post(app, JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(1_100_000) } }));
    expect(status).toBe(413);
    expect(body).toEqual({ errors: [{ message: expect.stringContaining('BODY_LIMIT_BYTES'), extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('refuses malformed JSON with 400 in GraphQL error shape', async () => {
    const { status, body } = await post(app, '{"query": "{ __typename }"');
    expect(status).toBe(400);
    expect(body).toEqual({ errors: [{ message: expect.stringMatching(/not valid JSON/), extensions: { code: 'BAD_REQUEST' } }] });
  });

  it("leaves the refusals of other paths in Nest's shape", async () => {
    const response = await fetch(`${app.server.url}/elsewhere`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ statusCode: 400 });
  });
});

describe('query limits set by environment', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ QUERY_MAX_COST: '200', QUERY_MAX_DEPTH: '4', QUERY_MAX_TOKENS: '100' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('counts a page size given as a variable at its value', async () => {
    // plans + edges (1 + first × (node + id)) = 2 + 2 × first
    const query = 'query($first: Int!) { plans(first: $first) { edges { node { id } } } }';
    expectAccepted(await app.client.request(query, { first: 99 }, app.adminToken));
    const refused = expectRefused(await app.client.request(query, { first: 100 }, app.adminToken), 'cost', 'QUERY_MAX_COST');
    expect(refused).toMatchObject({ maximum: 200, actual: 202 });
  });

  it('counts a list without first at 20 items, and nested lists multiply', async () => {
    // pools (1 + 20 × (id + focusAreas (1 + 20 × id))) is far over 200; pools { id } is 21.
    expectAccepted(await app.client.request('{ pools { id } }', {}, app.adminToken));
    const refused = expectRefused(await app.client.request('{ pools { id focusAreas { id } } }', {}, app.adminToken), 'cost', 'QUERY_MAX_COST');
    expect(refused.actual).toBe(1 + 20 * (1 + (1 + 20)));
    // Measured once and kept with the parsed document (it reads no variable): refused the same way again.
    const again = expectRefused(await app.client.request('{ pools { id focusAreas { id } } }', {}, app.adminToken), 'cost', 'QUERY_MAX_COST');
    expect(again).toEqual(refused);
  });

  it('applies the token limit set by QUERY_MAX_TOKENS', async () => {
    expectAccepted(await app.client.request(queryOfTokens(100)));
    expect(expectRefused(await app.client.request(queryOfTokens(101)), 'tokens', 'QUERY_MAX_TOKENS')).toMatchObject({ maximum: 100 });
  });

  it('applies the depth set by QUERY_MAX_DEPTH', async () => {
    expectAccepted(await app.client.request('{ me { plan { pool { id } } } }', {}, app.adminToken));
    const refused = expectRefused(await app.client.request('{ me { plan { pool { focusAreas { id } } } } }', {}, app.adminToken), 'depth', 'QUERY_MAX_DEPTH');
    expect(refused).toMatchObject({ maximum: 4, actual: 5 });
  });
});

describe('in production', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: 'production' });
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('refuses introspection', async () => {
    const result = await app.client.request(getIntrospectionQuery());
    expect(result.status).toBe(400);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await app.client.request('{ __type(name: "Plan") { name } }')).errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('suggests no field, argument or enum value names', async () => {
    const { client, adminToken } = app;
    const field = await client.request('{ me { nme } }', {}, adminToken);
    expect(field.errors?.[0]?.message).toBe('Cannot query field "nme" on type "User".');

    const literal = await client.request('{ plans(filter: { status: ACTIV }) { totalCount } }', {}, adminToken);
    expect(literal.errors?.[0]?.message).toMatch(/ACTIV/);
    const variable = await client.request(
      'query($filter: PlanFilter) { plans(filter: $filter) { totalCount } }',
      { filter: { statu: 'ACTIVE' } },
      adminToken,
    );
    expect(variable.errors?.[0]?.message).toMatch(/statu/);
    for (const result of [field, literal, variable]) expect(result.errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
