import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Who does what (docs/coordination.md, "Who does what"): byResponsibleParty on plan and portfolio
 * roll-ups, and Goal.responsibleParties. Plans P and Q are in area X, plan R in none, all in a pool
 * of their own. Dates are relative to today so that "stale" stays true; Q reports every 30 days,
 * P and R every 90. Every figure below is worked out by hand.
 */
const today = todayUtc();
const day = (offset: number) => addDays(today, offset);

let app: TestApp;
const ids: Record<string, string> = {};
const tokens: Record<string, string> = {};

const LOG = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;

beforeAll(async () => {
  app = await startTestApp();
  const { client, adminToken: admin } = app;
  const [pool, municipality, housing, area] = await Promise.all([
    createPool(client, admin),
    createMunicipality(client, admin),
    createHousingOrganisation(client, admin),
    createAreaSecretariat(client, admin),
  ]);
  Object.assign(ids, { pool: pool.id, area: area.id });
  const refs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housing.id] };
  const dates = { startDate: day(-800), endDate: day(800) };
  const [P, Q, R] = await Promise.all([
    createPlan(client, admin, { ...refs, areaSecretariatId: area.id }, { title: 'P', ...dates }),
    createPlan(client, admin, { ...refs, areaSecretariatId: area.id }, { title: 'Q', ...dates, reportingIntervalDays: 30 }),
    createPlan(client, admin, refs, { title: 'R', ...dates }),
  ]);
  Object.assign(ids, { P: P.id, Q: Q.id, R: R.id });
  const users = await Promise.all([
    userWithToken(client, admin, 'LBF'),
    userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: area.id }),
    userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: P.id }),
    userWithToken(client, admin, 'BOARD_MEMBER', { planId: P.id }),
  ]);
  Object.assign(tokens, { admin, lbf: users[0].token, area: users[1].token, projectP: users[2].token, boardP: users[3].token });

  const activity = async (key: string, planId: string, responsibleParty: string, status: string, start: number, budget: number) => {
    ids[key] = (await createActivity(client, admin, { planId, title: key, responsibleParty, status, startDate: day(start), endDate: day(700), budget })).id;
  };
  await Promise.all([
    activity('p1', P.id, 'HOUSING_ORGANISATION', 'ACTIVE', -300, 100_000),
    activity('p2', P.id, 'HOUSING_ORGANISATION', 'PLANNED', -50, 50_000), // started, never reported: stale
    activity('p3', P.id, 'MUNICIPALITY', 'ACTIVE', -300, 200_000), // last reported 100 days ago: stale
    activity('p4', P.id, 'MUNICIPALITY', 'ACTIVE', -300, 80_000), // PAUSED by its entry: never stale
    activity('p5', P.id, 'JOINT', 'ACTIVE', -300, 999_999), // CANCELLED by its entry: counts nowhere
    activity('p6', P.id, 'MUNICIPALITY', 'PLANNED', 30, 10_000), // starts in a month: not stale
    activity('p7', P.id, 'MUNICIPALITY', 'ACTIVE', -300, 40_000), // reported exactly 90 days ago: not stale
    activity('q1', Q.id, 'JOINT', 'ACTIVE', -100, 300_000), // 40 days ago, interval 30: stale
    activity('q2', Q.id, 'OTHER', 'ACTIVE', -100, 20_000),
    activity('q3', Q.id, 'MUNICIPALITY', 'ACTIVE', -300, 70_000), // COMPLETED by its entry
    activity('r1', R.id, 'HOUSING_ORGANISATION', 'ACTIVE', -10, 1_000_000), // started, never reported: stale
  ]);
  const log = (key: string, reportedOn: string, percentComplete: number, spent: number, status?: string) =>
    client.ok(LOG, { input: { activityId: ids[key], reportedOn, percentComplete, spent, status } }, admin);
  await log('p1', day(-200), 20, 10_000);
  await log('p1', day(-10), 50, 40_000);
  await log('p3', day(-100), 30, 60_000);
  await log('p4', day(-150), 70, 20_000, 'PAUSED');
  await log('p5', day(-20), 90, 500_000, 'CANCELLED');
  await log('p7', day(-90), 10, 5_000);
  await log('q1', day(-40), 60, 100_000);
  await log('q2', day(-5), 15, 2_000);
  await log('q3', day(-200), 100, 70_000, 'COMPLETED');

  // P: G ─ G1 ─ G11, G ─ G2, G ─ G3.  Q: QG ─ QG1.
  const goal = async (key: string, planId: string, kind: 'OVERALL' | 'EFFECT' | 'SUB', parent?: string) => {
    ids[key] = (await createGoal(client, admin, { planId, kind, title: key, parentId: parent && ids[parent] })).id;
  };
  await goal('G', P.id, 'OVERALL');
  await Promise.all([goal('G1', P.id, 'EFFECT', 'G'), goal('G2', P.id, 'EFFECT', 'G'), goal('G3', P.id, 'EFFECT', 'G'), goal('QG', Q.id, 'OVERALL')]);
  await Promise.all([goal('G11', P.id, 'SUB', 'G1'), goal('QG1', Q.id, 'EFFECT', 'QG')]);
  const links: [string, string][] = [
    ['p1', 'G2'],
    ['p3', 'G11'],
    ['p4', 'G1'],
    ['p4', 'G2'],
    ['p5', 'G3'], // cancelled: G3 has nobody
    ['p6', 'G11'],
    ['p7', 'G'],
    ['q1', 'QG1'],
    ['q2', 'QG'],
    ['q3', 'QG1'],
  ];
  for (const [activityId, goalId] of links) await link(client, admin, { activityId: ids[activityId], goalId: ids[goalId] });
}, 120_000);
afterAll(() => app?.stop());

