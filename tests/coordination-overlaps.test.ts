import { catalogues, type Catalogues } from './factories/coordination.factory.js';
import { createActivity, createPlan } from './factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { expectError } from './helpers/expect-error.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Overlaps of an area secretariat (docs/coordination.md, "Overlaps"), on a world built so that
 * each condition of an overlap fails on its own. Area X holds plans A, B and C; plan D is in area Y,
 * plan E in no area; area Z holds two plans with the same title. Each activity type is used by one
 * scenario only, so the scenarios cannot pair with each other. Every expected pair, date and length
 * below is worked out by hand (2024 is a leap year).
 */
let app: TestApp;
let cat: Catalogues;
const plans: Record<string, string> = {};
const areas: Record<string, string> = {};
const tokens: Record<string, string> = {};

async function act(plan: string, title: string, type: string | null, groups: string[], startDate: string, endDate: string, status = 'ACTIVE') {
  return createActivity(app.client, app.adminToken, {
    planId: plans[plan],
    title,
    activityTypeId: type && cat.type(type),
    targetGroupIds: groups.map(cat.group),
    startDate,
    endDate,
    status,
  });
}

const YEAR = ['2024-01-01', '2024-12-31'] as const;

beforeAll(async () => {
  app = await startTestApp();
  const { client, adminToken: admin } = app;
  cat = await catalogues(client, admin);
  const [pool, municipality, housing, x, y, z] = await Promise.all([
    createPool(client, admin),
    createMunicipality(client, admin),
    createHousingOrganisation(client, admin),
    createAreaSecretariat(client, admin),
    createAreaSecretariat(client, admin),
    createAreaSecretariat(client, admin),
  ]);
  Object.assign(areas, { X: x.id, Y: y.id, Z: z.id });
  const refs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housing.id] };
  const plan = async (key: string, title: string, areaSecretariatId: string | null) => {
    plans[key] = (await createPlan(client, admin, { ...refs, areaSecretariatId }, { title, startDate: '2023-01-01', endDate: '2026-12-31' })).id;
  };
  await Promise.all([
    plan('A', 'Plan A', x.id),
    plan('B', 'Plan B', x.id),
    plan('C', 'Plan C', x.id),
    plan('D', 'Plan D', y.id),
    plan('E', 'Plan E', null),
    plan('Z1', 'Samme titel', z.id),
    plan('Z2', 'Samme titel', z.id),
  ]);
  const users = await Promise.all([
    userWithToken(client, admin, 'LBF'),
    userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: x.id }),
    userWithToken(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: y.id }),
    userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: plans.A }),
    userWithToken(client, admin, 'BOARD_MEMBER', { planId: plans.A }),
    userWithToken(client, admin, 'PROJECT_SECRETARIAT', { planId: plans.D }),
  ]);
  Object.assign(tokens, { admin, lbf: users[0].token, areaX: users[1].token, areaY: users[2].token, projectA: users[3].token, boardA: users[4].token, projectD: users[5].token });

  await Promise.all([
    // An overlap: 1 June to 31 December 2024 = 30+31+31+30+31+30+31 = 214 days; one shared group.
    act('A', 'Lektiecafé Alfa', 'Lektiecafé', ['Børn 6-12 år'], ...YEAR),
    act('B', 'Lektiecafé Beta', 'Lektiecafé', ['Børn 6-12 år', 'Forældre'], '2024-06-01', '2025-06-30'),
    // Also 214 days (1 March to 30 September: 31+30+31+30+31+31+30), C's period containing A's.
    act('A', 'Klub Alfa', 'Klub- og fritidstilbud', ['Unge 13-17 år'], '2024-03-01', '2024-09-30'),
    act('C', 'Klub Gamma', 'Klub- og fritidstilbud', ['Unge 13-17 år'], '2023-01-01', '2025-12-31'),
    // Each condition failing on its own:
    // the same plan,
    act('A', 'Jobcafé 1', 'Jobcafé', ['Ledige'], ...YEAR),
    act('A', 'Jobcafé 2', 'Jobcafé', ['Ledige'], ...YEAR),
    // different types,
    act('A', 'Fritidsjob Alfa', 'Fritidsjob', ['Unge 13-17 år'], ...YEAR),
    act('B', 'Mentor Beta', 'Mentorordning', ['Unge 13-17 år'], ...YEAR),
    // no shared target group,
    act('A', 'Værested Alfa', 'Værested', ['Unge 13-17 år'], ...YEAR),
    act('B', 'Værested Beta', 'Værested', ['Unge 18-29 år'], ...YEAR),
    // periods that meet end to start but share no day,
    act('A', 'Natteravne Alfa', 'Natteravne', ['Unge 13-17 år'], '2024-01-01', '2024-03-31'),
    act('B', 'Natteravne Beta', 'Natteravne', ['Unge 13-17 år'], '2024-04-01', '2024-06-30'),
    // no activity type at all,
    act('A', 'Uden type Alfa', null, ['Alle beboere'], ...YEAR),
    act('B', 'Uden type Beta', null, ['Alle beboere'], ...YEAR),
    // a plan outside the area (D in area Y, E in none).
    act('A', 'Forældre Alfa', 'Forældrenetværk', ['Forældre'], ...YEAR),
    act('D', 'Forældre Delta', 'Forældrenetværk', ['Forældre'], ...YEAR),
    act('E', 'Forældre Epsilon', 'Forældrenetværk', ['Forældre'], ...YEAR),
    // Cancelled: A's pairs with nothing; B (ACTIVE) and C (PAUSED) overlap through January: 31 days.
    act('A', 'Gadeplan Alfa', 'Gadeplansarbejde', ['Unge 18-29 år'], ...YEAR, 'CANCELLED'),
    act('B', 'Gadeplan Beta', 'Gadeplansarbejde', ['Unge 18-29 år'], ...YEAR),
    act('C', 'Gadeplan Gamma', 'Gadeplansarbejde', ['Unge 18-29 år'], '2024-01-01', '2024-01-31', 'PAUSED'),
    // COMPLETED and PLANNED count too: 5 to 10 January, 6 days.
    act('A', 'Familie Alfa', 'Familieindsats', ['Familier med børn'], '2024-01-01', '2024-01-10', 'COMPLETED'),
    act('B', 'Familie Beta', 'Familieindsats', ['Familier med børn'], '2024-01-05', '2024-02-29', 'PLANNED'),
    // One day: A ends on the day C starts.
    act('A', 'Tryghed Alfa', 'Tryghedsvandring', ['Alle beboere'], '2024-01-01', '2024-03-31'),
    act('C', 'Tryghed Gamma', 'Tryghedsvandring', ['Alle beboere'], '2024-03-31', '2024-05-31'),
    // Two shared groups, by name: February 2024, 29 days.
    act('A', 'Rådgivning Alfa', 'Beboerrådgivning', ['Ældre', 'Alle beboere', 'Sårbare og ensomme beboere'], '2024-01-01', '2024-06-30'),
    act('C', 'Rådgivning Gamma', 'Beboerrådgivning', ['Sårbare og ensomme beboere', 'Ældre', 'Forældre'], '2024-02-01', '2024-02-29'),
    // Three plans, one type, equal lengths (1 to 10 January): three pairs, ordered by the first
    // activity's title, which is not the plans' order.
    act('A', 'Sundhed: motion', 'Sundhedsfremme', ['Alle beboere'], '2024-01-01', '2024-01-10'),
    act('B', 'Sundhed: kost', 'Sundhedsfremme', ['Alle beboere'], '2024-01-01', '2024-01-10'),
    act('C', 'Sundhed: søvn', 'Sundhedsfremme', ['Alle beboere'], '2024-01-01', '2024-01-10'),
    // Area Z: two plans with one title, so the pair's activities go by their own titles.
    act('Z1', 'Velkomst Beta', 'Velkomst af nye beboere', ['Nytilflyttede beboere'], ...YEAR),
    act('Z2', 'Velkomst Alfa', 'Velkomst af nye beboere', ['Nytilflyttede beboere'], ...YEAR),
  ]);
}, 120_000);
afterAll(() => app?.stop());

