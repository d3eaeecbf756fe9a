import pg from 'pg';
import { createGoal, createIndicator } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { AUDIT, UPDATE_INDICATOR } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * updateIndicator: targets change during a four-year plan, with a reason, and LBF sees when and why
 * (Indicator.revisions). The direction never changes; the result obeys createIndicator's rules.
 */
let app: TestApp;
let world: World;
let db: pg.Client;
let goalId: string;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  goalId = (await createGoal(app.client, world.tokens.projectA, { planId: world.planA.id, kind: 'OVERALL' })).id;
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

/** A fresh indicator of plan A: INCREASE from 40 (2023-01-01) to 60 (2026-12-31). */
const indicator = async (input: Record<string, unknown> = {}) => (await createIndicator(app.client, world.tokens.projectA, { goalId, name: 'Beskæftigelse', ...input })).id;
const update = (id: string, input: Record<string, unknown>, token = world.tokens.projectA) =>
  app.client.request(UPDATE_INDICATOR, { input: { id, reason: 'Justeret', ...input } }, token);
const revisions = async (id: string) =>
  (await db.query(`SELECT count(*)::int AS n FROM indicator_revisions WHERE indicator_id = $1`, [id])).rows[0].n as number;
const audits = async (id: string) =>
  (await app.client.ok(AUDIT, { filter: { entity: 'Indicator', entityId: id } }, app.adminToken)).auditEvents.edges.map((e: any) => e.node);

