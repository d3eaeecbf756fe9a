import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { webOperations } from './helpers/web-operations.js';

/**
 * The web app as the server sees it: the built files at / with the app's routes answered by
 * index.html (and nothing of the API's claimed), and the browser's own GraphQL operations held to
 * the API's scope and statement counts. (The browser journeys themselves: web/e2e, `npm run test:browser`.)
 */
describe('web app: static serving', () => {
  let app: TestApp;
  let dir: string;

  beforeAll(async () => {
    // A stand-in for web/dist: the serving is tested, not the build.
    dir = mkdtempSync(join(tmpdir(), 'planspor-web-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="da"><body><div id="root"></div><script type="module" src="/assets/app-1a2b.js"></script></body></html>');
    writeFileSync(join(dir, 'assets', 'app-1a2b.js'), 'console.log("planspor")');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    app = await startTestApp({ WEB_DIR: dir });
  });

  afterAll(async () => {
    await app?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/planer/0b5e6f0a-0000-4000-8000-000000000001', '/planer/x/aarsrapporter/2026', '/omraader/abc', '/national', '/national/'])(
    'answers %s with index.html, uncached, under a same-origin-only policy',
    async (path) => {
      const response = await fetch(`${app.server.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      expect(response.headers.get('cache-control')).toBe('no-cache');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await response.text()).toContain('<html lang="da">');
    },
  );

  it('serves the hashed assets for a year and the other files uncached', async () => {
    const asset = await fetch(`${app.server.url}/assets/app-1a2b.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log("planspor")');
    const icon = await fetch(`${app.server.url}/favicon.svg`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('lets a browser revalidate index.html and the files (304), while API answers carry no ETag', async () => {
    for (const path of ['/', '/favicon.svg']) {
      const first = await fetch(`${app.server.url}${path}`);
      const tag = first.headers.get('etag');
      expect({ path, tag }).toEqual({ path, tag: expect.stringMatching(/^(W\/)?"[^"]+"$/) });
      // As a browser revalidates (fetch() would add `Cache-Control: no-cache` to a conditional request).
      const again = await fetch(`${app.server.url}${path}`, { headers: { 'if-none-match': tag!, 'cache-control': 'max-age=0' } });
      expect({ path, status: again.status }).toEqual({ path, status: 304 });
    }
    const answer = await fetch(`${app.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${app.adminToken}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('etag')).toBeNull();
  });

  it.each(['/assets/missing.js', '/national/extra', '/planerx', '/nope', '/../package.json'])('answers %s with 404, not the app', async (path) => {
    const response = await fetch(`${app.server.url}${path}`);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('<div id="root">');
  });

  it('leaves the API where it was: POST /graphql, GET /health', async () => {
    const me = await app.client.request('{ me { email } }', {}, app.adminToken);
    expect(me.data).toEqual({ me: { email: 'admin@tests.planspor' } });
    expect((await fetch(`${app.server.url}/health`)).status).toBe(200);
    // A POST to an app route is not the app's (it only reads).
    expect((await fetch(`${app.server.url}/national`, { method: 'POST' })).status).toBe(404);
  });
});

describe('web app: not built', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ WEB_DIR: join(tmpdir(), 'planspor-web-never-built') });
  });

  afterAll(async () => app?.stop());

  it('says how to build it at its routes, and the API works regardless', async () => {
    const response = await fetch(`${app.server.url}/planer/abc`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build:web');
    const me = await app.client.request('{ me { email } }', {}, app.adminToken);
    expect(me.data).toEqual({ me: { email: 'admin@tests.planspor' } });
  });
});

describe("web app: the browser's own operations against the API", () => {
  const operations = webOperations();
  let app: TestApp;
  let world: World;

  beforeAll(async () => {
    app = await startTestApp();
    world = await buildWorld(app.client, app.adminToken);
  });

  afterAll(async () => app?.stop());

  it('are found in the web source: every page and form', () => {
    expect([...operations.keys()].sort()).toEqual(
      [
        'ActivityHistory',
        'AddCoordinationNote',
        'AnnualReportPage',
        'ApproveAnnualReport',
        'AreaCoordination',
        'CompleteMilestone',
        'CreateMilestone',
        'IndicatorHistory',
        'PlanCoordination',
        'PlanReporting',
        'RetractMeasurement',
        'RetractProgressEntry',
        'ReturnAnnualReport',
        'SubmitAnnualReport',
        'UpdateIndicator',
        'AreaPage',
        'CreateActivity',
        'CreateGoal',
        'CreateIndicator',
        'LinkActivityToGoal',
        'LogProgress',
        'Login',
        'Me',
        'NationalRollup',
        'PlanPage',
        'PlansPage',
        'RecordMeasurement',
        'UnlinkActivityFromGoal',
      ].sort(),
    );
  });

  it("the plan page costs the same number of SQL statements for a plan with one activity and one with twelve", async () => {
    const { planA, tokens } = world;
    const token = tokens.admin;
    // Both in the same area secretariat, so the two differ only in size.
    const small = await createPlan(app.client, token, {
      poolId: world.pool.id,
      municipalityId: world.municipalityId,
      housingOrganisationIds: [world.housingOrganisationId],
      areaSecretariatId: world.areaSecretariatId,
    });
    for (const [plan, activities] of [
      [small, 1],
      [planA, 12],
    ] as const) {
      const root = await createGoal(app.client, token, { planId: plan.id, kind: 'OVERALL' });
      const effect = await createGoal(app.client, token, { planId: plan.id, kind: 'EFFECT', parentId: root.id });
      await createIndicator(app.client, token, { goalId: effect.id });
      for (let i = 0; i < activities; i += 1) {
        const activity = await createActivity(app.client, token, { planId: plan.id });
        await link(app.client, token, { activityId: activity.id, goalId: effect.id });
        await app.client.ok(operations.get('LogProgress')!, { input: { activityId: activity.id, reportedOn: '2025-06-01', percentComplete: 10 + i } }, token);
      }
    }
    const smallPage = await app.client.warm(operations.get('PlanPage')!, { id: small.id }, token);
    const largePage = await app.client.warm(operations.get('PlanPage')!, { id: planA.id }, tokens.projectA);
    expect(smallPage.errors).toBeUndefined();
    expect(largePage.errors).toBeUndefined();
    expect((largePage.data as { plan: { activities: unknown[] } }).plan.activities).toHaveLength(12);
    expect(largePage.statements).toBe(smallPage.statements);
  });

  it("keeps a project secretariat out of another plan, and a board member from changing its own", async () => {
    const { planA, planB, tokens } = world;
    const foreign = await app.client.request(operations.get('PlanPage')!, { id: planB.id }, tokens.projectA);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(foreign.data).toBeNull();
    const goal = await app.client.request(operations.get('CreateGoal')!, { input: { planId: planB.id, kind: 'OVERALL', title: 'Ikke min plan' } }, tokens.projectA);
    expect(['NOT_FOUND', 'FORBIDDEN']).toContain(goal.errors?.[0]?.extensions?.code);
    const byBoard = await app.client.request(operations.get('CreateGoal')!, { input: { planId: planA.id, kind: 'OVERALL', title: 'Bestyrelsens mål' } }, tokens.boardA);
    expect(byBoard.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const plans = await app.client.ok(operations.get('PlansPage')!, { first: 200, after: null }, tokens.area);
    const visible = plans.plans.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(visible).toContain(planA.id);
    expect(visible).not.toContain(planB.id);
    const national = await app.client.request(operations.get('NationalRollup')!, {}, tokens.projectA);
    expect(national.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('the area page shows an area secretariat its own plans only', async () => {
    const { tokens, areaSecretariatId, planA, planB } = world;
    const area = await app.client.ok(operations.get('AreaPage')!, { id: areaSecretariatId }, tokens.area);
    const ids = area.areaSecretariat.plans.map((p: { id: string }) => p.id);
    expect(ids).toContain(planA.id);
    expect(ids).not.toContain(planB.id);
    const byOtherPlan = await app.client.request(operations.get('AreaPage')!, { id: areaSecretariatId }, tokens.projectB);
    expect(byOtherPlan.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