const OVERLAPS = `query($id: ID!) { areaSecretariat(id: $id) {
  overlaps { activityType { name } targetGroups { name } activities { title plan { title } } overlapStart overlapEnd overlapDays } } }`;

interface Expected {
  type: string;
  groups: string[];
  activities: [string, string];
  start: string;
  end: string;
  days: number;
}

const overlap = (type: string, groups: string[], activities: [string, string], start: string, end: string, days: number): Expected => ({
  type,
  groups,
  activities,
  start,
  end,
  days,
});

/** Area X, in docs/coordination.md's order: overlapDays descending, then the type's name, then the first activity's title. */
const AREA_X: Expected[] = [
  overlap('Klub- og fritidstilbud', ['Unge 13-17 år'], ['Klub Alfa', 'Klub Gamma'], '2024-03-01', '2024-09-30', 214),
  overlap('Lektiecafé', ['Børn 6-12 år'], ['Lektiecafé Alfa', 'Lektiecafé Beta'], '2024-06-01', '2024-12-31', 214),
  overlap('Gadeplansarbejde', ['Unge 18-29 år'], ['Gadeplan Beta', 'Gadeplan Gamma'], '2024-01-01', '2024-01-31', 31),
  overlap('Beboerrådgivning', ['Sårbare og ensomme beboere', 'Ældre'], ['Rådgivning Alfa', 'Rådgivning Gamma'], '2024-02-01', '2024-02-29', 29),
  overlap('Sundhedsfremme', ['Alle beboere'], ['Sundhed: kost', 'Sundhed: søvn'], '2024-01-01', '2024-01-10', 10),
  overlap('Sundhedsfremme', ['Alle beboere'], ['Sundhed: motion', 'Sundhed: kost'], '2024-01-01', '2024-01-10', 10),
  overlap('Sundhedsfremme', ['Alle beboere'], ['Sundhed: motion', 'Sundhed: søvn'], '2024-01-01', '2024-01-10', 10),
  overlap('Familieindsats', ['Familier med børn'], ['Familie Alfa', 'Familie Beta'], '2024-01-05', '2024-01-10', 6),
  overlap('Tryghedsvandring', ['Alle beboere'], ['Tryghed Alfa', 'Tryghed Gamma'], '2024-03-31', '2024-03-31', 1),
];

