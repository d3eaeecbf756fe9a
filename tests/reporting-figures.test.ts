import pg from 'pg';
import { todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool, type PoolRef } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { expectError } from './helpers/expect-error.js';
import { UPDATE_ACTIVITY, UPDATE_PLAN } from './helpers/operations.js';
import { ANNUAL_REPORT, APPROVE, CREATE_MILESTONE, COMPLETE_MILESTONE, LOG, MEASURE, RETURN, SUBMIT, UPDATE_INDICATOR } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';

/**
 * An annual report computed by hand (docs/reporting.md walks through the same plan), what a
 * submission keeps whatever changes afterwards, and the locked history of a submitted year.
 *
 * The plan runs 2023-03-01 to 2025-09-30: a short first year (from 1 March) and a short last one
 * (to 30 September), and 2024 in between is a leap year. Every date is in the past, so the figures
 * hold on any day; only the milestones' isOverdue depends on today, and their dates are long gone.
 */
let app: TestApp;
let db: pg.Client;
let secretariat: string;
let pool: PoolRef;
let planId: string;
const ids: Record<string, string> = {};

const log = (activityId: string, reportedOn: string, percentComplete: number, spent: number | null, participantsReached: number | null = null, extra: Record<string, unknown> = {}) =>
  app.client.ok(LOG, { input: { activityId, reportedOn, percentComplete, spent, participantsReached, ...extra } }, secretariat);
const measure = (indicatorId: string, measuredOn: string, value: number) => app.client.ok(MEASURE, { input: { indicatorId, measuredOn, value } }, secretariat);
const report = async (year: number, token = secretariat) => (await app.client.ok(ANNUAL_REPORT, { planId, year }, token)).annualReport;

