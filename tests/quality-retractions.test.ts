import pg from 'pg';
import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal, createIndicator } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Retractions (issue 10): an entry or measurement withdrawn as a mistake stays in the history with
 * who, when and why, and counts in no figure; the latest-entry pointers move back at once, also when
 * a retraction races new entries (migrations/1764710000000-Retractions.ts). On the real server the
 * races below run on a pool of connections; the embedded engine runs them one after another.
 */
let app: TestApp;
let world: World;
let db: pg.Client;

const today = todayUtc();
const day = (offset: number) => addDays(today, offset);

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;
const MEASURE = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const RETRACT_ENTRY = `mutation($id: ID!, $reason: String!) { retractProgressEntry(id: $id, reason: $reason) {
  id reportedOn percentComplete spent activity { id } retraction { at reason by { id } } } }`;
const RETRACT_MEASUREMENT = `mutation($id: ID!, $reason: String!) { retractMeasurement(id: $id, reason: $reason) {
  id measuredOn value retraction { at reason by { id } } } }`;
const ACTIVITY = `query($id: ID!) { activity(id: $id) {
  status version progress spent isStale latestProgress { id } progressEntries { id percentComplete retraction { reason by { id } } } } }`;
const GOAL_INDICATORS = `query($id: ID!) { goal(id: $id) { rollup { indicatorsOnTrack }
  indicators { id attainment status latest { id value retraction { reason } } measurements { id value retraction { reason } } } } }`;
const EVENTS = `query($filter: AuditFilter) { auditEvents(filter: $filter, first: 50) {
  edges { node { operation entity entityId before after actor { id } plan { id } } } } }`;
const ME = `query { me { id } }`;

async function newActivity(planId = world.planA.id, token = world.tokens.projectA) {
  return (await createActivity(app.client, token, { planId, status: 'ACTIVE' })).id;
}

async function log(activityId: string, reportedOn: string, percentComplete: number, extra: Record<string, unknown> = {}, token = world.tokens.projectA) {
  return (await app.client.ok(LOG, { input: { activityId, reportedOn, percentComplete, ...extra } }, token)).logProgress.id as string;
}

async function activity(id: string, token = world.tokens.projectA) {
  return (await app.client.ok(ACTIVITY, { id }, token)).activity;
}

async function newIndicator(planId = world.planA.id, token = world.tokens.projectA) {
  const goal = await createGoal(app.client, token, { planId, kind: 'OVERALL' });
  // 40 → 60 from a year ago to a year ahead: elapsed 0.5, on track from attainment 0.35 (value 47).
  const indicator = await createIndicator(app.client, token, { goalId: goal.id, baseline: 40, target: 60, baselineDate: day(-365), targetDate: day(365) });
  return { goalId: goal.id, indicatorId: indicator.id };
}

async function measure(indicatorId: string, measuredOn: string, value: number, token = world.tokens.projectA) {
  return (await app.client.ok(MEASURE, { input: { indicatorId, measuredOn, value } }, token)).recordMeasurement.id as string;
}

async function indicatorOf(goalId: string, token = world.tokens.projectA) {
  const goal = (await app.client.ok(GOAL_INDICATORS, { id: goalId }, token)).goal;
  return { ...goal.indicators[0], indicatorsOnTrack: goal.rollup.indicatorsOnTrack };
}

/** What the pointer must be, recomputed from the history itself: the latest entry not retracted. */
async function latestLiveEntry(activityId: string): Promise<string | null> {
  const { rows } = await db.query(
    `SELECT id FROM progress_entries WHERE activity_id = $1 AND retracted_at IS NULL
      ORDER BY reported_on DESC, logged_at DESC, id DESC LIMIT 1`,
    [activityId],
  );
  return rows[0]?.id ?? null;
}

/** The activity row's pointer and the figures a trigger copies from the entry it points at. */
async function pointer(activityId: string) {
  const { rows } = await db.query(
    `SELECT a.latest_progress_id AS id, a.latest_percent_complete AS percent, a.latest_reported_on::text AS "reportedOn",
            e.percent_complete AS "entryPercent", e.reported_on::text AS "entryReportedOn"
       FROM activities a LEFT JOIN progress_entries e ON e.id = a.latest_progress_id WHERE a.id = $1`,
    [activityId],
  );
  return rows[0];
}

