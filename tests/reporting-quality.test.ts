import pg from 'pg';
import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { submitLateReports } from './factories/reporting.factory.js';
import { unique } from './factories/unique.js';
import { userWithToken } from './factories/user.factory.js';
import { expectError } from './helpers/expect-error.js';
import { ANNUAL_REPORT, APPROVE, AUDIT, LOG, MEASURE, RETURN, SUBMIT, UPDATE_INDICATOR } from './helpers/reporting-operations.js';
import { http, readWorkbook, sheetRows } from './helpers/spreadsheets.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Where annual reporting (issue 9) and data quality (issue 10) meet:
 * - a retraction dated inside a SUBMITTED or APPROVED year is CONFLICT naming the year, by the same
 *   lock as logProgress and recordMeasurement (the race with a submission: tests/reporting-race.test.ts);
 * - the live annual report counts no retracted entry or measurement;
 * - a late report is the attention reason LATE_REPORTS, in the plan roll-up, plansNeedingAttention
 *   and the workbooks' needsAttention, exactly where lateReports lists the plan;
 * - updateIndicator's result keeps its target on the indicator's side of the baseline.
 * Every figure below is worked out by hand from the dates and values written here.
 */
let app: TestApp;
let db: pg.Client;
let lbf: string;

const RETRACT_ENTRY = `mutation($id: ID!, $reason: String!) { retractProgressEntry(id: $id, reason: $reason) { id retraction { reason } } }`;
const RETRACT_MEASUREMENT = `mutation($id: ID!, $reason: String!) { retractMeasurement(id: $id, reason: $reason) { id retraction { reason } } }`;

