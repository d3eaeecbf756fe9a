import { userInput } from '../factories/inputs.js';
import { createActivity, createGoal, createIndicator, createPlan } from '../factories/plan.factory.js';
import { createAreaSecretariat, createHousingOrganisation, createMunicipality, createPool } from '../factories/registry.factory.js';
import type { GraphQLClient } from '../helpers/graphql-client.js';
import { CREATE_USER } from '../helpers/operations.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../helpers/test-app.js';

/** The columns of the matrix: every role, and a caller without a token. */
export const CALLERS = ['ADMIN', 'LBF', 'AREA_SECRETARIAT', 'PROJECT_SECRETARIAT', 'BOARD_MEMBER', 'NO_TOKEN'] as const;
export type Caller = (typeof CALLERS)[number];

/** Each cell is tried on an object of the caller's own plan and on one of a foreign plan. */
export const SIDES = ['own', 'foreign'] as const;
export type Side = (typeof SIDES)[number];

/** A plan with one object of every kind that an operation can target. */
export interface PlanObjects {
  planId: string;
  areaSecretariatId: string | null;
  goalId: string;
  indicatorId: string;
  activityId: string;
}

export interface MatrixWorld {
  poolId: string;
  municipalityId: string;
  housingOrganisationId: string;
  /** own: the AREA_SECRETARIAT caller's secretariat, which holds the own plan; foreign: another one. */
  secretariats: Record<Side, string>;
  /**
   * own: the plan of the PROJECT_SECRETARIAT and BOARD_MEMBER callers, in the own secretariat;
   * foreign: a plan in the foreign secretariat. ADMIN and LBF read both.
   */
  plans: Record<Side, PlanObjects>;
  /** Also in the own secretariat: the AREA_SECRETARIAT reads it, the own plan's users do not. */
  neighbourPlanId: string;
  /** In no secretariat: only ADMIN and LBF read it. */
  unattachedPlanId: string;
  /** NO_TOKEN has the credentials of a user of its own (a board member of the unattached plan) for `login`. */
  callers: Record<Caller, { id: string; token: string | undefined; email: string; password: string }>;
  /** Three-digit municipality codes that nobody uses yet, handed out one per createMunicipality cell. */
  freeMunicipalityCodes: string[];
  /**
   * Ended reporting years of the own and the foreign plan (which run from 2000), handed out one per
   * cell of the reporting transitions: a successful transition uses its year up. Years from 2021 on
   * are left to the cells that log progress and record measurements, which a submitted year would refuse.
   */
  reportYears: Record<Side, number[]>;
}

async function user(client: GraphQLClient, admin: string, role: string, scope: Record<string, string> = {}) {
  const input = userInput(role, scope);
  const data = await client.ok(CREATE_USER, { input }, admin);
  return { id: data.createUser.id as string, email: input.email, password: input.password };
}

async function planObjects(client: GraphQLClient, admin: string, planId: string, areaSecretariatId: string | null): Promise<PlanObjects> {
  const [goal, activity] = await Promise.all([
    createGoal(client, admin, { planId, kind: 'OVERALL' }),
    createActivity(client, admin, { planId }),
  ]);
  const indicator = await createIndicator(client, admin, { goalId: goal.id });
  return { planId, areaSecretariatId, goalId: goal.id, indicatorId: indicator.id, activityId: activity.id };
}

/** Built once per run, by the ADMIN, in parallel where nothing depends on anything else. */
export async function buildMatrixWorld(client: GraphQLClient, admin: string): Promise<MatrixWorld> {
  const [pool, municipality, housingOrganisation, ownSecretariat, foreignSecretariat] = await Promise.all([
    createPool(client, admin),
    createMunicipality(client, admin),
    createHousingOrganisation(client, admin),
    createAreaSecretariat(client, admin),
    createAreaSecretariat(client, admin),
  ]);
  const refs = { poolId: pool.id, municipalityId: municipality.id, housingOrganisationIds: [housingOrganisation.id] };
  const [own, foreign, neighbour, unattached] = await Promise.all([
    createPlan(client, admin, { ...refs, areaSecretariatId: ownSecretariat.id }, { startDate: '2000-01-01' }),
    createPlan(client, admin, { ...refs, areaSecretariatId: foreignSecretariat.id }, { startDate: '2000-01-01' }),
    createPlan(client, admin, { ...refs, areaSecretariatId: ownSecretariat.id }),
    createPlan(client, admin, refs),
  ]);
  const [ownObjects, foreignObjects, lbf, area, project, board, probe, municipalities] = await Promise.all([
    planObjects(client, admin, own.id, ownSecretariat.id),
    planObjects(client, admin, foreign.id, foreignSecretariat.id),
    user(client, admin, 'LBF'),
    user(client, admin, 'AREA_SECRETARIAT', { areaSecretariatId: ownSecretariat.id }),
    user(client, admin, 'PROJECT_SECRETARIAT', { planId: own.id }),
    user(client, admin, 'BOARD_MEMBER', { planId: own.id }),
    user(client, admin, 'BOARD_MEMBER', { planId: unattached.id }),
    client.ok<{ municipalities: { code: string }[] }>('query { municipalities { code } }', {}, admin),
  ]);
  const me = await client.ok<{ me: { id: string } }>('query { me { id } }', {}, admin);
  const login = async (u: { id: string; email: string; password: string }) => ({ ...u, token: await client.login(u.email, u.password) });
  const [lbfCaller, areaCaller, projectCaller, boardCaller] = await Promise.all([lbf, area, project, board].map(login));
  const used = new Set(municipalities.municipalities.map((m) => m.code));
  const freeMunicipalityCodes = Array.from({ length: 900 }, (_, i) => String(100 + i))
    .filter((code) => !used.has(code))
    .sort(() => Math.random() - 0.5);
  return {
    poolId: pool.id,
    municipalityId: municipality.id,
    housingOrganisationId: housingOrganisation.id,
    secretariats: { own: ownSecretariat.id, foreign: foreignSecretariat.id },
    plans: { own: ownObjects, foreign: foreignObjects },
    neighbourPlanId: neighbour.id,
    unattachedPlanId: unattached.id,
    callers: {
      ADMIN: { id: me.me.id, token: admin, email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
      LBF: lbfCaller,
      AREA_SECRETARIAT: areaCaller,
      PROJECT_SECRETARIAT: projectCaller,
      BOARD_MEMBER: boardCaller,
      NO_TOKEN: { ...probe, token: undefined },
    },
    freeMunicipalityCodes,
    reportYears: { own: years(2000, 2020), foreign: years(2000, 2020) },
  };
}

function years(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
