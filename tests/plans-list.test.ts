import { randomUUID } from 'node:crypto';
import { createPlan } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { unique } from './factories/unique.js';
import { userWithToken } from './factories/user.factory.js';
import { expectError } from './helpers/expect-error.js';
import { PLANS } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * `plans(filter, first, after)`: keyset pagination by title (then id), every filter field, and the
 * argument checks. The plans live in a pool, two municipalities and an area secretariat of their own,
 * so filtered counts are exact even with other test files' plans in the database.
 */
let app: TestApp;
let admin: string;

interface Fixture {
  id: string;
  title: string;
  status: string;
  municipalityId: string;
  areaSecretariatId: string | null;
}
let poolId: string;
let municipalities: [string, string];
let areaSecretariatId: string;
let plans: Fixture[];

interface Page {
  totalCount: number;
  edges: { cursor: string; node: { id: string; title: string; status: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

beforeAll(async () => {
  app = await startTestApp();
  admin = app.adminToken;
  const { client } = app;
  poolId = (await createPool(client, admin)).id;
  municipalities = [(await createMunicipality(client, admin)).id, (await createMunicipality(client, admin)).id];
  const housingOrganisationId = (await createHousingOrganisation(client, admin)).id;
  areaSecretariatId = (await createAreaSecretariat(client, admin)).id;

  // Created out of title order; two share a title, so a page boundary falls between equal titles.
  const prefix = unique('Liste');
  const specs: Omit<Fixture, 'id'>[] = [
    { title: `${prefix} C`, status: 'COMPLETED', municipalityId: municipalities[1], areaSecretariatId: null },
    { title: `${prefix} B`, status: 'DRAFT', municipalityId: municipalities[0], areaSecretariatId: null },
    { title: `${prefix} D`, status: 'ACTIVE', municipalityId: municipalities[0], areaSecretariatId },
    { title: `${prefix} A`, status: 'ACTIVE', municipalityId: municipalities[0], areaSecretariatId },
    { title: `${prefix} B`, status: 'ACTIVE', municipalityId: municipalities[1], areaSecretariatId: null },
  ];
  plans = [];
  for (const spec of specs) {
    const { title, status, municipalityId } = spec;
    const created = await createPlan(
      client,
      admin,
      { poolId, municipalityId, housingOrganisationIds: [housingOrganisationId], areaSecretariatId: spec.areaSecretariatId },
      { title, status },
    );
    plans.push({ id: created.id, ...spec });
  }
});
afterAll(() => app?.stop());

async function page(variables: Record<string, unknown>, token = admin): Promise<Page> {
  return (await app.client.ok<{ plans: Page }>(PLANS, variables, token)).plans;
}

/** Follows endCursor from the first page to the last; returns every page. */
async function allPages(filter: Record<string, unknown>, first: number, token = admin): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  do {
    const current: Page = await page({ filter, first, after }, token);
    pages.push(current);
    after = current.pageInfo.hasNextPage ? current.pageInfo.endCursor : null;
  } while (after && pages.length <= 10);
  return pages;
}

/** The order the API promises: by title, then by id. */
function sorted(list: Fixture[]): string[] {
  return [...list].sort((a, b) => (a.title === b.title ? (a.id < b.id ? -1 : 1) : a.title < b.title ? -1 : 1)).map((p) => p.id);
}
const nodeIds = (pages: Page[]) => pages.flatMap((p) => p.edges.map((e) => e.node.id));

describe('cursor pagination', () => {
  it('pages through every plan with first: 2, in title order, with hasNextPage and totalCount on every page', async () => {
    const pages = await allPages({ poolId }, 2);
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, false]);
    expect(pages.map((p) => p.totalCount)).toEqual([5, 5, 5]);
    expect(nodeIds(pages)).toEqual(sorted(plans));
    for (const p of pages) expect(p.pageInfo.endCursor).toBe(p.edges.at(-1)!.cursor);
  });

  it('continues after any edge’s cursor, and answers an empty last page after the final cursor', async () => {
    const [full] = await allPages({ poolId }, 5);
    expect(full.pageInfo.hasNextPage).toBe(false);
    const third = full.edges[2];
    const rest = await page({ filter: { poolId }, first: 5, after: third.cursor });
    expect(rest.edges.map((e) => e.node.id)).toEqual(full.edges.slice(3).map((e) => e.node.id));

    const beyond = await page({ filter: { poolId }, first: 2, after: full.pageInfo.endCursor });
    expect(beyond).toEqual({ totalCount: 5, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  it('first: 0 answers no edges but the count and whether there is more', async () => {
    expect(await page({ filter: { poolId }, first: 0 })).toEqual({ totalCount: 5, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it('pages a filtered list the same way', async () => {
    const active = plans.filter((p) => p.status === 'ACTIVE');
    const pages = await allPages({ poolId, status: 'ACTIVE' }, 1);
    expect(pages.map((p) => p.totalCount)).toEqual(active.map(() => active.length));
    expect(nodeIds(pages)).toEqual(sorted(active));
  });
});

describe('filters', () => {
  const cases: [string, (f: Fixture) => boolean, () => Record<string, unknown>][] = [
    ['poolId', () => true, () => ({ poolId })],
    ['municipalityId', (f) => f.municipalityId === municipalities[1], () => ({ municipalityId: municipalities[1] })],
    ['areaSecretariatId', (f) => f.areaSecretariatId === areaSecretariatId, () => ({ areaSecretariatId })],
    ['status with poolId', (f) => f.status === 'COMPLETED', () => ({ poolId, status: 'COMPLETED' })],
    [
      'municipalityId with status',
      (f) => f.municipalityId === municipalities[0] && f.status === 'ACTIVE',
      () => ({ municipalityId: municipalities[0], status: 'ACTIVE' }),
    ],
  ];

  it.each(cases)('%s', async (_name, matches, filter) => {
    const expected = plans.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    const result = await page({ filter: filter(), first: 200 });
    expect(result.totalCount).toBe(expected.length);
    expect(result.edges.map((e) => e.node.id)).toEqual(sorted(expected));
  });

  it('status alone answers only plans with that status, ours among them', async () => {
    const drafts = await allPages({ status: 'DRAFT' }, 200);
    const nodes = drafts.flatMap((p) => p.edges.map((e) => e.node));
    expect(nodes.length).toBe(drafts[0].totalCount);
    expect(new Set(nodes.map((n) => n.status))).toEqual(new Set(['DRAFT']));
    expect(nodes.map((n) => n.id)).toEqual(expect.arrayContaining(plans.filter((p) => p.status === 'DRAFT').map((p) => p.id)));
  });

  it.each([
    ['an unused id', () => randomUUID()],
    ['a malformed id', () => 'abc'],
  ])('an id filter with %s matches nothing', async (_label, makeId) => {
    for (const field of ['poolId', 'municipalityId', 'areaSecretariatId']) {
      const result = await page({ filter: { [field]: makeId() } });
      expect([field, result.totalCount, result.edges]).toEqual([field, 0, []]);
    }
  });

  it('counts and pages only what the caller may read', async () => {
    const area = await userWithToken(app.client, admin, 'AREA_SECRETARIAT', { areaSecretariatId });
    const own = plans.filter((p) => p.areaSecretariatId === areaSecretariatId);
    const pages = await allPages({ poolId }, 1, area.token);
    expect(pages.map((p) => p.totalCount)).toEqual(own.map(() => own.length));
    expect(nodeIds(pages)).toEqual(sorted(own));

    const board = await userWithToken(app.client, admin, 'BOARD_MEMBER', { planId: plans[0].id });
    const boardPage = await page({ filter: { poolId }, first: 200 }, board.token);
    expect(boardPage.totalCount).toBe(1);
    expect(boardPage.edges.map((e) => e.node.id)).toEqual([plans[0].id]);
  });
});

describe('arguments', () => {
  it.each([-1, 201, 10_000])('first: %j is BAD_USER_INPUT naming first', async (first) => {
    expectError(await app.client.request(PLANS, { filter: { poolId }, first }, admin), 'BAD_USER_INPUT', 'first');
  });

  it('first: 200 is the largest page', async () => {
    expect((await page({ filter: { poolId }, first: 200 })).edges).toHaveLength(plans.length);
  });

  it.each([
    ['garbage', 'garbage'],
    ['not base64', '!!!'],
    ['base64 of a JSON object', Buffer.from('{}').toString('base64url')],
    ['base64 of a key with the wrong arity', Buffer.from('["a"]').toString('base64url')],
    ['base64 of a key of numbers', Buffer.from('[1,2]').toString('base64url')],
  ])('after: %s is BAD_USER_INPUT naming after', async (_label, after) => {
    expectError(await app.client.request(PLANS, { filter: { poolId }, first: 2, after }, admin), 'BAD_USER_INPUT', 'after');
  });
});
