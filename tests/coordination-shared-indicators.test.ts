import { createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Shared indicators of an area secretariat (docs/coordination.md, "Shared indicators"): indicators of
 * at least two plans of the area whose names are equal once trimmed, lower-cased and with runs of
 * white space made one space, and whose units are equal once trimmed. Area X holds plans A, B and
 * C, area Y plan D; plan E is in no area. Names and units are trimmed on input already, so what the
 * rule adds is case and inner white space; units keep their case.
 */
let app: TestApp;
const plans: Record<string, string> = {};
const areas: Record<string, string> = {};
const tokens: Record<string, string> = {};
const ind: Record<string, string> = {};

beforeAll(async () => {
  app = await startTestApp();
  const { client, adminToken: admin } = app;
  const [pool, municipality, housing, x, y] = await Promise.all([
    createPool(client, admin),
    createMunicipality(client, admin),
    createHousingOrganisation(client, admin),
    createAreaSecretariat(client, admin),
    createAreaSecretariat(client, admin),
  ]);
  Object.assign(areas, { X: x.id, Y: y.id });
  const refs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housing.id] };
  const goals: Record<string, string> = {};
  await Promise.all(
    ([['A', x.id], ['B', x.id], ['C', x.id], ['D', y.id], ['E', null]] as const).map(async ([key, area]) => {
      plans[key] = (await createPlan(client, admin, { ...refs, areaSecretariatId: area }, { title: `Plan ${key}` })).id;
      goals[key] = (await createGoal(client, admin, { planId: plans[key], kind: 'OVERALL' })).id;
    }),
  );
  goals.A2 = (await createGoal(client, admin, { planId: plans.A, kind: 'EFFECT', parentId: goals.A })).id;
  const users = await Promise.all([
    userWithToken(client, admin, 'LBF'),
    userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: x.id }),
    userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: y.id }),
    userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: plans.A }),
    userWithToken(client, admin, 'BOARD_MEMBER', { planId: plans.A }),
  ]);
  Object.assign(tokens, { admin, lbf: users[0].token, areaX: users[1].token, areaY: users[2].token, projectA: users[3].token, boardA: users[4].token });

  const indicator = async (key: string, goal: string, name: string, unit: string) => {
    ind[key] = (await createIndicator(client, admin, { goalId: goals[goal], name, unit })).id;
  };
  // One after another: a burst of parallel writes queues on the embedded engine's single connection.
  // Tryghed: A and B by case and inner white space (Ø folds to ø too); C's unit differs; D and E are outside X.
  await indicator('trygA', 'A', 'Beboere der føler sig TRYGGE', '%');
  await indicator('trygB', 'B', 'beboere der  FØLER sig trygge', '%');
  await indicator('trygC', 'C', 'Beboere der føler sig trygge', 'procent');
  await indicator('trygD', 'D', 'Beboere der føler sig trygge', '%');
  await indicator('trygE', 'E', 'Beboere der føler sig trygge', '%');
  // Fremmøde: two in A (on two goals) and one in B, whose tab is white space too.
  await indicator('fremA1', 'A', 'Fremmøde pr. uge', 'personer');
  await indicator('fremA2', 'A2', 'fremmøde pr. uge', 'personer');
  await indicator('fremB', 'B', 'Fremmøde\tpr. uge', 'personer');
  // B and C: equal as written.
  await indicator('jobB', 'B', 'Andel unge i job', '%');
  await indicator('jobC', 'C', 'Andel unge i job', '%');
  // Not shared: twice in one plan only; units that differ in case.
  await indicator('ventC1', 'C', 'Ventetid på rådgivning', 'dage');
  await indicator('ventC2', 'C', 'Ventetid på rådgivning', 'dage');
  await indicator('vagtA', 'A', 'Udgifter til vagtværn', 'kr');
  await indicator('vagtB', 'B', 'Udgifter til vagtværn', 'Kr');
}, 120_000);
afterAll(() => app?.stop());

const SHARED = `query($id: ID!) { areaSecretariat(id: $id) {
  sharedIndicators { name unit indicators { id name unit goal { plan { title } } } } } }`;

interface Shared {
  name: string;
  unit: string;
  indicators: string[];
}

/** By name; within each, by plan title, then name; name and unit as the first indicator writes them. */
const AREA_X = (): Shared[] => [
  { name: 'Andel unge i job', unit: '%', indicators: [ind.jobB, ind.jobC] },
  { name: 'Beboere der føler sig TRYGGE', unit: '%', indicators: [ind.trygA, ind.trygB] },
  // "Fremmøde pr. uge" before "fremmøde pr. uge": the database orders byte-wise, capitals first.
  { name: 'Fremmøde pr. uge', unit: 'personer', indicators: [ind.fremA1, ind.fremA2, ind.fremB] },
];

async function sharedOf(area: string, token: string): Promise<Shared[]> {
  const { areaSecretariat } = await app.client.ok(SHARED, { id: areas[area] }, token);
  return areaSecretariat.sharedIndicators.map((s: any) => ({ name: s.name, unit: s.unit, indicators: s.indicators.map((i: any) => i.id) }));
}

describe('the shared indicators of an area secretariat', () => {
  it('are the hand-worked groups, in order', async () => {
    expect(await sharedOf('X', tokens.areaX)).toEqual(AREA_X());
  });

  it('carry the indicators themselves, by plan title, then name', async () => {
    const { areaSecretariat } = await app.client.ok(SHARED, { id: areas.X }, tokens.areaX);
    const fremmode = areaSecretariat.sharedIndicators[2];
    expect(fremmode.indicators.map((i: any) => [i.goal.plan.title, i.name, i.unit])).toEqual([
      ['Plan A', 'Fremmøde pr. uge', 'personer'],
      ['Plan A', 'fremmøde pr. uge', 'personer'],
      ['Plan B', 'Fremmøde\tpr. uge', 'personer'],
    ]);
  });

  it('are the same for ADMIN and LBF, and none for a plan’s own users', async () => {
    expect(await sharedOf('X', tokens.admin)).toEqual(AREA_X());
    expect(await sharedOf('X', tokens.lbf)).toEqual(AREA_X());
    expect(await sharedOf('X', tokens.projectA)).toEqual([]);
    expect(await sharedOf('X', tokens.boardA)).toEqual([]);
  });

  it('leave out plans outside the area, and are NOT_FOUND to another area', async () => {
    // Area Y's only plan has nothing to share with.
    expect(await sharedOf('Y', tokens.areaY)).toEqual([]);
    expectError(await app.client.request(SHARED, { id: areas.X }, tokens.areaY), 'NOT_FOUND');
  });

  it('follow a plan that joins the area', async () => {
    await app.client.ok(`mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }`, { input: { id: plans.D, areaSecretariatId: areas.X } }, tokens.lbf);
    const [job, tryg, frem] = AREA_X();
    expect(await sharedOf('X', tokens.areaX)).toEqual([job, { ...tryg, indicators: [ind.trygA, ind.trygB, ind.trygD] }, frem]);
  });
});
