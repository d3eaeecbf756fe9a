import pg from 'pg';
import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
});
afterAll(() => app?.stop());

const EVENTS = `query($filter: AuditFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id at operation entity entityId before after actor { id } plan { id } } }
    pageInfo { hasNextPage endCursor }
  } }`;
const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { version title } }`;
const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;

async function events(token: string, filter: Record<string, unknown>, first = 50) {
  return (await app.client.ok(EVENTS, { filter, first }, token)).auditEvents;
}

describe('the audit trail', () => {
  it('records who changed what, with only the changed fields before and after', async () => {
    const activity = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id, title: 'Før', budget: 100 });
    await app.client.ok(UPDATE, { input: { id: activity.id, expectedVersion: 1, title: 'Efter', budget: '250' } }, world.tokens.projectA);
    const trail = await events(world.tokens.lbf, { entity: 'Activity', entityId: activity.id });
    expect(trail.totalCount).toBe(2);
    const [update, create] = trail.edges.map((e: any) => e.node); // newest first
    expect(create).toMatchObject({ operation: 'createActivity', before: null, plan: { id: world.planA.id } });
    expect(JSON.parse(create.after)).toMatchObject({ title: 'Før', budget: 100, version: 1 });
    expect(update.operation).toBe('updateActivity');
    expect(JSON.parse(update.before)).toEqual({ title: 'Før', budget: 100, version: 1 });
    expect(JSON.parse(update.after)).toEqual({ title: 'Efter', budget: 250, version: 2 });
    expect(update.actor.id).toBe(create.actor.id);
    expect(Date.parse(update.at)).toBeGreaterThanOrEqual(Date.parse(create.at));
  });

  it('records nothing for a refused change', async () => {
    const activity = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id });
    const refused = await app.client.error(UPDATE, { input: { id: activity.id, expectedVersion: 7, title: 'x' } }, world.tokens.projectA);
    expect(refused.extensions?.code).toBe('CONFLICT');
    expect((await events(app.adminToken, { entityId: activity.id })).totalCount).toBe(1);
  });

  it('never keeps a password hash', async () => {
    const trail = await events(app.adminToken, { entity: 'User' }, 200);
    expect(trail.totalCount).toBeGreaterThan(0);
    for (const edge of trail.edges) expect(edge.node.after ?? '').not.toMatch(/passwordHash|scrypt/);
  });

  it('pages newest first', async () => {
    const first = await events(app.adminToken, {}, 2);
    const next = (await app.client.ok(EVENTS, { first: 2, after: first.pageInfo.endCursor }, app.adminToken)).auditEvents;
    const ids = [...first.edges, ...next.edges].map((e: any) => Number(e.node.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(4);
  });

  it('shows a project secretariat its own plan only, and nobody else below LBF', async () => {
    await createGoal(app.client, world.tokens.projectB, { planId: world.planB.id, kind: 'OVERALL' });
    const own = await events(world.tokens.projectA, {}, 200);
    expect(own.totalCount).toBeGreaterThan(0);
    expect(own.edges.every((e: any) => e.node.plan?.id === world.planA.id)).toBe(true);
    expect((await app.client.error(EVENTS, { filter: { planId: world.planB.id } }, world.tokens.projectA)).extensions?.code).toBe('NOT_FOUND');
    for (const token of [world.tokens.boardA, world.tokens.area]) {
      expect((await app.client.error(EVENTS, {}, token)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await events(world.tokens.lbf, { planId: world.planB.id })).totalCount).toBeGreaterThan(0);
  });

  it('cannot be changed or deleted, not even in SQL', async () => {
    const mutations = await app.client.ok(`{ __schema { mutationType { fields { name } } } }`, {}, app.adminToken);
    expect(mutations.__schema.mutationType.fields.map((f: any) => f.name).filter((n: string) => /audit/i.test(n))).toEqual([]);
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query('UPDATE audit_events SET operation = $1', ['forged'])).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});

describe('concurrency without lost updates', () => {
  it('lets exactly one of ten racing updates win, and audits one change', async () => {
    const activity = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        app.client.request(UPDATE, { input: { id: activity.id, expectedVersion: 1, title: `Klient ${i}` } }, world.tokens.projectA),
      ),
    );
    const winners = results.filter((r) => r.data?.updateActivity);
    const conflicts = results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    expect({ winners: winners.length, conflicts: conflicts.length }).toEqual({ winners: 1, conflicts: 9 });
    const current = await app.client.ok(`query($id: ID!) { activity(id: $id) { version title } }`, { id: activity.id }, world.tokens.projectA);
    expect(current.activity).toEqual(winners[0].data!.updateActivity);
    const trail = await events(app.adminToken, { entityId: activity.id, entity: 'Activity' });
    expect(trail.edges.map((e: any) => e.node.operation)).toEqual(['updateActivity', 'createActivity']);
  });

  it('stores every one of many concurrent progress entries exactly once', async () => {
    const activity = await createActivity(app.client, world.tokens.projectA, {
      planId: world.planA.id,
      startDate: addDays(todayUtc(), -10),
      endDate: addDays(todayUtc(), 10),
    });
    const ids = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const input = { activityId: activity.id, reportedOn: todayUtc(), percentComplete: i, idempotencyKey: `key-${i}` };
        return (await app.client.ok(LOG, { input }, world.tokens.projectA)).logProgress.id as string;
      }),
    );
    const data = await app.client.ok(`query($id: ID!) { activity(id: $id) { progressEntries { id } latestProgress { id } } }`, { id: activity.id }, world.tokens.projectA);
    expect(data.activity.progressEntries.map((e: any) => e.id).sort()).toEqual([...ids].sort());
    // The latest is the one logged last (all share one reportedOn).
    expect(data.activity.progressEntries.at(-1).id).toBe(data.activity.latestProgress.id);
    expect((await events(app.adminToken, { entity: 'ProgressEntry', planId: world.planA.id }, 200)).edges.filter((e: any) => ids.includes(e.node.entityId))).toHaveLength(20);
  });
});
