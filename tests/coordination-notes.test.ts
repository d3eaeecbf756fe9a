import pg from 'pg';
import { createPlan } from './factories/plan.factory.js';
import { createAreaSecretariat } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Coordination notes (docs/api.md, "Coordination across plans"): 1-5,000 characters, append-only,
 * written by ADMIN or by the area secretariat the plan is attached to, read by everyone who reads the
 * plan. Plan A is in the world's area secretariat, plan B in none, plan C in another one (Y).
 */
let app: TestApp;
let world: World;
let planC: string;
let areaY: string;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  const y = await createAreaSecretariat(app.client, app.adminToken);
  planC = (
    await createPlan(app.client, app.adminToken, {
      poolId: world.pool.id,
      municipalityId: world.municipalityId,
      housingOrganisationIds: [world.housingOrganisationId],
      areaSecretariatId: y.id,
    })
  ).id;
  areaY = (await userWithToken(app.client, app.adminToken, 'AREA_SECRETARIAT', { areaSecretariatId: y.id })).token;
});
afterAll(() => app?.stop());

const ADD = `mutation($input: AddCoordinationNoteInput!) { addCoordinationNote(input: $input) { id text createdAt author { id name role } plan { id } } }`;
const NOTES = `query($id: ID!) { plan(id: $id) { coordinationNotes { id text createdAt author { id } plan { id } } } }`;

async function add(planId: string, text: string, token: string) {
  return (await app.client.ok(ADD, { input: { planId, text } }, token)).addCoordinationNote;
}
async function notes(planId: string, token: string) {
  return (await app.client.ok(NOTES, { id: planId }, token)).plan.coordinationNotes;
}

describe('coordination notes', () => {
  it('are written by the plan’s area secretariat, trimmed, with author and time', async () => {
    const before = Date.now();
    const note = await add(world.planA.id, '  Mentorordningerne overlapper:\nfælles mentorkorps drøftes på mødet.  ', world.tokens.area);
    const me = (await app.client.ok(`{ me { id name } }`, {}, world.tokens.area)).me;
    expect(note).toMatchObject({
      text: 'Mentorordningerne overlapper:\nfælles mentorkorps drøftes på mødet.',
      author: { id: me.id, name: me.name, role: 'AREA_SECRETARIAT' },
      plan: { id: world.planA.id },
    });
    expect(Date.parse(note.createdAt)).toBeGreaterThanOrEqual(before - 5_000);
  });

  it('are written by ADMIN on any plan, one without an area secretariat too', async () => {
    const note = await add(world.planB.id, 'Notat fra administrator', app.adminToken);
    expect(note.plan.id).toBe(world.planB.id);
    expect((await notes(world.planB.id, world.tokens.projectB)).map((n: any) => n.id)).toEqual([note.id]);
  });

  it('are FORBIDDEN to readers of the plan who are not its area secretariat, and store nothing', async () => {
    const count = (await notes(world.planA.id, app.adminToken)).length;
    for (const token of [world.tokens.lbf, world.tokens.projectA, world.tokens.boardA]) {
      expectError(await app.client.request(ADD, { input: { planId: world.planA.id, text: 'Nej' } }, token), 'FORBIDDEN');
    }
    expect(await notes(world.planA.id, app.adminToken)).toHaveLength(count);
  });

  it('are NOT_FOUND on a plan outside the caller’s scope, naming planId', async () => {
    expectError(await app.client.request(ADD, { input: { planId: world.planA.id, text: 'x' } }, areaY), 'NOT_FOUND', 'planId');
    expectError(await app.client.request(ADD, { input: { planId: world.planA.id, text: 'x' } }, world.tokens.projectB), 'NOT_FOUND', 'planId');
    // The world's area secretariat reads neither a plan without a secretariat nor another secretariat's.
    expectError(await app.client.request(ADD, { input: { planId: world.planB.id, text: 'x' } }, world.tokens.area), 'NOT_FOUND', 'planId');
    expectError(await app.client.request(ADD, { input: { planId: planC, text: 'x' } }, world.tokens.area), 'NOT_FOUND', 'planId');
    expectError(await app.client.request(ADD, { input: { planId: 'not-an-id', text: 'x' } }, app.adminToken), 'NOT_FOUND', 'planId');
  });

  it('are 1-5,000 characters once trimmed', async () => {
    expectError(await app.client.request(ADD, { input: { planId: world.planA.id, text: ' \n\t ' } }, world.tokens.area), 'BAD_USER_INPUT', 'text');
    expectError(await app.client.request(ADD, { input: { planId: world.planA.id, text: 'x'.repeat(5001) } }, world.tokens.area), 'BAD_USER_INPUT', 'text');
    expectError(await app.client.request(ADD, { input: { planId: world.planA.id, text: 'a\u0000b' } }, world.tokens.area), 'BAD_USER_INPUT', 'text');
    expect((await add(world.planA.id, ` ${'x'.repeat(5000)} `, world.tokens.area)).text).toHaveLength(5000);
  });

  it('are read newest first, the same by everyone who reads the plan', async () => {
    const written = [];
    for (const text of ['Første', 'Anden', 'Tredje']) written.push((await add(planC, text, areaY)).id);
    const seen = await notes(planC, areaY);
    expect(seen.map((n: any) => n.text)).toEqual(['Tredje', 'Anden', 'Første']);
    expect(seen.map((n: any) => n.id)).toEqual([...written].reverse());
    expect(await notes(planC, world.tokens.lbf)).toEqual(seen);
    expect(await notes(planC, app.adminToken)).toEqual(seen);

    const onA = await notes(world.planA.id, world.tokens.area);
    expect(onA.length).toBeGreaterThan(0);
    for (const token of [world.tokens.projectA, world.tokens.boardA, world.tokens.lbf]) expect(await notes(world.planA.id, token)).toEqual(onA);
    expectError(await app.client.request(NOTES, { id: world.planA.id }, world.tokens.projectB), 'NOT_FOUND');
  });

  it('are audited', async () => {
    const note = await add(world.planA.id, 'Revideret', world.tokens.area);
    const { auditEvents } = await app.client.ok(
      `query($filter: AuditFilter) { auditEvents(filter: $filter) { edges { node { operation entity entityId actor { id } plan { id } before after } } } }`,
      { filter: { entityId: note.id } },
      app.adminToken,
    );
    const [event] = auditEvents.edges.map((e: any) => e.node);
    expect(event).toMatchObject({ operation: 'addCoordinationNote', entity: 'CoordinationNote', entityId: note.id, actor: { id: note.author.id }, plan: { id: world.planA.id }, before: null });
    expect(JSON.parse(event.after)).toMatchObject({ id: note.id, text: 'Revideret', planId: world.planA.id, authorId: note.author.id });
  });

  it('cannot be changed or deleted, not even in SQL', async () => {
    const mutations = await app.client.ok(`{ __schema { mutationType { fields { name } } } }`, {}, app.adminToken);
    expect(mutations.__schema.mutationType.fields.map((f: any) => f.name).filter((n: string) => /note/i.test(n))).toEqual(['addCoordinationNote']);
    const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    try {
      await expect(client.query(`UPDATE coordination_notes SET text = 'forfalsket'`)).rejects.toThrow(/append-only/);
      await expect(client.query('DELETE FROM coordination_notes')).rejects.toThrow(/append-only/);
      await expect(client.query('TRUNCATE coordination_notes')).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });
});
