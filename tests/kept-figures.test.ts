import pg from 'pg';
import { addDays, todayUtc } from '../src/common/clock.js';
import { liveActivityGroupsSql } from '../src/rollups/portfolio.repository.js';
import { activityFlagsCte, indicatorFiguresCte, planAttentionCtes } from '../src/rollups/rollup-sql.js';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { expectError } from './helpers/expect-error.js';
import { importFile, workbookOf } from './helpers/spreadsheets.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The kept figures (migrations/1764800000000-PlanFigures.ts: plan_figures, activities.stale_after,
 * goals.child_count and indicator_count) against the live SQL they replace, after every kind of
 * write, sequential and concurrent: every column of every row, for every plan of the database. And
 * the national roll-up's plansNeedingAttention, now read from them, against the statement it used to
 * be (the activity rows, the indicators' figures and the goal-table pass of rollup-sql.ts).
 */
let app: TestApp;
let db: pg.Client;
const today = todayUtc();
const day = (offset: number) => addDays(today, offset);

const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;
const RETRACT = `mutation($id: ID!) { retractProgressEntry(id: $id, reason: "Forkert beløb") { id } }`;
const MEASURE = `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }`;
const RETRACT_MEASUREMENT = `mutation($id: ID!) { retractMeasurement(id: $id, reason: "Forkert år") { id } }`;
const UPDATE_ACTIVITY = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { version } }`;
const UPDATE_GOAL = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }`;
const UPDATE_INDICATOR = `mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id } }`;
const UPDATE_PLAN = `mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }`;
const UNLINK = `mutation($a: ID!, $g: ID!) { unlinkActivityFromGoal(activityId: $a, goalId: $g) }`;
const NATIONAL = `{ nationalRollup { planCount activityCount budget spent progress
  byFocusArea { focusArea { id } activityCount budget progress }
  withoutFocusArea { activityCount budget progress }
  plansNeedingAttention { id rollup { attentionReasons } } } }`;

const refs: Record<string, string> = {};
let lbf: string;
let token: string;
let planId: string;
let otherPlanId: string;

/** Every kept row that differs from the live SQL (an empty list: they agree). */
async function drift(): Promise<unknown[]> {
  const problems: unknown[] = [];
  const groups = await db.query(
    `WITH live AS (${liveActivityGroupsSql}),
          kept AS (SELECT plan_id, focus_area_id, activity_count, budget, spent, progress_sum, without_goals_count, overspent_count
                     FROM plan_figures WHERE activity_count > 0)
     (SELECT 'live only' AS side, * FROM (SELECT * FROM live EXCEPT ALL SELECT * FROM kept) x)
     UNION ALL
     (SELECT 'kept only', * FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM live) y)`,
  );
  problems.push(...groups.rows);
  // An emptied group must be all zeros, not a residue.
  const residue = await db.query(
    `SELECT 'residue' AS side, * FROM plan_figures
      WHERE activity_count = 0 AND (budget, spent, progress_sum, without_goals_count, overspent_count) <> (0, 0, 0, 0, 0)`,
  );
  problems.push(...residue.rows);
  const stale = await db.query(
    `SELECT 'stale_after' AS side, a.id, a.stale_after, greatest(a.start_date, a.latest_reported_on + p.reporting_interval_days) AS live
       FROM activities a JOIN plans p ON p.id = a.plan_id
      WHERE a.stale_after IS DISTINCT FROM greatest(a.start_date, a.latest_reported_on + p.reporting_interval_days)`,
  );
  problems.push(...stale.rows);
  const goals = await db.query(
    `SELECT 'goal counts' AS side, g.id, g.child_count, g.indicator_count,
            (SELECT count(*)::int FROM goals c WHERE c.parent_id = g.id) AS children,
            (SELECT count(*)::int FROM indicators i WHERE i.goal_id = g.id) AS indicators
       FROM goals g
      WHERE g.child_count <> (SELECT count(*) FROM goals c WHERE c.parent_id = g.id)
         OR g.indicator_count <> (SELECT count(*) FROM indicators i WHERE i.goal_id = g.id)`,
  );
  problems.push(...goals.rows);
  return problems;
}

