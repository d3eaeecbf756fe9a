import pg from 'pg';
import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { account, UPDATE_USER } from './helpers/accounts.js';

/**
 * logProgress, the hottest write: what it stores, what it audits, which entry ends up latest, and
 * what it costs in SQL statements. The latest-entry pointer is kept by a trigger on insert
 * (migrations/1764600000000-LatestProgressOnInsert.ts), so these tests read it back through the API
 * and, where the API cannot show it, from the activity row itself.
 */
let app: TestApp;
let world: World;
let db: pg.Client;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  // Activities lie within their plan's dates, and these tests date them around today.
  for (const plan of [world.planA, world.planB]) {
    await app.client.ok(`mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }`, {
      input: { id: plan.id, endDate: addDays(todayUtc(), 400) },
    }, app.adminToken);
  }
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const today = todayUtc();
const day = (offset: number) => addDays(today, offset);

/** The minimal selection: no nested field, so the statement count is logProgress's own. */
const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;
const LOG_FULL = `mutation($input: LogProgressInput!) { logProgress(input: $input) {
  id reportedOn percentComplete status participantsReached spent note loggedAt activity { id } loggedBy { id } } }`;
const ACTIVITY = `query($id: ID!) { activity(id: $id) {
  status version progress spent latestProgress { id reportedOn percentComplete } progressEntries { id reportedOn loggedAt } } }`;
const EVENTS = `query($filter: AuditFilter) { auditEvents(filter: $filter, first: 50) {
  totalCount edges { node { operation entity entityId before after actor { id } plan { id } } } } }`;

async function newActivity(overrides: Record<string, unknown> = {}) {
  return createActivity(app.client, world.tokens.projectA, { planId: world.planA.id, startDate: day(-60), endDate: day(60), ...overrides });
}

async function log(input: Record<string, unknown>, token = world.tokens.projectA): Promise<string> {
  return (await app.client.ok(LOG, { input }, token)).logProgress.id;
}

async function activity(id: string) {
  return (await app.client.ok(ACTIVITY, { id }, world.tokens.projectA)).activity;
}

async function events(filter: Record<string, unknown>) {
  return (await app.client.ok(EVENTS, { filter }, app.adminToken)).auditEvents;
}

/** The activity row's pointer and the figures the trigger copies from the entry it points at. */
async function latestColumns(activityId: string) {
  const { rows } = await db.query(
    `SELECT latest_progress_id AS id, latest_percent_complete AS percent, latest_spent::int AS spent,
            latest_reported_on::text AS "reportedOn", latest_logged_at AS "loggedAt"
       FROM activities WHERE id = $1`,
    [activityId],
  );
  return rows[0];
}

