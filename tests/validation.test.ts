import { randomUUID } from 'node:crypto';
import { activityInput, indicatorInput, planInput, poolInput, userInput } from './factories/inputs.js';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createMunicipality, createPool, type PoolRef } from './factories/registry.factory.js';
import { unique } from './factories/unique.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import {
  ACTIVITY,
  AREA_SECRETARIAT,
  CREATE_ACTIVITY,
  CREATE_AREA_SECRETARIAT,
  CREATE_GOAL,
  CREATE_HOUSING_ORGANISATION,
  CREATE_INDICATOR,
  CREATE_MUNICIPALITY,
  CREATE_PLAN,
  CREATE_POOL,
  CREATE_USER,
  GOAL,
  LINK,
  MUNICIPALITIES,
  PLAN,
  PLANS,
  RECORD_MEASUREMENT,
  UNLINK,
  UPDATE_ACTIVITY,
  UPDATE_GOAL,
  UPDATE_PLAN,
  USERS,
} from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Every rule of docs/api.md and every input check of the services: the exact
 * `extensions.code`, the field named, and nothing changed by a refused mutation. The ADMIN sends
 * most of them, so access never hides a validation gap.
 */
let app: TestApp;
let world: World;
let admin: string;
let otherPool: PoolRef;

beforeAll(async () => {
  app = await startTestApp();
  admin = app.adminToken;
  world = await buildWorld(app.client, admin);
  otherPool = await createPool(app.client, admin);
});
afterAll(() => app?.stop());

const send = (query: string, variables: Record<string, unknown> = {}, token = admin) => app.client.request(query, variables, token);
const read = <T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}) => app.client.ok<T>(query, variables, admin);

const refs = (poolId = world.pool.id) => ({
  poolId,
  municipalityId: world.municipalityId,
  housingOrganisationIds: [world.housingOrganisationId],
});

async function readPlan(id: string) {
  return (await read(PLAN, { id })).plan;
}
async function readActivity(id: string) {
  return (await read(ACTIVITY, { id })).activity;
}
async function readGoal(id: string) {
  return (await read(GOAL, { id })).goal;
}
async function plansInPool(poolId: string): Promise<number> {
  return (await read(PLANS, { filter: { poolId }, first: 0 })).plans.totalCount;
}
/** A plan of its own for a test that changes or counts plan content. */
async function freshPlan(overrides: Record<string, unknown> = {}) {
  return createPlan(app.client, admin, refs(), overrides);
}
/** The day before an ISO date. */
function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

