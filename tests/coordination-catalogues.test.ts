import pg from 'pg';
import { ACTIVITY_TYPES, TARGET_GROUPS } from '../migrations/1764720000000-Coordination.js';
import { catalogues, type Catalogues } from './factories/coordination.factory.js';
import { createActivity } from './factories/plan.factory.js';
import { unique } from './factories/unique.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * The national catalogues (issue 12, part 1) and an activity's type, target groups and partners on
 * createActivity and updateActivity.
 */
let app: TestApp;
let world: World;
let cat: Catalogues;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  cat = await catalogues(app.client, app.adminToken);
});
afterAll(() => app?.stop());

const CREATE_TYPE = `mutation($input: CreateNamedInput!) { createActivityType(input: $input) { id name } }`;
const CREATE_GROUP = `mutation($input: CreateNamedInput!) { createTargetGroup(input: $input) { id name } }`;
const TAGGING = `activityType { id name } targetGroups { id name } partners targetGroup version`;
const CREATE = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id ${TAGGING} } }`;
const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id ${TAGGING} } }`;
const ACTIVITY = `query($id: ID!) { activity(id: $id) { ${TAGGING} } }`;
const EVENTS = `query($filter: AuditFilter) { auditEvents(filter: $filter) { edges { node { operation entity entityId before after plan { id } actor { id } } } } }`;

function activityInput(overrides: Record<string, unknown> = {}) {
  return {
    planId: world.planA.id,
    title: unique('Aktivitet'),
    responsibleParty: 'JOINT',
    startDate: '2024-01-01',
    endDate: '2024-12-31',
    budget: 100_000,
    ...overrides,
  };
}