beforeAll(async () => {
  app = await startTestApp();
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  lbf = (await userWithToken(app.client, app.adminToken, 'LBF')).token;
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

async function refs(areaSecretariatId?: string) {
  const admin = app.adminToken;
  const pool = await createPool(app.client, admin);
  return {
    poolId: pool.id,
    municipalityId: (await createMunicipality(app.client, admin)).id,
    housingOrganisationIds: [(await createHousingOrganisation(app.client, admin)).id],
    ...(areaSecretariatId ? { areaSecretariatId } : {}),
  };
}

describe('retractions and the locked history of a submitted year', () => {
  /**
   * A plan from 2022 to 2025 (every year ended), one activity with a budget of 500,000 and one
   * INCREASE indicator from 40 (1 January 2022) to 60 (31 December 2025): 1,460 days.
   */
  let planId: string;
  let secretariat: string;
  let activityId: string;
  let indicatorId: string;
  const entry: Record<string, string> = {};
  const measurement: Record<string, string> = {};

  const report = async (year: number) => (await app.client.ok(ANNUAL_REPORT, { planId, year }, secretariat)).annualReport;
  const retractEntry = (key: string) => app.client.request(RETRACT_ENTRY, { id: entry[key], reason: 'Tastefejl' }, secretariat);
  const retractMeasurement = (key: string) => app.client.request(RETRACT_MEASUREMENT, { id: measurement[key], reason: 'Tastefejl' }, secretariat);
  const retracted = async (table: 'progress_entries' | 'measurements', id: string) =>
    (await db.query(`SELECT retracted_at IS NOT NULL AS retracted FROM ${table} WHERE id = $1`, [id])).rows[0].retracted;

  beforeAll(async () => {
    const plan = await createPlan(app.client, app.adminToken, await refs(), { startDate: '2022-01-01', endDate: '2025-12-31', status: 'ACTIVE' });
    planId = plan.id;
    secretariat = (await userWithToken(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId })).token;
    const goal = await createGoal(app.client, secretariat, { planId, kind: 'OVERALL' });
    indicatorId = (await createIndicator(app.client, secretariat, { goalId: goal.id, baseline: 40, baselineDate: '2022-01-01', target: 60, targetDate: '2025-12-31' })).id;
    activityId = (await createActivity(app.client, secretariat, { planId, startDate: '2022-01-01', endDate: '2025-12-31', budget: 500_000 })).id;
    const log = async (key: string, reportedOn: string, percentComplete: number, spent: number) => {
      entry[key] = (await app.client.ok(LOG, { input: { activityId, reportedOn, percentComplete, spent } }, secretariat)).logProgress.id;
    };
    await log('e22', '2022-11-30', 30, 100_000);
    await log('e23a', '2023-06-30', 50, 200_000);
    await log('e23b', '2023-10-31', 70, 300_000);
    await log('e24', '2024-03-01', 80, 350_000);
    const measure = async (key: string, measuredOn: string, value: number) => {
      measurement[key] = (await app.client.ok(MEASURE, { input: { indicatorId, measuredOn, value } }, secretariat)).recordMeasurement.id;
    };
    await measure('m23a', '2023-06-30', 45);
    await measure('m23b', '2023-12-31', 52);
  });

  it('is CONFLICT naming the year while the year is SUBMITTED or APPROVED, and changes nothing', async () => {
    // 2023 as of 31 December: the entry of 31 October (70 %, 300,000; 100,000 before the year, so
    // 200,000 in it; two entries), the measurement of 31 December: (52 − 40) / 20 = 0.6, elapsed
    // 729 / 1,460 days = 0.499, threshold 0.349: on track.
    const before = {
      activities: [{ progress: 70, spent: 300_000, spentInYear: 200_000, entriesInYear: 2 }],
      indicators: [{ value: 52, measuredOn: '2023-12-31', attainment: 0.6, status: 'ON_TRACK' }],
    };
    expect(await report(2023)).toMatchObject(before);
    await app.client.ok(SUBMIT, { input: { planId, year: 2023 } }, secretariat);

    for (const attempt of [() => retractEntry('e23b'), () => retractMeasurement('m23b')]) {
      const refused = expectError(await attempt(), 'CONFLICT', 'id');
      expect(refused.extensions?.year).toBe(2023);
      expect(refused.message).toContain('2023');
    }
    expect([await retracted('progress_entries', entry.e23b), await retracted('measurements', measurement.m23b)]).toEqual([false, false]);
    const trail = await app.client.ok(AUDIT, { filter: { planId } }, app.adminToken);
    expect(trail.auditEvents.edges.map((e: any) => e.node.operation)).not.toContain('retractProgressEntry');
    expect(trail.auditEvents.edges.map((e: any) => e.node.operation)).not.toContain('retractMeasurement');
    expect(await report(2023)).toMatchObject({ period: { status: 'SUBMITTED' }, ...before });

    // Another year of the same plan is not locked: 2024 is open.
    expect((await retractEntry('e24')).data!.retractProgressEntry.retraction.reason).toBe('Tastefejl');

    await app.client.ok(APPROVE, { input: { planId, year: 2023 } }, lbf);
    expectError(await retractEntry('e23b'), 'CONFLICT', 'id');
    expectError(await retractMeasurement('m23b'), 'CONFLICT', 'id');
    expect(await report(2023)).toMatchObject({ period: { status: 'APPROVED' }, ...before });
  });

  it('is allowed again once LBF returns the report, and the live report counts the retracted rows nowhere', async () => {
    await app.client.ok(RETURN, { input: { planId, year: 2023, comment: 'Beløbet for oktober er forkert' } }, lbf);
    expect((await retractEntry('e23b')).errors).toBeUndefined();
    expect((await retractMeasurement('m23b')).errors).toBeUndefined();

    // RETURNED is live: the entry of 30 June (50 %, 200,000; 100,000 in the year; one entry), the
    // measurement of 30 June: (45 − 40) / 20 = 0.25 < 0.349: off track.
    const returned = await report(2023);
    expect(returned).toMatchObject({
      period: { status: 'RETURNED' },
      activities: [{ progress: 50, spent: 200_000, spentInYear: 100_000, entriesInYear: 1 }],
      indicators: [{ value: 45, measuredOn: '2023-06-30', attainment: 0.25, status: 'OFF_TRACK' }],
      finances: { budget: 500_000, spent: 200_000, spentInYear: 100_000 },
    });

    // The entry before the year retracted too (2022 is open): nothing was spent before 2023.
    expect((await retractEntry('e22')).errors).toBeUndefined();
    expect((await report(2023)).activities[0]).toMatchObject({ spent: 200_000, spentInYear: 200_000, entriesInYear: 1 });
    // 2022 has no entry left that counts: no progress, nothing spent, none in the year.
    expect((await report(2022)).activities[0]).toMatchObject({ progress: null, spent: 0, spentInYear: 0, entriesInYear: 0, participantsReached: null });

    // Submitted again, the report keeps what counts now; the activity's own figures agree.
    await app.client.ok(SUBMIT, { input: { planId, year: 2023, comment: 'Rettet' } }, secretariat);
    expect(await report(2023)).toMatchObject({
      period: { status: 'SUBMITTED' },
      activities: [{ progress: 50, spent: 200_000, spentInYear: 200_000, entriesInYear: 1 }],
      indicators: [{ value: 45, attainment: 0.25, status: 'OFF_TRACK' }],
    });
    const { activity } = await app.client.ok(`query($id: ID!) { activity(id: $id) { progress spent latestProgress { id } } }`, { id: activityId }, secretariat);
    expect(activity).toEqual({ progress: 50, spent: 200_000, latestProgress: { id: entry.e23a } });
  });

  it('keeps a user of another plan out: NOT_FOUND, nothing retracted', async () => {
    const other = await createPlan(app.client, app.adminToken, await refs());
    const outsider = (await userWithToken(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId: other.id })).token;
    expectError(await app.client.request(RETRACT_ENTRY, { id: entry.e23a, reason: 'x' }, outsider), 'NOT_FOUND', 'id');
    expectError(await app.client.request(RETRACT_MEASUREMENT, { id: measurement.m23a, reason: 'x' }, outsider), 'NOT_FOUND', 'id');
    expectError(await app.client.request(ANNUAL_REPORT, { planId, year: 2023 }, outsider), 'NOT_FOUND', 'planId');
    expect([await retracted('progress_entries', entry.e23a), await retracted('measurements', measurement.m23a)]).toEqual([false, false]);
  });
});