describe('dates: an end date is never before its start date', () => {
  it('createPlan refuses an endDate before the startDate, creates nothing, and accepts equal dates', async () => {
    const pool = await createPool(app.client, admin);
    const refused = await send(CREATE_PLAN, { input: planInput(refs(pool.id), { startDate: '2024-01-01', endDate: '2023-12-31' }) });
    expectError(refused, 'BAD_USER_INPUT', 'endDate');
    expect(await plansInPool(pool.id)).toBe(0);

    const sameDay = await read(CREATE_PLAN, { input: planInput(refs(pool.id), { startDate: '2024-01-01', endDate: '2024-01-01' }) });
    expect(sameDay.createPlan).toMatchObject({ startDate: '2024-01-01', endDate: '2024-01-01' });
    expect(await plansInPool(pool.id)).toBe(1);
  });

  it('updatePlan refuses an endDate before the plan’s startDate and changes nothing', async () => {
    const plan = await freshPlan();
    const before = await readPlan(plan.id);
    const refused = await send(UPDATE_PLAN, { input: { id: plan.id, title: unique('Ny titel'), endDate: dayBefore(before.startDate) } });
    expectError(refused, 'BAD_USER_INPUT', 'endDate');
    expect(await readPlan(plan.id)).toEqual(before);
  });

  it('createActivity refuses an endDate before the startDate', async () => {
    const plan = await freshPlan();
    const refused = await send(CREATE_ACTIVITY, { input: activityInput(plan.id, { startDate: '2024-06-01', endDate: '2024-05-31' }) });
    expectError(refused, 'BAD_USER_INPUT', 'endDate');
    expect((await readPlan(plan.id)).activities).toEqual([]);
  });

  it('updateActivity checks the order when only one date moves, changes nothing when refused, and accepts equal dates', async () => {
    const plan = await freshPlan();
    const { id } = await createActivity(app.client, admin, { planId: plan.id });
    const before = await readActivity(id);

    const endTooEarly = await send(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, title: 'Flyttet', endDate: dayBefore(before.startDate) } });
    expectError(endTooEarly, 'BAD_USER_INPUT', 'endDate');
    const startTooLate = await send(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, title: 'Flyttet', startDate: '2099-01-01' } });
    const error = expectError(startTooLate, 'BAD_USER_INPUT');
    expect(error.message).toContain('startDate');
    expect(await readActivity(id)).toEqual(before);

    const sameDay = await read(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, startDate: before.endDate } });
    expect(sameDay.updateActivity).toMatchObject({ version: 2, startDate: before.endDate, endDate: before.endDate });
  });

  it('createIndicator refuses a targetDate before the baselineDate, given or taken from the plan start', async () => {
    const plan = await freshPlan();
    const goal = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const explicit = await send(CREATE_INDICATOR, { input: indicatorInput(goal.id, { baselineDate: '2024-01-01', targetDate: '2023-12-31' }) });
    expectError(explicit, 'BAD_USER_INPUT', 'targetDate');

    // Without a baselineDate the service measures from the plan's start date.
    const { startDate } = await readPlan(plan.id);
    const implicit = await send(CREATE_INDICATOR, { input: indicatorInput(goal.id, { baselineDate: null, targetDate: dayBefore(startDate) }) });
    expectError(implicit, 'BAD_USER_INPUT', 'targetDate');
    expect((await readPlan(plan.id)).goals[0].indicators).toEqual([]);
  });
});

describe('the Date scalar: YYYY-MM-DD calendar dates only', () => {
  it.each(['2024-02-30', '24-1-1', '2023-13-01', '2024-1-01', '', '2024-01-01T00:00:00Z', '01-02-2024'])(
    'refuses %j with BAD_USER_INPUT naming the field',
    async (bad) => {
      const plan = world.planA.id;
      expectError(await send(CREATE_ACTIVITY, { input: activityInput(plan, { startDate: bad }) }), 'BAD_USER_INPUT', 'startDate');
    },
  );

  it('refuses a malformed date in every input that takes one', async () => {
    const goal = await createGoal(app.client, admin, { planId: world.planA.id, kind: 'OVERALL' });
    const indicator = await createIndicator(app.client, admin, { goalId: goal.id });
    const bad = '2024-02-30';
    expectError(await send(CREATE_PLAN, { input: planInput(refs(), { endDate: bad }) }), 'BAD_USER_INPUT', 'endDate');
    expectError(await send(UPDATE_PLAN, { input: { id: world.planB.id, endDate: bad } }), 'BAD_USER_INPUT', 'endDate');
    expectError(await send(CREATE_INDICATOR, { input: indicatorInput(goal.id, { targetDate: bad }) }), 'BAD_USER_INPUT', 'targetDate');
    expectError(await send(CREATE_INDICATOR, { input: indicatorInput(goal.id, { baselineDate: bad }) }), 'BAD_USER_INPUT', 'baselineDate');
    expectError(await send(RECORD_MEASUREMENT, { input: { indicatorId: indicator.id, measuredOn: bad, value: 1 } }), 'BAD_USER_INPUT', 'measuredOn');
  });

  it('refuses malformed Date and Money literals written into the query with BAD_USER_INPUT naming the field', async () => {
    const literal = (startDate: string, budget: string) =>
      `mutation { createActivity(input: { planId: "${world.planA.id}", title: "Literal", responsibleParty: JOINT,
         startDate: ${startDate}, endDate: "2026-01-01", budget: ${budget} }) { id } }`;
    expectError(await send(literal('"24-1-1"', '1000')), 'BAD_USER_INPUT', 'startDate');
    expectError(await send(literal('"2024-01-01"', '1.5')), 'BAD_USER_INPUT', 'budget');
    expectError(await send(literal('"2024-01-01"', '9007199254740993')), 'BAD_USER_INPUT', 'budget');
  });
});

