import { createActivity, createGoal, createIndicator, link } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
});
afterAll(() => app?.stop());

describe('the plan model, built by a project secretariat', () => {
  it('builds a goal tree, indicators, measurements, activities and links, and reads them back as a plan page', async () => {
    const { client } = app;
    const token = world.tokens.projectA;
    const planId = world.planA.id;
    const root = await createGoal(client, token, { planId, kind: 'OVERALL', title: 'Flere unge i uddannelse' });
    const effect = await createGoal(client, token, { planId, kind: 'EFFECT', parentId: root.id, title: 'Færre skolefravær' });
    const sub = await createGoal(client, token, {
      planId,
      kind: 'SUB',
      parentId: effect.id,
      title: 'Lektiehjælp',
      focusAreaId: world.pool.focusAreas[0].id,
    });
    const indicator = await createIndicator(client, token, { goalId: effect.id, name: 'Fravær', direction: 'DECREASE', baseline: 12, target: 8 });
    await client.ok(
      `mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id value recordedBy { id } } }`,
      { input: { indicatorId: indicator.id, measuredOn: '2024-06-30', value: 10.5, note: 'Skoleåret 23/24' } },
      token,
    );
    const a1 = await createActivity(client, token, { planId, title: 'Lektiecafé', budget: 300_000, focusAreaId: world.pool.focusAreas[0].id });
    const a2 = await createActivity(client, token, { planId, title: 'Forældrekursus', budget: '1200000' });
    expect(await link(client, token, { activityId: a1.id, goalId: sub.id, weight: 3, rationale: 'Direkte' })).toEqual({ weight: 3, share: 1 });
    expect(await link(client, token, { activityId: a1.id, goalId: effect.id })).toEqual({ weight: 1, share: 0.25 });
    await link(client, token, { activityId: a2.id, goalId: root.id });

    const page = await client.ok(
      `query($id: ID!) { plan(id: $id) {
          id title status startDate lbfGrant localCofinancing reportingIntervalDays housingAreas
          pool { id } municipality { id } housingOrganisations { id } areaSecretariat { id }
          goals { id kind title parent { id } children { id } focusArea { id name }
            indicators { id name baseline target direction measurements { value measuredOn note recordedBy { id } } goal { id } }
            links { share activity { id } } }
          activities { id title budget version status focusArea { id }
            links { weight share rationale goal { id } }
            servedGoals { share goal { id } path { id } } }
        } }`,
      { id: planId },
      token,
    );
    const plan = page.plan;
    expect(plan.lbfGrant).toBe(10_000_000);
    expect(plan.reportingIntervalDays).toBe(90);
    expect(plan.areaSecretariat).toEqual({ id: world.areaSecretariatId });
    expect(plan.goals.map((g: { id: string }) => g.id)).toEqual([root.id, effect.id, sub.id]);
    expect(plan.goals[1].children).toEqual([{ id: sub.id }]);
    expect(plan.goals[2].parent).toEqual({ id: effect.id });
    expect(plan.goals[2].focusArea.id).toBe(world.pool.focusAreas[0].id);
    expect(plan.goals[1].indicators[0].measurements).toEqual([
      { value: 10.5, measuredOn: '2024-06-30', note: 'Skoleåret 23/24', recordedBy: { id: expect.any(String) } },
    ]);
    expect(plan.goals[1].links).toEqual([{ share: 0.25, activity: { id: a1.id } }]);
    const lektiecafe = plan.activities.find((a: { id: string }) => a.id === a1.id);
    expect(lektiecafe.status).toBe('PLANNED');
    expect(lektiecafe.servedGoals).toEqual([
      { share: 0.75, goal: { id: sub.id }, path: [{ id: root.id }, { id: effect.id }, { id: sub.id }] },
      { share: 0.25, goal: { id: effect.id }, path: [{ id: root.id }, { id: effect.id }] },
    ]);
    expect(plan.activities.find((a: { id: string }) => a.id === a2.id).budget).toBe(1_200_000);
  });

  it('updates an activity with optimistic concurrency', async () => {
    const { client } = app;
    const token = world.tokens.projectA;
    const activity = await createActivity(client, token, { planId: world.planA.id });
    const update = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { version title status } }`;
    const updated = await client.ok(update, { input: { id: activity.id, expectedVersion: 1, title: 'Ny titel', status: 'ACTIVE' } }, token);
    expect(updated.updateActivity).toEqual({ version: 2, title: 'Ny titel', status: 'ACTIVE' });
    const stale = await client.error(update, { input: { id: activity.id, expectedVersion: 1, title: 'Tabt' } }, token);
    expect(stale.extensions?.code).toBe('CONFLICT');
    const after = await client.ok(`query($id: ID!) { activity(id: $id) { version title } }`, { id: activity.id }, token);
    expect(after.activity).toEqual({ version: 2, title: 'Ny titel' });
  });
});