const ROWS = `responsibleParty activityCount budget spent progress staleCount`;
const row = (responsibleParty: string, activityCount: number, budget: number, spent: number, progress: number, staleCount: number) => ({
  responsibleParty,
  activityCount,
  budget,
  spent,
  progress,
  staleCount,
});

// P: HOUSING_ORGANISATION p1 (50 %, 40,000) and p2 (none: 0); MUNICIPALITY p3 (30), p4 (70), p6 (none), p7 (10).
const PLAN_P = [
  row('HOUSING_ORGANISATION', 2, 150_000, 40_000, (50 + 0) / 2, 1),
  row('MUNICIPALITY', 4, 200_000 + 80_000 + 10_000 + 40_000, 60_000 + 20_000 + 0 + 5_000, (30 + 70 + 0 + 10) / 4, 1),
];
const PLAN_Q = [row('MUNICIPALITY', 1, 70_000, 70_000, 100, 0), row('JOINT', 1, 300_000, 100_000, 60, 1), row('OTHER', 1, 20_000, 2_000, 15, 0)];
const PLAN_R = [row('HOUSING_ORGANISATION', 1, 1_000_000, 0, 0, 1)];
// Area X = P + Q: MUNICIPALITY p3, p4, p6, p7 and q3.
const AREA = [
  PLAN_P[0],
  row('MUNICIPALITY', 5, 330_000 + 70_000, 85_000 + 70_000, (30 + 70 + 0 + 10 + 100) / 5, 1),
  PLAN_Q[1],
  PLAN_Q[2],
];

async function planRows(planId: string, token: string) {
  return (await app.client.ok(`query($id: ID!) { plan(id: $id) { rollup { byResponsibleParty { ${ROWS} } } } }`, { id: planId }, token)).plan.rollup
    .byResponsibleParty;
}

async function areaRows(token: string) {
  return (await app.client.ok(`query($id: ID!) { areaSecretariat(id: $id) { rollup { byResponsibleParty { ${ROWS} } } } }`, { id: ids.area }, token))
    .areaSecretariat.rollup.byResponsibleParty;
}

