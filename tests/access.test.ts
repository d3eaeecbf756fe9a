import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { APP_CONFIG } from '../src/config/config.module.js';
import type { AppConfig } from '../src/config/config.js';
import { activityInput, indicatorInput, planInput, poolInput, userInput } from './factories/inputs.js';
import { createActivity, createGoal, createIndicator, createPlan, link } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { unique } from './factories/unique.js';
import { userWithToken } from './factories/user.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import {
  ACTIVITY,
  AREA_SECRETARIAT,
  AREA_SECRETARIATS,
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
  ME,
  PLAN,
  PLANS,
  RECORD_MEASUREMENT,
  UNLINK,
  UPDATE_ACTIVITY,
  UPDATE_GOAL,
  UPDATE_PLAN,
  USERS,
} from './helpers/operations.js';
import { ADMIN_EMAIL, startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Every role against plans outside its scope: reads are NOT_FOUND, lists leave them out, writes are
 * NOT_FOUND (outside scope) or FORBIDDEN (readable, not editable). Besides buildWorld's plans A (in
 * area secretariat S) and B (in none), plan A2 sits in S too and plan C in secretariat S2, so that a
 * plan's own users have a plan of their secretariat to be kept out of.
 */
let app: TestApp;
let world: World;
let admin: string;

interface Content {
  planId: string;
  goalId: string;
  subGoalId: string;
  indicatorId: string;
  activityId: string;
}
const content: Record<'A' | 'A2' | 'B' | 'C', Content> = {} as never;
let s2Id: string;

/** A goal with a sub-goal and an indicator with a measurement, and an activity linked to the goal. */
async function seedContent(planId: string): Promise<Content> {
  const { client } = app;
  const goal = await createGoal(client, admin, { planId, kind: 'OVERALL' });
  const subGoal = await createGoal(client, admin, { planId, kind: 'EFFECT', parentId: goal.id });
  const indicator = await createIndicator(client, admin, { goalId: goal.id });
  await client.ok(RECORD_MEASUREMENT, { input: { indicatorId: indicator.id, measuredOn: '2024-01-31', value: 45 } }, admin);
  const activity = await createActivity(client, admin, { planId });
  await link(client, admin, { activityId: activity.id, goalId: goal.id });
  return { planId, goalId: goal.id, subGoalId: subGoal.id, indicatorId: indicator.id, activityId: activity.id };
}

beforeAll(async () => {
  app = await startTestApp();
  admin = app.adminToken;
  world = await buildWorld(app.client, admin);
  const refs = { poolId: world.pool.id, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] };
  s2Id = (await createAreaSecretariat(app.client, admin)).id;
  const planA2 = await createPlan(app.client, admin, { ...refs, areaSecretariatId: world.areaSecretariatId });
  const planC = await createPlan(app.client, admin, { ...refs, areaSecretariatId: s2Id });
  content.A = await seedContent(world.planA.id);
  content.A2 = await seedContent(planA2.id);
  content.B = await seedContent(world.planB.id);
  content.C = await seedContent(planC.id);
});
afterAll(() => app?.stop());

const send = (query: string, variables: Record<string, unknown>, token: string | undefined) => app.client.request(query, variables, token);
const readAsAdmin = async (planId: string) => (await app.client.ok(PLAN, { id: planId }, admin)).plan;
const ids = (items: { id: string }[]) => items.map((i) => i.id).sort();
type PlanKey = keyof typeof content;

/** The scoped roles, with what each may read; resolved after beforeAll has built the world. */
const scopedRoles: [string, () => { token: string; readable: PlanKey[]; secretariats: Record<string, PlanKey[]> }][] = [
  ['PROJECT_SECRETARIAT of plan B', () => ({ token: world.tokens.projectB, readable: ['B'], secretariats: {} })],
  ['PROJECT_SECRETARIAT of plan A', () => ({ token: world.tokens.projectA, readable: ['A'], secretariats: { [world.areaSecretariatId]: ['A'] } })],
  ['BOARD_MEMBER of plan A', () => ({ token: world.tokens.boardA, readable: ['A'], secretariats: { [world.areaSecretariatId]: ['A'] } })],
  ['AREA_SECRETARIAT of S', () => ({ token: world.tokens.area, readable: ['A', 'A2'], secretariats: { [world.areaSecretariatId]: ['A', 'A2'] } })],
];
const ALL_PLANS: PlanKey[] = ['A', 'A2', 'B', 'C'];