/** The national plansNeedingAttention as the live statement computed it before the kept figures. */
async function liveAttention(): Promise<{ planId: string; reasons: string[] }[]> {
  const everyPlan = () => 'true';
  const { rows } = await db.query(
    `WITH
     ${activityFlagsCte(everyPlan, '$1')},
     ${indicatorFiguresCte('true', '$1', { details: false })},
     ${planAttentionCtes(everyPlan, '$1')}
     SELECT plan_id AS "planId", reasons FROM plan_attention WHERE cardinality(reasons) > 0 ORDER BY title, plan_id`,
    [today],
  );
  return rows;
}

/** The portfolio totals computed from the activity rows. */
async function liveTotals() {
  const { rows } = await db.query(
    `SELECT count(*)::int AS activity_count, coalesce(sum(budget), 0)::text AS budget,
            coalesce(sum(coalesce(latest_spent, 0)), 0)::text AS spent,
            avg(coalesce(latest_percent_complete, 0))::float8 AS progress
       FROM activities WHERE status <> 'CANCELLED'`,
  );
  return rows[0];
}

/** The kept figures equal the live SQL, and so does what the national roll-up answers from them. */
async function expectKeptEqualsLive(): Promise<void> {
  expect(await drift()).toEqual([]);
  const national = (await app.client.ok(NATIONAL, {}, lbf)).nationalRollup;
  const live = await liveTotals();
  expect({ activityCount: national.activityCount, budget: String(national.budget), spent: String(national.spent) }).toEqual({
    activityCount: live.activity_count,
    budget: live.budget,
    spent: live.spent,
  });
  if (live.progress === null) expect(national.progress).toBeNull();
  else expect(national.progress).toBeCloseTo(live.progress, 9);
  expect(national.plansNeedingAttention.map((p: any) => ({ planId: p.id, reasons: p.rollup.attentionReasons }))).toEqual(await liveAttention());
}

async function log(activityId: string, input: Record<string, unknown>): Promise<string> {
  return (await app.client.ok(LOG, { input: { activityId, ...input } }, token)).logProgress.id;
}

async function version(activityId: string): Promise<number> {
  return (await db.query('SELECT version FROM activities WHERE id = $1', [activityId])).rows[0].version;
}

beforeAll(async () => {
  app = await startTestApp({}, { poolSize: 8 });
  const { client, adminToken: admin } = app;
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  const pool = await createPool(client, admin, { focusAreas: ['F1', 'F2'] });
  const [municipality, housing, area] = [await createMunicipality(client, admin), await createHousingOrganisation(client, admin), await createAreaSecretariat(client, admin)];
  Object.assign(refs, { f1: pool.focusAreas[0].id, f2: pool.focusAreas[1].id, pool: pool.id });
  const planRefs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housing.id], areaSecretariatId: area.id };
  const plan = await createPlan(client, admin, planRefs, { startDate: day(-500), endDate: day(500) });
  const other = await createPlan(client, admin, planRefs, { startDate: day(-500), endDate: day(500) });
  planId = plan.id;
  otherPlanId = other.id;
  token = (await userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId })).token;
  refs.otherToken = (await userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: otherPlanId })).token;
  lbf = (await userWithToken(client, admin, 'LBF')).token;
});

afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('kept figures', () => {
  it('follow goals and indicators: created, moved, measured, retracted, revised', async () => {
    const { client } = app;
    await expectKeptEqualsLive();
    const root = await createGoal(client, token, { planId, kind: 'OVERALL' });
    await expectKeptEqualsLive();
    const leaf = await createGoal(client, token, { planId, kind: 'EFFECT', parentId: root.id });
    const other = await createGoal(client, token, { planId, kind: 'EFFECT', parentId: root.id });
    Object.assign(refs, { root: root.id, leaf: leaf.id, otherLeaf: other.id });
    await expectKeptEqualsLive();
    // Moved under its sibling: the root loses a child, the sibling gains one.
    await client.ok(UPDATE_GOAL, { input: { id: other.id, parentId: leaf.id } }, token);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_GOAL, { input: { id: other.id, parentId: root.id } }, token);
    const indicator = await createIndicator(client, token, { goalId: leaf.id, baseline: 40, target: 60, baselineDate: day(-365), targetDate: day(365) });
    refs.indicator = indicator.id;
    await expectKeptEqualsLive();
    const good = (await client.ok(MEASURE, { input: { indicatorId: indicator.id, measuredOn: day(-10), value: 55 } }, token)).recordMeasurement.id;
    await expectKeptEqualsLive();
    // A later, poor value puts it off track; retracting it brings the good one back.
    const poor = (await client.ok(MEASURE, { input: { indicatorId: indicator.id, measuredOn: day(-2), value: 41 } }, token)).recordMeasurement.id;
    await expectKeptEqualsLive();
    await client.ok(RETRACT_MEASUREMENT, { id: poor }, token);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_INDICATOR, { input: { id: indicator.id, target: 90, reason: 'Nyt mål' } }, token);
    await expectKeptEqualsLive();
    expect(good).toBeTruthy();
  });

  it('follow activities: created, logged, retracted, linked, unlinked, re-budgeted, moved between focus areas, cancelled', async () => {
    const { client } = app;
    const a = await createActivity(client, token, { planId, status: 'ACTIVE', startDate: day(-400), endDate: day(400), budget: 100_000, focusAreaId: refs.f1 });
    await expectKeptEqualsLive();
    const b = await createActivity(client, token, { planId, status: 'PLANNED', startDate: day(-30), endDate: day(300), budget: 50_000 });
    await expectKeptEqualsLive();
    Object.assign(refs, { a: a.id, b: b.id });
    await link(client, token, { activityId: a.id, goalId: refs.leaf });
    await expectKeptEqualsLive();
    await link(client, token, { activityId: b.id, goalId: refs.otherLeaf, weight: 2 });
    await link(client, token, { activityId: b.id, goalId: refs.leaf });
    await expectKeptEqualsLive();
    await log(a.id, { reportedOn: day(-5), percentComplete: 40, spent: 30_000 });
    await expectKeptEqualsLive();
    // Overspent, then the mistake retracted: the earlier entry counts again.
    const over = await log(a.id, { reportedOn: day(-1), percentComplete: 45, spent: 130_000 });
    await expectKeptEqualsLive();
    await client.ok(RETRACT, { id: over }, token);
    await expectKeptEqualsLive();
    // A back-dated entry does not become the latest; an entry that changes the status does.
    await log(a.id, { reportedOn: day(-200), percentComplete: 10, spent: 1_000 });
    await log(b.id, { reportedOn: day(-20), percentComplete: 5, status: 'ACTIVE' });
    await expectKeptEqualsLive();
    await client.ok(UNLINK, { a: b.id, g: refs.otherLeaf }, token);
    await client.ok(UNLINK, { a: b.id, g: refs.leaf }, token);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_ACTIVITY, { input: { id: a.id, expectedVersion: await version(a.id), budget: 20_000 } }, token);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_ACTIVITY, { input: { id: a.id, expectedVersion: await version(a.id), focusAreaId: refs.f2, startDate: day(-450) } }, token);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_ACTIVITY, { input: { id: b.id, expectedVersion: await version(b.id), focusAreaId: refs.f1 } }, token);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_ACTIVITY, { input: { id: b.id, expectedVersion: await version(b.id), status: 'CANCELLED' } }, token);
    await expectKeptEqualsLive();
    const { rows } = await db.query('SELECT activity_count, budget::int FROM plan_figures WHERE plan_id = $1 ORDER BY activity_count DESC', [planId]);
    expect(rows.filter((r) => r.activity_count > 0)).toEqual([{ activity_count: 1, budget: 20_000 }]);
    // The oracle notices a kept figure one krone off (and the change is undone).
    await db.query('UPDATE plan_figures SET spent = spent + 1 WHERE plan_id = $1 AND activity_count > 0', [planId]);
    expect((await drift()).map((r: any) => r.side).sort()).toEqual(['kept only', 'live only']);
    await db.query('UPDATE plan_figures SET spent = spent - 1 WHERE plan_id = $1 AND activity_count > 0', [planId]);
    expect(await drift()).toEqual([]);
  });

  it("follow the plan's reporting interval and an import's commit", async () => {
    const { client } = app;
    // The entry of 5 days ago is stale with a 3-day interval.
    await client.ok(UPDATE_PLAN, { input: { id: planId, reportingIntervalDays: 3 } }, lbf);
    await expectKeptEqualsLive();
    await client.ok(UPDATE_PLAN, { input: { id: planId, reportingIntervalDays: 90, lbfGrant: 1_000_000 } }, lbf);
    await expectKeptEqualsLive();
    const sheets = {
      Goals: [['ref', 'parentRef', 'kind', 'title', 'description', 'focusArea'], ['G1', null, 'OVERALL', 'Flere i job', null, null], ['G2', 'G1', 'EFFECT', 'Færre ledige', null, null]],
      Indicators: [
        ['ref', 'goalRef', 'name', 'unit', 'direction', 'source', 'baseline', 'baselineDate', 'target', 'targetDate'],
        ['I1', 'G2', 'Ledighed', '%', 'DECREASE', 'Jobcenter', 12, day(-300), 8, day(300)],
      ],
      Activities: [
        ['ref', 'title', 'description', 'targetGroup', 'responsibleParty', 'focusArea', 'startDate', 'endDate', 'budget', 'status'],
        ['A1', 'Jobklub', null, null, 'MUNICIPALITY', 'F2', day(-100), day(200), 250000, 'ACTIVE'],
        ['A2', 'Mentorordning', null, null, 'JOINT', null, day(-10), day(100), '90000', null],
        ['A3', 'Lektiecafé', null, null, 'JOINT', 'F1', day(-10), day(100), 10000, 'CANCELLED'],
      ],
      Links: [['activityRef', 'goalRef', 'weight', 'rationale'], ['A1', 'G2', 2, null], ['A1', 'G1', 1, null]],
    };
    const answer = await importFile(app.server.url, otherPlanId, await workbookOf(sheets), refs.otherToken);
    expect(answer.json).toMatchObject({ ok: true, dryRun: false, created: { activities: 3, links: 2 } });
    await expectKeptEqualsLive();
  });

  it('add up under 16 concurrent logProgress calls and link changes to activities of one plan and focus area', async () => {
    const { client } = app;
    const goal = await createGoal(client, token, { planId, kind: 'OVERALL' });
    const activities = [];
    for (let i = 0; i < 8; i++) {
      activities.push((await createActivity(client, token, { planId, status: 'ACTIVE', startDate: day(-300), endDate: day(300), budget: 10_000, focusAreaId: refs.f1 })).id);
    }
    await expectKeptEqualsLive();
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 16; i++) {
      const activityId = activities[i % activities.length];
      writes.push(log(activityId, { reportedOn: day(-(i % 5)), percentComplete: 10 + i, spent: 700 * i, idempotencyKey: `race-${i}` }));
    }
    for (const activityId of activities.slice(0, 4)) writes.push(link(client, token, { activityId, goalId: goal.id }));
    const results = await Promise.allSettled(writes);
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    await expectKeptEqualsLive();
    // And again, links going away while entries arrive (some overspent).
    const more: Promise<unknown>[] = [];
    for (let i = 0; i < 16; i++) {
      more.push(log(activities[i % activities.length], { reportedOn: day(0), percentComplete: 50 + i, spent: 2_000 * i, idempotencyKey: `race2-${i}` }));
    }
    for (const activityId of activities.slice(0, 4)) more.push(client.ok(UNLINK, { a: activityId, g: goal.id }, token));
    expect((await Promise.allSettled(more)).filter((r) => r.status === 'rejected')).toEqual([]);
    await expectKeptEqualsLive();
  });

  it("are no way around the roll-ups' scope: a plan's secretariat gets no national roll-up", async () => {
    expectError(await app.client.request(NATIONAL, {}, token), 'FORBIDDEN');
  });
});