describe('money: whole, non-negative kroner', () => {
  it.each(['lbfGrant', 'localCofinancing'])('createPlan and updatePlan refuse a negative %s, as number or string', async (field) => {
    const pool = await createPool(app.client, admin);
    expectError(await send(CREATE_PLAN, { input: planInput(refs(pool.id), { [field]: -1 }) }), 'BAD_USER_INPUT', field);
    expectError(await send(CREATE_PLAN, { input: planInput(refs(pool.id), { [field]: '-250000' }) }), 'BAD_USER_INPUT', field);
    expect(await plansInPool(pool.id)).toBe(0);

    const plan = await freshPlan();
    const before = await readPlan(plan.id);
    expectError(await send(UPDATE_PLAN, { input: { id: plan.id, title: unique('Ny'), [field]: -1 } }), 'BAD_USER_INPUT', field);
    expect(await readPlan(plan.id)).toEqual(before);
  });

  it('createActivity and updateActivity refuse a negative budget', async () => {
    const plan = await freshPlan();
    expectError(await send(CREATE_ACTIVITY, { input: activityInput(plan.id, { budget: -1 }) }), 'BAD_USER_INPUT', 'budget');
    const { id } = await createActivity(app.client, admin, { planId: plan.id });
    const before = await readActivity(id);
    expectError(await send(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, budget: '-1' } }), 'BAD_USER_INPUT', 'budget');
    expect(await readActivity(id)).toEqual(before);
    expect((await readPlan(plan.id)).activities).toHaveLength(1);
  });

  it('accepts a decimal string and amounts up to 2^53 − 1, and answers with exact JSON numbers', async () => {
    const plan = await freshPlan({ lbfGrant: '0', localCofinancing: String(Number.MAX_SAFE_INTEGER) });
    expect(await readPlan(plan.id)).toMatchObject({ lbfGrant: 0, localCofinancing: Number.MAX_SAFE_INTEGER });
    const updated = await read(UPDATE_PLAN, { input: { id: plan.id, lbfGrant: '3000000000' } });
    expect(updated.updatePlan.lbfGrant).toBe(3_000_000_000);
    const activity = await read(CREATE_ACTIVITY, { input: activityInput(plan.id, { budget: '1200000' }) });
    expect(activity.createActivity.budget).toBe(1_200_000);
  });

  it.each([1.5, '1.5', 'abc', '', '12 kr', '1e6', 2 ** 53, '9007199254740993', 1e300, true, null])(
    'refuses %j as a budget with BAD_USER_INPUT naming the field',
    async (bad) => {
      const result = await send(CREATE_ACTIVITY, { input: activityInput(world.planB.id, { budget: bad }) });
      expectError(result, 'BAD_USER_INPUT', 'budget');
    },
  );

  it('refuses a non-integer grant on updatePlan and changes nothing', async () => {
    const plan = await freshPlan();
    const before = await readPlan(plan.id);
    expectError(await send(UPDATE_PLAN, { input: { id: plan.id, lbfGrant: 0.5 } }), 'BAD_USER_INPUT', 'lbfGrant');
    expectError(await send(UPDATE_PLAN, { input: { id: plan.id, localCofinancing: 'abc' } }), 'BAD_USER_INPUT', 'localCofinancing');
    expect(await readPlan(plan.id)).toEqual(before);
  });
});