describe.each(scopedRoles)('%s reads only its scope', (_role, scopeOf) => {
  const foreign = () => ALL_PLANS.filter((p) => !scopeOf().readable.includes(p));

  it('gets NOT_FOUND for plan, goal and activity of every plan outside its scope, worded as for an absent id', async () => {
    const { token } = scopeOf();
    for (const key of foreign()) {
      const c = content[key];
      for (const [query, id] of [
        [PLAN, c.planId],
        [GOAL, c.goalId],
        [GOAL, c.subGoalId],
        [ACTIVITY, c.activityId],
      ]) {
        const hidden = expectError(await send(query, { id }, token), 'NOT_FOUND');
        const absentId = randomUUID();
        const absent = expectError(await send(query, { id: absentId }, token), 'NOT_FOUND');
        // The answer must not tell an existing plan's content from an absent one.
        expect(hidden.message.replace(id, '<id>')).toBe(absent.message.replace(absentId, '<id>'));
      }
    }
  });

  it('reads plan, goal and activity of the plans in its scope', async () => {
    const { token, readable } = scopeOf();
    for (const key of readable) {
      const c = content[key];
      expect((await app.client.ok(PLAN, { id: c.planId }, token)).plan.id).toBe(c.planId);
      expect((await app.client.ok(GOAL, { id: c.subGoalId }, token)).goal.plan).toEqual({ id: c.planId });
      expect((await app.client.ok(ACTIVITY, { id: c.activityId }, token)).activity.plan).toEqual({ id: c.planId });
    }
  });

  it('sees only its plans in plans (edges and totalCount), with and without a filter', async () => {
    const { token, readable } = scopeOf();
    const expected = readable.map((k) => content[k].planId).sort();
    for (const filter of [null, { poolId: world.pool.id }, { municipalityId: world.municipalityId }]) {
      const { plans } = await app.client.ok(PLANS, { filter, first: 200 }, token);
      expect(plans.edges.map((e: { node: { id: string } }) => e.node.id).sort()).toEqual(expected);
      expect(plans.totalCount).toBe(expected.length);
      expect(plans.pageInfo.hasNextPage).toBe(false);
    }
    const s2 = await app.client.ok(PLANS, { filter: { areaSecretariatId: s2Id } }, token);
    expect(s2.plans).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('sees only its area secretariats, each with only its plans', async () => {
    const { token, secretariats } = scopeOf();
    const expected = Object.entries(secretariats)
      .map(([id, keys]) => ({ id, plans: ids(keys.map((k) => ({ id: content[k].planId }))) }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const listed = (await app.client.ok(AREA_SECRETARIATS, {}, token)).areaSecretariats as { id: string; plans: { id: string }[] }[];
    expect(listed.map((s) => ({ id: s.id, plans: ids(s.plans) })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);

    for (const [id, keys] of Object.entries(secretariats)) {
      const one = (await app.client.ok(AREA_SECRETARIAT, { id }, token)).areaSecretariat;
      expect(ids(one.plans)).toEqual(ids(keys.map((k) => ({ id: content[k].planId }))));
    }
    for (const id of [world.areaSecretariatId, s2Id].filter((s) => !(s in secretariats))) {
      expectError(await send(AREA_SECRETARIAT, { id }, token), 'NOT_FOUND');
    }
  });
});

describe('LBF and ADMIN read everything', () => {
  it.each([
    ['LBF', () => world.tokens.lbf],
    ['ADMIN', () => admin],
  ])('%s reads every plan, every secretariat and all of its plans', async (_role, tokenOf) => {
    const token = tokenOf();
    for (const key of ALL_PLANS) {
      expect((await app.client.ok(GOAL, { id: content[key].subGoalId }, token)).goal.plan).toEqual({ id: content[key].planId });
    }
    const { plans } = await app.client.ok(PLANS, { filter: { poolId: world.pool.id }, first: 200 }, token);
    expect(plans.totalCount).toBe(ALL_PLANS.length);
    const listed = ((await app.client.ok(AREA_SECRETARIATS, {}, token)).areaSecretariats as { id: string }[]).map((s) => s.id);
    expect(listed).toEqual(expect.arrayContaining([world.areaSecretariatId, s2Id]));
    const s = (await app.client.ok(AREA_SECRETARIAT, { id: world.areaSecretariatId }, token)).areaSecretariat;
    expect(ids(s.plans)).toEqual([content.A.planId, content.A2.planId].sort());
  });
});

/** Every write on plan content, aimed at one plan's content. */
const contentWrites: [string, (c: Content) => [string, Record<string, unknown>]][] = [
  ['createGoal', (c) => [CREATE_GOAL, { input: { planId: c.planId, kind: 'OVERALL', title: unique('Mål') } }]],
  ['updateGoal', (c) => [UPDATE_GOAL, { input: { id: c.subGoalId, title: unique('Mål') } }]],
  ['createIndicator', (c) => [CREATE_INDICATOR, { input: indicatorInput(c.goalId) }]],
  ['recordMeasurement', (c) => [RECORD_MEASUREMENT, { input: { indicatorId: c.indicatorId, measuredOn: '2024-06-30', value: 50 } }]],
  ['createActivity', (c) => [CREATE_ACTIVITY, { input: activityInput(c.planId) }]],
  ['updateActivity', (c) => [UPDATE_ACTIVITY, { input: { id: c.activityId, expectedVersion: 1, title: unique('Aktivitet') } }]],
  ['linkActivityToGoal', (c) => [LINK, { input: { activityId: c.activityId, goalId: c.subGoalId } }]],
  ['unlinkActivityFromGoal', (c) => [UNLINK, { activityId: c.activityId, goalId: c.goalId }]],
];
const updatePlanTitle = (c: Content): [string, Record<string, unknown>] => [UPDATE_PLAN, { input: { id: c.planId, title: unique('Plan') } }];

/** Sends every write as `token` against `target`, expecting `code` each time, and checks that the plan did not change. */
async function expectWritesRefused(token: string, target: Content, code: string, writes = contentWrites) {
  const before = await readAsAdmin(target.planId);
  for (const [name, operation] of writes) {
    const [query, variables] = operation(target);
    const result = await send(query, variables, token);
    expect([name, result.errors?.[0]?.extensions?.code]).toEqual([name, code]);
    expectError(result, code);
  }
  expect(await readAsAdmin(target.planId)).toEqual(before);
}

describe('writes on a plan outside the caller’s scope are NOT_FOUND', () => {
  it.each([
    ['PROJECT_SECRETARIAT of plan B', 'on plan A', () => world.tokens.projectB, () => content.A],
    ['PROJECT_SECRETARIAT of plan A', 'on plan B', () => world.tokens.projectA, () => content.B],
    ['PROJECT_SECRETARIAT of plan A', 'on plan A2 of its secretariat', () => world.tokens.projectA, () => content.A2],
    ['BOARD_MEMBER of plan A', 'on plan B', () => world.tokens.boardA, () => content.B],
    ['AREA_SECRETARIAT of S', 'on plan B', () => world.tokens.area, () => content.B],
    ['AREA_SECRETARIAT of S', 'on plan C of secretariat S2', () => world.tokens.area, () => content.C],
  ])('%s %s', async (_role, _target, tokenOf, targetOf) => {
    await expectWritesRefused(tokenOf(), targetOf(), 'NOT_FOUND', [...contentWrites, ['updatePlan', updatePlanTitle]]);
  });

  it('a project secretariat cannot reach into another plan from its own: foreign parent, link target or indicator goal', async () => {
    const token = world.tokens.projectA;
    const [own, foreign] = [content.A, content.B];
    const before = await readAsAdmin(own.planId);
    const parent = await send(CREATE_GOAL, { input: { planId: own.planId, kind: 'EFFECT', title: unique('Mål'), parentId: foreign.goalId } }, token);
    expectError(parent, 'NOT_FOUND', 'parentId');
    expectError(await send(UPDATE_GOAL, { input: { id: own.subGoalId, parentId: foreign.goalId } }, token), 'NOT_FOUND', 'parentId');
    expectError(await send(LINK, { input: { activityId: own.activityId, goalId: foreign.goalId } }, token), 'NOT_FOUND', 'goalId');
    expectError(await send(CREATE_INDICATOR, { input: indicatorInput(foreign.subGoalId) }, token), 'NOT_FOUND', 'goalId');
    expect(await readAsAdmin(own.planId)).toEqual(before);
  });
});

describe('writes on a plan the caller reads but does not edit are FORBIDDEN', () => {
  it.each([
    ['BOARD_MEMBER of plan A', 'on plan A', () => world.tokens.boardA, () => content.A],
    ['AREA_SECRETARIAT of S', 'on plan A', () => world.tokens.area, () => content.A],
    ['AREA_SECRETARIAT of S', 'on plan A2', () => world.tokens.area, () => content.A2],
  ])('%s %s, including updatePlan', async (_role, _target, tokenOf, targetOf) => {
    await expectWritesRefused(tokenOf(), targetOf(), 'FORBIDDEN', [...contentWrites, ['updatePlan', updatePlanTitle]]);
  });

  it.each([
    ['plan A', () => content.A],
    ['plan B', () => content.B],
    ['plan C', () => content.C],
  ])('LBF on the content of %s', async (_target, targetOf) => {
    await expectWritesRefused(world.tokens.lbf, targetOf(), 'FORBIDDEN');
  });
});

describe('plans and the registry', () => {
  it('LBF creates registry entries and plans, and updates any plan', async () => {
    const { client } = app;
    const token = world.tokens.lbf;
    const pool = await createPool(client, token);
    const municipality = await createMunicipality(client, token);
    const housingOrganisation = await createHousingOrganisation(client, token);
    const secretariat = await createAreaSecretariat(client, token);
    const plan = await createPlan(client, token, {
      poolId: pool.id,
      municipalityId: municipality.id,
      housingOrganisationIds: [housingOrganisation.id],
      areaSecretariatId: secretariat.id,
    });
    const title = unique('Omdøbt');
    const updated = await client.ok(UPDATE_PLAN, { input: { id: plan.id, title, status: 'COMPLETED', areaSecretariatId: s2Id } }, token);
    expect(updated.updatePlan).toMatchObject({ id: plan.id, title, status: 'COMPLETED', areaSecretariat: { id: s2Id } });
    const reattached = await client.ok(UPDATE_PLAN, { input: { id: plan.id, areaSecretariatId: null } }, token);
    expect(reattached.updatePlan.areaSecretariat).toBeNull();
  });

  describe.each([
    ['PROJECT_SECRETARIAT', () => world.tokens.projectA],
    ['BOARD_MEMBER', () => world.tokens.boardA],
    ['AREA_SECRETARIAT', () => world.tokens.area],
  ])('%s', (_role, tokenOf) => {
    it('cannot createPlan or change the registry (FORBIDDEN), and nothing is created', async () => {
      const token = tokenOf();
      const refs = { poolId: world.pool.id, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] };
      const plansBefore = (await app.client.ok(PLANS, { filter: { poolId: world.pool.id }, first: 0 }, admin)).plans.totalCount;
      const name = unique('Navn');
      const refused: [string, Record<string, unknown>][] = [
        [CREATE_PLAN, { input: planInput(refs) }],
        [CREATE_POOL, { input: poolInput({ name }) }],
        [CREATE_MUNICIPALITY, { input: { name, code: String(100 + Math.floor(Math.random() * 900)) } }],
        [CREATE_HOUSING_ORGANISATION, { input: { name } }],
        [CREATE_AREA_SECRETARIAT, { input: { name } }],
      ];
      for (const [mutation, variables] of refused) expectError(await send(mutation, variables, token), 'FORBIDDEN');
      expect((await app.client.ok(PLANS, { filter: { poolId: world.pool.id }, first: 0 }, admin)).plans.totalCount).toBe(plansBefore);
      const registry = await app.client.ok(
        `query { pools { name } municipalities { name } housingOrganisations { name } areaSecretariats { name } }`,
        {},
        admin,
      );
      const names = Object.values(registry).flatMap((list) => (list as { name: string }[]).map((e) => e.name));
      expect(names).not.toContain(name);
    });
  });

  it('a PROJECT_SECRETARIAT updates its own plan’s title but may not move it between area secretariats', async () => {
    const token = world.tokens.projectA;
    const title = unique('Egen titel');
    const updated = await app.client.ok(UPDATE_PLAN, { input: { id: world.planA.id, title } }, token);
    expect(updated.updatePlan).toMatchObject({ id: world.planA.id, title, areaSecretariat: { id: world.areaSecretariatId } });
    for (const areaSecretariatId of [s2Id, null]) {
      const refused = await send(UPDATE_PLAN, { input: { id: world.planA.id, title: unique('Tabt'), areaSecretariatId } }, token);
      expectError(refused, 'FORBIDDEN', 'areaSecretariatId');
    }
    expect(await readAsAdmin(world.planA.id)).toMatchObject({ title, areaSecretariat: { id: world.areaSecretariatId } });
  });
});

describe('users', () => {
  it.each([
    ['LBF', () => world.tokens.lbf],
    ['AREA_SECRETARIAT', () => world.tokens.area],
    ['PROJECT_SECRETARIAT', () => world.tokens.projectA],
    ['BOARD_MEMBER', () => world.tokens.boardA],
  ])('%s may neither list nor create users (FORBIDDEN)', async (_role, tokenOf) => {
    const token = tokenOf();
    expectError(await send(USERS, {}, token), 'FORBIDDEN');
    const input = userInput('ADMIN');
    expectError(await send(CREATE_USER, { input }, token), 'FORBIDDEN');
    const emails = ((await app.client.ok(USERS, {}, admin)).users as { email: string }[]).map((u) => u.email);
    expect(emails).not.toContain(input.email);
  });

  it('ADMIN lists every user and creates users with their scope', async () => {
    const me = async (token: string) => (await app.client.ok(ME, {}, token)).me.id as string;
    const worldUsers = await Promise.all(Object.values(world.tokens).map(me));
    const created = await app.client.ok(CREATE_USER, { input: userInput('BOARD_MEMBER', { planId: world.planB.id }) }, admin);
    expect(created.createUser).toMatchObject({ role: 'BOARD_MEMBER', plan: { id: world.planB.id }, areaSecretariat: null });
    const listed = ((await app.client.ok(USERS, {}, admin)).users as { id: string }[]).map((u) => u.id);
    expect(listed).toEqual(expect.arrayContaining([...worldUsers, created.createUser.id]));
  });
});

describe('authentication', () => {
  const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken user { id role plan { id } } } }`;
  const guarded: [string, () => [string, Record<string, unknown>]][] = [
    ['me', () => [ME, {}]],
    ['plans', () => [PLANS, {}]],
    ['plan', () => [PLAN, { id: world.planA.id }]],
    ['users', () => [USERS, {}]],
    ['createPool', () => [CREATE_POOL, { input: poolInput() }]],
    ['createGoal', () => [CREATE_GOAL, { input: { planId: world.planA.id, kind: 'OVERALL', title: unique('Mål') } }]],
  ];

  /** A token whose payload was edited after signing. */
  function tampered(token: string, change: Record<string, unknown>): string {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    return [header, Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url'), signature].join('.');
  }

  function badTokens(): [string, string][] {
    const claims = jwt.decode(world.tokens.projectB) as Record<string, unknown>;
    const secret = app.server.app.get<AppConfig>(APP_CONFIG).jwtSecret!;
    const unsigned = (payload: object) =>
      [Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url'), Buffer.from(JSON.stringify(payload)).toString('base64url'), ''].join('.');
    return [
      ['garbage', 'garbage'],
      ['three garbage parts', 'abc.def.ghi'],
      ['tampered role', tampered(world.tokens.projectB, { role: 'ADMIN' })],
      ['tampered plan', tampered(world.tokens.projectB, { plan: world.planA.id })],
      ['signed with another key', jwt.sign({ sub: claims.sub, role: 'ADMIN' }, randomUUID() + randomUUID(), { issuer: 'planspor', expiresIn: 300 })],
      ['unsigned (alg none)', unsigned({ ...claims, role: 'ADMIN' })],
      ['expired', jwt.sign({ sub: claims.sub, role: claims.role, plan: claims.plan, exp: Math.floor(Date.now() / 1000) - 60 }, secret, { issuer: 'planspor' })],
      ['an unknown role', jwt.sign({ sub: claims.sub, role: 'ROOT' }, secret, { issuer: 'planspor', expiresIn: 300 })],
    ];
  }

  it.each(guarded)('%s without a token is UNAUTHENTICATED', async (_name, operation) => {
    const [query, variables] = operation();
    expectError(await send(query, variables, undefined), 'UNAUTHENTICATED');
  });

  it('a garbage, tampered, forged, unsigned or expired token is UNAUTHENTICATED for every operation', async () => {
    const before = await readAsAdmin(world.planA.id);
    for (const [label, token] of badTokens()) {
      for (const [name, operation] of guarded) {
        const [query, variables] = operation();
        const result = await send(query, variables, token);
        expect([label, name, result.errors?.[0]?.extensions?.code]).toEqual([label, name, 'UNAUTHENTICATED']);
        expectError(result, 'UNAUTHENTICATED');
      }
    }
    expect(await readAsAdmin(world.planA.id)).toEqual(before);
  });

  it('an Authorization header that is not a Bearer token is UNAUTHENTICATED', async () => {
    const response = await fetch(`${app.server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
      body: JSON.stringify({ query: ME }),
    });
    const body = (await response.json()) as { data: unknown; errors?: { extensions?: { code?: string } }[] };
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeNull();
  });

  it('me returns the caller with its plan or area secretariat', async () => {
    const me = async (token: string) => (await app.client.ok(ME, {}, token)).me;
    expect(await me(admin)).toMatchObject({ email: ADMIN_EMAIL, role: 'ADMIN', plan: null, areaSecretariat: null });
    expect(await me(world.tokens.lbf)).toMatchObject({ role: 'LBF', plan: null, areaSecretariat: null });
    expect(await me(world.tokens.projectA)).toMatchObject({ role: 'PROJECT_SECRETARIAT', plan: { id: world.planA.id }, areaSecretariat: null });
    expect(await me(world.tokens.boardA)).toMatchObject({ role: 'BOARD_MEMBER', plan: { id: world.planA.id }, areaSecretariat: null });
    expect(await me(world.tokens.projectB)).toMatchObject({ role: 'PROJECT_SECRETARIAT', plan: { id: world.planB.id } });
    expect(await me(world.tokens.area)).toMatchObject({ role: 'AREA_SECRETARIAT', plan: null, areaSecretariat: { id: world.areaSecretariatId } });
  });

  it('login answers a wrong password and an unknown email with the same UNAUTHENTICATED error', async () => {
    const user = await userWithToken(app.client, admin, 'BOARD_MEMBER', { planId: world.planB.id });
    const ok = await app.client.ok(LOGIN, { email: user.email.toUpperCase(), password: 'a-long-test-password' });
    expect(ok.login.user).toEqual({ id: user.id, role: 'BOARD_MEMBER', plan: { id: world.planB.id } });
    expect((await app.client.ok(ME, {}, ok.login.accessToken)).me.id).toBe(user.id);

    const wrongPassword = expectError(await send(LOGIN, { email: user.email, password: 'not-the-password' }, undefined), 'UNAUTHENTICATED');
    const unknownEmail = expectError(
      await send(LOGIN, { email: `${randomUUID()}@tests.planspor`, password: 'a-long-test-password' }, undefined),
      'UNAUTHENTICATED',
    );
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });
});