describe('retractProgressEntry', () => {
  it('keeps the entry in the history with who, when and why, and moves every figure back to the latest entry left', async () => {
    const activityId = await newActivity();
    const first = await log(activityId, day(-30), 20, { spent: 10_000 });
    const second = await log(activityId, day(-10), 40, { spent: 20_000 });
    // Mistyped: 400,000 for 40,000, reported later than the others.
    const typo = await log(activityId, day(-2), 45, { spent: 400_000, status: 'PAUSED' });
    expect(await activity(activityId)).toMatchObject({ status: 'PAUSED', version: 2, progress: 45, spent: 400_000, latestProgress: { id: typo } });

    const before = Date.now();
    const retracted = (await app.client.ok(RETRACT_ENTRY, { id: typo, reason: '  Forkert beløb: 40.000 kr.  ' }, world.tokens.projectA)).retractProgressEntry;
    const me = (await app.client.ok(ME, {}, world.tokens.projectA)).me;
    expect(retracted).toMatchObject({ id: typo, reportedOn: day(-2), percentComplete: 45, spent: 400_000, activity: { id: activityId } });
    expect(retracted.retraction).toMatchObject({ reason: 'Forkert beløb: 40.000 kr.', by: { id: me.id } });
    expect(new Date(retracted.retraction.at).getTime()).toBeGreaterThanOrEqual(before - 5_000);

    // Latest, progress and spent follow at once; the status the entry set stays (a retraction changes no status).
    const after = await activity(activityId);
    expect(after).toMatchObject({ status: 'PAUSED', version: 2, progress: 40, spent: 20_000, latestProgress: { id: second } });
    expect(after.progressEntries).toEqual([
      { id: first, percentComplete: 20, retraction: null },
      { id: second, percentComplete: 40, retraction: null },
      { id: typo, percentComplete: 45, retraction: { reason: 'Forkert beløb: 40.000 kr.', by: { id: me.id } } },
    ]);
    expect(await pointer(activityId)).toMatchObject({ id: second, percent: 40, reportedOn: day(-10), entryPercent: 40 });

    // Audited: who retracted what, and why.
    const events = (await app.client.ok(EVENTS, { filter: { entity: 'ProgressEntry', entityId: typo } }, app.adminToken)).auditEvents.edges.map((e: any) => e.node);
    expect(events.map((e: any) => e.operation)).toEqual(['retractProgressEntry', 'logProgress']);
    expect(events[0]).toMatchObject({ actor: { id: me.id }, plan: { id: world.planA.id } });
    expect(JSON.parse(events[0].before)).toEqual({ retraction: null });
    expect(JSON.parse(events[0].after)).toEqual({ retraction: { at: retracted.retraction.at, by: me.id, reason: 'Forkert beløb: 40.000 kr.' } });
  });

  it('leaves an activity whose only entry is retracted without progress, spent 0, and stale when it should report', async () => {
    const activityId = await newActivity();
    const only = await log(activityId, day(-5), 30, { spent: 5_000 });
    expect(await activity(activityId)).toMatchObject({ progress: 30, isStale: false });
    await app.client.ok(RETRACT_ENTRY, { id: only, reason: 'Registreret på den forkerte aktivitet' }, world.tokens.projectA);
    expect(await activity(activityId)).toMatchObject({ progress: null, spent: 0, isStale: true, latestProgress: null });
    expect(await pointer(activityId)).toMatchObject({ id: null, percent: null, reportedOn: null });
  });

  it('retracting an entry that is not the latest changes no figure', async () => {
    const activityId = await newActivity();
    const old = await log(activityId, day(-40), 10);
    const latest = await log(activityId, day(-4), 50);
    await app.client.ok(RETRACT_ENTRY, { id: old, reason: 'Dublet' }, world.tokens.projectA);
    expect(await activity(activityId)).toMatchObject({ progress: 50, latestProgress: { id: latest } });
  });

  it('refuses a second retraction (CONFLICT), an empty or over-long reason (BAD_USER_INPUT on reason), and writes nothing', async () => {
    const activityId = await newActivity();
    const entry = await log(activityId, day(-3), 60);
    for (const reason of ['', '   ', 'x'.repeat(501)]) {
      expectError(await app.client.request(RETRACT_ENTRY, { id: entry, reason }, world.tokens.projectA), 'BAD_USER_INPUT', 'reason');
    }
    expect((await activity(activityId)).progressEntries[0].retraction).toBeNull();
    const exactly500 = 'å'.repeat(500);
    expect((await app.client.ok(RETRACT_ENTRY, { id: entry, reason: exactly500 }, world.tokens.projectA)).retractProgressEntry.retraction.reason).toBe(exactly500);
    const again = expectError(await app.client.request(RETRACT_ENTRY, { id: entry, reason: 'Igen' }, world.tokens.projectA), 'CONFLICT', 'id');
    expect(again.message).toContain('already retracted');
    const events = (await app.client.ok(EVENTS, { filter: { entity: 'ProgressEntry', entityId: entry } }, app.adminToken)).auditEvents.edges;
    expect(events.map((e: any) => e.node.operation)).toEqual(['retractProgressEntry', 'logProgress']);
  });

  it('lets ADMIN and the plan’s project secretariat retract; other readers are FORBIDDEN, other plans NOT_FOUND', async () => {
    const activityId = await newActivity();
    const entry = await log(activityId, day(-3), 10);
    for (const token of [world.tokens.boardA, world.tokens.area, world.tokens.lbf]) {
      expectError(await app.client.request(RETRACT_ENTRY, { id: entry, reason: 'Fejl' }, token), 'FORBIDDEN');
    }
    for (const id of [entry, '00000000-0000-4000-8000-000000000000', 'not-an-id']) {
      expectError(await app.client.request(RETRACT_ENTRY, { id, reason: 'Fejl' }, world.tokens.projectB), 'NOT_FOUND', 'id');
    }
    expect(await activity(activityId)).toMatchObject({ progress: 10, progressEntries: [{ retraction: null }] });
    await app.client.ok(RETRACT_ENTRY, { id: entry, reason: 'Fejl' }, app.adminToken);
    expect(await activity(activityId)).toMatchObject({ progress: null });
  });

  it('a retracted entry keeps its idempotency key: the same call returns it, other figures are CONFLICT', async () => {
    const activityId = await newActivity();
    const input = { activityId, reportedOn: day(-1), percentComplete: 70, idempotencyKey: 'uge-48' };
    const entry = (await app.client.ok(LOG, { input }, world.tokens.projectA)).logProgress.id;
    await app.client.ok(RETRACT_ENTRY, { id: entry, reason: 'Fejl' }, world.tokens.projectA);
    const replay = await app.client.ok(`mutation($input: LogProgressInput!) { logProgress(input: $input) { id retraction { reason } } }`, { input }, world.tokens.projectA);
    expect(replay.logProgress).toEqual({ id: entry, retraction: { reason: 'Fejl' } });
    expectError(await app.client.request(LOG, { input: { ...input, percentComplete: 75 } }, world.tokens.projectA), 'CONFLICT', 'idempotencyKey');
    expect(await activity(activityId)).toMatchObject({ progress: null, progressEntries: [{ id: entry }] });
  });
});