describe('the goal tree', () => {
  it('an OVERALL goal has no parent; EFFECT and SUB goals need one', async () => {
    const plan = await freshPlan();
    const root = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const goal = (kind: string, parentId?: string) => send(CREATE_GOAL, { input: { planId: plan.id, kind, title: unique('Mål'), parentId } });
    expectError(await goal('OVERALL', root.id), 'BAD_USER_INPUT', 'parentId');
    expectError(await goal('EFFECT'), 'BAD_USER_INPUT', 'parentId');
    expectError(await goal('SUB'), 'BAD_USER_INPUT', 'parentId');
    expect((await readPlan(plan.id)).goals.map((g: { id: string }) => g.id)).toEqual([root.id]);
  });

  it('refuses a parent in another plan on create and update, even for an ADMIN who reads both', async () => {
    const [plan, other] = [await freshPlan(), await freshPlan()];
    const foreignRoot = await createGoal(app.client, admin, { planId: other.id, kind: 'OVERALL' });
    const root = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const effect = await createGoal(app.client, admin, { planId: plan.id, kind: 'EFFECT', parentId: root.id });

    const created = await send(CREATE_GOAL, { input: { planId: plan.id, kind: 'EFFECT', title: unique('Mål'), parentId: foreignRoot.id } });
    expectError(created, 'BAD_USER_INPUT', 'parentId');
    expectError(await send(UPDATE_GOAL, { input: { id: effect.id, parentId: foreignRoot.id } }), 'BAD_USER_INPUT', 'parentId');
    expect((await readGoal(effect.id)).parent).toEqual({ id: root.id });
    expect((await readPlan(plan.id)).goals).toHaveLength(2);
    expect((await readPlan(other.id)).goals).toHaveLength(1);
  });

  it('refuses a move under the goal itself or its own descendant, changing nothing, and allows a real move', async () => {
    const plan = await freshPlan();
    const root = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const effect = await createGoal(app.client, admin, { planId: plan.id, kind: 'EFFECT', parentId: root.id });
    const sub = await createGoal(app.client, admin, { planId: plan.id, kind: 'SUB', parentId: effect.id });
    const subSub = await createGoal(app.client, admin, { planId: plan.id, kind: 'SUB', parentId: sub.id });
    const before = await readGoal(effect.id);

    for (const parentId of [subSub.id, sub.id, effect.id]) {
      const refused = await send(UPDATE_GOAL, { input: { id: effect.id, parentId, title: unique('Omdøbt') } });
      expectError(refused, 'BAD_USER_INPUT', 'parentId');
    }
    expect(await readGoal(effect.id)).toEqual(before);

    const moved = await read(UPDATE_GOAL, { input: { id: subSub.id, parentId: effect.id } });
    expect(moved.updateGoal.parent).toEqual({ id: effect.id });
  });

  it('keeps OVERALL goals at the roots and every other goal below one on update', async () => {
    const plan = await freshPlan();
    const root = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const otherRoot = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const effect = await createGoal(app.client, admin, { planId: plan.id, kind: 'EFFECT', parentId: root.id });
    expectError(await send(UPDATE_GOAL, { input: { id: effect.id, parentId: null } }), 'BAD_USER_INPUT', 'parentId');
    expectError(await send(UPDATE_GOAL, { input: { id: otherRoot.id, parentId: root.id } }), 'BAD_USER_INPUT', 'parentId');
    expect((await readGoal(effect.id)).parent).toEqual({ id: root.id });
    expect((await readGoal(otherRoot.id)).parent).toBeNull();
  });
});

describe('a focus area belongs to the plan’s pool', () => {
  it('goals: createGoal and updateGoal refuse a focus area of another pool', async () => {
    const plan = world.planA.id;
    const foreign = otherPool.focusAreas[0].id;
    const refused = await send(CREATE_GOAL, { input: { planId: plan, kind: 'OVERALL', title: unique('Mål'), focusAreaId: foreign } });
    expectError(refused, 'BAD_USER_INPUT', 'focusAreaId');

    const own = world.pool.focusAreas[0].id;
    const goal = await createGoal(app.client, admin, { planId: plan, kind: 'OVERALL', focusAreaId: own });
    expectError(await send(UPDATE_GOAL, { input: { id: goal.id, focusAreaId: foreign } }), 'BAD_USER_INPUT', 'focusAreaId');
    expect((await readGoal(goal.id)).focusArea).toEqual({ id: own });
  });

  it('activities: createActivity and updateActivity refuse a focus area of another pool', async () => {
    const plan = await freshPlan();
    const foreign = otherPool.focusAreas[1].id;
    expectError(await send(CREATE_ACTIVITY, { input: activityInput(plan.id, { focusAreaId: foreign }) }), 'BAD_USER_INPUT', 'focusAreaId');

    const { id } = await createActivity(app.client, admin, { planId: plan.id, focusAreaId: world.pool.focusAreas[1].id });
    const before = await readActivity(id);
    expectError(await send(UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, focusAreaId: foreign } }), 'BAD_USER_INPUT', 'focusAreaId');
    expect(await readActivity(id)).toEqual(before);
    expect((await readPlan(plan.id)).activities).toHaveLength(1);
  });
});