function simplify(overlaps: any[]): Expected[] {
  return overlaps.map((o) => ({
    type: o.activityType.name,
    groups: o.targetGroups.map((g: { name: string }) => g.name),
    activities: o.activities.map((a: { title: string }) => a.title),
    start: o.overlapStart,
    end: o.overlapEnd,
    days: o.overlapDays,
  }));
}

async function overlapsOf(area: string, token: string): Promise<Expected[]> {
  return simplify((await app.client.ok(OVERLAPS, { id: areas[area] }, token)).areaSecretariat.overlaps);
}

describe('the overlaps of an area secretariat', () => {
  it('are exactly the hand-computed pairs, in docs/coordination.md’s order', async () => {
    expect(await overlapsOf('X', tokens.areaX)).toEqual(AREA_X);
  });

  it('name the two activities by plan title, then title', async () => {
    const data = (await app.client.ok(OVERLAPS, { id: areas.X }, tokens.areaX)).areaSecretariat.overlaps;
    expect(data[0].activities.map((a: any) => a.plan.title)).toEqual(['Plan A', 'Plan C']);
    expect(data[4].activities.map((a: any) => a.plan.title)).toEqual(['Plan B', 'Plan C']);
    // Two plans with one title: the activities' own titles decide.
    expect(await overlapsOf('Z', tokens.lbf)).toEqual([
      overlap('Velkomst af nye beboere', ['Nytilflyttede beboere'], ['Velkomst Alfa', 'Velkomst Beta'], '2024-01-01', '2024-12-31', 366),
    ]);
  });

  it('leave out plans of other areas and of none', async () => {
    expect((await overlapsOf('X', tokens.admin)).filter((o) => o.type === 'Forældrenetværk')).toEqual([]);
    // Area Y has plan D only: a plan never overlaps itself.
    expect(await overlapsOf('Y', tokens.areaY)).toEqual([]);
  });

  it('are the same for ADMIN, LBF and the area secretariat, for several secretariats at once', async () => {
    expect(await overlapsOf('X', tokens.admin)).toEqual(AREA_X);
    expect(await overlapsOf('X', tokens.lbf)).toEqual(AREA_X);
    const { areaSecretariats } = await app.client.ok(
      `query { areaSecretariats { id overlaps { activityType { name } targetGroups { name } activities { title } overlapStart overlapEnd overlapDays } } }`,
      {},
      tokens.lbf,
    );
    const byId = new Map(areaSecretariats.map((a: any) => [a.id, simplify(a.overlaps)]));
    expect(byId.get(areas.X)).toEqual(AREA_X);
    expect(byId.get(areas.Y)).toEqual([]);
    expect(byId.get(areas.Z)).toHaveLength(1);
  });

  it('show a plan’s own users nothing: every pair involves a plan they may not read', async () => {
    for (const token of [tokens.projectA, tokens.boardA]) {
      const { areaSecretariat } = await app.client.ok(`query($id: ID!) { areaSecretariat(id: $id) { plans { id } overlaps { overlapDays } } }`, { id: areas.X }, token);
      expect(areaSecretariat).toEqual({ plans: [{ id: plans.A }], overlaps: [] });
    }
  });

  it('are NOT_FOUND, secretariat and all, for callers of another area or plan', async () => {
    expectError(await app.client.request(OVERLAPS, { id: areas.X }, tokens.areaY), 'NOT_FOUND');
    expectError(await app.client.request(OVERLAPS, { id: areas.X }, tokens.projectD), 'NOT_FOUND');
  });

  it('follow the activities and the plans as they change', async () => {
    const UPDATE = `mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { version } }`;
    const ids = await app.client.ok(`query($id: ID!) { plan(id: $id) { activities { id title version } } }`, { id: plans.B }, tokens.admin);
    const beta = ids.plan.activities.find((a: any) => a.title === 'Lektiecafé Beta');
    await app.client.ok(UPDATE, { input: { id: beta.id, expectedVersion: beta.version, status: 'CANCELLED' } }, tokens.admin);
    const noLektiecafe = AREA_X.filter((o) => o.type !== 'Lektiecafé');
    expect(await overlapsOf('X', tokens.areaX)).toEqual(noLektiecafe);

    // Plan C moves to area Y: its pairs leave X, and Y gains none (D shares no type with C).
    await app.client.ok(`mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }`, { input: { id: plans.C, areaSecretariatId: areas.Y } }, tokens.lbf);
    const inC = new Set(['Klub Gamma', 'Gadeplan Gamma', 'Rådgivning Gamma', 'Sundhed: søvn', 'Tryghed Gamma']);
    expect(await overlapsOf('X', tokens.areaX)).toEqual(noLektiecafe.filter((o) => !o.activities.some((title) => inC.has(title))));
    expect(await overlapsOf('Y', tokens.areaY)).toEqual([]);
  });
});
