import { addDays, todayUtc } from '../src/common/clock.js';
import { createActivity, createGoal } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { AUDIT, COMPLETE_MILESTONE, CREATE_MILESTONE } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/** The milestone plan (milepælsplan): create, complete, overdue, and who may. */
let app: TestApp;
let world: World;
let goalA: string;
let activityA: string;
let goalB: string;
let activityB: string;
const today = todayUtc();

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  goalA = (await createGoal(app.client, world.tokens.projectA, { planId: world.planA.id, kind: 'OVERALL' })).id;
  activityA = (await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id })).id;
  goalB = (await createGoal(app.client, world.tokens.projectB, { planId: world.planB.id, kind: 'OVERALL' })).id;
  activityB = (await createActivity(app.client, world.tokens.projectB, { planId: world.planB.id })).id;
});
afterAll(() => app?.stop());

const create = (input: Record<string, unknown>, token = world.tokens.projectA) =>
  app.client.request(CREATE_MILESTONE, { input: { planId: world.planA.id, title: 'Milepæl', dueDate: '2026-06-30', ...input } }, token);
const complete = (id: string, completedOn: string, token = world.tokens.projectA) => app.client.request(COMPLETE_MILESTONE, { id, completedOn }, token);
const PLAN_MILESTONES = `query($id: ID!) { plan(id: $id) { milestones { id title dueDate completedOn isOverdue activity { id } goal { id } } } }`;

describe('createMilestone', () => {
  it('creates a milestone of the plan, optionally of one of its activities and goals', async () => {
    const result = await create({ title: '  Forældrenetværk i gang  ', dueDate: addDays(today, 30), activityId: activityA, goalId: goalA });
    expect(result.data!.createMilestone).toEqual({
      id: expect.any(String),
      title: 'Forældrenetværk i gang',
      dueDate: addDays(today, 30),
      completedOn: null,
      isOverdue: false,
      plan: { id: world.planA.id },
      activity: { id: activityA },
      goal: { id: goalA },
    });
    const trail = (await app.client.ok(AUDIT, { filter: { entity: 'Milestone', entityId: result.data!.createMilestone.id } }, app.adminToken)).auditEvents;
    expect(trail.edges.map((e: any) => [e.node.operation, e.node.plan.id, JSON.parse(e.node.after).title])).toEqual([
      ['createMilestone', world.planA.id, 'Forældrenetværk i gang'],
    ]);
  });

  it('refuses an activity or goal of another plan, or none at all, naming the field', async () => {
    for (const [field, value] of [
      ['activityId', activityB],
      ['goalId', goalB],
      ['activityId', goalA],
      ['goalId', activityA],
      ['activityId', '00000000-0000-4000-8000-000000000000'],
      ['goalId', 'not-an-id'],
    ]) {
      expectError(await create({ [field]: value }), 'BAD_USER_INPUT', field);
    }
    expectError(await create({ title: '   ' }), 'BAD_USER_INPUT', 'title');
    expectError(await create({ title: 'x'.repeat(201) }), 'BAD_USER_INPUT', 'title');
    expectError(await create({ dueDate: '2026-02-30' }), 'BAD_USER_INPUT', 'dueDate');
  });

  it('is for ADMIN and the plan’s project secretariat: other readers get FORBIDDEN, the rest NOT_FOUND', async () => {
    for (const token of [world.tokens.lbf, world.tokens.area, world.tokens.boardA]) expectError(await create({}, token), 'FORBIDDEN');
    expectError(await create({}, world.tokens.projectB), 'NOT_FOUND', 'planId');
    expectError(await create({ planId: world.planB.id }, world.tokens.area), 'NOT_FOUND', 'planId');
    expect((await create({ title: 'Af ADMIN' }, app.adminToken)).data!.createMilestone.title).toBe('Af ADMIN');
    const titles = (await app.client.ok(PLAN_MILESTONES, { id: world.planA.id }, world.tokens.boardA)).plan.milestones.map((m: any) => m.title);
    expect(titles).toContain('Af ADMIN');
    expect(titles).not.toContain('Milepæl');
  });
});