describe('retractMeasurement', () => {
  it('keeps the measurement with its retraction, and the indicator’s latest value, attainment and status follow', async () => {
    const { goalId, indicatorId } = await newIndicator();
    const good = await measure(indicatorId, day(-60), 50);
    // Typed 20 for 52: its attainment would be 0 and the indicator OFF_TRACK.
    const typo = await measure(indicatorId, day(-1), 20);
    expect(await indicatorOf(goalId)).toMatchObject({ latest: { id: typo, value: 20 }, attainment: 0, status: 'OFF_TRACK', indicatorsOnTrack: 0 });

    const retracted = (await app.client.ok(RETRACT_MEASUREMENT, { id: typo, reason: 'Tastefejl: 52, ikke 20' }, world.tokens.projectA)).retractMeasurement;
    expect(retracted).toMatchObject({ id: typo, value: 20, retraction: { reason: 'Tastefejl: 52, ikke 20' } });
    // (50 - 40) / (60 - 40) = 0.5 ≥ 0.5 - 0.15: ON_TRACK again.
    const after = await indicatorOf(goalId);
    expect(after).toMatchObject({ latest: { id: good, value: 50, retraction: null }, attainment: 0.5, status: 'ON_TRACK', indicatorsOnTrack: 1 });
    expect(after.measurements).toEqual([
      { id: good, value: 50, retraction: null },
      { id: typo, value: 20, retraction: { reason: 'Tastefejl: 52, ikke 20' } },
    ]);

    const events = (await app.client.ok(EVENTS, { filter: { entity: 'Measurement', entityId: typo } }, app.adminToken)).auditEvents.edges.map((e: any) => e.node);
    expect(events.map((e: any) => e.operation)).toEqual(['retractMeasurement', 'recordMeasurement']);
    expect(JSON.parse(events[0].after).retraction).toMatchObject({ reason: 'Tastefejl: 52, ikke 20', at: retracted.retraction.at });
  });

  it('retracting the only measurement leaves NO_DATA', async () => {
    const { goalId, indicatorId } = await newIndicator();
    const only = await measure(indicatorId, day(-3), 55);
    await app.client.ok(RETRACT_MEASUREMENT, { id: only, reason: 'Forkert indikator' }, world.tokens.projectA);
    expect(await indicatorOf(goalId)).toMatchObject({ latest: null, attainment: null, status: 'NO_DATA' });
  });

  it('refuses a second retraction, a bad reason, other roles and other plans, and writes nothing', async () => {
    const { goalId, indicatorId } = await newIndicator();
    const m = await measure(indicatorId, day(-3), 55);
    expectError(await app.client.request(RETRACT_MEASUREMENT, { id: m, reason: ' ' }, world.tokens.projectA), 'BAD_USER_INPUT', 'reason');
    for (const token of [world.tokens.boardA, world.tokens.area, world.tokens.lbf]) {
      expectError(await app.client.request(RETRACT_MEASUREMENT, { id: m, reason: 'Fejl' }, token), 'FORBIDDEN');
    }
    expectError(await app.client.request(RETRACT_MEASUREMENT, { id: m, reason: 'Fejl' }, world.tokens.projectB), 'NOT_FOUND', 'id');
    expect(await indicatorOf(goalId)).toMatchObject({ latest: { id: m }, measurements: [{ retraction: null }] });
    await app.client.ok(RETRACT_MEASUREMENT, { id: m, reason: 'Fejl' }, app.adminToken);
    expectError(await app.client.request(RETRACT_MEASUREMENT, { id: m, reason: 'Fejl' }, world.tokens.projectA), 'CONFLICT', 'id');
  });
});