describe('logProgress', () => {
  it("takes one SQL statement for its plan's project secretariat (the session check included), two for a replay or an ADMIN", async () => {
    const { id: activityId } = await newActivity();
    const request = (input: Record<string, unknown>, token = world.tokens.projectA) => app.client.request(LOG, { input }, token);
    const plain = await request({ activityId, reportedOn: day(-2), percentComplete: 10 });
    const keyed = await request({ activityId, reportedOn: day(-1), percentComplete: 20, idempotencyKey: 'stmt-1' });
    const replay = await request({ activityId, reportedOn: day(-1), percentComplete: 20, idempotencyKey: 'stmt-1' });
    const statusChange = await request({ activityId, reportedOn: today, percentComplete: 30, status: 'ACTIVE' });
    const admin = await request({ activityId, reportedOn: today, percentComplete: 35 }, app.adminToken);
    const adminReplay = await request({ activityId, reportedOn: day(-1), percentComplete: 20, idempotencyKey: 'stmt-1' }, app.adminToken);
    const all = { plain, keyed, replay, statusChange, admin, adminReplay };
    expect(Object.values(all).map((r) => r.errors)).toEqual(Object.values(all).map(() => undefined));
    const counts = Object.fromEntries(Object.entries(all).map(([name, r]) => [name, r.statements]));
    console.log(`logProgress SQL statements: ${JSON.stringify(counts)}`);
    // The project secretariat's write carries the session check; the read that follows it (a replay)
    // does too. An ADMIN's call reads, then writes, also without a separate session check.
    expect(counts).toEqual({ plain: 1, keyed: 1, replay: 2, statusChange: 1, admin: 2, adminReplay: 1 });
    expect(replay.data!.logProgress.id).toBe(keyed.data!.logProgress.id);
    expect(adminReplay.data!.logProgress.id).toBe(keyed.data!.logProgress.id);
  });

  it('answers an ended session UNAUTHENTICATED before anything else, and stores nothing', async () => {
    const { id: activityId } = await newActivity();
    const { id: otherPlanActivity } = await createActivity(app.client, world.tokens.projectB, {
      planId: world.planB.id, startDate: day(-60), endDate: day(60),
    });
    const secretariat = await account(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId: world.planA.id });
    const admin = await account(app.client, app.adminToken, 'ADMIN');
    const first = await log({ activityId, reportedOn: day(-2), percentComplete: 10, idempotencyKey: 'ended-1' }, secretariat.accessToken);
    for (const user of [secretariat, admin]) {
      await app.client.ok(UPDATE_USER, { input: { id: user.id, active: false } }, app.adminToken);
    }
    const attempts: Record<string, unknown>[] = [
      { activityId, reportedOn: day(-1), percentComplete: 20 }, // would be stored
      { activityId, reportedOn: day(-2), percentComplete: 10, idempotencyKey: 'ended-1' }, // a replay
      { activityId, reportedOn: day(-2), percentComplete: 99, idempotencyKey: 'ended-1' }, // a conflicting key
      { activityId: otherPlanActivity, reportedOn: day(-1), percentComplete: 20 }, // another plan's
      { activityId: '00000000-0000-4000-8000-000000000000', reportedOn: day(-1), percentComplete: 20 }, // none
      { activityId, reportedOn: day(-1), percentComplete: 101 }, // bad input
      { activityId: 'not-a-uuid', reportedOn: day(-1), percentComplete: 20 },
    ];
    for (const user of [secretariat, admin]) {
      for (const input of attempts) {
        const answer = await app.client.request(LOG, { input }, user.accessToken);
        expect({ input, code: answer.errors?.[0]?.extensions?.code, message: answer.errors?.[0]?.message }).toEqual({
          input,
          code: 'UNAUTHENTICATED',
          message: expect.stringMatching(/session has ended/),
        });
      }
    }
    expect((await activity(activityId)).progressEntries.map((e: { id: string }) => e.id)).toEqual([first]);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM progress_entries WHERE activity_id = $1', [otherPlanActivity]);
    expect(rows[0].n).toBe(0);
  });

  it('returns the entry as stored and audits it with every field', async () => {
    const { id: activityId } = await newActivity();
    const input = {
      activityId,
      reportedOn: day(-3),
      percentComplete: 35,
      participantsReached: 12,
      spent: '125000',
      note: '  Godt i gang  ',
      idempotencyKey: 'audit-full',
    };
    const entry = (await app.client.ok(LOG_FULL, { input }, world.tokens.projectA)).logProgress;
    expect(entry).toMatchObject({
      reportedOn: day(-3),
      percentComplete: 35,
      status: 'PLANNED',
      participantsReached: 12,
      spent: 125000,
      note: 'Godt i gang',
      activity: { id: activityId },
    });
    expect(entry.loggedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);

    const trail = await events({ entity: 'ProgressEntry', entityId: entry.id });
    expect(trail.totalCount).toBe(1);
    const [node] = trail.edges.map((e: any) => e.node);
    expect(node).toMatchObject({ operation: 'logProgress', before: null, actor: { id: entry.loggedBy.id }, plan: { id: world.planA.id } });
    // The same fields, names and formats as AuditService.record() gave the saved entity.
    expect(JSON.parse(node.after)).toEqual({
      id: entry.id,
      planId: world.planA.id,
      activityId,
      reportedOn: day(-3),
      percentComplete: 35,
      status: 'PLANNED',
      participantsReached: 12,
      spent: 125000,
      note: 'Godt i gang',
      idempotencyKey: 'audit-full',
      loggedBy: entry.loggedBy.id,
      loggedAt: entry.loggedAt,
    });
    // No status change: no Activity row.
    expect((await events({ entity: 'Activity', entityId: activityId })).edges.map((e: any) => e.node.operation)).toEqual(['createActivity']);
  });

  it('audits the fields it was not given as null', async () => {
    const { id: activityId } = await newActivity();
    const entry = (await app.client.ok(LOG_FULL, { input: { activityId, reportedOn: today, percentComplete: 0 } }, world.tokens.projectA)).logProgress;
    const [node] = (await events({ entity: 'ProgressEntry', entityId: entry.id })).edges.map((e: any) => e.node);
    expect(JSON.parse(node.after)).toEqual({
      id: entry.id,
      planId: world.planA.id,
      activityId,
      reportedOn: today,
      percentComplete: 0,
      status: 'PLANNED',
      participantsReached: null,
      spent: null,
      note: null,
      idempotencyKey: null,
      loggedBy: entry.loggedBy.id,
      loggedAt: entry.loggedAt,
    });
  });

  it('changes the status: bumps the version once and audits the entry and the activity', async () => {
    const { id: activityId } = await newActivity();
    const first = (await app.client.ok(LOG_FULL, { input: { activityId, reportedOn: day(-1), percentComplete: 10, status: 'ACTIVE' } }, world.tokens.projectA))
      .logProgress;
    expect(first.status).toBe('ACTIVE');
    expect(await activity(activityId)).toMatchObject({ status: 'ACTIVE', version: 2, progress: 10 });

    // The same status again is no change: no version bump, no Activity audit row.
    await log({ activityId, reportedOn: today, percentComplete: 20, status: 'ACTIVE' });
    // No status given: the entry carries the activity's current one.
    const third = (await app.client.ok(LOG_FULL, { input: { activityId, reportedOn: today, percentComplete: 25 } }, world.tokens.projectA)).logProgress;
    expect(third.status).toBe('ACTIVE');
    expect(await activity(activityId)).toMatchObject({ status: 'ACTIVE', version: 2, progress: 25 });

    await log({ activityId, reportedOn: today, percentComplete: 30, status: 'PAUSED' });
    expect(await activity(activityId)).toMatchObject({ status: 'PAUSED', version: 3, progress: 30 });

    const trail = (await events({ entity: 'Activity', entityId: activityId })).edges.map((e: any) => e.node); // newest first
    expect(trail.map((n: any) => [n.operation, n.before && JSON.parse(n.before), n.after && JSON.parse(n.after)])).toEqual([
      ['logProgress', { status: 'ACTIVE', version: 2 }, { status: 'PAUSED', version: 3 }],
      ['logProgress', { status: 'PLANNED', version: 1 }, { status: 'ACTIVE', version: 2 }],
      ['createActivity', null, expect.objectContaining({ status: 'PLANNED', version: 1 })],
    ]);
    expect(trail.slice(0, 2).every((n: any) => n.actor.id === first.loggedBy.id && n.plan.id === world.planA.id)).toBe(true);
    // The two rows of the first call follow each other, the entry's first (as they always did).
    const { rows } = await db.query(
      `SELECT id::int, entity FROM audit_events
        WHERE (entity = 'ProgressEntry' AND entity_id = $1) OR (entity = 'Activity' AND entity_id = $2 AND operation = 'logProgress')
        ORDER BY id LIMIT 2`,
      [first.id, activityId],
    );
    expect(rows.map((r) => r.entity)).toEqual(['ProgressEntry', 'Activity']);
    expect(rows[1].id).toBe(rows[0].id + 1);
  });

  it('keeps a back-dated entry logged later from becoming the latest', async () => {
    const { id: activityId } = await newActivity();
    const newer = await log({ activityId, reportedOn: day(-1), percentComplete: 60, spent: 600 });
    const backDated = await log({ activityId, reportedOn: day(-10), percentComplete: 20, spent: 200 });
    const data = await activity(activityId);
    expect(data).toMatchObject({ latestProgress: { id: newer, reportedOn: day(-1), percentComplete: 60 }, progress: 60, spent: 600 });
    expect(data.progressEntries.map((e: any) => e.id)).toEqual([backDated, newer]);
    expect(await latestColumns(activityId)).toMatchObject({ id: newer, percent: 60, spent: 600, reportedOn: day(-1) });

    // Same reportedOn: the one logged later is the latest.
    const sameDay = await log({ activityId, reportedOn: day(-1), percentComplete: 65 });
    expect(await activity(activityId)).toMatchObject({ latestProgress: { id: sameDay }, progress: 65, spent: 0 });
    const columns = await latestColumns(activityId);
    expect(columns).toMatchObject({ id: sameDay, percent: 65, spent: null, reportedOn: day(-1) });
    expect(columns.loggedAt.toISOString()).toBe((await activity(activityId)).progressEntries.at(-1).loggedAt);
  });

  it('stores one entry when two calls race with the same idempotency key, and answers both with it', async () => {
    const { id: activityId } = await newActivity();
    const input = { activityId, reportedOn: today, percentComplete: 40, idempotencyKey: 'race-2' };
    const [a, b] = await Promise.all([log(input), log(input)]);
    expect(a).toBe(b);
    const data = await activity(activityId);
    expect(data.progressEntries.map((e: any) => e.id)).toEqual([a]);
    expect(data.latestProgress.id).toBe(a);
    expect((await events({ entity: 'ProgressEntry', entityId: a })).totalCount).toBe(1);
  });

  it('ends with the right latest entry when calls with different dates race on one activity', async () => {
    const { id: activityId } = await newActivity();
    // Shuffled dates, two calls per date: the latest is the later-logged of the two newest.
    const offsets = [-5, 0, -9, -2, 0, -7, -1, -3, -5, -9, -2, -1];
    await Promise.all(offsets.map((offset, i) => log({ activityId, reportedOn: day(offset), percentComplete: i })));
    const data = await activity(activityId);
    expect(data.progressEntries).toHaveLength(offsets.length);
    const expected = data.progressEntries.at(-1); // oldest first by reportedOn, then loggedAt
    expect(expected.reportedOn).toBe(today);
    expect(data.latestProgress.id).toBe(expected.id);
    const columns = await latestColumns(activityId);
    expect(columns.id).toBe(expected.id);
    expect(columns.loggedAt.toISOString()).toBe(expected.loggedAt);
    expect(data.progress).toBe(data.latestProgress.percentComplete);
  });

  it('keeps plan A’s secretariat off plan B’s activities, and writes nothing', async () => {
    const { id: activityId } = await createActivity(app.client, world.tokens.projectB, { planId: world.planB.id, startDate: day(-60), endDate: day(60) });
    const input = { activityId, reportedOn: today, percentComplete: 50, status: 'ACTIVE', idempotencyKey: 'foreign' };
    expectError(await app.client.request(LOG, { input }, world.tokens.projectA), 'NOT_FOUND', 'activityId');
    expectError(await app.client.request(LOG, { input }, world.tokens.boardA), 'NOT_FOUND', 'activityId');
    expectError(await app.client.request(LOG, { input: { ...input, activityId: '00000000-0000-4000-8000-000000000000' } }, world.tokens.projectA), 'NOT_FOUND', 'activityId');
    const data = (await app.client.ok(ACTIVITY, { id: activityId }, world.tokens.projectB)).activity;
    expect(data).toMatchObject({ status: 'PLANNED', version: 1, latestProgress: null, progressEntries: [] });
    expect((await events({ entityId: activityId })).edges.map((e: any) => e.node.operation)).toEqual(['createActivity']);
    expect((await db.query('SELECT count(*)::int AS n FROM progress_entries WHERE activity_id = $1', [activityId])).rows[0].n).toBe(0);
    // Its own secretariat may, with the same key.
    expect(await log(input, world.tokens.projectB)).toEqual(expect.any(String));
  });

  it('refuses a cancelled activity and a date before its start, with the messages it always gave', async () => {
    const { id: activityId } = await newActivity({ startDate: day(-20) });
    const early = expectError(await app.client.request(LOG, { input: { activityId, reportedOn: day(-21), percentComplete: 5 } }, world.tokens.projectA), 'BAD_USER_INPUT', 'reportedOn');
    expect(early.message).toBe(`reportedOn: ${day(-21)} is before the activity's startDate ${day(-20)}`);
    const ahead = expectError(await app.client.request(LOG, { input: { activityId, reportedOn: day(8), percentComplete: 5 } }, world.tokens.projectA), 'BAD_USER_INPUT', 'reportedOn');
    expect(ahead.message).toBe(`reportedOn: ${day(8)} is more than 7 days ahead (latest ${day(7)})`);

    const replayed = await log({ activityId, reportedOn: today, percentComplete: 5, idempotencyKey: 'before-cancel' });
    await log({ activityId, reportedOn: today, percentComplete: 6, status: 'CANCELLED' });
    const cancelled = expectError(await app.client.request(LOG, { input: { activityId, reportedOn: today, percentComplete: 7 } }, world.tokens.projectA), 'BAD_USER_INPUT', 'activityId');
    expect(cancelled.message).toBe('activityId: the activity is cancelled: progress can no longer be logged');
    // A key used before the cancellation still answers with its entry.
    expect(await log({ activityId, reportedOn: today, percentComplete: 5, idempotencyKey: 'before-cancel' })).toBe(replayed);
    expect((await activity(activityId)).progressEntries).toHaveLength(2);
  });

  it('either logs or refuses each call that races a cancellation, and logs nothing after it', async () => {
    const created = await newActivity();
    const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { version } }`;
    const calls = Array.from({ length: 8 }, (_, i) =>
      app.client.request(LOG, { input: { activityId: created.id, reportedOn: today, percentComplete: i } }, world.tokens.projectA),
    );
    const cancel = app.client.ok(UPDATE, { input: { id: created.id, expectedVersion: created.version, status: 'CANCELLED' } }, world.tokens.projectA);
    const results = await Promise.all(calls);
    await cancel;
    const logged = results.filter((r) => r.data?.logProgress).map((r) => r.data!.logProgress.id);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'BAD_USER_INPUT');
    expect(logged.length + refused.length).toBe(results.length);
    const data = await activity(created.id);
    expect(data.status).toBe('CANCELLED');
    expect(data.progressEntries.map((e: any) => e.id).sort()).toEqual([...logged].sort());
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM progress_entries e JOIN audit_events c ON c.entity = 'Activity' AND c.entity_id = e.activity_id::text
        WHERE e.activity_id = $1 AND c.operation = 'updateActivity' AND e.logged_at > c.at`,
      [created.id],
    );
    expect(rows[0].n).toBe(0);
  });
});