describe('completeMilestone', () => {
  it('completes once, on or before today', async () => {
    const { id } = (await create({ title: 'Evaluering', dueDate: addDays(today, -10) })).data!.createMilestone;
    expectError(await complete(id, addDays(today, 1)), 'BAD_USER_INPUT', 'completedOn');
    expect((await complete(id, today)).data!.completeMilestone).toEqual({ id, completedOn: today, isOverdue: false });
    const again = expectError(await complete(id, addDays(today, -1)), 'CONFLICT');
    expect(again.message).toContain(today);
    const trail = (await app.client.ok(AUDIT, { filter: { entity: 'Milestone', entityId: id } }, app.adminToken)).auditEvents;
    expect(trail.edges.map((e: any) => [e.node.operation, e.node.before && JSON.parse(e.node.before), e.node.after && JSON.parse(e.node.after).completedOn])).toEqual([
      ['completeMilestone', { completedOn: null }, today],
      ['createMilestone', null, undefined],
    ]);
  });

  it('lets one of two racing completions win', async () => {
    const { id } = (await create({ title: 'Samtidig' })).data!.createMilestone;
    const results = await Promise.all([complete(id, today), complete(id, addDays(today, -3))]);
    expect(results.filter((r) => r.data).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(1);
    const milestones = (await app.client.ok(PLAN_MILESTONES, { id: world.planA.id }, world.tokens.projectA)).plan.milestones;
    expect(milestones.find((m: any) => m.id === id).completedOn).toBe(results.find((r) => r.data)!.data!.completeMilestone.completedOn);
  });

  it('is for ADMIN and the plan’s project secretariat', async () => {
    const { id } = (await create({ title: 'Adgang' })).data!.createMilestone;
    for (const token of [world.tokens.lbf, world.tokens.area, world.tokens.boardA]) expectError(await complete(id, today, token), 'FORBIDDEN');
    expectError(await complete(id, today, world.tokens.projectB), 'NOT_FOUND', 'id');
    expectError(await complete('00000000-0000-4000-8000-000000000000', today), 'NOT_FOUND', 'id');
    expectError(await complete('nope', today), 'NOT_FOUND', 'id');
    expect((await complete(id, today, app.adminToken)).data!.completeMilestone.completedOn).toBe(today);
  });
});

describe('Plan.milestones', () => {
  it('lists them by due date, then title, overdue when not completed by their due date', async () => {
    const plan = (await app.client.ok(
      `mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }`,
      {
        input: {
          title: 'Milepælsplan',
          poolId: world.pool.id,
          municipalityId: world.municipalityId,
          housingOrganisationIds: [world.housingOrganisationId],
          startDate: '2023-01-01',
          endDate: '2027-12-31',
          lbfGrant: 1,
          localCofinancing: 1,
        },
      },
      app.adminToken,
    )).createPlan;
    const add = async (title: string, dueDate: string) =>
      (await app.client.ok(CREATE_MILESTONE, { input: { planId: plan.id, title, dueDate } }, app.adminToken)).createMilestone.id as string;
    const late = await add('B forsinket', addDays(today, -1));
    const done = await add('A færdig', addDays(today, -1));
    await add('C i dag', today);
    await add('A senere', addDays(today, 5));
    await app.client.ok(COMPLETE_MILESTONE, { id: done, completedOn: addDays(today, -2) }, app.adminToken);
    const milestones = (await app.client.ok(PLAN_MILESTONES, { id: plan.id }, app.adminToken)).plan.milestones;
    expect(milestones.map((m: any) => [m.title, m.isOverdue])).toEqual([
      ['A færdig', false],
      ['B forsinket', true],
      // Due today is not yet overdue.
      ['C i dag', false],
      ['A senere', false],
    ]);
    expect(milestones[1].id).toBe(late);
  });
});