describe('updateIndicator', () => {
  it('changes the definition and appends one revision with the changed fields before and after', async () => {
    const id = await indicator({ source: 'Jobcentret' });
    const me = (await app.client.ok(`{ me { id } }`, {}, world.tokens.projectA)).me.id;
    const updated = (await update(id, { reason: '  Nyt mål aftalt med LBF  ', target: 65, targetDate: '2026-06-30', source: 'Jobcenter Aarhus', unit: '%' })).data!.updateIndicator;
    expect(updated).toMatchObject({ id, name: 'Beskæftigelse', unit: '%', direction: 'INCREASE', source: 'Jobcenter Aarhus', baseline: 40, target: 65, targetDate: '2026-06-30' });
    expect(updated.revisions).toEqual([
      { at: expect.any(String), by: { id: me }, reason: 'Nyt mål aftalt med LBF', before: expect.any(String), after: expect.any(String) },
    ]);
    // The unit did not change, so it is in neither.
    expect(JSON.parse(updated.revisions[0].before)).toEqual({ source: 'Jobcentret', target: 60, targetDate: '2026-12-31' });
    expect(JSON.parse(updated.revisions[0].after)).toEqual({ source: 'Jobcenter Aarhus', target: 65, targetDate: '2026-06-30' });

    const [audit] = await audits(id);
    expect(audit.operation).toBe('updateIndicator');
    expect(JSON.parse(audit.after)).toEqual({ source: 'Jobcenter Aarhus', target: 65, targetDate: '2026-06-30', reason: 'Nyt mål aftalt med LBF' });

    // A second change: revisions oldest first, and the plan page shows them.
    await update(id, { reason: 'Ny baseline fra Danmarks Statistik', baseline: 38, name: 'Beskæftigelsesfrekvens' }, app.adminToken);
    const PAGE = `query($id: ID!) { plan(id: $id) { goals { indicators { id revisions { reason before after } } } } }`;
    const shown = (await app.client.ok(PAGE, { id: world.planA.id }, world.tokens.boardA)).plan.goals.flatMap((g: any) => g.indicators).find((i: any) => i.id === id);
    expect(shown.revisions.map((r: any) => [r.reason, JSON.parse(r.before), JSON.parse(r.after)])).toEqual([
      ['Nyt mål aftalt med LBF', { source: 'Jobcentret', target: 60, targetDate: '2026-12-31' }, { source: 'Jobcenter Aarhus', target: 65, targetDate: '2026-06-30' }],
      ['Ny baseline fra Danmarks Statistik', { name: 'Beskæftigelse', baseline: 40 }, { name: 'Beskæftigelsesfrekvens', baseline: 38 }],
    ]);
  });

  it('appends nothing for a call that changes nothing', async () => {
    const id = await indicator();
    const result = (await update(id, { reason: 'Ingen ændring', name: ' Beskæftigelse ', target: 60, baseline: 40 })).data!.updateIndicator;
    expect(result.revisions).toEqual([]);
    expect(await revisions(id)).toBe(0);
    expect((await audits(id)).map((a: any) => a.operation)).toEqual(['createIndicator']);
  });

  it('clears source and baseline with null; a new baseline without a date is dated at the plan’s start', async () => {
    const id = await indicator({ source: 'Skolen', baseline: null, baselineDate: null });
    const STATUS = `query($id: ID!) { plan(id: $id) { startDate goals { indicators { id status baseline baselineDate source } } } }`;
    const find = async () => {
      const plan = (await app.client.ok(STATUS, { id: world.planA.id }, world.tokens.projectA)).plan;
      return { start: plan.startDate, indicator: plan.goals.flatMap((g: any) => g.indicators).find((i: any) => i.id === id) };
    };
    expect((await find()).indicator).toMatchObject({ status: 'NO_BASELINE', baselineDate: null });
    await update(id, { baseline: 10 });
    const { start, indicator: withBaseline } = await find();
    expect(withBaseline).toMatchObject({ baseline: 10, baselineDate: start, source: 'Skolen' });
    await update(id, { baseline: null, source: null });
    expect((await find()).indicator).toMatchObject({ baseline: null, baselineDate: start, source: null, status: 'NO_BASELINE' });
    expect(await revisions(id)).toBe(2);
  });

  it('holds the result to createIndicator’s rules and changes nothing when it fails', async () => {
    const id = await indicator();
    expectError(await update(id, { reason: '' }), 'BAD_USER_INPUT', 'reason');
    expectError(await update(id, { reason: '   ' }), 'BAD_USER_INPUT', 'reason');
    expectError(await update(id, { reason: 'x'.repeat(501), target: 1 }), 'BAD_USER_INPUT', 'reason');
    expectError(await update(id, { name: null }), 'BAD_USER_INPUT', 'name');
    expectError(await update(id, { name: ' ' }), 'BAD_USER_INPUT', 'name');
    expectError(await update(id, { unit: 'x'.repeat(51) }), 'BAD_USER_INPUT', 'unit');
    expectError(await update(id, { target: null }), 'BAD_USER_INPUT', 'target');
    expectError(await update(id, { targetDate: null }), 'BAD_USER_INPUT', 'targetDate');
    expectError(await update(id, { targetDate: '2022-12-31' }), 'BAD_USER_INPUT', 'targetDate');
    expectError(await update(id, { baselineDate: '2027-01-01' }), 'BAD_USER_INPUT', 'targetDate');
    // The direction is not part of the input: it never changes.
    expect((await update(id, { direction: 'DECREASE' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await revisions(id)).toBe(0);
    // 500 characters are enough.
    expect((await update(id, { reason: 'x'.repeat(500), target: 61 })).data!.updateIndicator.revisions).toHaveLength(1);
  });

  it('is for ADMIN and the plan’s project secretariat: other readers get FORBIDDEN, the rest NOT_FOUND', async () => {
    const id = await indicator();
    for (const token of [world.tokens.lbf, world.tokens.area, world.tokens.boardA]) expectError(await update(id, { target: 70 }, token), 'FORBIDDEN');
    expectError(await update(id, { target: 70 }, world.tokens.projectB), 'NOT_FOUND', 'id');
    expectError(await update('nope', { target: 70 }), 'NOT_FOUND', 'id');
    expectError(await update('00000000-0000-4000-8000-000000000000', { target: 70 }), 'NOT_FOUND', 'id');
    expect(await revisions(id)).toBe(0);
  });

  it('keeps both of two racing updates, one revision each, the second against the first’s result', async () => {
    const id = await indicator();
    await Promise.all([update(id, { target: 70, reason: 'Første' }), update(id, { target: 80, reason: 'Anden' })]);
    const { rows } = await db.query(`SELECT before, after FROM indicator_revisions WHERE indicator_id = $1 ORDER BY id`, [id]);
    expect(rows).toHaveLength(2);
    expect(rows[0].before).toEqual({ target: 60 });
    expect(rows[1].before).toEqual(rows[0].after);
  });
});