describe('activity–goal links', () => {
  it('refuses a goal of another plan with BAD_USER_INPUT, even for an ADMIN who reads both', async () => {
    const [plan, other] = [await freshPlan(), await freshPlan()];
    const activity = await createActivity(app.client, admin, { planId: plan.id });
    const foreignGoal = await createGoal(app.client, admin, { planId: other.id, kind: 'OVERALL' });
    expectError(await send(LINK, { input: { activityId: activity.id, goalId: foreignGoal.id } }), 'BAD_USER_INPUT', 'goalId');
    expectError(await send(UNLINK, { activityId: activity.id, goalId: foreignGoal.id }), 'BAD_USER_INPUT', 'goalId');
    expect((await readActivity(activity.id)).links).toEqual([]);
  });

  it('refuses linking the same activity and goal twice with CONFLICT, keeping the first link', async () => {
    const plan = await freshPlan();
    const activity = await createActivity(app.client, admin, { planId: plan.id });
    const goal = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    await link(app.client, admin, { activityId: activity.id, goalId: goal.id, weight: 2 });
    expectError(await send(LINK, { input: { activityId: activity.id, goalId: goal.id, weight: 5 } }), 'CONFLICT');
    expect((await readActivity(activity.id)).links).toEqual([{ goal: { id: goal.id }, weight: 2 }]);
  });

  it.each([0, -1, -0.5])('refuses weight %j with BAD_USER_INPUT naming weight', async (weight) => {
    const activity = await createActivity(app.client, admin, { planId: world.planB.id });
    const goal = await createGoal(app.client, admin, { planId: world.planB.id, kind: 'OVERALL' });
    expectError(await send(LINK, { input: { activityId: activity.id, goalId: goal.id, weight } }), 'BAD_USER_INPUT', 'weight');
    expect((await readActivity(activity.id)).links).toEqual([]);
  });

  it('unlinkActivityFromGoal answers true when it removed the link, then false', async () => {
    const plan = await freshPlan();
    const activity = await createActivity(app.client, admin, { planId: plan.id });
    const goal = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    await link(app.client, admin, { activityId: activity.id, goalId: goal.id });
    const unlink = () => read(UNLINK, { activityId: activity.id, goalId: goal.id });
    expect((await unlink()).unlinkActivityFromGoal).toBe(true);
    expect((await readActivity(activity.id)).links).toEqual([]);
    expect((await unlink()).unlinkActivityFromGoal).toBe(false);
  });
});