describe('byResponsibleParty', () => {
  it('on a plan roll-up: one row per party with a non-cancelled activity, in the enum’s order', async () => {
    expect(await planRows(ids.P, tokens.boardP)).toEqual(PLAN_P);
    expect(await planRows(ids.Q, tokens.area)).toEqual(PLAN_Q);
    expect(await planRows(ids.R, tokens.lbf)).toEqual(PLAN_R);
  });

  it('on the area’s roll-up: the same mean over all its activities, not a mean of plan means', async () => {
    expect(await areaRows(tokens.area)).toEqual(AREA);
    expect(await areaRows(tokens.lbf)).toEqual(AREA);
  });

  it('on the area’s roll-up as a plan’s own users see it: their plan only', async () => {
    expect(await areaRows(tokens.projectP)).toEqual(PLAN_P);
    expect(await areaRows(tokens.boardP)).toEqual(PLAN_P);
  });

  it('on the national roll-up of the pool: R counts too', async () => {
    const { nationalRollup } = await app.client.ok(`query($poolId: ID) { nationalRollup(poolId: $poolId) { byResponsibleParty { ${ROWS} } } }`, { poolId: ids.pool }, tokens.lbf);
    const [{ progress, ...housing }, ...rest] = nationalRollup.byResponsibleParty;
    expect(rest).toEqual(AREA.slice(1));
    // p1 (50), p2 and r1 (no entries: 0).
    expect(housing).toEqual({ responsibleParty: 'HOUSING_ORGANISATION', activityCount: 3, budget: 1_150_000, spent: 40_000, staleCount: 2 });
    expect(progress).toBeCloseTo((50 + 0 + 0) / 3, 12);
  });

  it('counts stale activities by the roll-up’s own rule', async () => {
    const { plans } = await app.client.ok(
      `query($poolId: ID) { plans(filter: { poolId: $poolId }) { edges { node { title
        activities { responsibleParty status isStale }
        rollup { staleActivities { id } byResponsibleParty { responsibleParty staleCount } } } } } }`,
      { poolId: ids.pool },
      tokens.lbf,
    );
    expect(plans.edges).toHaveLength(3);
    for (const { node } of plans.edges) {
      const staleByParty = (party: string) => node.activities.filter((a: any) => a.status !== 'CANCELLED' && a.responsibleParty === party && a.isStale).length;
      expect(node.rollup.byResponsibleParty.map((r: any) => [r.responsibleParty, r.staleCount])).toEqual(
        node.rollup.byResponsibleParty.map((r: any) => [r.responsibleParty, staleByParty(r.responsibleParty)]),
      );
      expect(node.rollup.byResponsibleParty.reduce((n: number, r: any) => n + r.staleCount, 0)).toBe(node.rollup.staleActivities.length);
    }
  });

  it('follows a change of party', async () => {
    const { activity } = await app.client.ok(`query($id: ID!) { activity(id: $id) { version } }`, { id: ids.p1 }, tokens.admin);
    await app.client.ok(`mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }`, {
      input: { id: ids.p1, expectedVersion: activity.version, responsibleParty: 'JOINT' },
    }, tokens.admin);
    expect(await planRows(ids.P, tokens.boardP)).toEqual([
      row('HOUSING_ORGANISATION', 1, 50_000, 0, 0, 1),
      PLAN_P[1],
      row('JOINT', 1, 100_000, 40_000, 50, 0),
    ]);
    const parties = await goalParties(ids.P);
    expect(parties.G2).toEqual(['MUNICIPALITY', 'JOINT']);
    await app.client.ok(`mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }`, {
      input: { id: ids.p1, expectedVersion: activity.version + 1, responsibleParty: 'HOUSING_ORGANISATION' },
    }, tokens.admin);
  });
});

async function goalParties(planId: string, token = tokens.admin): Promise<Record<string, string[]>> {
  const { plan } = await app.client.ok(`query($id: ID!) { plan(id: $id) { goals { title responsibleParties } } }`, { id: planId }, token);
  return Object.fromEntries(plan.goals.map((g: any) => [g.title, g.responsibleParties]));
}

describe('Goal.responsibleParties', () => {
  it('are the distinct parties of the non-cancelled activities linked into the subtree, in the enum’s order', async () => {
    expect(await goalParties(ids.P, tokens.boardP)).toEqual({
      G: ['HOUSING_ORGANISATION', 'MUNICIPALITY'], // p7 directly, and everything below
      G1: ['MUNICIPALITY'], // only the municipality works on it: p4, and p3 and p6 through G11
      G11: ['MUNICIPALITY'],
      G2: ['HOUSING_ORGANISATION', 'MUNICIPALITY'], // p1, and p4 (linked to G1 and G2)
      G3: [], // only the cancelled p5
    });
    expect(await goalParties(ids.Q, tokens.area)).toEqual({ QG: ['MUNICIPALITY', 'JOINT', 'OTHER'], QG1: ['MUNICIPALITY', 'JOINT'] });
  });

  it('are read for a single goal too', async () => {
    const { goal } = await app.client.ok(`query($id: ID!) { goal(id: $id) { responsibleParties } }`, { id: ids.G2 }, tokens.projectP);
    expect(goal.responsibleParties).toEqual(['HOUSING_ORGANISATION', 'MUNICIPALITY']);
  });
});
