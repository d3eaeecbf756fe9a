import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { EmbeddedPostgres } from '../src/database/embedded-postgres.js';
import { startServer, type RunningServer } from '../src/server.js';
import { GraphQLClient } from './helpers/graphql-client.js';

/** Starting the embedded engine, migrating and loading the demo takes a minute or more on a busy 2-core machine. */
const DEMO_START_TIMEOUT_MS = 240_000;

/** What `npm start` does on a fresh machine: the embedded engine in a data folder, with demo data. */
let dataDir: string;
let server: RunningServer;
let client: GraphQLClient;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'planspor-demo-'));
  server = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir }), { logger: ['error'] });
  client = new GraphQLClient(server.url);
}, DEMO_START_TIMEOUT_MS);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start on a fresh machine', () => {
  it('answers the health check', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'up' });
  });

  it('refuses a second server on the same data folder', async () => {
    await expect(EmbeddedPostgres.start(dataDir)).rejects.toThrow(/in use by process/);
  });

  it('loads demo data in which LBF sees every warning at once', async () => {
    const token = await client.login('lbf@planspor.demo', 'demo-lbf-2026');
    const { nationalRollup } = await client.ok(
      `{ nationalRollup { planCount activityCount budget spent progress plansNeedingAttention { title rollup {
          cofinancingBelowMinimum goalsWithoutActivities { id } activitiesWithoutGoals { id } goalsWithoutIndicators { id } staleActivities { id } } } } }`,
      {},
      token,
    );
    // The hand-computed figures of src/demo/demo-story.md.
    expect(nationalRollup).toMatchObject({ planCount: 3, activityCount: 17, budget: 14_250_000, spent: 7_598_500 });
    expect(nationalRollup.progress).toBeCloseTo(52.71, 2);
    const warnings = nationalRollup.plansNeedingAttention.map((p: any) => p.rollup);
    expect(warnings).toHaveLength(2);
    expect(warnings.some((w: any) => w.cofinancingBelowMinimum)).toBe(true);
    for (const list of ['goalsWithoutActivities', 'activitiesWithoutGoals', 'goalsWithoutIndicators', 'staleActivities']) {
      expect(warnings.flatMap((w: any) => w[list]).length).toBeGreaterThan(0);
    }
  });

  it('shows indicators on and off track', async () => {
    const token = await client.login('admin@planspor.demo', 'demo-admin-2026');
    const { plans } = await client.ok(`{ plans { edges { node { goals { indicators { status } } } } } }`, {}, token);
    const statuses = plans.edges.flatMap((e: any) => e.node.goals.flatMap((g: any) => g.indicators.map((i: any) => i.status)));
    expect(statuses).toEqual(expect.arrayContaining(['ON_TRACK', 'OFF_TRACK', 'NO_DATA', 'NO_BASELINE']));
  });

  it('gives each demo role its scope', async () => {
    const area = await client.login('omraade@planspor.demo', 'demo-omraade-2026');
    const board = await client.login('bestyrelse@planspor.demo', 'demo-bestyrelse-2026');
    const count = async (token: string) => (await client.ok(`{ plans { totalCount } }`, {}, token)).plans.totalCount;
    expect(await count(area)).toBe(2);
    expect(await count(board)).toBe(1);
  });
});