describe('unknown ids are NOT_FOUND', () => {
  /** Each case sends `id` where an existing id belongs; `field` is the input field the error names. */
  const cases: [string, (id: string) => [string, Record<string, unknown>], string?][] = [
    ['plan', (id) => ['query($id: ID!) { plan(id: $id) { id } }', { id }]],
    ['goal', (id) => ['query($id: ID!) { goal(id: $id) { id } }', { id }]],
    ['activity', (id) => ['query($id: ID!) { activity(id: $id) { id } }', { id }]],
    ['areaSecretariat', (id) => [AREA_SECRETARIAT, { id }]],
    ['updatePlan', (id) => [UPDATE_PLAN, { input: { id, title: 'x' } }]],
    ['updateGoal', (id) => [UPDATE_GOAL, { input: { id, title: 'x' } }]],
    ['updateActivity', (id) => [UPDATE_ACTIVITY, { input: { id, expectedVersion: 1, title: 'x' } }]],
    ['createPlan.poolId', (id) => [CREATE_PLAN, { input: planInput({ ...refs(), poolId: id }) }], 'poolId'],
    ['createPlan.municipalityId', (id) => [CREATE_PLAN, { input: planInput({ ...refs(), municipalityId: id }) }], 'municipalityId'],
    [
      'createPlan.housingOrganisationIds',
      (id) => [CREATE_PLAN, { input: planInput({ ...refs(), housingOrganisationIds: [world.housingOrganisationId, id] }) }],
      'housingOrganisationIds',
    ],
    ['createPlan.areaSecretariatId', (id) => [CREATE_PLAN, { input: planInput({ ...refs(), areaSecretariatId: id }) }], 'areaSecretariatId'],
    ['createGoal.planId', (id) => [CREATE_GOAL, { input: { planId: id, kind: 'OVERALL', title: 'x' } }], 'planId'],
    ['createGoal.parentId', (id) => [CREATE_GOAL, { input: { planId: world.planA.id, kind: 'EFFECT', title: 'x', parentId: id } }], 'parentId'],
    ['createGoal.focusAreaId', (id) => [CREATE_GOAL, { input: { planId: world.planA.id, kind: 'OVERALL', title: 'x', focusAreaId: id } }], 'focusAreaId'],
    ['createActivity.planId', (id) => [CREATE_ACTIVITY, { input: activityInput(id) }], 'planId'],
    ['createActivity.focusAreaId', (id) => [CREATE_ACTIVITY, { input: activityInput(world.planA.id, { focusAreaId: id }) }], 'focusAreaId'],
    ['createIndicator.goalId', (id) => [CREATE_INDICATOR, { input: indicatorInput(id) }], 'goalId'],
    ['recordMeasurement.indicatorId', (id) => [RECORD_MEASUREMENT, { input: { indicatorId: id, measuredOn: '2024-01-01', value: 1 } }], 'indicatorId'],
    ['linkActivityToGoal.activityId', (id) => [LINK, { input: { activityId: id, goalId: id } }], 'activityId'],
    ['unlinkActivityFromGoal.activityId', (id) => [UNLINK, { activityId: id, goalId: id }], 'activityId'],
    ['createUser.planId', (id) => [CREATE_USER, { input: userInput('BOARD_MEMBER', { planId: id }) }], 'planId'],
    ['createUser.areaSecretariatId', (id) => [CREATE_USER, { input: userInput('AREA_SECRETARIAT', { areaSecretariatId: id }) }], 'areaSecretariatId'],
  ];

  describe.each([
    ['an unused uuid', () => randomUUID()],
    ['a malformed id', () => 'abc'],
  ])('%s', (_label, makeId) => {
    // Object rows: Jest would take a missing trailing tuple element for a `done` callback.
    it.each(cases.map(([name, operation, field]) => ({ name, operation, field })))('$name', async ({ operation, field }) => {
      const [query, variables] = operation(makeId());
      expectError(await send(query, variables), 'NOT_FOUND', field);
    });
  });

  it('linkActivityToGoal and unlinkActivityFromGoal name an unknown goalId', async () => {
    const activity = await createActivity(app.client, admin, { planId: world.planB.id });
    for (const goalId of [randomUUID(), 'abc']) {
      expectError(await send(LINK, { input: { activityId: activity.id, goalId } }), 'NOT_FOUND', 'goalId');
      expectError(await send(UNLINK, { activityId: activity.id, goalId }), 'NOT_FOUND', 'goalId');
    }
  });
});