beforeAll(async () => {
  app = await startTestApp();
  const admin = app.adminToken;
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  pool = await createPool(app.client, admin);
  const municipality = await createMunicipality(app.client, admin);
  const organisation = await createHousingOrganisation(app.client, admin);
  const plan = await createPlan(
    app.client,
    admin,
    { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [organisation.id] },
    { startDate: '2023-03-01', endDate: '2025-09-30', lbfGrant: 8_000_000, localCofinancing: 3_000_000, status: 'ACTIVE' },
  );
  planId = plan.id;
  secretariat = (await userWithToken(app.client, admin, 'PROJECT_SECRETARIAT', { planId })).token;
  const c = app.client;
  const s = secretariat;

  // Goals, created R, E1, E2, S1 (S1 below E1): tree order is R, E1, S1, E2.
  ids.R = (await createGoal(c, s, { planId, kind: 'OVERALL' })).id;
  ids.E1 = (await createGoal(c, s, { planId, kind: 'EFFECT', parentId: ids.R })).id;
  ids.E2 = (await createGoal(c, s, { planId, kind: 'EFFECT', parentId: ids.R })).id;
  ids.S1 = (await createGoal(c, s, { planId, kind: 'SUB', parentId: ids.E1 })).id;

  // Indicators, created in another order than the report lists them.
  ids.iE2 = (await createIndicator(c, s, { goalId: ids.E2, name: 'Lige mål', baseline: 5, baselineDate: '2023-03-01', target: 5, targetDate: '2025-09-30' })).id;
  ids.iS1 = (await createIndicator(c, s, { goalId: ids.S1, name: 'Uden måling', baseline: 0, baselineDate: '2023-03-01', target: 100, targetDate: '2025-09-30' })).id;
  ids.iR = (await createIndicator(c, s, { goalId: ids.R, name: 'Tryghed', baseline: 40, baselineDate: '2023-01-01', target: 60, targetDate: '2025-12-31' })).id;
  ids.iE1a = (await createIndicator(c, s, { goalId: ids.E1, name: 'Ledighed', direction: 'DECREASE', baseline: 30, baselineDate: '2023-03-01', target: 10, targetDate: '2025-09-30' })).id;
  ids.iE1b = (await createIndicator(c, s, { goalId: ids.E1, name: 'Uden baseline', baseline: null, baselineDate: null, target: 12, targetDate: '2025-09-30' })).id;

  await measure(ids.iR, '2023-06-30', 44);
  await measure(ids.iR, '2024-06-30', 48);
  await measure(ids.iR, '2024-12-31', 50);
  await measure(ids.iR, '2024-12-31', 51); // the same day, recorded later: the latest
  await measure(ids.iR, '2025-03-01', 58);
  await measure(ids.iE1a, '2024-03-31', 26);
  await measure(ids.iE1a, '2024-11-30', 25);
  await measure(ids.iE1b, '2024-05-01', 7);
  await measure(ids.iS1, '2025-01-15', 20);
  await measure(ids.iE2, '2024-02-01', 6);

  const activity = async (key: string, input: Record<string, unknown>) => {
    ids[key] = (await createActivity(c, s, { planId, title: key, ...input })).id;
  };
  await activity('A1', { startDate: '2023-03-01', endDate: '2025-09-30', budget: 1_000_000, focusAreaId: pool.focusAreas[0].id });
  await activity('A2', { startDate: '2024-04-01', endDate: '2024-10-31', budget: 300_000, responsibleParty: 'MUNICIPALITY' });
  await activity('A3', { startDate: '2024-01-01', endDate: '2025-06-30', budget: 200_000, responsibleParty: 'HOUSING_ORGANISATION' });
  await activity('A4', { startDate: '2023-05-01', endDate: '2025-01-01', budget: 400_000 });
  await activity('A5', { startDate: '2023-03-01', endDate: '2023-12-31', budget: 100_000 });
  await activity('A6', { startDate: '2025-01-01', endDate: '2025-09-30', budget: 250_000 });

  await log(ids.A1, '2023-11-30', 40, 200_000, 10);
  await log(ids.A1, '2024-06-30', 60, 450_000, 25, { idempotencyKey: 'A1-2024-06' });
  await log(ids.A1, '2024-12-31', 75, 600_000, 30);
  await log(ids.A1, '2025-02-01', 80, 700_000, 33);
  await log(ids.A2, '2024-05-15', 50, 100_000);
  await log(ids.A2, '2024-10-31', 90, 250_000);
  await log(ids.A2, '2024-10-31', 100, 280_000, 12); // the same day, logged later: the latest
  await log(ids.A4, '2024-03-01', 20, 50_000, null, { status: 'CANCELLED' });
  await log(ids.A5, '2023-12-01', 100, 90_000, null, { status: 'COMPLETED' });
  await log(ids.A6, '2025-05-01', 30, 60_000);

  const milestone = async (key: string, input: Record<string, unknown>) => {
    ids[key] = (await c.ok(CREATE_MILESTONE, { input: { planId, title: key, ...input } }, s)).createMilestone.id;
  };
  await milestone('Midtvejsevaluering', { dueDate: '2025-03-31', activityId: ids.A1 });
  await milestone('Slutrapport', { dueDate: '2025-09-30', goalId: ids.R });
  await milestone('Afslutningskonference', { dueDate: '2025-09-30' });
  await milestone('Budget 2024', { dueDate: '2024-06-30' });
  await milestone('Evaluering', { dueDate: '2026-01-15' });
  await c.ok(COMPLETE_MILESTONE, { id: ids.Midtvejsevaluering, completedOn: '2025-03-20' }, s);
}, 120_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

/** The 2024 report, worked out by hand (docs/reporting.md, "A worked example"). */
function expected2024() {
  const indicator = (key: string, goal: string) => ({ indicator: { id: ids[key] }, goal: { id: ids[goal] }, comment: null });
  return {
    period: { year: 2024, startDate: '2024-01-01', endDate: '2024-12-31', dueDate: '2025-06-30', status: 'OPEN', isLate: true },
    asOf: '2024-12-31',
    comment: null,
    indicators: [
      // 51 (the later of the two on 31 December; 58 is after the year): (51 − 40) / (60 − 40) = 0.55;
      // elapsed 730 / 1095 days = 0.667, threshold 0.517: on track.
      { ...indicator('iR', 'R'), name: 'Tryghed', unit: '%', direction: 'INCREASE', baseline: 40, baselineDate: '2023-01-01', target: 60, targetDate: '2025-12-31', value: 51, measuredOn: '2024-12-31', attainment: 0.55, status: 'ON_TRACK' },
      // (25 − 30) / (10 − 30) = 0.25; elapsed 671 / 944 = 0.711, threshold 0.561: off track.
      { ...indicator('iE1a', 'E1'), name: 'Ledighed', unit: '%', direction: 'DECREASE', baseline: 30, baselineDate: '2023-03-01', target: 10, targetDate: '2025-09-30', value: 25, measuredOn: '2024-11-30', attainment: 0.25, status: 'OFF_TRACK' },
      { ...indicator('iE1b', 'E1'), name: 'Uden baseline', unit: '%', direction: 'INCREASE', baseline: null, baselineDate: null, target: 12, targetDate: '2025-09-30', value: 7, measuredOn: '2024-05-01', attainment: null, status: 'NO_BASELINE' },
      // Its only measurement is from 2025.
      { ...indicator('iS1', 'S1'), name: 'Uden måling', unit: '%', direction: 'INCREASE', baseline: 0, baselineDate: '2023-03-01', target: 100, targetDate: '2025-09-30', value: null, measuredOn: null, attainment: null, status: 'NO_DATA' },
      // Target equal to baseline, met: 1.
      { ...indicator('iE2', 'E2'), name: 'Lige mål', unit: '%', direction: 'INCREASE', baseline: 5, baselineDate: '2023-03-01', target: 5, targetDate: '2025-09-30', value: 6, measuredOn: '2024-02-01', attainment: 1, status: 'ON_TRACK' },
    ],
    activities: [
      // 600 000 by 31 December, 200 000 before 1 January: 400 000 in the year; two entries in it.
      { activity: { id: ids.A1 }, title: 'A1', responsibleParty: 'JOINT', focusArea: { id: pool.focusAreas[0].id }, budget: 1_000_000, progress: 75, spent: 600_000, spentInYear: 400_000, participantsReached: 30, entriesInYear: 2 },
      { activity: { id: ids.A2 }, title: 'A2', responsibleParty: 'MUNICIPALITY', focusArea: null, budget: 300_000, progress: 100, spent: 280_000, spentInYear: 280_000, participantsReached: 12, entriesInYear: 3 },
      { activity: { id: ids.A3 }, title: 'A3', responsibleParty: 'HOUSING_ORGANISATION', focusArea: null, budget: 200_000, progress: null, spent: 0, spentInYear: 0, participantsReached: null, entriesInYear: 0 },
      // A4 is cancelled, A5 ended in 2023, A6 starts in 2025.
    ],
    finances: { lbfGrant: 8_000_000, localCofinancing: 3_000_000, budget: 1_500_000, spent: 880_000, spentInYear: 680_000 },
    milestones: [
      { id: ids.Midtvejsevaluering, title: 'Midtvejsevaluering', dueDate: '2025-03-31', completedOn: '2025-03-20', isOverdue: false, activity: { id: ids.A1 }, goal: null, plan: { id: planId } },
      { id: ids.Afslutningskonference, title: 'Afslutningskonference', dueDate: '2025-09-30', completedOn: null, isOverdue: true, activity: null, goal: null, plan: { id: planId } },
      { id: ids.Slutrapport, title: 'Slutrapport', dueDate: '2025-09-30', completedOn: null, isOverdue: true, activity: null, goal: { id: ids.R }, plan: { id: planId } },
    ],
  };
}

describe('annualReport, computed', () => {
  it('gives the 2024 figures worked out by hand', async () => {
    expect(await report(2024)).toEqual(expected2024());
  });

  it('gives the short last year as of 30 September 2025', async () => {
    const r = await report(2025);
    expect(r.period).toEqual({ year: 2025, startDate: '2025-01-01', endDate: '2025-09-30', dueDate: '2026-06-30', status: 'OPEN', isLate: todayUtc() > '2026-06-30' });
    expect(r.asOf).toBe('2025-09-30');
    const byName = Object.fromEntries(r.indicators.map((i: any) => [i.name, i]));
    // 58: (58 − 40) / 20 = 0.9; elapsed 1003 / 1095 = 0.916, threshold 0.766.
    expect(byName.Tryghed).toMatchObject({ value: 58, measuredOn: '2025-03-01', attainment: 0.9, status: 'ON_TRACK' });
    // 20 / 100 = 0.2 against a fully elapsed period: 1 − 0.15.
    expect(byName['Uden måling']).toMatchObject({ value: 20, attainment: 0.2, status: 'OFF_TRACK' });
    expect(r.activities.map((a: any) => [a.title, a.progress, a.spent, a.spentInYear, a.participantsReached, a.entriesInYear])).toEqual([
      ['A1', 80, 700_000, 100_000, 33, 1],
      ['A3', null, 0, 0, null, 0],
      ['A6', 30, 60_000, 60_000, null, 1],
    ]);
    expect(r.finances).toEqual({ lbfGrant: 8_000_000, localCofinancing: 3_000_000, budget: 1_450_000, spent: 760_000, spentInYear: 160_000 });
    expect(r.milestones.map((m: any) => [m.title, m.isOverdue])).toEqual([['Evaluering', todayUtc() > '2026-01-15']]);
  });

  it('gives the short first year from 1 March 2023', async () => {
    const r = await report(2023);
    expect([r.period.startDate, r.period.endDate, r.asOf]).toEqual(['2023-03-01', '2023-12-31', '2023-12-31']);
    expect(r.activities.map((a: any) => [a.title, a.progress, a.spent, a.spentInYear, a.entriesInYear])).toEqual([
      ['A1', 40, 200_000, 200_000, 1],
      ['A5', 100, 90_000, 90_000, 1],
    ]);
    expect(r.indicators.find((i: any) => i.name === 'Tryghed')).toMatchObject({ value: 44, measuredOn: '2023-06-30' });
    expect(r.milestones.map((m: any) => m.title)).toEqual(['Budget 2024']);
  });

  it('takes the same number of statements for a small plan as for this one', async () => {
    const admin = app.adminToken;
    const small = await createPlan(
      app.client,
      admin,
      { poolId: pool.id, municipalityId: (await createMunicipality(app.client, admin)).id, housingOrganisationIds: [(await createHousingOrganisation(app.client, admin)).id] },
      { startDate: '2023-03-01', endDate: '2025-09-30', status: 'ACTIVE' },
    );
    const goal = await createGoal(app.client, admin, { planId: small.id, kind: 'OVERALL' });
    await createIndicator(app.client, admin, { goalId: goal.id });
    const activity = await createActivity(app.client, admin, { planId: small.id, startDate: '2024-01-01', endDate: '2025-06-30', focusAreaId: pool.focusAreas[1].id });
    await app.client.ok(LOG, { input: { activityId: activity.id, reportedOn: '2024-02-01', percentComplete: 5 } }, admin);
    await app.client.ok(CREATE_MILESTONE, { input: { planId: small.id, title: 'M', dueDate: '2025-01-01', activityId: activity.id, goalId: goal.id } }, admin);
    const FULL = ANNUAL_REPORT.replace('period {', 'period { submittedBy { id } events { by { id } } plan { id } ');
    const large = await app.client.warm(FULL, { planId, year: 2024 }, admin);
    const smallOne = await app.client.warm(FULL, { planId: small.id, year: 2024 }, admin);
    expect(large.errors).toBeUndefined();
    expect(smallOne.data!.annualReport.activities).toHaveLength(1);
    console.log(`annualReport SQL statements: small plan ${smallOne.statements}, large plan ${large.statements}`);
    expect(large.statements).toBe(smallOne.statements);
  });
});

describe('a submitted report', () => {
  let submitted: any;

  it('is the report as it was computed at submission, with the secretariat’s comments', async () => {
    const live = await report(2024);
    await app.client.ok(
      SUBMIT,
      { input: { planId, year: 2024, comment: 'Et godt år', indicatorComments: [{ indicatorId: ids.iE1a, comment: 'Ledigheden falder langsommere end ventet' }] } },
      secretariat,
    );
    submitted = await report(2024);
    const withComments = {
      ...live,
      period: { ...live.period, status: 'SUBMITTED', isLate: false },
      comment: 'Et godt år',
      indicators: live.indicators.map((i: any) => (i.indicator.id === ids.iE1a ? { ...i, comment: 'Ledigheden falder langsommere end ventet' } : i)),
    };
    expect(submitted).toEqual(withComments);
  });

  it('stays exactly as submitted whatever changes afterwards, also once approved', async () => {
    const s = secretariat;
    const c = app.client;
    await c.ok(UPDATE_INDICATOR, { input: { id: ids.iR, reason: 'Nyt mål efter midtvejsevalueringen', target: 70, name: 'Tryghed (ny)' } }, s);
    const a1 = (await c.ok(`query($id: ID!) { activity(id: $id) { version } }`, { id: ids.A1 }, s)).activity;
    await c.ok(UPDATE_ACTIVITY, { input: { id: ids.A1, expectedVersion: a1.version, budget: 1_200_000, title: 'A1 udvidet' } }, s);
    const a3 = (await c.ok(`query($id: ID!) { activity(id: $id) { version } }`, { id: ids.A3 }, s)).activity;
    await c.ok(UPDATE_ACTIVITY, { input: { id: ids.A3, expectedVersion: a3.version, status: 'CANCELLED' } }, s);
    await createActivity(c, s, { planId, title: 'A7', startDate: '2024-02-01', endDate: '2025-06-30', budget: 90_000 });
    await createIndicator(c, s, { goalId: ids.E2, name: 'Ny indikator' });
    await log(ids.A1, '2025-04-01', 85, 750_000);
    await measure(ids.iE1a, '2025-01-10', 22);
    await c.ok(COMPLETE_MILESTONE, { id: ids.Slutrapport, completedOn: '2025-10-02' }, s);
    await c.ok(CREATE_MILESTONE, { input: { planId, title: 'Ny milepæl', dueDate: '2025-05-05' } }, s);
    await c.ok(UPDATE_PLAN, { input: { id: planId, lbfGrant: 9_000_000 } }, app.adminToken);

    expect(await report(2024)).toEqual(submitted);
    await c.ok(APPROVE, { input: { planId, year: 2024, comment: 'Godkendt' } }, app.adminToken);
    expect(await report(2024, app.adminToken)).toEqual({ ...submitted, period: { ...submitted.period, status: 'APPROVED' } });
    // The stored figures are what the submission computed, in the database too.
    const { rows } = await db.query(`SELECT report FROM reporting_submissions WHERE plan_id = $1 AND year = 2024`, [planId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].report.finances).toEqual({ lbfGrant: '8000000', localCofinancing: '3000000', budget: '1500000', spent: '880000', spentInYear: '680000' });
    // Its nested objects are today's: the indicator under its new name.
    const NAMES = `query($planId: ID!) { annualReport(planId: $planId, year: 2024) { indicators { name indicator { name target } } } }`;
    const [first] = (await c.ok(NAMES, { planId }, s)).annualReport.indicators;
    expect(first).toEqual({ name: 'Tryghed', indicator: { name: 'Tryghed (ny)', target: 70 } });
  });

  it('is computed afresh again once LBF returns it', async () => {
    await app.client.ok(RETURN, { input: { planId, year: 2024, comment: 'Regnskabet skal opdateres' } }, app.adminToken);
    const r = await report(2024);
    expect(r.period.status).toBe('RETURNED');
    // The last submission's comments stay with the report until the next one.
    expect(r.comment).toBe('Et godt år');
    expect(r.indicators.find((i: any) => i.indicator.id === ids.iE1a).comment).toBe('Ledigheden falder langsommere end ventet');
    expect(r.indicators.map((i: any) => i.name)).toEqual(['Tryghed (ny)', 'Ledighed', 'Uden baseline', 'Uden måling', 'Lige mål', 'Ny indikator']);
    expect(r.indicators[0]).toMatchObject({ target: 70, attainment: (51 - 40) / (70 - 40) });
    expect(r.activities.map((a: any) => [a.title, a.budget])).toEqual([
      ['A1 udvidet', 1_200_000],
      ['A2', 300_000],
      ['A7', 90_000],
    ]);
    expect(r.finances).toMatchObject({ lbfGrant: 9_000_000, budget: 1_590_000, spent: 880_000 });
    expect(r.milestones.map((m: any) => [m.title, m.completedOn])).toEqual([
      ['Midtvejsevaluering', '2025-03-20'],
      ['Ny milepæl', null],
      ['Afslutningskonference', null],
      ['Slutrapport', '2025-10-02'],
    ]);
  });
});

describe('locked history', () => {
  const entries = async (activityId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM progress_entries WHERE activity_id = $1`, [activityId])).rows[0].n as number;
  const measurements = async (indicatorId: string) =>
    (await db.query(`SELECT count(*)::int AS n FROM measurements WHERE indicator_id = $1`, [indicatorId])).rows[0].n as number;
  const tryLog = (reportedOn: string, extra: Record<string, unknown> = {}) =>
    app.client.request(LOG, { input: { activityId: ids.A1, reportedOn, percentComplete: 77, ...extra } }, secretariat);
  const tryMeasure = (measuredOn: string) => app.client.request(MEASURE, { input: { indicatorId: ids.iR, measuredOn, value: 49 } }, secretariat);

  it('refuses progress and measurements dated in a submitted or approved year, naming it, and stores nothing', async () => {
    // 2023 is submitted for this test.
    await app.client.ok(SUBMIT, { input: { planId, year: 2023 } }, secretariat);
    const [entriesBefore, measurementsBefore] = [await entries(ids.A1), await measurements(ids.iR)];
    for (const date of ['2023-03-01', '2023-07-01', '2023-12-31']) {
      const refusal = await tryLog(date);
      // The read that decides already knows: no insert is tried.
      expect(refusal.statements).toBe(1 + SESSION_CHECK_STATEMENTS);
      const logged = expectError(refusal, 'CONFLICT', 'reportedOn');
      expect(logged.message).toContain('2023');
      expect(logged.extensions!.year).toBe(2023);
      const measured = expectError(await tryMeasure(date), 'CONFLICT', 'measuredOn');
      expect(measured.extensions!.year).toBe(2023);
    }
    await app.client.ok(APPROVE, { input: { planId, year: 2023 } }, app.adminToken);
    expectError(await tryLog('2023-08-01'), 'CONFLICT', 'reportedOn');
    expectError(await tryMeasure('2023-08-01'), 'CONFLICT', 'measuredOn');
    expect([await entries(ids.A1), await measurements(ids.iR)]).toEqual([entriesBefore, measurementsBefore]);
    // The other years are open: 2024 was returned, 2025 never submitted.
    expect((await tryLog('2024-07-01')).errors).toBeUndefined();
    expect((await tryMeasure('2025-02-01')).errors).toBeUndefined();
    expect([await entries(ids.A1), await measurements(ids.iR)]).toEqual([entriesBefore + 1, measurementsBefore + 1]);
  });

  it('still answers a repeated idempotency key with the entry it stored before the year was locked', async () => {
    await app.client.ok(SUBMIT, { input: { planId, year: 2024 } }, secretariat);
    const replay = await tryLog('2024-06-30', { percentComplete: 60, spent: 450_000, participantsReached: 25, idempotencyKey: 'A1-2024-06' });
    expect(replay.errors).toBeUndefined();
    expectError(await tryLog('2024-06-30', { idempotencyKey: 'A1-2024-06-new' }), 'CONFLICT', 'reportedOn');
  });

  it('opens the year again when LBF returns the report', async () => {
    await app.client.ok(RETURN, { input: { planId, year: 2023, comment: 'Ret 2023' } }, app.adminToken);
    const before = await entries(ids.A1);
    expect((await tryLog('2023-08-01')).errors).toBeUndefined();
    expect((await tryMeasure('2023-08-01')).errors).toBeUndefined();
    expect(await entries(ids.A1)).toBe(before + 1);
  });
});