describe('LATE_REPORTS', () => {
  /**
   * A pool and an area secretariat of their own, with three empty plans (no goals, no activities,
   * co-financing 4,000,000 of 14,000,000 = 0.29 above the minimum: no other reason) from 2023 to 2026:
   * the reports of 2023 and 2024 are overdue on any day after 30 June 2025.
   * - A: ACTIVE, nothing submitted: late;
   * - B: ACTIVE, its late reports submitted: not late;
   * - C: DRAFT: never late.
   */
  const plans: Record<'A' | 'B' | 'C', { id: string; title: string; secretariat: string }> = {} as never;
  let poolId: string;
  let areaSecretariatId: string;
  let area: string;
  let submittedByB: number[];

  const NATIONAL = `query($poolId: ID) { nationalRollup(poolId: $poolId) {
    plansNeedingAttention { id rollup { attentionReasons } } lateReports { plan { id } year status } } }`;
  const AREA = `query($id: ID!) { areaSecretariat(id: $id) { rollup {
    plansNeedingAttention { id rollup { attentionReasons } } lateReports { plan { id } year status } } } }`;
  const PLAN_LATENESS = `query($id: ID!) { plan(id: $id) { rollup { attentionReasons } reportingPeriods { year isLate } } }`;

  const national = async () => (await app.client.ok(NATIONAL, { poolId }, lbf)).nationalRollup;

  /** Each plan's LATE_REPORTS, as its own roll-up, its periods and the portfolio's lists say it. */
  async function lateness() {
    const portfolio = await national();
    const result: Record<string, unknown> = {};
    for (const [key, plan] of Object.entries(plans)) {
      const { rollup, reportingPeriods } = (await app.client.ok(PLAN_LATENESS, { id: plan.id }, lbf)).plan;
      result[key] = {
        reason: rollup.attentionReasons.includes('LATE_REPORTS'),
        periods: reportingPeriods.some((p: { isLate: boolean }) => p.isLate),
        lateReports: portfolio.lateReports.some((l: any) => l.plan.id === plan.id),
        needsAttention: portfolio.plansNeedingAttention.some((p: any) => p.id === plan.id),
      };
    }
    return result;
  }
  const all = (late: boolean) => ({ reason: late, periods: late, lateReports: late, needsAttention: late });

  beforeAll(async () => {
    areaSecretariatId = (await createAreaSecretariat(app.client, app.adminToken)).id;
    const r = await refs(areaSecretariatId);
    poolId = r.poolId;
    const make = async (key: 'A' | 'B' | 'C', status: string) => {
      const plan = await createPlan(app.client, app.adminToken, r, { title: `${key} ${unique('Sen')}`, startDate: '2023-01-01', endDate: '2026-12-31', status });
      plans[key] = { ...plan, secretariat: (await userWithToken(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId: plan.id })).token };
    };
    await make('A', 'ACTIVE');
    await make('B', 'ACTIVE');
    await make('C', 'DRAFT');
    submittedByB = await submitLateReports(app.client, plans.B.secretariat, plans.B.id);
    area = (await userWithToken(app.client, app.adminToken, 'AREA_SECRETARIAT', { areaSecretariatId })).token;
  });

  it('is the reason of a plan with a late report, and its only one here', async () => {
    expect(submittedByB).toEqual(expect.arrayContaining([2023, 2024]));
    const { plansNeedingAttention, lateReports } = await national();
    expect(plansNeedingAttention).toEqual([{ id: plans.A.id, rollup: { attentionReasons: ['LATE_REPORTS'] } }]);
    expect(new Set(lateReports.map((l: any) => l.plan.id))).toEqual(new Set([plans.A.id]));
    expect(await lateness()).toEqual({ A: all(true), B: all(false), C: all(false) });
  });

  it('follows the report cycle: a returned year is late again, a resubmitted one is not, approval keeps it so', async () => {
    await app.client.ok(RETURN, { input: { planId: plans.B.id, year: 2023, comment: 'Mangler regnskab' } }, lbf);
    expect(await lateness()).toEqual({ A: all(true), B: all(true), C: all(false) });
    const { plansNeedingAttention, lateReports } = await national();
    expect(plansNeedingAttention.find((p: any) => p.id === plans.B.id).rollup.attentionReasons).toEqual(['LATE_REPORTS']);
    expect(lateReports.filter((l: any) => l.plan.id === plans.B.id)).toEqual([{ plan: { id: plans.B.id }, year: 2023, status: 'RETURNED' }]);

    await app.client.ok(SUBMIT, { input: { planId: plans.B.id, year: 2023 } }, plans.B.secretariat);
    expect(await lateness()).toEqual({ A: all(true), B: all(false), C: all(false) });
    await app.client.ok(APPROVE, { input: { planId: plans.B.id, year: 2023 } }, lbf);
    expect(await lateness()).toEqual({ A: all(true), B: all(false), C: all(false) });
  });

  it('is scoped as every figure: the area secretariat its plans, a plan’s users their own plan only', async () => {
    const areaRollup = (await app.client.ok(AREA, { id: areaSecretariatId }, area)).areaSecretariat.rollup;
    expect(areaRollup.plansNeedingAttention).toEqual([{ id: plans.A.id, rollup: { attentionReasons: ['LATE_REPORTS'] } }]);
    const ownView = (await app.client.ok(AREA, { id: areaSecretariatId }, plans.B.secretariat)).areaSecretariat.rollup;
    expect(ownView).toEqual({ plansNeedingAttention: [], lateReports: [] });
    expectError(await app.client.request(PLAN_LATENESS, { id: plans.A.id }, plans.B.secretariat), 'NOT_FOUND');
    expectError(await app.client.request(NATIONAL, { poolId }, plans.A.secretariat), 'FORBIDDEN');
  });

  it('gives the workbooks’ Plans sheet the same needsAttention and lateReports as GraphQL', async () => {
    // B late again, so that two plans need attention for their reports.
    await app.client.ok(RETURN, { input: { planId: plans.B.id, year: 2024, comment: 'Genåbnet' } }, lbf);
    const portfolio = await national();
    const expected = await Promise.all(
      Object.values(plans).map(async (plan) => {
        const { reportingPeriods } = (await app.client.ok(PLAN_LATENESS, { id: plan.id }, lbf)).plan;
        return {
          planId: plan.id,
          needsAttention: portfolio.plansNeedingAttention.some((p: any) => p.id === plan.id),
          lateReports: reportingPeriods.filter((p: { isLate: boolean }) => p.isLate).length,
        };
      }),
    );
    // By hand: A is late for 2023 and 2024 (and 2025 after 30 June 2026), B for 2024 alone, C never.
    const lateIn2025 = new Date().toISOString().slice(0, 10) > '2026-06-30' ? 1 : 0;
    expect(expected.map((e) => e.lateReports)).toEqual([2 + lateIn2025, 1, 0]);
    expect(expected.map((e) => e.needsAttention)).toEqual([true, true, false]);

    for (const [path, token] of [
      [`/exports/national.xlsx?poolId=${poolId}`, lbf],
      [`/exports/area-secretariats/${areaSecretariatId}.xlsx`, area],
    ] as const) {
      const download = await http(app.server.url, path, token);
      expect(download.status).toBe(200);
      const rows = sheetRows((await readWorkbook(download.body)).getWorksheet('Plans')!);
      const byPlan = new Map(rows.map((row) => [row.planId, { planId: row.planId, needsAttention: row.needsAttention, lateReports: row.lateReports }]));
      expect(expected.map((e) => byPlan.get(e.planId))).toEqual(expected);
    }
  });
});