describe('the registry', () => {
  it('createPool refuses an endYear before the startYear, a share outside 0..1, an empty name and a repeated focus area', async () => {
    const refusals: [Record<string, unknown>, string][] = [
      [{ startYear: 2019, endYear: 2018 }, 'endYear'],
      [{ minCofinancingShare: 1.01 }, 'minCofinancingShare'],
      [{ minCofinancingShare: -0.1 }, 'minCofinancingShare'],
      [{ name: '' }, 'name'],
      [{ name: '   ' }, 'name'],
      [{ focusAreas: ['Tryghed', 'tryghed'] }, 'focusAreas'],
      [{ focusAreas: ['Tryghed', ' '] }, 'focusAreas'],
    ];
    const name = unique('Pulje');
    for (const [overrides, field] of refusals) {
      expectError(await send(CREATE_POOL, { input: poolInput({ name, ...overrides }) }), 'BAD_USER_INPUT', field);
    }
    const pools = (await read(`query { pools { name } }`)).pools as { name: string }[];
    expect(pools.filter((p) => p.name === name)).toEqual([]);
  });

  it('createPool accepts equal years and a share of 1, and refuses a duplicate name with CONFLICT', async () => {
    const input = poolInput({ startYear: 2020, endYear: 2020, minCofinancingShare: 1 });
    expect((await read(CREATE_POOL, { input })).createPool).toMatchObject({ startYear: 2020, endYear: 2020, minCofinancingShare: 1 });
    expectError(await send(CREATE_POOL, { input }), 'CONFLICT');
  });

  it.each(['12', '1234', '12a', '', ' 1 2', 'abc'])('createMunicipality refuses the code %j', async (code) => {
    expectError(await send(CREATE_MUNICIPALITY, { input: { name: unique('Kommune'), code } }), 'BAD_USER_INPUT', 'code');
  });

  it('createMunicipality refuses a code in use with CONFLICT, keeping one municipality with it', async () => {
    const existing = await createMunicipality(app.client, admin);
    expectError(await send(CREATE_MUNICIPALITY, { input: { name: unique('Kommune'), code: existing.code } }), 'CONFLICT');
    const all = (await read(MUNICIPALITIES)).municipalities as { id: string; code: string }[];
    expect(all.filter((m) => m.code === existing.code)).toEqual([{ id: existing.id, code: existing.code }]);
  });

  it.each([
    ['createHousingOrganisation', CREATE_HOUSING_ORGANISATION],
    ['createAreaSecretariat', CREATE_AREA_SECRETARIAT],
  ])('%s refuses an empty name and a duplicate name (CONFLICT)', async (_name, mutation) => {
    expectError(await send(mutation, { input: { name: ' ' } }), 'BAD_USER_INPUT', 'name');
    const name = unique('Navn');
    await read(mutation, { input: { name } });
    expectError(await send(mutation, { input: { name } }), 'CONFLICT');
  });
});

describe('createUser', () => {
  async function userEmails(): Promise<string[]> {
    return ((await read(USERS)).users as { email: string }[]).map((u) => u.email);
  }

  it.each(['not-an-email', 'a@b', 'a b@example.dk', '@example.dk', 'x@', ''])('refuses the email %j', async (email) => {
    expectError(await send(CREATE_USER, { input: userInput('LBF', { email }) }), 'BAD_USER_INPUT', 'email');
  });

  it('refuses a password shorter than 8 characters and creates nobody', async () => {
    const input = userInput('LBF', { password: '1234567' });
    expectError(await send(CREATE_USER, { input }), 'BAD_USER_INPUT', 'password');
    expect(await userEmails()).not.toContain(input.email);
  });

  it('refuses an email in use, in any letter case, with CONFLICT', async () => {
    const input = userInput('LBF');
    await read(CREATE_USER, { input });
    expectError(await send(CREATE_USER, { input: userInput('LBF', { email: input.email }) }), 'CONFLICT');
    expectError(await send(CREATE_USER, { input: userInput('LBF', { email: input.email.toUpperCase() }) }), 'CONFLICT');
    expect((await userEmails()).filter((e) => e === input.email)).toHaveLength(1);
  });

  it('requires the scope the role needs, and refuses one it does not', async () => {
    const refusals: [string, Record<string, unknown>, string][] = [
      ['PROJECT_SECRETARIAT', {}, 'planId'],
      ['BOARD_MEMBER', {}, 'planId'],
      ['AREA_SECRETARIAT', {}, 'areaSecretariatId'],
      ['LBF', { planId: world.planA.id }, 'planId'],
      ['ADMIN', { areaSecretariatId: world.areaSecretariatId }, 'areaSecretariatId'],
      ['PROJECT_SECRETARIAT', { planId: world.planA.id, areaSecretariatId: world.areaSecretariatId }, 'areaSecretariatId'],
    ];
    const emails: string[] = [];
    for (const [role, scope, field] of refusals) {
      const input = userInput(role, scope);
      emails.push(input.email);
      expectError(await send(CREATE_USER, { input }), 'BAD_USER_INPUT', field);
    }
    const existing = await userEmails();
    expect(emails.filter((e) => existing.includes(e))).toEqual([]);
  });
});