describe('history stays history, in the database itself', () => {
  it('refuses any change to an entry or measurement but its one retraction, and any delete', async () => {
    const activityId = await newActivity();
    const entry = await log(activityId, day(-3), 10);
    const { indicatorId } = await newIndicator();
    const m = await measure(indicatorId, day(-3), 50);
    await expect(db.query('UPDATE progress_entries SET percent_complete = 99 WHERE id = $1', [entry])).rejects.toThrow(/only a retraction/);
    await expect(db.query('UPDATE measurements SET value = 99 WHERE id = $1', [m])).rejects.toThrow(/only a retraction/);
    await expect(db.query('DELETE FROM progress_entries WHERE id = $1', [entry])).rejects.toThrow(/never deleted/);
    await expect(db.query('DELETE FROM measurements WHERE id = $1', [m])).rejects.toThrow(/never deleted/);
    // A retraction must be complete: who, when and why.
    await expect(db.query('UPDATE progress_entries SET retracted_at = now() WHERE id = $1', [entry])).rejects.toThrow(/retraction_complete/);
    await app.client.ok(RETRACT_ENTRY, { id: entry, reason: 'Fejl' }, world.tokens.projectA);
    await expect(db.query(`UPDATE progress_entries SET retraction_reason = 'Andet' WHERE id = $1`, [entry])).rejects.toThrow(/already retracted/);
    expect((await activity(activityId)).progressEntries).toEqual([{ id: entry, percentComplete: 10, retraction: { reason: 'Fejl', by: expect.any(Object) } }]);
  });
});