describe('the catalogues', () => {
  it('are seeded with a Danish starting list, by name', async () => {
    const data = await app.client.ok(`{ activityTypes { name } targetGroups { name } }`, {}, world.tokens.boardA);
    const types = data.activityTypes.map((t: { name: string }) => t.name);
    const groups = data.targetGroups.map((t: { name: string }) => t.name);
    expect(types).toEqual(expect.arrayContaining(ACTIVITY_TYPES));
    expect(types).toEqual(expect.arrayContaining(['Lektiecafé', 'Jobcafé', 'Værested', 'Fritidsjob', 'Forældrenetværk', 'Mentorordning', 'Tryghedsvandring']));
    expect(groups).toEqual(expect.arrayContaining(TARGET_GROUPS));
    expect(groups).toEqual(
      expect.arrayContaining(['Børn 0-5 år', 'Børn 6-12 år', 'Unge 13-17 år', 'Unge 18-29 år', 'Forældre', 'Voksne uden for arbejdsmarkedet', 'Ældre', 'Alle beboere']),
    );
    // By name, in the database's (byte-wise) order: "Alle beboere" before "Børn 0-5 år" before "Ældre".
    expect(groups).toEqual([...groups].sort((a: string, b: string) => (Buffer.from(a) < Buffer.from(b) ? -1 : 1)));
    expect(groups.indexOf('Alle beboere')).toBeLessThan(groups.indexOf('Børn 0-5 år'));
    expect(groups.indexOf('Børn 0-5 år')).toBeLessThan(groups.indexOf('Ældre'));
  });

  it('are extended by LBF and ADMIN, the name trimmed and its white space made single', async () => {
    const name = unique('Lektie-  og sprogcafé');
    const created = (await app.client.ok(CREATE_TYPE, { input: { name: `  ${name}  ` } }, world.tokens.lbf)).createActivityType;
    expect(created.name).toBe(name.replace(/\s+/g, ' '));
    const group = (await app.client.ok(CREATE_GROUP, { input: { name: unique('Unge mødre') } }, app.adminToken)).createTargetGroup;
    const data = await app.client.ok(`{ activityTypes { id name } targetGroups { id name } }`, {}, world.tokens.projectA);
    expect(data.activityTypes).toContainEqual(created);
    expect(data.targetGroups).toContainEqual(group);
  });

  it('refuses a name already there, compared ignoring case, and changes nothing', async () => {
    expectError(await app.client.request(CREATE_TYPE, { input: { name: 'LEKTIECAFÉ' } }, world.tokens.lbf), 'CONFLICT', 'name');
    expectError(await app.client.request(CREATE_GROUP, { input: { name: 'unge 13-17 ÅR' } }, world.tokens.lbf), 'CONFLICT', 'name');
    const name = unique('Madklub');
    await app.client.ok(CREATE_GROUP, { input: { name } }, world.tokens.lbf);
    expectError(await app.client.request(CREATE_GROUP, { input: { name: ` ${name.toUpperCase()} ` } }, app.adminToken), 'CONFLICT', 'name');
    const data = await app.client.ok(`{ activityTypes { name } targetGroups { name } }`, {}, world.tokens.lbf);
    expect(data.activityTypes.filter((t: { name: string }) => t.name.toLowerCase() === 'lektiecafé')).toHaveLength(1);
    expect(data.targetGroups.filter((t: { name: string }) => t.name.toLowerCase() === name.toLowerCase())).toHaveLength(1);
  });

  it('refuses an empty or over-long name as BAD_USER_INPUT on name', async () => {
    expectError(await app.client.request(CREATE_TYPE, { input: { name: '   ' } }, world.tokens.lbf), 'BAD_USER_INPUT', 'name');
    expectError(await app.client.request(CREATE_GROUP, { input: { name: 'x'.repeat(201) } }, world.tokens.lbf), 'BAD_USER_INPUT', 'name');
  });

  it('may not be extended by secretariats and board members', async () => {
    for (const token of [world.tokens.area, world.tokens.projectA, world.tokens.boardA]) {
      expectError(await app.client.request(CREATE_TYPE, { input: { name: unique('Type') } }, token), 'FORBIDDEN');
      expectError(await app.client.request(CREATE_GROUP, { input: { name: unique('Gruppe') } }, token), 'FORBIDDEN');
    }
  });

  it('audits every extension, with no plan', async () => {
    const created = (await app.client.ok(CREATE_TYPE, { input: { name: unique('Cykelværksted') } }, world.tokens.lbf)).createActivityType;
    const [event] = (await app.client.ok(EVENTS, { filter: { entityId: created.id } }, app.adminToken)).auditEvents.edges.map((e: any) => e.node);
    expect(event).toMatchObject({ operation: 'createActivityType', entity: 'ActivityType', entityId: created.id, plan: null, before: null });
    expect(JSON.parse(event.after)).toMatchObject({ id: created.id, name: created.name });
  });

  it('have no operation that changes or deletes an entry', async () => {
    const mutations = await app.client.ok(`{ __schema { mutationType { fields { name } } } }`, {}, app.adminToken);
    const names: string[] = mutations.__schema.mutationType.fields.map((f: { name: string }) => f.name);
    expect(names.filter((n) => /ActivityType|TargetGroup/.test(n)).sort()).toEqual(['createActivityType', 'createTargetGroup']);
  });
});

