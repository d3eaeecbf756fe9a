import { createPlan } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * `first` on `plans` and `auditEvents` is `Int = 50`: nullable, default 50. A client that leaves it
 * out, sends `first: null`, or passes a variable that is null or not given, gets a page of 50.
 */
let app: TestApp;
let poolId: string;
let since: string;
const PLANS = 52;

beforeAll(async () => {
  app = await startTestApp();
  const { client, adminToken } = app;
  since = new Date().toISOString();
  poolId = (await createPool(client, adminToken)).id;
  const refs = { poolId, municipalityId: (await createMunicipality(client, adminToken)).id, housingOrganisationIds: [(await createHousingOrganisation(client, adminToken)).id] };
  for (let i = 0; i < PLANS; i++) await createPlan(client, adminToken, refs);
}, 120_000);
afterAll(() => app?.stop());

const page = '{ totalCount edges { cursor } pageInfo { hasNextPage endCursor } }';

describe('first on plans and auditEvents', () => {
  it('is a nullable Int with default 50 in the served schema', async () => {
    const { __type } = await app.client.ok(
      `{ __type(name: "Query") { fields { name args { name defaultValue type { kind name } } } } }`,
      {},
      app.adminToken,
    );
    for (const name of ['plans', 'auditEvents']) {
      const first = __type.fields.find((f: any) => f.name === name).args.find((a: any) => a.name === 'first');
      expect(first).toEqual({ name: 'first', defaultValue: '50', type: { kind: 'SCALAR', name: 'Int' } });
    }
  });

  it.each([
    ['left out', `query($filter: PlanFilter) { plans(filter: $filter) ${page} }`, {}],
    ['sent as null', `query($filter: PlanFilter) { plans(filter: $filter, first: null) ${page} }`, {}],
    ['a variable set to null', `query($filter: PlanFilter, $first: Int) { plans(filter: $filter, first: $first) ${page} }`, { first: null }],
    ['a variable not given', `query($filter: PlanFilter, $first: Int) { plans(filter: $filter, first: $first) ${page} }`, {}],
  ])('gives plans a page of 50 when %s', async (_how, query, variables) => {
    const { plans } = await app.client.ok(query, { filter: { poolId }, ...variables }, app.adminToken);
    expect(plans.totalCount).toBe(PLANS);
    expect(plans.edges).toHaveLength(50);
    expect(plans.pageInfo.hasNextPage).toBe(true);
    const rest = await app.client.ok(`query($filter: PlanFilter, $after: String) { plans(filter: $filter, first: null, after: $after) ${page} }`, { filter: { poolId }, after: plans.pageInfo.endCursor }, app.adminToken);
    expect(rest.plans.edges).toHaveLength(PLANS - 50);
    expect(rest.plans.pageInfo.hasNextPage).toBe(false);
  });

  it.each([
    ['sent as null', `query($filter: AuditFilter) { auditEvents(filter: $filter, first: null) ${page} }`, {}],
    ['a variable set to null', `query($filter: AuditFilter, $first: Int) { auditEvents(filter: $filter, first: $first) ${page} }`, { first: null }],
  ])('gives auditEvents a page of 50 when %s', async (_how, query, variables) => {
    const { auditEvents } = await app.client.ok(query, { filter: { since }, ...variables }, app.adminToken);
    expect(auditEvents.totalCount).toBeGreaterThanOrEqual(PLANS);
    expect(auditEvents.edges).toHaveLength(50);
    expect(auditEvents.pageInfo.hasNextPage).toBe(true);
  });

  it('still refuses a page size out of range, naming first', async () => {
    const result = await app.client.request(`{ plans(first: 201) ${page} }`, {}, app.adminToken);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