describe('races', () => {
  /*
   * Each round: an activity with entries on days -30 and -10 (the latest). At once: the latest is
   * retracted, and entries are logged on other days. The right latest is the newest entry by date
   * that is not retracted, whichever call commits first. 12 rounds, 3 calls each.
   */
  it('retracting the latest entry while others are logged leaves the right latest', async () => {
    const rounds = [
      [-20, -25],
      [-5, -40],
      [-35, -45],
      [-15, -1],
    ];
    for (let round = 0; round < 12; round++) {
      const offsets = rounds[round % rounds.length];
      const activityId = await newActivity();
      const older = await log(activityId, day(-30), 10);
      const latest = await log(activityId, day(-10), 30);
      const results = await Promise.all([
        app.client.request(RETRACT_ENTRY, { id: latest, reason: `Runde ${round}` }, world.tokens.projectA),
        ...offsets.map((offset, i) => app.client.request(LOG, { input: { activityId, reportedOn: day(offset), percentComplete: 40 + i } }, world.tokens.projectA)),
      ]);
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
      const logged = results.slice(1).map((r, i) => ({ id: r.data!.logProgress.id, offset: offsets[i] }));
      // By hand: the newest by date among the older entry and the new ones (distinct days).
      const candidates = [{ id: older, offset: -30 }, ...logged];
      const expected = candidates.reduce((a, b) => (b.offset > a.offset ? b : a));
      const state = await pointer(activityId);
      expect({ round, pointer: state.id }).toEqual({ round, pointer: expected.id });
      expect(await latestLiveEntry(activityId)).toBe(expected.id);
      // The copied figures are the entry's own.
      expect(state.percent).toBe(state.entryPercent);
      expect(state.reportedOn).toBe(day(expected.offset));
    }
  });

  it('retracting two entries of one activity at once leaves the oldest, and each retraction once', async () => {
    for (let round = 0; round < 6; round++) {
      const activityId = await newActivity();
      const oldest = await log(activityId, day(-30), 10);
      const middle = await log(activityId, day(-20), 20);
      const latest = await log(activityId, day(-10), 30);
      const results = await Promise.all([
        app.client.request(RETRACT_ENTRY, { id: latest, reason: 'A' }, world.tokens.projectA),
        app.client.request(RETRACT_ENTRY, { id: middle, reason: 'B' }, world.tokens.projectA),
        app.client.request(RETRACT_ENTRY, { id: latest, reason: 'C' }, world.tokens.projectA),
      ]);
      // The two retractions of the latest: one wins, the other is CONFLICT.
      const codes = [results[0], results[2]].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(codes).toEqual(['CONFLICT', 'OK']);
      expect(results[1].errors).toBeUndefined();
      expect((await pointer(activityId)).id).toBe(oldest);
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE operation = 'retractProgressEntry' AND entity_id = ANY($1::text[])`,
        [[latest, middle]],
      );
      expect(rows[0].n).toBe(2);
    }
  });

  it('retracting the latest measurement while another is recorded leaves the right latest', async () => {
    for (let round = 0; round < 8; round++) {
      const { goalId, indicatorId } = await newIndicator();
      await measure(indicatorId, day(-60), 45);
      const latest = await measure(indicatorId, day(-10), 58);
      const offset = round % 2 === 0 ? -20 : -5;
      const [retracted, recorded] = await Promise.all([
        app.client.request(RETRACT_MEASUREMENT, { id: latest, reason: 'Fejl' }, world.tokens.projectA),
        app.client.request(MEASURE, { input: { indicatorId, measuredOn: day(offset), value: 52 } }, world.tokens.projectA),
      ]);
      expect([retracted.errors, recorded.errors]).toEqual([undefined, undefined]);
      // Day -20 or -5: either way newer than day -60, and the day -10 one is retracted.
      const indicator = await indicatorOf(goalId);
      expect({ round, latest: indicator.latest }).toEqual({ round, latest: { id: recorded.data!.recordMeasurement.id, value: 52, retraction: null } });
      const { rows } = await db.query(
        `SELECT i.latest_measurement_id AS id, i.latest_value AS value, i.latest_measured_on::text AS "measuredOn" FROM indicators i WHERE i.id = $1`,
        [indicatorId],
      );
      expect(rows[0]).toEqual({ id: recorded.data!.recordMeasurement.id, value: 52, measuredOn: day(offset) });
    }
  });
});