describe('updateIndicator keeps the target on the indicator’s side of the baseline', () => {
  let token: string;
  let increase: string;
  let decrease: string;
  const INDICATOR = `query($id: ID!) { plan(id: $id) { goals { indicators { id baseline target revisions { reason } } } } }`;
  let planId: string;

  const update = (id: string, change: Record<string, unknown>) => app.client.request(UPDATE_INDICATOR, { input: { id, reason: 'Justeret', ...change } }, token);
  const current = async (id: string) => {
    const indicators = (await app.client.ok(INDICATOR, { id: planId }, token)).plan.goals.flatMap((g: any) => g.indicators);
    const { baseline, target, revisions } = indicators.find((i: any) => i.id === id);
    return { baseline, target, revisions: revisions.length };
  };

  beforeAll(async () => {
    planId = (await createPlan(app.client, app.adminToken, await refs())).id;
    token = (await userWithToken(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId })).token;
    const goal = await createGoal(app.client, token, { planId, kind: 'OVERALL' });
    increase = (await createIndicator(app.client, token, { goalId: goal.id, direction: 'INCREASE', baseline: 40, target: 60 })).id;
    decrease = (await createIndicator(app.client, token, { goalId: goal.id, direction: 'DECREASE', baseline: 24, target: 15 })).id;
  });

  it('refuses a result on the wrong side with BAD_USER_INPUT on target, whichever field moved, and stores no revision', async () => {
    expect(expectError(await update(increase, { target: 30 }), 'BAD_USER_INPUT', 'target').message).toBe(
      'target: 30 is below the baseline 40, but the indicator is to INCREASE',
    );
    expect(expectError(await update(increase, { baseline: 70 }), 'BAD_USER_INPUT', 'target').message).toBe(
      'target: 60 is below the baseline 70, but the indicator is to INCREASE',
    );
    expectError(await update(decrease, { target: 30 }), 'BAD_USER_INPUT', 'target');
    expect(expectError(await update(decrease, { baseline: 10 }), 'BAD_USER_INPUT', 'target').message).toBe(
      'target: 15 is above the baseline 10, but the indicator is to DECREASE',
    );
    expect([await current(increase), await current(decrease)]).toEqual([
      { baseline: 40, target: 60, revisions: 0 },
      { baseline: 24, target: 15, revisions: 0 },
    ]);
  });

  it('accepts both moved together, a target equal to the baseline, and any target once the baseline is gone', async () => {
    expect((await update(increase, { baseline: 70, target: 80 })).errors).toBeUndefined();
    expect((await update(increase, { target: 70 })).errors).toBeUndefined();
    expect((await update(increase, { baseline: null, baselineDate: null, target: 10 })).errors).toBeUndefined();
    expect(await current(increase)).toEqual({ baseline: null, target: 10, revisions: 3 });
  });
});