describe('text and other numbers', () => {
  it('refuses an empty or blank title or name on every create and update', async () => {
    const plan = await freshPlan();
    const goal = await createGoal(app.client, admin, { planId: plan.id, kind: 'OVERALL' });
    const activity = await createActivity(app.client, admin, { planId: plan.id });
    const before = await readPlan(plan.id);
    const refusals: [string, Record<string, unknown>, string][] = [
      [CREATE_PLAN, { input: planInput(refs(), { title: '' }) }, 'title'],
      [CREATE_PLAN, { input: planInput(refs(), { title: '   ' }) }, 'title'],
      [CREATE_PLAN, { input: planInput(refs(), { housingAreas: ['Afdeling 1', ''] }) }, 'housingAreas'],
      [UPDATE_PLAN, { input: { id: plan.id, title: ' ' } }, 'title'],
      [UPDATE_PLAN, { input: { id: plan.id, title: null } }, 'title'],
      [CREATE_GOAL, { input: { planId: plan.id, kind: 'OVERALL', title: '' } }, 'title'],
      [UPDATE_GOAL, { input: { id: goal.id, title: '' } }, 'title'],
      [UPDATE_GOAL, { input: { id: goal.id, title: null } }, 'title'],
      [CREATE_ACTIVITY, { input: activityInput(plan.id, { title: ' ' }) }, 'title'],
      [UPDATE_ACTIVITY, { input: { id: activity.id, expectedVersion: 1, title: '' } }, 'title'],
      [CREATE_INDICATOR, { input: indicatorInput(goal.id, { name: '' }) }, 'name'],
      [CREATE_INDICATOR, { input: indicatorInput(goal.id, { unit: ' ' }) }, 'unit'],
    ];
    for (const [mutation, variables, field] of refusals) {
      expectError(await send(mutation, variables), 'BAD_USER_INPUT', field);
    }
    expect(await readPlan(plan.id)).toEqual(before);
  });

  it('createPlan needs at least one housing organisation, each once', async () => {
    const pool = await createPool(app.client, admin);
    const without = planInput({ ...refs(pool.id), housingOrganisationIds: [] });
    expectError(await send(CREATE_PLAN, { input: without }), 'BAD_USER_INPUT', 'housingOrganisationIds');
    const twice = planInput({ ...refs(pool.id), housingOrganisationIds: [world.housingOrganisationId, world.housingOrganisationId] });
    expectError(await send(CREATE_PLAN, { input: twice }), 'BAD_USER_INPUT', 'housingOrganisationIds');
    expect(await plansInPool(pool.id)).toBe(0);
  });

  it.each([0, -5, 3651])('refuses reportingIntervalDays %j on create and update', async (days) => {
    const pool = await createPool(app.client, admin);
    expectError(await send(CREATE_PLAN, { input: planInput(refs(pool.id), { reportingIntervalDays: days }) }), 'BAD_USER_INPUT', 'reportingIntervalDays');
    expect(await plansInPool(pool.id)).toBe(0);
    const plan = await freshPlan();
    const before = await readPlan(plan.id);
    expectError(await send(UPDATE_PLAN, { input: { id: plan.id, reportingIntervalDays: days } }), 'BAD_USER_INPUT', 'reportingIntervalDays');
    expect(await readPlan(plan.id)).toEqual(before);
  });
});
