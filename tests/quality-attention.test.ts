import pg from 'pg';
import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { submitLateReports } from './factories/reporting.factory.js';
import { unique } from './factories/unique.js';
import { userWithToken } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';

/**
 * Attention with reasons (issue 10): one plan built to have each reason alone, a healthy one, and
 * the portfolio that lists them. Every plan here is ACTIVE from day -500, so the report of its first
 * year may be overdue (LATE_REPORTS, from the reporting issue's periods): each plan submits its late
 * reports when it is built, but for the one whose reason that is. tests/reporting-quality.test.ts
 * follows LATE_REPORTS through the report cycle.
 */
let app: TestApp;
let db: pg.Client;

const today = todayUtc();
const day = (offset: number) => addDays(today, offset);

const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;
const MEASURE = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const UPDATE_ACTIVITY = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { version } }`;
const UNLINK = `mutation($a: ID!, $g: ID!) { unlinkActivityFromGoal(activityId: $a, goalId: $g) }`;
const RETRACT = `mutation($id: ID!) { retractProgressEntry(id: $id, reason: "Forkert beløb") { id } }`;
const PLAN_ROLLUP = `query($id: ID!) { plan(id: $id) { rollup {
  attentionReasons overspentActivities { id } goalsWithoutActivities { id } activitiesWithoutGoals { id }
  goalsWithoutIndicators { id } staleActivities { id } cofinancingBelowMinimum } } }`;
const ATTENTION = `plansNeedingAttention { id title rollup { attentionReasons } }`;

interface BuiltPlan {
  id: string;
  title: string;
  token: string;
  root: string;
  leaf: string;
  activity: string;
  entry: string;
}

const refs: Record<string, string> = {};
const plans: Record<string, BuiltPlan> = {};
const prefix = unique('Opmærksomhed');
let lbf: string;
let areaToken: string;

/**
 * A healthy plan: co-financing exactly the minimum (1,000,000 of 4,000,000), a root goal with one
 * child, the child served by an ACTIVE activity (focus area F1, reported 5 days ago, 20,000 of
 * 100,000 spent) and measured on track (40 → 60 at 55: 0.75 against 0.35). The root has neither a
 * link nor an indicator of its own: its subtree has both, so it is no warning. Its overdue annual
 * reports are submitted, so it has no late report; with `late` it starts 800 days ago and submits
 * none, so the report of its first year (due 30 June of the next year, at least 254 days ago) is late.
 */
async function healthyPlan(key: string, money = { lbfGrant: 3_000_000, localCofinancing: 1_000_000 }, { late = false } = {}): Promise<BuiltPlan> {
  const { client } = app;
  const plan = await createPlan(
    client,
    app.adminToken,
    { poolId: refs.pool, municipalityId: refs.municipality, housingOrganisationIds: [refs.housing], areaSecretariatId: refs.area },
    { title: `${prefix} ${key}`, startDate: day(late ? -800 : -500), endDate: day(500), ...money },
  );
  const { token } = await userWithToken(client, app.adminToken, 'PROJECT_SECRETARIAT', { planId: plan.id });
  // Before anything is written: what follows is dated within the last 100 days, never in a late year.
  if (!late) await submitLateReports(client, token, plan.id);
  const root = await createGoal(client, token, { planId: plan.id, kind: 'OVERALL' });
  const leaf = await createGoal(client, token, { planId: plan.id, kind: 'EFFECT', parentId: root.id });
  const indicator = await createIndicator(client, token, { goalId: leaf.id, baseline: 40, target: 60, baselineDate: day(-365), targetDate: day(365) });
  await client.ok(MEASURE, { input: { indicatorId: indicator.id, measuredOn: day(-10), value: 55 } }, token);
  const activity = await createActivity(client, token, { planId: plan.id, status: 'ACTIVE', startDate: day(-400), endDate: day(400), budget: 100_000, focusAreaId: refs.f1 });
  await link(client, token, { activityId: activity.id, goalId: leaf.id });
  const entry = (await client.ok(LOG, { input: { activityId: activity.id, reportedOn: day(-5), percentComplete: 50, spent: 20_000 } }, token)).logProgress.id;
  return { id: plan.id, title: plan.title, token, root: root.id, leaf: leaf.id, activity: activity.id, entry };
}

async function reasons(planId: string, token = lbf) {
  return (await app.client.ok(PLAN_ROLLUP, { id: planId }, token)).plan.rollup;
}

/** The link counts on the rows, against the links themselves: they must never drift. */
async function countsDrift(planId: string): Promise<unknown[]> {
  const { rows } = await db.query(
    `SELECT 'activity' AS kind, a.id, a.goal_link_count AS kept, (SELECT count(*)::int FROM activity_goal_links l WHERE l.activity_id = a.id) AS actual
       FROM activities a WHERE a.plan_id = $1
     UNION ALL
     SELECT 'goal', g.id, g.live_link_count,
            (SELECT count(*)::int FROM activity_goal_links l JOIN activities a ON a.id = l.activity_id
              WHERE l.goal_id = g.id AND a.status <> 'CANCELLED')
       FROM goals g WHERE g.plan_id = $1`,
    [planId],
  );
  return rows.filter((r) => r.kept !== r.actual);
}

beforeAll(async () => {
  app = await startTestApp();
  const { client, adminToken: admin } = app;
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  const pool = await createPool(client, admin, { focusAreas: ['F1', 'F2'] });
  const [municipality, housing, area] = [await createMunicipality(client, admin), await createHousingOrganisation(client, admin), await createAreaSecretariat(client, admin)];
  Object.assign(refs, { pool: pool.id, f1: pool.focusAreas[0].id, municipality: municipality.id, housing: housing.id, area: area.id });
  lbf = (await userWithToken(client, admin, 'LBF')).token;
  areaToken = (await userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: area.id })).token;

  // Titles sort in this order: the portfolio lists plans by title.
  plans.healthy = await healthyPlan('01 sund');

  // A second child goal nobody serves (it has an indicator, so only the activity reason).
  plans.goalsWithoutActivities = await healthyPlan('02 mål uden aktiviteter');
  {
    const p = plans.goalsWithoutActivities;
    const unserved = await createGoal(client, p.token, { planId: p.id, kind: 'EFFECT', parentId: p.root });
    const i = await createIndicator(client, p.token, { goalId: unserved.id, baseline: 40, target: 60, baselineDate: day(-365), targetDate: day(365) });
    await client.ok(MEASURE, { input: { indicatorId: i.id, measuredOn: day(-10), value: 55 } }, p.token);
    refs.unservedGoal = unserved.id;
  }

  // A second activity that serves no goal (reported on time, within budget).
  plans.activitiesWithoutGoals = await healthyPlan('03 aktiviteter uden mål');
  {
    const p = plans.activitiesWithoutGoals;
    const loose = await createActivity(client, p.token, { planId: p.id, status: 'ACTIVE', startDate: day(-400), endDate: day(400), budget: 40_000 });
    await client.ok(LOG, { input: { activityId: loose.id, reportedOn: day(-3), percentComplete: 30, spent: 4_000 } }, p.token);
    refs.looseActivity = loose.id;
  }

  // A grandchild goal, served, but without an indicator anywhere in its subtree.
  plans.goalsWithoutIndicators = await healthyPlan('04 mål uden indikatorer');
  {
    const p = plans.goalsWithoutIndicators;
    const sub = await createGoal(client, p.token, { planId: p.id, kind: 'SUB', parentId: p.leaf });
    await link(client, p.token, { activityId: p.activity, goalId: sub.id });
    refs.unindicatedGoal = sub.id;
  }

  // The activity's last entry is 100 days old (the interval is 90): the healthy one's is retracted.
  plans.stale = await healthyPlan('05 forsinket');
  {
    const p = plans.stale;
    await client.ok(LOG, { input: { activityId: p.activity, reportedOn: day(-100), percentComplete: 40, spent: 15_000 } }, p.token);
    await client.ok(RETRACT, { id: p.entry }, p.token);
  }

  // 999,999 of 3,999,999 < 0.25.
  plans.cofinancing = await healthyPlan('06 medfinansiering', { lbfGrant: 3_000_000, localCofinancing: 999_999 });

  // A second indicator, off track: DECREASE 12 → 8 at 11.5 is 0.125 against 0.35.
  plans.offTrack = await healthyPlan('07 indikator');
  {
    const p = plans.offTrack;
    const i = await createIndicator(client, p.token, { goalId: p.leaf, direction: 'DECREASE', baseline: 12, target: 8, baselineDate: day(-365), targetDate: day(365) });
    await client.ok(MEASURE, { input: { indicatorId: i.id, measuredOn: day(-2), value: 11.5 } }, p.token);
  }

  // 100,001 spent of 100,000.
  plans.overspent = await healthyPlan('08 overforbrug');
  {
    const p = plans.overspent;
    refs.overspendingEntry = (await client.ok(LOG, { input: { activityId: p.activity, reportedOn: day(-1), percentComplete: 90, spent: 100_001 } }, p.token)).logProgress.id;
  }

  // Its first year's report is overdue (and the later ones may be).
  plans.late = await healthyPlan('08 sen rapport', undefined, { late: true });
}, 180_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('attentionReasons on the plan roll-up', () => {
  it.each([
    ['healthy', []],
    ['goalsWithoutActivities', ['GOALS_WITHOUT_ACTIVITIES']],
    ['activitiesWithoutGoals', ['ACTIVITIES_WITHOUT_GOALS']],
    ['goalsWithoutIndicators', ['GOALS_WITHOUT_INDICATORS']],
    ['stale', ['STALE_ACTIVITIES']],
    ['cofinancing', ['COFINANCING_BELOW_MINIMUM']],
    ['offTrack', ['INDICATORS_OFF_TRACK']],
    ['overspent', ['OVERSPENT_ACTIVITIES']],
    ['late', ['LATE_REPORTS']],
  ])('%s: %j', async (key, expected) => {
    const rollup = await reasons(plans[key].id);
    expect(rollup.attentionReasons).toEqual(expected);
    // Each reason with a list has a non-empty list exactly when the reason holds.
    const lists: [string, string][] = [
      ['GOALS_WITHOUT_ACTIVITIES', 'goalsWithoutActivities'],
      ['ACTIVITIES_WITHOUT_GOALS', 'activitiesWithoutGoals'],
      ['GOALS_WITHOUT_INDICATORS', 'goalsWithoutIndicators'],
      ['STALE_ACTIVITIES', 'staleActivities'],
      ['OVERSPENT_ACTIVITIES', 'overspentActivities'],
    ];
    for (const [reason, list] of lists) expect({ reason, listed: rollup[list].length > 0 }).toEqual({ reason, listed: expected.includes(reason) });
    expect(rollup.cofinancingBelowMinimum).toBe(expected.includes('COFINANCING_BELOW_MINIMUM'));
  });

  it('names the goals and activities behind each reason', async () => {
    expect((await reasons(plans.goalsWithoutActivities.id)).goalsWithoutActivities).toEqual([{ id: refs.unservedGoal }]);
    expect((await reasons(plans.activitiesWithoutGoals.id)).activitiesWithoutGoals).toEqual([{ id: refs.looseActivity }]);
    expect((await reasons(plans.goalsWithoutIndicators.id)).goalsWithoutIndicators).toEqual([{ id: refs.unindicatedGoal }]);
    expect((await reasons(plans.overspent.id)).overspentActivities).toEqual([{ id: plans.overspent.activity }]);
    expect((await reasons(plans.stale.id)).staleActivities).toEqual([{ id: plans.stale.activity }]);
  });

  it('follows a retraction: the overspending entry withdrawn, the activity is within budget again', async () => {
    const p = await healthyPlan('09 rettet overforbrug');
    const overspending = (await app.client.ok(LOG, { input: { activityId: p.activity, reportedOn: day(-1), percentComplete: 60, spent: 1_000_000 } }, p.token)).logProgress.id;
    expect((await reasons(p.id)).attentionReasons).toEqual(['OVERSPENT_ACTIVITIES']);
    await app.client.ok(RETRACT, { id: overspending }, p.token);
    expect(await reasons(p.id)).toMatchObject({ attentionReasons: [], overspentActivities: [] });
  });

  it('counts a goal served only by a cancelled activity as unserved, and follows the status and the links', async () => {
    const p = await healthyPlan('10 aflyst');
    await app.client.ok(UPDATE_ACTIVITY, { input: { id: p.activity, expectedVersion: 1, status: 'CANCELLED' } }, p.token);
    expect(await reasons(p.id)).toMatchObject({ attentionReasons: ['GOALS_WITHOUT_ACTIVITIES'], activitiesWithoutGoals: [] });
    expect(await countsDrift(p.id)).toEqual([]);
    await app.client.ok(UPDATE_ACTIVITY, { input: { id: p.activity, expectedVersion: 2, status: 'ACTIVE' } }, p.token);
    expect((await reasons(p.id)).attentionReasons).toEqual([]);
    await app.client.ok(UNLINK, { a: p.activity, g: p.leaf }, p.token);
    expect((await reasons(p.id)).attentionReasons).toEqual(['GOALS_WITHOUT_ACTIVITIES', 'ACTIVITIES_WITHOUT_GOALS']);
    expect(await countsDrift(p.id)).toEqual([]);
    // A status set by logProgress crosses CANCELLED too.
    await link(app.client, p.token, { activityId: p.activity, goalId: p.leaf });
    await app.client.ok(LOG, { input: { activityId: p.activity, reportedOn: day(0), percentComplete: 60, status: 'CANCELLED' } }, p.token);
    expect((await reasons(p.id)).attentionReasons).toEqual(['GOALS_WITHOUT_ACTIVITIES']);
    expect(await countsDrift(p.id)).toEqual([]);
    const { rows } = await db.query('SELECT goal_link_count FROM activities WHERE id = $1', [p.activity]);
    expect(rows[0].goal_link_count).toBe(1);
  });

  it('keeps the link counts right when links and cancellations race', async () => {
    const p = await healthyPlan('11 kapløb');
    const goals = await Promise.all([1, 2, 3].map(() => createGoal(app.client, p.token, { planId: p.id, kind: 'SUB', parentId: p.leaf })));
    for (let round = 0; round < 4; round++) {
      const status = round % 2 === 0 ? 'CANCELLED' : 'ACTIVE';
      await Promise.all([
        app.client.request(UPDATE_ACTIVITY, { input: { id: p.activity, expectedVersion: round + 1, status } }, p.token),
        ...goals.map((g) =>
          round % 2 === 0
            ? app.client.request(`mutation($input: LinkActivityInput!) { linkActivityToGoal(input: $input) { weight } }`, { input: { activityId: p.activity, goalId: g.id } }, p.token)
            : app.client.request(UNLINK, { a: p.activity, g: g.id }, p.token),
        ),
      ]);
      expect({ round, drift: await countsDrift(p.id) }).toEqual({ round, drift: [] });
    }
  });
});

describe('plansNeedingAttention', () => {
  const needy = () =>
    ['goalsWithoutActivities', 'activitiesWithoutGoals', 'goalsWithoutIndicators', 'stale', 'cofinancing', 'offTrack', 'overspent', 'late'].map((key) => ({
      id: plans[key].id,
      title: plans[key].title,
      rollup: { attentionReasons: expect.any(Array) },
    }));

  it('lists every plan with a reason, by title, each with the reasons its plan roll-up gives', async () => {
    const { nationalRollup } = await app.client.ok(`query($pool: ID) { nationalRollup(poolId: $pool) { ${ATTENTION} } }`, { pool: refs.pool }, lbf);
    const listed = nationalRollup.plansNeedingAttention.filter((p: any) => p.title.startsWith(prefix) && !/ (09|10|11) /.test(p.title));
    expect(listed).toEqual(needy());
    for (const plan of listed) expect(plan.rollup.attentionReasons).toEqual((await reasons(plan.id)).attentionReasons);
    expect(nationalRollup.plansNeedingAttention.map((p: any) => p.id)).not.toContain(plans.healthy.id);
  });

  it('gives the area secretariat the same list, and a plan’s own users only their own plan', async () => {
    const query = `query($id: ID!) { areaSecretariat(id: $id) { rollup { ${ATTENTION} } } }`;
    const area = (await app.client.ok(query, { id: refs.area }, areaToken)).areaSecretariat.rollup.plansNeedingAttention;
    expect(area.filter((p: any) => !/ (09|10|11) /.test(p.title))).toEqual(needy());
    expect((await app.client.ok(query, { id: refs.area }, plans.offTrack.token)).areaSecretariat.rollup.plansNeedingAttention).toEqual([
      { id: plans.offTrack.id, title: plans.offTrack.title, rollup: { attentionReasons: ['INDICATORS_OFF_TRACK'] } },
    ]);
    expect((await app.client.ok(query, { id: refs.area }, plans.healthy.token)).areaSecretariat.rollup.plansNeedingAttention).toEqual([]);
    // Another plan's roll-up is out of reach.
    const foreign = await app.client.request(PLAN_ROLLUP, { id: plans.offTrack.id }, plans.healthy.token);
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('costs the same statements with its reasons as without, however many plans need attention', async () => {
    const query = `query($pool: ID) { nationalRollup(poolId: $pool) { planCount ${ATTENTION} } }`;
    const bare = await app.client.warm(`query($pool: ID) { nationalRollup(poolId: $pool) { planCount plansNeedingAttention { id title } } }`, { pool: refs.pool }, lbf);
    const before = await app.client.warm(query, { pool: refs.pool }, lbf);
    await healthyPlan('12 ekstra', { lbfGrant: 1_000_000, localCofinancing: 0 });
    await healthyPlan('13 ekstra', { lbfGrant: 1_000_000, localCofinancing: 0 });
    const after = await app.client.warm(query, { pool: refs.pool }, lbf);
    console.log(`plansNeedingAttention statements: ${bare.statements} without reasons, ${before.statements} / ${after.statements} with`);
    expect(after.data!.nationalRollup.plansNeedingAttention.length).toBe(before.data!.nationalRollup.plansNeedingAttention.length + 2);
    expect(before.statements).toBe(bare.statements);
    expect(after.statements).toBe(before.statements);
    // The pool (does it exist), the portfolio, the plans needing attention with their reasons, those plans.
    expect(before.statements).toBe(4 + SESSION_CHECK_STATEMENTS);
  });
});

describe('withoutFocusArea', () => {
  it('holds the activities without a focus area, so that the breakdown adds up to the totals', async () => {
    const { nationalRollup: r } = await app.client.ok(
      `query($pool: ID) { nationalRollup(poolId: $pool) { activityCount budget progress
        byFocusArea { focusArea { id } activityCount budget progress } withoutFocusArea { activityCount budget progress } } }`,
      { pool: refs.pool },
      lbf,
    );
    // Every plan's activity has F1, but for plan 03's second one: 40,000 budget at 30 %.
    expect(r.withoutFocusArea).toEqual({ activityCount: 1, budget: 40_000, progress: 30 });
    expect(r.byFocusArea).toEqual([{ focusArea: { id: refs.f1 }, activityCount: r.activityCount - 1, budget: r.budget - 40_000, progress: expect.any(Number) }]);
    const [f1] = r.byFocusArea;
    // The means weigh by their counts into the total mean.
    expect((f1.progress * f1.activityCount + 30) / r.activityCount).toBeCloseTo(r.progress, 9);
  });

  it('is zero, with no progress, where every activity has a focus area', async () => {
    const { areaSecretariat } = await app.client.ok(`query($id: ID!) { areaSecretariat(id: $id) { rollup { withoutFocusArea { activityCount budget progress } } } }`, { id: refs.area }, plans.healthy.token);
    expect(areaSecretariat.rollup.withoutFocusArea).toEqual({ activityCount: 0, budget: 0, progress: null });
  });
});
