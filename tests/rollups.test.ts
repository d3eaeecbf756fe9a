import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * One small portfolio whose every roll-up number is computed by hand below (docs/rollups.md walks
 * through the same plan). Dates are relative to today, so "stale" and "elapsed" stay true. Some
 * entries and measurements are retracted: they stay in the history and count in no figure.
 */
const today = todayUtc();
const day = (offset: number) => addDays(today, offset);

let app: TestApp;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id percentComplete status spent reportedOn } }`;
const MEASURE = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const RETRACT_ENTRY = `mutation($id: ID!, $reason: String!) { retractProgressEntry(id: $id, reason: $reason) { id } }`;
const RETRACT_MEASUREMENT = `mutation($id: ID!, $reason: String!) { retractMeasurement(id: $id, reason: $reason) { id } }`;

async function log(token: string, input: Record<string, unknown>) {
  return (await app.client.ok(LOG, { input }, token)).logProgress;
}

beforeAll(async () => {
  app = await startTestApp();
  const { client, adminToken: admin } = app;
  const pool = await createPool(client, admin, { focusAreas: ['F1 Uddannelse', 'F2 Beskæftigelse'] });
  const [f1, f2] = pool.focusAreas.map((f) => f.id);
  Object.assign(ids, { pool: pool.id, f1, f2 });
  const [m1, m2] = [await createMunicipality(client, admin), await createMunicipality(client, admin)];
  const housing = await createHousingOrganisation(client, admin);
  const area = await createAreaSecretariat(client, admin);
  Object.assign(ids, { m1: m1.id, m2: m2.id, area: area.id, housing: housing.id });
  const refs = { poolId: pool.id, housingOrganisationIds: [housing.id], areaSecretariatId: area.id };
  // Activities lie within their plan's dates.
  const planDates = { startDate: day(-500), endDate: day(500) };
  // P: share 2,000,000 / 8,000,000 = 0.25, exactly the minimum, so not below it.
  const p = await createPlan(client, admin, { ...refs, municipalityId: m1.id }, { ...planDates, lbfGrant: 6_000_000, localCofinancing: 2_000_000 });
  // Q: share 100,000 / 1,100,000 ≈ 0.0909, below the minimum 0.25.
  const q = await createPlan(client, admin, { ...refs, municipalityId: m2.id }, { ...planDates, lbfGrant: 1_000_000, localCofinancing: 100_000 });
  Object.assign(ids, { planStart: planDates.startDate, planEnd: planDates.endDate });
  Object.assign(ids, { p: p.id, q: q.id });

  const [sp, sq, areaUser, lbf, board] = await Promise.all([
    userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: p.id }),
    userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: q.id }),
    userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: area.id }),
    userWithToken(client, admin, 'LBF'),
    userWithToken(client, admin, 'BOARD_MEMBER', { planId: p.id }),
  ]);
  Object.assign(tokens, { p: sp.token, q: sq.token, area: areaUser.token, lbf: lbf.token, board: board.token });

  // Plan P: R ─ E1 ─ S1, and R ─ E2 (nobody serves E2, and it has no indicator).
  const R = await createGoal(client, tokens.p, { planId: p.id, kind: 'OVERALL', title: 'R' });
  const E1 = await createGoal(client, tokens.p, { planId: p.id, kind: 'EFFECT', parentId: R.id, title: 'E1' });
  const S1 = await createGoal(client, tokens.p, { planId: p.id, kind: 'SUB', parentId: E1.id, title: 'S1' });
  const E2 = await createGoal(client, tokens.p, { planId: p.id, kind: 'EFFECT', parentId: R.id, title: 'E2' });
  Object.assign(ids, { R: R.id, E1: E1.id, S1: S1.id, E2: E2.id });

  const started = { startDate: day(-400), endDate: day(400) };
  const A1 = await createActivity(client, tokens.p, { planId: p.id, ...started, budget: 100_000, status: 'ACTIVE', focusAreaId: f1 });
  const A2 = await createActivity(client, tokens.p, { planId: p.id, ...started, budget: 60_000, status: 'PLANNED', focusAreaId: f1 });
  const A3 = await createActivity(client, tokens.p, { planId: p.id, ...started, budget: 1_000_000, status: 'CANCELLED', focusAreaId: f1 });
  const A4 = await createActivity(client, tokens.p, { planId: p.id, ...started, budget: 30_000, status: 'ACTIVE', focusAreaId: f2 });
  Object.assign(ids, { A1: A1.id, A2: A2.id, A3: A3.id, A4: A4.id });
  await link(client, tokens.p, { activityId: A1.id, goalId: S1.id, weight: 2 }); // share 2/3
  await link(client, tokens.p, { activityId: A1.id, goalId: E1.id, weight: 1 }); // share 1/3
  await link(client, tokens.p, { activityId: A2.id, goalId: E1.id }); // share 1
  await link(client, tokens.p, { activityId: A3.id, goalId: S1.id }); // cancelled: counts nowhere
  // A4 serves no goal.

  const retractEntry = (id: string) => client.ok(RETRACT_ENTRY, { id, reason: 'Tastefejl' }, tokens.p);
  await log(tokens.p, { activityId: A1.id, reportedOn: day(-60), percentComplete: 20, spent: 10_000 });
  await log(tokens.p, { activityId: A1.id, reportedOn: day(-10), percentComplete: 40, spent: 20_000 });
  // A back-dated correction logged later is not the latest: latest is by reportedOn first.
  await log(tokens.p, { activityId: A1.id, reportedOn: day(-40), percentComplete: 30, spent: 15_000 });
  // A mistyped latest entry (a stray zero), retracted: the latest is day -10's again, not the back-dated one logged after it.
  const typo = await log(tokens.p, { activityId: A1.id, reportedOn: day(-5), percentComplete: 95, spent: 200_000 });
  await retractEntry(typo.id);
  // A2's only entry, retracted: A2 has no entries that count (progress null, counts 0, stale).
  const wrongActivity = await log(tokens.p, { activityId: A2.id, reportedOn: day(-3), percentComplete: 10, spent: 1_000 });
  await retractEntry(wrongActivity.id);
  // > 90 days old: stale. Spent 35,000 of a 30,000 budget: overspent.
  await log(tokens.p, { activityId: A4.id, reportedOn: day(-100), percentComplete: 50, spent: 35_000 });
  Object.assign(ids, { typo: typo.id, wrongActivity: wrongActivity.id });

  // Indicators: baseline a year ago, target a year ahead: elapsed share exactly 0.5, threshold 0.35.
  const span = { baselineDate: day(-365), targetDate: day(365) };
  const I1 = await createIndicator(client, tokens.p, { goalId: E1.id, direction: 'INCREASE', baseline: 40, target: 60, ...span });
  const I2 = await createIndicator(client, tokens.p, { goalId: S1.id, direction: 'DECREASE', baseline: 12, target: 8, ...span });
  const I3 = await createIndicator(client, tokens.p, { goalId: S1.id, direction: 'INCREASE', baseline: null, baselineDate: null, target: 5, targetDate: day(365) });
  const I4 = await createIndicator(client, tokens.p, { goalId: R.id, direction: 'INCREASE', baseline: 1, target: 2, ...span });
  const I5 = await createIndicator(client, tokens.p, { goalId: E1.id, direction: 'INCREASE', baseline: 10, target: 10, ...span });
  Object.assign(ids, { I1: I1.id, I2: I2.id, I3: I3.id, I4: I4.id, I5: I5.id });
  const measure = (indicatorId: string, measuredOn: string, value: number) =>
    client.ok(MEASURE, { input: { indicatorId, measuredOn, value } }, tokens.p);
  await measure(I1.id, day(-200), 45);
  await measure(I1.id, day(-30), 50); // latest: attainment (50-40)/(60-40) = 0.5 ≥ 0.35: ON_TRACK
  await measure(I1.id, day(-300), 44); // recorded last, measured earliest: not the latest
  // Mistyped (20 for 50) and retracted: it would have made I1 OFF_TRACK as its latest value.
  const typoMeasurement = (await measure(I1.id, day(-2), 20)).recordMeasurement;
  await client.ok(RETRACT_MEASUREMENT, { id: typoMeasurement.id, reason: 'Tastefejl: 50, ikke 20' }, tokens.p);
  Object.assign(ids, { typoMeasurement: typoMeasurement.id });
  await measure(I2.id, day(-30), 11.5); // (11.5-12)/(8-12) = 0.125 < 0.35: OFF_TRACK
  await measure(I3.id, day(-30), 3); // no baseline: NO_BASELINE despite the measurement
  // I4 has no measurement: NO_DATA
  await measure(I5.id, day(-30), 10); // target = baseline, met: attainment 1, ON_TRACK

  // Plan Q: one healthy goal and activity; its only warning is the co-financing share.
  const QR = await createGoal(client, tokens.q, { planId: q.id, kind: 'OVERALL', title: 'QR' });
  // 40 → 60 at 55: attainment 0.75 against a threshold of 0.35: ON_TRACK.
  const QI = await createIndicator(client, tokens.q, { goalId: QR.id, baseline: 40, target: 60, ...span });
  await client.ok(MEASURE, { input: { indicatorId: QI.id, measuredOn: day(-20), value: 55 } }, tokens.q);
  // No focus area: in withoutFocusArea, not in byFocusArea.
  const B1 = await createActivity(client, tokens.q, { planId: q.id, ...started, budget: 50_000, status: 'ACTIVE' });
  await link(client, tokens.q, { activityId: B1.id, goalId: QR.id });
  await log(tokens.q, { activityId: B1.id, reportedOn: day(-5), percentComplete: 80, spent: 10_000 });
  Object.assign(ids, { QR: QR.id, B1: B1.id });
});
afterAll(() => app?.stop());

const PLAN_PAGE = `query($id: ID!) { plan(id: $id) {
  rollup { activityCount progress budget spent cofinancingShare cofinancingBelowMinimum
    goalsWithoutActivities { id } activitiesWithoutGoals { id } goalsWithoutIndicators { id } staleActivities { id }
    overspentActivities { id } attentionReasons }
  goals { id rollup { activityCount progress budget spent indicatorCount indicatorsOnTrack }
    indicators { id attainment status latest { id value measuredOn } measurements { id value retraction { reason } } } }
  activities { id progress spent isStale latestProgress { id percentComplete reportedOn }
    progressEntries { id percentComplete retraction { reason by { id } } } }
} }`;

/**
 * Plan P's attention reasons, in the enum's order: E2 (no activity), A4 (no goal), E2 (no indicator),
 * A2 and A4 (stale), I2 (0.125 < 0.35: off track), A4 (35,000 of 30,000: overspent). Its co-financing
 * is exactly the minimum.
 */
const P_REASONS = [
  'GOALS_WITHOUT_ACTIVITIES',
  'ACTIVITIES_WITHOUT_GOALS',
  'GOALS_WITHOUT_INDICATORS',
  'STALE_ACTIVITIES',
  'INDICATORS_OFF_TRACK',
  'OVERSPENT_ACTIVITIES',
];

const PORTFOLIO_FIELDS = `planCount activityCount lbfGrant localCofinancing budget spent progress
  byFocusArea { focusArea { id } activityCount budget progress }
  withoutFocusArea { activityCount budget progress }
  byMunicipality { municipality { id } planCount lbfGrant progress }
  plansNeedingAttention { id rollup { attentionReasons } }`;

describe('plan roll-up, computed by hand', () => {
  let plan: any;
  beforeAll(async () => {
    plan = (await app.client.ok(PLAN_PAGE, { id: ids.p }, tokens.board)).plan;
  });
  const goal = (id: string) => plan.goals.find((g: any) => g.id === ids[id]);
  const activity = (id: string) => plan.activities.find((a: any) => a.id === ids[id]);
  const indicator = (id: string) => plan.goals.flatMap((g: any) => g.indicators).find((i: any) => i.id === ids[id]);

  it('takes activity progress and spend from the latest entry by reportedOn that is not retracted', () => {
    expect(activity('A1')).toMatchObject({ progress: 40, spent: 20_000, isStale: false, latestProgress: { percentComplete: 40, reportedOn: day(-10) } });
    // The history keeps the retracted entry, with its retraction.
    expect(activity('A1').progressEntries.map((e: any) => [e.percentComplete, e.retraction?.reason ?? null])).toEqual([
      [20, null],
      [30, null],
      [40, null],
      [95, 'Tastefejl'],
    ]);
    expect(activity('A2')).toMatchObject({ progress: null, spent: 0, isStale: true, latestProgress: null });
    expect(activity('A2').progressEntries).toEqual([{ id: ids.wrongActivity, percentComplete: 10, retraction: { reason: 'Tastefejl', by: { id: expect.any(String) } } }]);
    expect(activity('A4')).toMatchObject({ progress: 50, spent: 35_000, isStale: true });
    expect(activity('A3')).toMatchObject({ isStale: false });
  });

  it('weights each activity by its share of links into the goal subtree', () => {
    // S1: only A1, s = 2/3. Budget 2/3 × 100,000 = 66,666.67 → 66,667; spent 2/3 × 20,000 → 13,333.
    expect(goal('S1').rollup).toEqual({ activityCount: 1, progress: 40, budget: 66_667, spent: 13_333, indicatorCount: 2, indicatorsOnTrack: 0 });
    // E1 subtree {E1, S1}: A1 s = 1/3 + 2/3 = 1, A2 s = 1 (no entries: 0). (40 + 0) / 2 = 20.
    expect(goal('E1').rollup).toEqual({ activityCount: 2, progress: 20, budget: 160_000, spent: 20_000, indicatorCount: 4, indicatorsOnTrack: 2 });
    // R: the same two activities, each counted once; all five indicators.
    expect(goal('R').rollup).toEqual({ activityCount: 2, progress: 20, budget: 160_000, spent: 20_000, indicatorCount: 5, indicatorsOnTrack: 2 });
    expect(goal('E2').rollup).toEqual({ activityCount: 0, progress: null, budget: 0, spent: 0, indicatorCount: 0, indicatorsOnTrack: 0 });
  });

  it('computes indicator attainment and status, from the latest measurement that is not retracted', () => {
    expect(indicator('I1')).toMatchObject({ attainment: 0.5, status: 'ON_TRACK', latest: { value: 50, measuredOn: day(-30) } });
    // Oldest first, the retracted one (measured last) included.
    expect(indicator('I1').measurements.map((m: any) => [m.value, m.retraction?.reason ?? null])).toEqual([
      [44, null],
      [45, null],
      [50, null],
      [20, 'Tastefejl: 50, ikke 20'],
    ]);
    expect(indicator('I2')).toMatchObject({ attainment: 0.125, status: 'OFF_TRACK' });
    expect(indicator('I3')).toMatchObject({ attainment: null, status: 'NO_BASELINE', latest: { value: 3 } });
    expect(indicator('I4')).toMatchObject({ attainment: null, status: 'NO_DATA', latest: null });
    expect(indicator('I5')).toMatchObject({ attainment: 1, status: 'ON_TRACK' });
  });

  it('totals the plan over non-cancelled activities and lists its coherence warnings and reasons', () => {
    // A1 40, A2 0 (no entries that count), A4 50: mean 30. Budget 100,000 + 60,000 + 30,000.
    // Spent 20,000 + 0 + 35,000. A4 spent 35,000 of 30,000: overspent.
    expect(plan.rollup).toEqual({
      activityCount: 3,
      progress: 30,
      budget: 190_000,
      spent: 55_000,
      cofinancingShare: 0.25,
      cofinancingBelowMinimum: false,
      goalsWithoutActivities: [{ id: ids.E2 }],
      activitiesWithoutGoals: [{ id: ids.A4 }],
      goalsWithoutIndicators: [{ id: ids.E2 }],
      staleActivities: [{ id: ids.A2 }, { id: ids.A4 }],
      overspentActivities: [{ id: ids.A4 }],
      attentionReasons: P_REASONS,
    });
  });
});

describe('portfolio roll-ups', () => {
  // P: A1 40, A2 0, A4 50; Q: B1 80. Mean over the four activities = 42.5 (not the mean of plan means).
  // Spent 20,000 + 0 + 35,000 + 10,000 (the retracted entries count nowhere).
  const expected = () => ({
    planCount: 2,
    activityCount: 4,
    lbfGrant: 7_000_000,
    localCofinancing: 2_100_000,
    budget: 240_000,
    spent: 65_000,
    progress: 42.5,
    // F1 {A1, A2}, F2 {A4}, none {B1}: 2 + 1 + 1 activities, 160,000 + 30,000 + 50,000 = the total budget.
    byFocusArea: [
      { focusArea: { id: ids.f1 }, activityCount: 2, budget: 160_000, progress: 20 },
      { focusArea: { id: ids.f2 }, activityCount: 1, budget: 30_000, progress: 50 },
    ],
    withoutFocusArea: { activityCount: 1, budget: 50_000, progress: 80 },
    byMunicipality: expect.arrayContaining([
      { municipality: { id: ids.m1 }, planCount: 1, lbfGrant: 6_000_000, progress: 30 },
      { municipality: { id: ids.m2 }, planCount: 1, lbfGrant: 1_000_000, progress: 80 },
    ]),
    plansNeedingAttention: expect.arrayContaining([
      {
        id: ids.p,
        rollup: { attentionReasons: P_REASONS },
      },
      { id: ids.q, rollup: { attentionReasons: ['COFINANCING_BELOW_MINIMUM'] } },
    ]),
  });

  it('gives the area secretariat the roll-up of its plans', async () => {
    const data = await app.client.ok(`query($id: ID!) { areaSecretariat(id: $id) { rollup { ${PORTFOLIO_FIELDS} } } }`, { id: ids.area }, tokens.area);
    expect(data.areaSecretariat.rollup).toEqual(expected());
    expect(data.areaSecretariat.rollup.byMunicipality).toHaveLength(2);
    expect(data.areaSecretariat.rollup.plansNeedingAttention).toHaveLength(2);
  });

  it('gives LBF the same numbers nationally for this pool', async () => {
    const data = await app.client.ok(`query($pool: ID) { nationalRollup(poolId: $pool) { ${PORTFOLIO_FIELDS} } }`, { pool: ids.pool }, tokens.lbf);
    expect(data.nationalRollup).toEqual(expected());
    // Every plan's reasons are its plan roll-up's: the plan page says the same.
    const plans = await app.client.ok(`query($p: ID!, $q: ID!) { p: plan(id: $p) { rollup { attentionReasons } } q: plan(id: $q) { rollup { attentionReasons } } }`, { p: ids.p, q: ids.q }, tokens.lbf);
    const listed = Object.fromEntries(data.nationalRollup.plansNeedingAttention.map((plan: any) => [plan.id, plan.rollup.attentionReasons]));
    expect({ p: plans.p.rollup.attentionReasons, q: plans.q.rollup.attentionReasons }).toEqual({ p: listed[ids.p], q: listed[ids.q] });
  });

  it('keeps a plan secretariat to its own plan in every number', async () => {
    const national = await app.client.error(`{ nationalRollup { planCount } }`, {}, tokens.p);
    expect(national.extensions?.code).toBe('FORBIDDEN');
    const other = await app.client.error(`query($id: ID!) { plan(id: $id) { rollup { activityCount } } }`, { id: ids.q }, tokens.board);
    expect(other.extensions?.code).toBe('NOT_FOUND');
    const area = await app.client.ok(`query($id: ID!) { areaSecretariat(id: $id) { plans { id } rollup { planCount activityCount lbfGrant progress } } }`, { id: ids.area }, tokens.p);
    expect(area.areaSecretariat).toEqual({ plans: [{ id: ids.p }], rollup: { planCount: 1, activityCount: 3, lbfGrant: 6_000_000, progress: 30 } });
  });
});

describe('logProgress', () => {
  it('sets the activity status when one is given', async () => {
    const entry = await log(tokens.p, { activityId: ids.A2, reportedOn: today, percentComplete: 5, status: 'ACTIVE' });
    expect(entry.status).toBe('ACTIVE');
    const data = await app.client.ok(`query($id: ID!) { activity(id: $id) { status version progress isStale } }`, { id: ids.A2 }, tokens.p);
    expect(data.activity).toEqual({ status: 'ACTIVE', version: 2, progress: 5, isStale: false });
  });

  it('stores an entry once when the same idempotency key races, and refuses the key with other figures', async () => {
    const activity = await createActivity(app.client, tokens.p, { planId: ids.p, startDate: day(-30), endDate: day(30) });
    const input = { activityId: activity.id, reportedOn: today, percentComplete: 10, idempotencyKey: 'week-48' };
    const results = await Promise.all(Array.from({ length: 10 }, () => log(tokens.p, input)));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    const replay = await log(tokens.p, input);
    expect(replay).toEqual(results[0]);
    const corrected = await app.client.error(LOG, { input: { ...input, percentComplete: 99 } }, tokens.p);
    expect(corrected.extensions).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey' });
    const data = await app.client.ok(`query($id: ID!) { activity(id: $id) { progressEntries { id } progress } }`, { id: activity.id }, tokens.p);
    expect(data.activity).toEqual({ progressEntries: [{ id: results[0].id }], progress: 10 });
  });

  it('refuses bad input naming the field, and stores nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ percentComplete: 101 }, 'percentComplete'],
      [{ percentComplete: -1 }, 'percentComplete'],
      [{ spent: -5 }, 'spent'],
      [{ participantsReached: -1 }, 'participantsReached'],
      [{ reportedOn: day(8) }, 'reportedOn'],
      [{ reportedOn: day(-401) }, 'reportedOn'],
    ];
    for (const [change, field] of cases) {
      const error = await app.client.error(LOG, { input: { activityId: ids.A4, reportedOn: today, percentComplete: 50, ...change } }, tokens.p);
      expect({ field, code: error.extensions?.code, named: error.message.includes(field) }).toEqual({ field, code: 'BAD_USER_INPUT', named: true });
    }
    const cancelled = await app.client.error(LOG, { input: { activityId: ids.A3, reportedOn: today, percentComplete: 50 } }, tokens.p);
    expect(cancelled.extensions?.code).toBe('BAD_USER_INPUT');
    const data = await app.client.ok(`query($id: ID!) { activity(id: $id) { progressEntries { id } } }`, { id: ids.A4 }, tokens.p);
    expect(data.activity.progressEntries).toHaveLength(1);
  });

  it('lets only the plan’s project secretariat and ADMIN log', async () => {
    const input = { activityId: ids.A1, reportedOn: today, percentComplete: 45 };
    for (const token of [tokens.board, tokens.area, tokens.lbf]) {
      expect((await app.client.error(LOG, { input }, token)).extensions?.code).toBe('FORBIDDEN');
    }
    expect((await app.client.error(LOG, { input }, tokens.q)).extensions?.code).toBe('NOT_FOUND');
  });
});

describe('roll-ups cost a fixed number of SQL statements', () => {
  const PAGE_WITH_ROLLUPS = `query($id: ID!) { plan(id: $id) {
    rollup { activityCount progress goalsWithoutActivities { id } staleActivities { id } overspentActivities { id } attentionReasons }
    goals { rollup { activityCount progress budget indicatorsOnTrack } indicators { status attainment latest { value } } }
    activities { progress spent isStale latestProgress { id } }
  } }`;

  it('is the same for a plan page of one goal and one of four, and for the national roll-up as data grows', async () => {
    const small = await app.client.warm(PAGE_WITH_ROLLUPS, { id: ids.q }, tokens.lbf);
    const large = await app.client.warm(PAGE_WITH_ROLLUPS, { id: ids.p }, tokens.lbf);
    const national = `{ nationalRollup { ${PORTFOLIO_FIELDS} } }`;
    const before = await app.client.warm(national, {}, tokens.lbf);
    // A third plan with goals, activities and entries: more data, the same statements.
    const extra = await createPlan(
      app.client,
      app.adminToken,
      { poolId: ids.pool, municipalityId: ids.m2, housingOrganisationIds: [ids.housing] },
      { startDate: ids.planStart, endDate: ids.planEnd },
    );
    const goal = await createGoal(app.client, app.adminToken, { planId: extra.id, kind: 'OVERALL' });
    for (let i = 0; i < 3; i++) {
      const activity = await createActivity(app.client, app.adminToken, { planId: extra.id, startDate: day(-30), endDate: day(30), focusAreaId: ids.f1 });
      await link(app.client, app.adminToken, { activityId: activity.id, goalId: goal.id });
      await log(app.adminToken, { activityId: activity.id, reportedOn: today, percentComplete: 10 * i });
    }
    const after = await app.client.warm(national, {}, tokens.lbf);
    console.log(`statements: plan page ${small.statements} (small) / ${large.statements} (large); national ${before.statements} / ${after.statements}`);
    expect(small.errors).toBeUndefined();
    expect(small.statements).toBeGreaterThan(0);
    expect(large.statements).toBe(small.statements);
    expect(after.statements).toBe(before.statements);
    expect(after.data!.nationalRollup.planCount).toBeGreaterThan(before.data!.nationalRollup.planCount);
  });
});
