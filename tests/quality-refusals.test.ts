import pg from 'pg';
import { addDays, todayUtc } from '../src/common/clock.js';
import { activityInput, indicatorInput } from './factories/inputs.js';
import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { unique } from './factories/unique.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { CREATE_ACTIVITY, CREATE_INDICATOR, RECORD_MEASUREMENT, UPDATE_ACTIVITY, UPDATE_PLAN } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';

/**
 * Refusals where a value cannot be right (issue 10): each BAD_USER_INPUT, CONFLICT or FORBIDDEN
 * names the field and stores nothing. docs/api.md and docs/data-quality.md, "Refusals".
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

const count = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0].n as number;

describe('recordMeasurement: measuredOn at most a week ahead', () => {
  it('accepts today + 7 and refuses today + 8 (a year typed wrong), storing nothing', async () => {
    const goal = await createGoal(app.client, world.tokens.projectA, { planId: world.planA.id, kind: 'OVERALL' });
    const { id: indicatorId } = await createIndicator(app.client, world.tokens.projectA, { goalId: goal.id });
    const ok = await app.client.ok(RECORD_MEASUREMENT, { input: { indicatorId, measuredOn: day(7), value: 50 } }, world.tokens.projectA);
    expect(ok.recordMeasurement).toMatchObject({ measuredOn: day(7), value: 50 });
    for (const measuredOn of [day(8), addDays(today, 4 * 365)]) {
      const error = expectError(await app.client.request(RECORD_MEASUREMENT, { input: { indicatorId, measuredOn, value: 99 } }, world.tokens.projectA), 'BAD_USER_INPUT', 'measuredOn');
      expect(error.extensions?.field).toBe('measuredOn');
      expect(error.message).toBe(`measuredOn: ${measuredOn} is more than 7 days ahead (latest ${day(7)})`);
    }
    expect(await count('SELECT count(*)::int AS n FROM measurements WHERE indicator_id = $1', [indicatorId])).toBe(1);
  });
});

describe('createIndicator: the target on the indicator’s side of the baseline', () => {
  it.each([
    ['INCREASE', 40, 30],
    ['DECREASE', 24, 30],
  ])('refuses a %s indicator from %d to %d, naming target, and creates nothing', async (direction, baseline, target) => {
    const goal = await createGoal(app.client, world.tokens.projectA, { planId: world.planA.id, kind: 'OVERALL' });
    const input = indicatorInput(goal.id, { direction, baseline, target });
    expectError(await app.client.request(CREATE_INDICATOR, { input }, world.tokens.projectA), 'BAD_USER_INPUT', 'target');
    expect(await count('SELECT count(*)::int AS n FROM indicators WHERE goal_id = $1', [goal.id])).toBe(0);
  });

  it.each([
    ['INCREASE', 40, 60],
    ['DECREASE', 24, 15],
    ['INCREASE', 10, 10],
    ['DECREASE', 10, 10],
    ['DECREASE', null, 90],
  ])('accepts a %s indicator from %p to %d', async (direction, baseline, target) => {
    const goal = await createGoal(app.client, world.tokens.projectA, { planId: world.planA.id, kind: 'OVERALL' });
    const input = indicatorInput(goal.id, { direction, baseline, target, ...(baseline === null ? { baselineDate: null } : {}) });
    expect((await app.client.ok(CREATE_INDICATOR, { input }, world.tokens.projectA)).createIndicator.id).toEqual(expect.any(String));
  });
});

describe('activity dates within the plan’s', () => {
  // The world's plans run 2023-01-01 to 2026-12-31.
  it.each([
    [{ startDate: '2022-12-31' }, 'startDate'],
    [{ endDate: '2027-01-01' }, 'endDate'],
    [{ startDate: '2027-02-01', endDate: '2027-03-01' }, 'startDate'],
  ])('createActivity refuses %j, naming %s, and creates nothing', async (dates, field) => {
    const title = unique('Uden for planen');
    const error = expectError(await app.client.request(CREATE_ACTIVITY, { input: activityInput(world.planA.id, { title, ...dates }) }, world.tokens.projectA), 'BAD_USER_INPUT', field);
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toContain("outside the plan's dates 2023-01-01 to 2026-12-31");
    expect(await count('SELECT count(*)::int AS n FROM activities WHERE title = $1', [title])).toBe(0);
  });

  it('accepts the plan’s first and last day', async () => {
    const created = await app.client.ok(CREATE_ACTIVITY, { input: activityInput(world.planA.id, { startDate: '2023-01-01', endDate: '2026-12-31' }) }, world.tokens.projectA);
    expect(created.createActivity).toMatchObject({ startDate: '2023-01-01', endDate: '2026-12-31' });
  });

  it('updateActivity refuses a date outside the plan, naming it, and changes nothing (version included)', async () => {
    const { id } = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id });
    for (const [change, field] of [
      [{ startDate: '2022-06-01' }, 'startDate'],
      [{ endDate: '2027-06-30' }, 'endDate'],
    ] as const) {
      expectError(await app.client.request(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, title: 'Flyttet', ...change } }, world.tokens.projectA), 'BAD_USER_INPUT', field);
    }
    const { rows } = await db.query('SELECT version, title, start_date::text AS start, end_date::text AS "end" FROM activities WHERE id = $1', [id]);
    expect(rows[0]).toMatchObject({ version: 1, start: '2023-02-01', end: '2026-06-30' });
    expect(rows[0].title).not.toBe('Flyttet');
  });

  it('updatePlan refuses an endDate before a running activity’s end; a cancelled activity does not hold it back', async () => {
    const plan = await createPlan(app.client, app.adminToken, { poolId: world.pool.id, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] });
    const running = await createActivity(app.client, app.adminToken, { planId: plan.id, title: 'Lektiecafé', endDate: '2026-06-30' });
    await createActivity(app.client, app.adminToken, { planId: plan.id, title: 'Aflyst', endDate: '2026-12-31', status: 'CANCELLED' });
    const error = expectError(await app.client.request(UPDATE_PLAN, { input: { id: plan.id, endDate: '2026-05-31' } }, app.adminToken), 'BAD_USER_INPUT', 'endDate');
    expect(error.message).toBe('endDate: 2026-05-31 is before the end 2026-06-30 of the activity "Lektiecafé": move its dates first');
    expect((await db.query('SELECT end_date::text AS e FROM plans WHERE id = $1', [plan.id])).rows[0].e).toBe('2026-12-31');
    // Up to the running activity's end is fine, the cancelled one's end notwithstanding.
    expect((await app.client.ok(UPDATE_PLAN, { input: { id: plan.id, endDate: '2026-06-30' } }, app.adminToken)).updatePlan.endDate).toBe('2026-06-30');
    expect(running.id).toEqual(expect.any(String));
  });
});

describe('activity dates within the plan’s, under races', () => {
  it('a plan shortened while an activity is moved past the new end: never both, and the activity stays within the plan', async () => {
    for (let round = 0; round < 8; round++) {
      const plan = await createPlan(app.client, app.adminToken, { poolId: world.pool.id, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] });
      const { id } = await createActivity(app.client, app.adminToken, { planId: plan.id, endDate: '2025-06-30' });
      const [shortened, moved] = await Promise.all([
        app.client.request(UPDATE_PLAN, { input: { id: plan.id, endDate: '2025-12-31' } }, app.adminToken),
        app.client.request(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, endDate: '2026-06-30' } }, app.adminToken),
      ]);
      const outcomes = [shortened, moved].map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
      expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'BAD_USER_INPUT')).toHaveLength(1);
      const { rows } = await db.query(
        'SELECT a.end_date <= p.end_date AS within FROM activities a JOIN plans p ON p.id = a.plan_id WHERE a.id = $1',
        [id],
      );
      expect({ round, within: rows[0].within }).toEqual({ round, within: true });
    }
  });
});

describe('logProgress: an idempotency key used again', () => {
  const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id percentComplete } }`;
  const input = (activityId: string) => ({
    activityId,
    reportedOn: '2026-03-02',
    percentComplete: 45,
    status: 'ACTIVE',
    participantsReached: 32,
    spent: 180000,
    note: 'God tilslutning',
    idempotencyKey: 'uge-10',
  });

  it('with the same figures returns the first entry in one statement; with others is CONFLICT on idempotencyKey, in one statement', async () => {
    const { id: activityId } = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id });
    const first = (await app.client.ok(LOG, { input: input(activityId) }, world.tokens.projectA)).logProgress;
    // Money as a string and the note with spaces around it are the same figures as stored.
    const retry = await app.client.request(LOG, { input: { ...input(activityId), spent: '180000', note: ' God tilslutning ' } }, world.tokens.projectA);
    expect(retry.data!.logProgress).toEqual(first);
    expect(retry.statements).toBe(1 + SESSION_CHECK_STATEMENTS);
    // Without a status the stored one (the activity's at the time) is taken as given.
    const { status: _status, ...withoutStatus } = input(activityId);
    expect((await app.client.ok(LOG, { input: withoutStatus }, world.tokens.projectA)).logProgress).toEqual(first);

    for (const change of [
      { reportedOn: '2026-03-03' },
      { percentComplete: 46 },
      { status: 'PAUSED' },
      { participantsReached: null },
      { spent: 1800000 },
      { note: 'Rettet note' },
    ]) {
      const field = Object.keys(change)[0];
      const refused = await app.client.request(LOG, { input: { ...input(activityId), ...change } }, world.tokens.projectA);
      const error = expectError(refused, 'CONFLICT', 'idempotencyKey');
      expect({ field, named: error.message.includes(field), extensionsField: error.extensions?.field, statements: refused.statements }).toEqual({
        field,
        named: true,
        extensionsField: 'idempotencyKey',
        statements: 1 + SESSION_CHECK_STATEMENTS,
      });
    }
    expect(await count('SELECT count(*)::int AS n FROM progress_entries WHERE activity_id = $1', [activityId])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM activities WHERE id = $1 AND status = 'ACTIVE'`, [activityId])).toBe(1);
  });

  it('two racing calls with one key and different figures: one entry, the other caller gets it or CONFLICT', async () => {
    const { id: activityId } = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id });
    const results = await Promise.all(
      [45, 45, 50, 55].map((percentComplete) => app.client.request(LOG, { input: { ...input(activityId), percentComplete } }, world.tokens.projectA)),
    );
    const stored = (await db.query('SELECT id, percent_complete AS p FROM progress_entries WHERE activity_id = $1', [activityId])).rows;
    expect(stored).toHaveLength(1);
    for (const [i, result] of results.entries()) {
      const sent = [45, 45, 50, 55][i];
      if (sent === stored[0].p) expect(result.data?.logProgress).toEqual({ id: stored[0].id, percentComplete: sent });
      else expectError(result, 'CONFLICT', 'idempotencyKey');
    }
  });
});

describe('updatePlan by the plan’s project secretariat: the title only', () => {
  it.each([
    ['status', 'COMPLETED'],
    ['endDate', '2026-11-30'],
    ['lbfGrant', 20_000_000],
    ['localCofinancing', 9_000_000],
    ['reportingIntervalDays', 30],
    ['areaSecretariatId', null],
  ])('refuses %s (FORBIDDEN, naming it) and changes nothing, not even the title sent with it', async (field, value) => {
    const before = (await db.query('SELECT * FROM plans WHERE id = $1', [world.planA.id])).rows[0];
    const error = expectError(
      await app.client.request(UPDATE_PLAN, { input: { id: world.planA.id, title: unique('Ny titel'), [field]: value } }, world.tokens.projectA),
      'FORBIDDEN',
      field,
    );
    expect(error.extensions?.field).toBe(field);
    expect(error.message).toBe(`${field}: a project secretariat may change its plan's title only; ${field} is Landsbyggefonden's`);
    expect((await db.query('SELECT * FROM plans WHERE id = $1', [world.planA.id])).rows[0]).toEqual(before);
  });

  it('names every LBF field it was sent, the first in extensions.field', async () => {
    const error = expectError(
      await app.client.request(UPDATE_PLAN, { input: { id: world.planA.id, lbfGrant: 1, localCofinancing: 1_000_000_000 } }, world.tokens.projectA),
      'FORBIDDEN',
      'lbfGrant',
    );
    expect(error.message).toBe("lbfGrant: a project secretariat may change its plan's title only; lbfGrant, localCofinancing are Landsbyggefonden's");
  });

  it('changes the title, as LBF and ADMIN change everything', async () => {
    const title = unique('Egen titel');
    expect((await app.client.ok(UPDATE_PLAN, { input: { id: world.planA.id, title } }, world.tokens.projectA)).updatePlan.title).toBe(title);
    const lbf = await app.client.ok(UPDATE_PLAN, { input: { id: world.planA.id, localCofinancing: 4_500_000, reportingIntervalDays: 60 } }, world.tokens.lbf);
    expect(lbf.updatePlan).toMatchObject({ title, localCofinancing: 4_500_000, reportingIntervalDays: 60 });
    // A plan the secretariat does not run: NOT_FOUND, as before.
    expectError(await app.client.request(UPDATE_PLAN, { input: { id: world.planB.id, title } }, world.tokens.projectA), 'NOT_FOUND');
  });
});