describe('an activity’s type, target groups and partners', () => {
  it('are set on create and read back, target groups by name, partners in the order given', async () => {
    const input = activityInput({
      activityTypeId: cat.type('Lektiecafé'),
      targetGroupIds: [cat.group('Forældre'), cat.group('Børn 6-12 år')],
      partners: ['  Engvangens   Skole ', 'Frivilligcenter Aarhus'],
      targetGroup: 'Børn i 1.-6. klasse og deres forældre',
    });
    const created = (await app.client.ok(CREATE, { input }, world.tokens.projectA)).createActivity;
    expect(created).toMatchObject({
      activityType: { id: cat.type('Lektiecafé'), name: 'Lektiecafé' },
      targetGroups: [
        { id: cat.group('Børn 6-12 år'), name: 'Børn 6-12 år' },
        { id: cat.group('Forældre'), name: 'Forældre' },
      ],
      partners: ['Engvangens Skole', 'Frivilligcenter Aarhus'],
      targetGroup: 'Børn i 1.-6. klasse og deres forældre',
      version: 1,
    });
    expect((await app.client.ok(ACTIVITY, { id: created.id }, world.tokens.boardA)).activity).toEqual(
      expect.objectContaining({ activityType: created.activityType, targetGroups: created.targetGroups, partners: created.partners }),
    );
  });

  it('are empty without them', async () => {
    const created = (await app.client.ok(CREATE, { input: activityInput() }, world.tokens.projectA)).createActivity;
    expect(created).toMatchObject({ activityType: null, targetGroups: [], partners: [] });
  });

  it('are replaced as a whole set on update, leave what is absent alone, and bump the version', async () => {
    const { id } = (
      await app.client.ok(
        CREATE,
        { input: activityInput({ activityTypeId: cat.type('Jobcafé'), targetGroupIds: [cat.group('Ledige')], partners: ['Jobcenter Aarhus'] }) },
        world.tokens.projectA,
      )
    ).createActivity;
    const replaced = (
      await app.client.ok(
        UPDATE,
        { input: { id, expectedVersion: 1, targetGroupIds: [cat.group('Voksne uden for arbejdsmarkedet'), cat.group('Unge 18-29 år')] } },
        world.tokens.projectA,
      )
    ).updateActivity;
    expect(replaced).toMatchObject({
      version: 2,
      activityType: { name: 'Jobcafé' },
      targetGroups: [{ name: 'Unge 18-29 år' }, { name: 'Voksne uden for arbejdsmarkedet' }],
      partners: ['Jobcenter Aarhus'],
    });
    const retyped = (
      await app.client.ok(
        UPDATE,
        { input: { id, expectedVersion: 2, activityTypeId: cat.type('Virksomhedssamarbejde'), partners: ['Jobcenter Aarhus', 'Netto Gellerup'] } },
        world.tokens.projectA,
      )
    ).updateActivity;
    expect(retyped).toMatchObject({
      version: 3,
      activityType: { name: 'Virksomhedssamarbejde' },
      targetGroups: [{ name: 'Unge 18-29 år' }, { name: 'Voksne uden for arbejdsmarkedet' }],
      partners: ['Jobcenter Aarhus', 'Netto Gellerup'],
    });
    const cleared = (
      await app.client.ok(UPDATE, { input: { id, expectedVersion: 3, activityTypeId: null, targetGroupIds: null, partners: [] } }, world.tokens.projectA)
    ).updateActivity;
    expect(cleared).toMatchObject({ version: 4, activityType: null, targetGroups: [], partners: [] });
  });

  it('are audited with the rest of the activity: only what changed, target groups as one sorted list of ids', async () => {
    const groups = [cat.group('Unge 13-17 år'), cat.group('Forældre')];
    const { id } = (
      await app.client.ok(CREATE, { input: activityInput({ activityTypeId: cat.type('Fritidsjob'), targetGroupIds: groups, partners: ['Føtex'] }) }, world.tokens.projectA)
    ).createActivity;
    await app.client.ok(UPDATE, { input: { id, expectedVersion: 1, targetGroupIds: [cat.group('Unge 13-17 år')], title: 'Fritidsjob i Gellerup' } }, world.tokens.projectA);
    // The same set again, in another order: no change to record.
    await app.client.ok(UPDATE, { input: { id, expectedVersion: 2, targetGroupIds: [cat.group('Unge 13-17 år')], partners: ['Føtex'] } }, world.tokens.projectA);
    const [third, second, first] = (await app.client.ok(EVENTS, { filter: { entity: 'Activity', entityId: id } }, app.adminToken)).auditEvents.edges.map(
      (e: any) => e.node,
    );
    expect(JSON.parse(first.after)).toMatchObject({ activityTypeId: cat.type('Fritidsjob'), partners: ['Føtex'], targetGroupIds: [...groups].sort() });
    expect(JSON.parse(second.before)).toEqual({ title: expect.any(String), targetGroupIds: [...groups].sort(), version: 1 });
    expect(JSON.parse(second.after)).toEqual({ title: 'Fritidsjob i Gellerup', targetGroupIds: [cat.group('Unge 13-17 år')], version: 2 });
    expect(JSON.parse(third.before)).toEqual({ version: 2 });
    expect(JSON.parse(third.after)).toEqual({ version: 3 });
  });

  it('answer NOT_FOUND naming the field for an id that is not in the catalogue, and write nothing', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    expectError(await app.client.request(CREATE, { input: activityInput({ activityTypeId: missing }) }, world.tokens.projectA), 'NOT_FOUND', 'activityTypeId');
    expectError(await app.client.request(CREATE, { input: activityInput({ activityTypeId: 'lektiecafé' }) }, world.tokens.projectA), 'NOT_FOUND', 'activityTypeId');
    const title = unique('Skal ikke findes');
    expectError(
      await app.client.request(CREATE, { input: activityInput({ title, targetGroupIds: [cat.group('Ældre'), missing] }) }, world.tokens.projectA),
      'NOT_FOUND',
      'targetGroupIds',
    );
    const { plan } = await app.client.ok(`query($id: ID!) { plan(id: $id) { activities { title } } }`, { id: world.planA.id }, world.tokens.projectA);
    expect(plan.activities.map((a: { title: string }) => a.title)).not.toContain(title);
  });

  it('refuse a target group twice, and partners beyond 20 or 200 characters, as BAD_USER_INPUT', async () => {
    const twice = activityInput({ targetGroupIds: [cat.group('Ældre'), cat.group('Ældre')] });
    expectError(await app.client.request(CREATE, { input: twice }, world.tokens.projectA), 'BAD_USER_INPUT', 'targetGroupIds');
    const many = activityInput({ partners: Array.from({ length: 21 }, (_, i) => `Partner ${i}`) });
    expectError(await app.client.request(CREATE, { input: many }, world.tokens.projectA), 'BAD_USER_INPUT', 'partners');
    const long = activityInput({ partners: ['x'.repeat(201)] });
    expectError(await app.client.request(CREATE, { input: long }, world.tokens.projectA), 'BAD_USER_INPUT', 'partners');
    const empty = activityInput({ partners: ['Skolen', ' '] });
    expectError(await app.client.request(CREATE, { input: empty }, world.tokens.projectA), 'BAD_USER_INPUT', 'partners');
    const exactly = activityInput({ partners: Array.from({ length: 20 }, (_, i) => `${'p'.repeat(197)}${String(i).padStart(3, '0')}`) });
    expect((await app.client.ok(CREATE, { input: exactly }, world.tokens.projectA)).createActivity.partners).toHaveLength(20);
  });

  it('change nothing when an update is refused, however far it got', async () => {
    const { id } = (
      await app.client.ok(CREATE, { input: activityInput({ targetGroupIds: [cat.group('Ældre')], partners: ['Ældresagen'] }) }, world.tokens.projectA)
    ).createActivity;
    const missing = '00000000-0000-4000-8000-000000000001';
    expectError(
      await app.client.request(UPDATE, { input: { id, expectedVersion: 1, partners: ['Ny'], targetGroupIds: [missing] } }, world.tokens.projectA),
      'NOT_FOUND',
      'targetGroupIds',
    );
    expectError(
      await app.client.request(UPDATE, { input: { id, expectedVersion: 5, targetGroupIds: [cat.group('Forældre')] } }, world.tokens.projectA),
      'CONFLICT',
    );
    expect((await app.client.ok(ACTIVITY, { id }, world.tokens.projectA)).activity).toMatchObject({
      version: 1,
      targetGroups: [{ name: 'Ældre' }],
      partners: ['Ældresagen'],
    });
  });

  it('are set only by those who may change the plan’s content', async () => {
    const activity = await createActivity(app.client, world.tokens.projectA, { planId: world.planA.id, startDate: '2024-01-01', endDate: '2024-12-31' });
    const input = { id: activity.id, expectedVersion: 1, activityTypeId: cat.type('Værested') };
    expectError(await app.client.request(UPDATE, { input }, world.tokens.projectB), 'NOT_FOUND');
    for (const token of [world.tokens.area, world.tokens.boardA, world.tokens.lbf]) {
      expectError(await app.client.request(UPDATE, { input }, token), 'FORBIDDEN');
    }
    expectError(
      await app.client.request(CREATE, { input: activityInput({ planId: world.planA.id, activityTypeId: cat.type('Værested') }) }, world.tokens.projectB),
      'NOT_FOUND',
      'planId',
    );
    expect((await app.client.ok(ACTIVITY, { id: activity.id }, world.tokens.projectA)).activity).toMatchObject({ version: 1, activityType: null });
  });

  it('keep their target-group rows in the activity’s plan', async () => {
    const { id } = (
      await app.client.ok(CREATE, { input: activityInput({ targetGroupIds: [cat.group('Ældre'), cat.group('Frivillige')] }) }, world.tokens.projectA)
    ).createActivity;
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT DISTINCT plan_id FROM activity_target_groups WHERE activity_id = $1`, [id]);
      expect(rows).toEqual([{ plan_id: world.planA.id }]);
    } finally {
      await client.end();
    }
  });
});
