import { todayUtc } from '../../src/common/clock.js';
import { activityInput, indicatorInput, planInput, poolInput, userInput } from '../factories/inputs.js';
import { createActivity, link } from '../factories/plan.factory.js';
import { unique } from '../factories/unique.js';
import type { GraphQLClient } from '../helpers/graphql-client.js';
import type { Caller, MatrixWorld, Side } from './world.js';

/**
 * How to send each operation in one cell of the authorization matrix: the smallest valid request,
 * and for the scoped lists what an allowed answer must and must never contain. The expected
 * outcome of every cell is not here: it is in the table in tests/authorization-matrix.test.ts.
 */
export interface CellContext {
  world: MatrixWorld;
  caller: Caller;
  side: Side;
  client: GraphQLClient;
  /** The ADMIN's token, to create the fresh objects a cell consumes. */
  admin: string;
}

export interface CellRequest {
  query: string;
  variables?: Record<string, unknown>;
  /**
   * Sent instead of the caller's token (null: none), for an operation that ends the session it is
   * sent with: a fresh user of the caller's role and scope, so that the caller's token stays good.
   */
  token?: string | null;
}

export interface OperationCase {
  kind: 'Query' | 'Mutation';
  /** May create fresh objects (as the ADMIN) that the cell's request then uses up. */
  request(ctx: CellContext): CellRequest | Promise<CellRequest>;
  /** Only for an answer that was expected to be OK and was: what is wrong with it (nothing: []). */
  check?(data: any, ctx: CellContext): string[];
}

interface PlanRef {
  id: string;
  areaSecretariat: { id: string } | null;
}

/**
 * The scope rule of docs/api.md, written out on its own so that the lists are checked against the
 * contract rather than against AccessService: ADMIN and LBF read every plan, an area secretariat
 * the plans attached to it, a project secretariat or board member its one plan.
 */
export function mayRead(world: MatrixWorld, caller: Caller, plan: PlanRef): boolean {
  switch (caller) {
    case 'ADMIN':
    case 'LBF':
      return true;
    case 'AREA_SECRETARIAT':
      return plan.areaSecretariat?.id === world.secretariats.own;
    case 'PROJECT_SECRETARIAT':
    case 'BOARD_MEMBER':
      return plan.id === world.plans.own.planId;
    case 'NO_TOKEN':
      return false;
  }
}

/** The plans of this world that the caller must see in a list that covers them all. */
function visiblePlanIds(world: MatrixWorld, caller: Caller): string[] {
  switch (caller) {
    case 'ADMIN':
    case 'LBF':
      return [world.plans.own.planId, world.neighbourPlanId, world.plans.foreign.planId, world.unattachedPlanId];
    case 'AREA_SECRETARIAT':
      return [world.plans.own.planId, world.neighbourPlanId];
    default:
      return [world.plans.own.planId];
  }
}

/** Of those, the ones in the own secretariat (which holds the own and the neighbour plan). */
function visibleInOwnSecretariat(world: MatrixWorld, caller: Caller): string[] {
  return visiblePlanIds(world, caller).filter((id) => id === world.plans.own.planId || id === world.neighbourPlanId);
}

function planProblems(world: MatrixWorld, caller: Caller, plans: PlanRef[], where: string): string[] {
  return plans.filter((p) => !mayRead(world, caller, p)).map((p) => `${where} shows plan ${p.id}, outside the caller's scope`);
}

function missing(expected: string[], actual: string[], what: string): string[] {
  return expected.filter((id) => !actual.includes(id)).map((id) => `${what} lacks ${id}`);
}

const PLAN_REF = 'id areaSecretariat { id }';
const sidePlan = ({ world, side }: CellContext) => world.plans[side];

/** A fresh user with the caller's role and scope, and its password and token (none for NO_TOKEN). */
async function likeCaller({ world, caller, client, admin }: CellContext): Promise<{ token: string | null; password: string }> {
  if (caller === 'NO_TOKEN') return { token: null, password: 'a-long-test-password' };
  const scope: Record<string, string> =
    caller === 'AREA_SECRETARIAT' ? { areaSecretariatId: world.secretariats.own } : caller === 'PROJECT_SECRETARIAT' || caller === 'BOARD_MEMBER' ? { planId: world.plans.own.planId } : {};
  const input = userInput(caller, scope);
  await client.ok('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input }, admin);
  return { token: await client.login(input.email, input.password), password: input.password };
}

/** A refresh token of the caller's own (NO_TOKEN: of its probe user), from a login. */
async function callerRefreshToken({ world, caller, client }: CellContext): Promise<string> {
  const data = await client.ok<{ login: { refreshToken: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { refreshToken } }',
    { email: world.callers[caller].email, password: world.callers[caller].password },
  );
  return data.login.refreshToken;
}

/** A board member of the cell's plan, made by the ADMIN for a cell to change. */
async function freshUser(ctx: CellContext): Promise<string> {
  const data = await ctx.client.ok(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: userInput('BOARD_MEMBER', { planId: sidePlan(ctx).planId }) },
    ctx.admin,
  );
  return data.createUser.id as string;
}

/** An ended reporting year of the cell's plan that no other cell uses. */
function freshYear(ctx: CellContext): number {
  const year = ctx.world.reportYears[ctx.side].pop();
  if (year === undefined) throw new Error('no reporting year left for this side');
  return year;
}

/** A fresh year of the cell's plan, submitted by the ADMIN: one that LBF may approve or return. */
async function submittedYear(ctx: CellContext): Promise<number> {
  const year = freshYear(ctx);
  await ctx.client.ok(
    'mutation($input: SubmitAnnualReportInput!) { submitAnnualReport(input: $input) { status } }',
    { input: { planId: sidePlan(ctx).planId, year } },
    ctx.admin,
  );
  return year;
}

/** A fresh activity in the cell's plan, so that a cell that uses one up never disturbs another. */
async function freshActivity(ctx: CellContext): Promise<string> {
  return (await createActivity(ctx.client, ctx.admin, { planId: sidePlan(ctx).planId })).id;
}

export const CASES: Record<string, OperationCase> = {
  // ---- Query ----
  me: {
    kind: 'Query',
    request: () => ({ query: 'query { me { id role } }' }),
    check: (data, { world, caller }) =>
      data.me.id === world.callers[caller].id && data.me.role === caller ? [] : [`me is ${JSON.stringify(data.me)}`],
  },
  users: { kind: 'Query', request: () => ({ query: 'query { users { id } }' }) },
  pools: { kind: 'Query', request: () => ({ query: 'query { pools { id } }' }) },
  municipalities: { kind: 'Query', request: () => ({ query: 'query { municipalities { id } }' }) },
  housingOrganisations: { kind: 'Query', request: () => ({ query: 'query { housingOrganisations { id } }' }) },
  areaSecretariats: {
    kind: 'Query',
    request: () => ({ query: `query { areaSecretariats { id plans { ${PLAN_REF} } rollup { planCount } } }` }),
    check: (data, { world, caller, side }) => {
      const list: { id: string; plans: PlanRef[]; rollup: { planCount: number } }[] = data.areaSecretariats;
      const problems = list.flatMap((a) => [
        ...planProblems(world, caller, a.plans, `areaSecretariats[${a.id}].plans`),
        ...(a.rollup.planCount === a.plans.length ? [] : [`areaSecretariats[${a.id}]: rollup.planCount ${a.rollup.planCount}, plans ${a.plans.length}`]),
      ]);
      const ids = list.map((a) => a.id);
      const own = list.find((a) => a.id === world.secretariats.own);
      if (side === 'own') {
        problems.push(...missing([world.secretariats.own], ids, 'areaSecretariats'));
        if (own) problems.push(...missing(visibleInOwnSecretariat(world, caller), own.plans.map((p) => p.id), 'the own secretariat\'s plans'));
      } else if (caller === 'ADMIN' || caller === 'LBF') {
        problems.push(...missing([world.secretariats.foreign], ids, 'areaSecretariats'));
      } else {
        // A scoped caller sees the one secretariat its plans belong to, and nothing of the foreign one.
        if (ids.some((id) => id !== world.secretariats.own)) problems.push(`areaSecretariats shows ${ids.join(', ')}`);
      }
      return problems;
    },
  },
  areaSecretariat: {
    kind: 'Query',
    request: ({ world, side }) => ({
      query: `query($id: ID!) { areaSecretariat(id: $id) { id plans { ${PLAN_REF} } rollup { planCount } } }`,
      variables: { id: world.secretariats[side] },
    }),
    check: (data, { world, caller, side }) => {
      const a: { plans: PlanRef[]; rollup: { planCount: number } } = data.areaSecretariat;
      const expected = side === 'own' ? visibleInOwnSecretariat(world, caller) : [world.plans.foreign.planId];
      return [
        ...planProblems(world, caller, a.plans, 'areaSecretariat.plans'),
        ...missing(expected, a.plans.map((p) => p.id), 'areaSecretariat.plans'),
        ...(a.rollup.planCount === a.plans.length ? [] : [`rollup.planCount ${a.rollup.planCount}, but ${a.plans.length} plans readable`]),
      ];
    },
  },
  plan: {
    kind: 'Query',
    request: (ctx) => ({ query: 'query($id: ID!) { plan(id: $id) { id } }', variables: { id: sidePlan(ctx).planId } }),
  },
  plans: {
    kind: 'Query',
    // own: every plan of this world's pool (the caller must see exactly those in its scope);
    // foreign: the foreign secretariat's plans (a scoped caller must see none, and count none).
    request: ({ world, side }) => ({
      query: `query($filter: PlanFilter) { plans(filter: $filter, first: 200) { totalCount edges { node { ${PLAN_REF} } } } }`,
      variables: { filter: side === 'own' ? { poolId: world.poolId } : { areaSecretariatId: world.secretariats.foreign } },
    }),
    check: (data, { world, caller, side }) => {
      const nodes: PlanRef[] = data.plans.edges.map((e: { node: PlanRef }) => e.node);
      const expected = side === 'own' ? visiblePlanIds(world, caller) : visiblePlanIds(world, caller).filter((id) => id === world.plans.foreign.planId);
      return [
        ...planProblems(world, caller, nodes, 'plans.edges'),
        ...missing(expected, nodes.map((n) => n.id), 'plans.edges'),
        ...(data.plans.totalCount === nodes.length ? [] : [`plans.totalCount is ${data.plans.totalCount}, but ${nodes.length} plans readable`]),
      ];
    },
  },
  goal: {
    kind: 'Query',
    request: (ctx) => ({ query: 'query($id: ID!) { goal(id: $id) { id } }', variables: { id: sidePlan(ctx).goalId } }),
  },
  activity: {
    kind: 'Query',
    request: (ctx) => ({ query: 'query($id: ID!) { activity(id: $id) { id } }', variables: { id: sidePlan(ctx).activityId } }),
  },
  nationalRollup: {
    kind: 'Query',
    request: ({ world }) => ({ query: 'query($poolId: ID) { nationalRollup(poolId: $poolId) { planCount } }', variables: { poolId: world.poolId } }),
  },
  annualReport: {
    kind: 'Query',
    request: (ctx) => ({
      query: 'query($planId: ID!, $year: Int!) { annualReport(planId: $planId, year: $year) { period { year } asOf } }',
      variables: { planId: sidePlan(ctx).planId, year: 2024 },
    }),
    check: (data) => (data.annualReport.asOf === '2024-12-31' ? [] : [`asOf is ${data.annualReport.asOf}`]),
  },
  auditEvents: {
    kind: 'Query',
    // own: the whole trail as the caller may read it; foreign: filtered to the foreign plan.
    request: ({ world, side }) => ({
      query: `query($filter: AuditFilter) { auditEvents(filter: $filter, first: 200) { totalCount edges { node { id plan { id } } } } }`,
      variables: { filter: side === 'own' ? null : { planId: world.plans.foreign.planId } },
    }),
    check: (data, { world, caller, side }) => {
      const plans: (string | null)[] = data.auditEvents.edges.map((e: { node: { plan: { id: string } | null } }) => e.node.plan?.id ?? null);
      const problems = plans.length ? [] : ['auditEvents is empty'];
      if (caller === 'PROJECT_SECRETARIAT' || side === 'foreign') {
        const allowed = side === 'own' ? world.plans.own.planId : world.plans.foreign.planId;
        const stray = [...new Set(plans.filter((p) => p !== allowed))];
        if (stray.length) problems.push(`auditEvents shows events of ${stray.map((p) => p ?? 'no plan').join(', ')}`);
      }
      return problems;
    },
  },

  activityTypes: { kind: 'Query', request: () => ({ query: 'query { activityTypes { id name } }' }) },
  targetGroups: { kind: 'Query', request: () => ({ query: 'query { targetGroups { id name } }' }) },

  // ---- Mutation ----
  login: {
    kind: 'Mutation',
    // Each caller logs in as itself (sending its token along, which login ignores).
    request: ({ world, caller }) => ({
      query: 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { user { id } } }',
      variables: { email: world.callers[caller].email, password: world.callers[caller].password },
    }),
    check: (data, { world, caller }) => (data.login.user.id === world.callers[caller].id ? [] : [`logged in as ${data.login.user.id}`]),
  },
  createUser: {
    kind: 'Mutation',
    // A board member of the cell's plan.
    request: (ctx) => ({
      query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      variables: { input: userInput('BOARD_MEMBER', { planId: sidePlan(ctx).planId }) },
    }),
  },
  updateUser: {
    kind: 'Mutation',
    request: async (ctx) => ({
      query: 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id name } }',
      variables: { input: { id: await freshUser(ctx), name: unique('Omdøbt') } },
    }),
  },
  setUserPassword: {
    kind: 'Mutation',
    request: async (ctx) => ({
      query: 'mutation($userId: ID!, $password: String!) { setUserPassword(userId: $userId, password: $password) }',
      variables: { userId: await freshUser(ctx), password: 'a-new-long-password' },
    }),
  },
  changePassword: {
    kind: 'Mutation',
    // It ends the session it is sent with: sent as a fresh user like the caller.
    request: async (ctx) => {
      const { token, password } = await likeCaller(ctx);
      return {
        query: 'mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }',
        variables: { current: password, next: 'a-new-long-password' },
        token,
      };
    },
  },
  refreshSession: {
    kind: 'Mutation',
    // Public: the refresh token is the credential, whatever token comes along.
    request: async (ctx) => ({
      query: 'mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken user { id } } }',
      variables: { refreshToken: await callerRefreshToken(ctx) },
    }),
    check: (data, { world, caller }) => (data.refreshSession.user.id === world.callers[caller].id ? [] : [`refreshed as ${data.refreshSession.user.id}`]),
  },
  logout: {
    kind: 'Mutation',
    // With a refresh token (the caller's own sign-in): public, like refreshSession.
    request: async (ctx) => ({
      query: 'mutation($refreshToken: String) { logout(refreshToken: $refreshToken) }',
      variables: { refreshToken: await callerRefreshToken(ctx) },
    }),
    check: (data) => (data.logout === true ? [] : ['logout did not end the sign-in']),
  },
  createPool: {
    kind: 'Mutation',
    request: () => ({ query: 'mutation($input: CreatePoolInput!) { createPool(input: $input) { id } }', variables: { input: poolInput() } }),
  },
  createMunicipality: {
    kind: 'Mutation',
    request: ({ world }) => {
      const code = world.freeMunicipalityCodes.pop();
      if (!code) throw new Error('no free municipality code left');
      return {
        query: 'mutation($input: CreateMunicipalityInput!) { createMunicipality(input: $input) { id } }',
        variables: { input: { name: unique('Kommune'), code } },
      };
    },
  },
  createHousingOrganisation: {
    kind: 'Mutation',
    request: () => ({
      query: 'mutation($input: CreateHousingOrganisationInput!) { createHousingOrganisation(input: $input) { id } }',
      variables: { input: { name: unique('Boligselskab') } },
    }),
  },
  createAreaSecretariat: {
    kind: 'Mutation',
    request: () => ({
      query: 'mutation($input: CreateAreaSecretariatInput!) { createAreaSecretariat(input: $input) { id } }',
      variables: { input: { name: unique('Områdesekretariat') } },
    }),
  },
  createPlan: {
    kind: 'Mutation',
    // In the own or the foreign secretariat.
    request: ({ world, side }) => ({
      query: 'mutation($input: CreatePlanInput!) { createPlan(input: $input) { id } }',
      variables: {
        input: planInput(
          { poolId: world.poolId, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] },
          { areaSecretariatId: world.secretariats[side] },
        ),
      },
    }),
  },
  updatePlan: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: UpdatePlanInput!) { updatePlan(input: $input) { id } }',
      variables: { input: { id: sidePlan(ctx).planId, title: unique('Helhedsplan') } },
    }),
  },
  createGoal: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: CreateGoalInput!) { createGoal(input: $input) { id } }',
      variables: { input: { planId: sidePlan(ctx).planId, kind: 'OVERALL', title: unique('Mål') } },
    }),
  },
  updateGoal: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }',
      variables: { input: { id: sidePlan(ctx).goalId, title: unique('Mål') } },
    }),
  },
  createIndicator: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: CreateIndicatorInput!) { createIndicator(input: $input) { id } }',
      variables: { input: indicatorInput(sidePlan(ctx).goalId) },
    }),
  },
  recordMeasurement: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
      variables: { input: { indicatorId: sidePlan(ctx).indicatorId, measuredOn: '2024-06-30', value: 45 } },
    }),
  },
  createActivity: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
      variables: { input: activityInput(sidePlan(ctx).planId) },
    }),
  },
  updateActivity: {
    kind: 'Mutation',
    // A fresh activity per cell: a successful update uses up its version.
    request: async (ctx) => ({
      query: 'mutation($input: UpdateActivityInput!) { updateActivity(input: $input) { id } }',
      variables: { input: { id: await freshActivity(ctx), expectedVersion: 1, title: unique('Aktivitet') } },
    }),
  },
  linkActivityToGoal: {
    kind: 'Mutation',
    // A fresh activity per cell: linking the same pair twice is CONFLICT.
    request: async (ctx) => ({
      query: 'mutation($input: LinkActivityInput!) { linkActivityToGoal(input: $input) { weight } }',
      variables: { input: { activityId: await freshActivity(ctx), goalId: sidePlan(ctx).goalId } },
    }),
  },
  unlinkActivityFromGoal: {
    kind: 'Mutation',
    // A fresh link per cell, so that an allowed unlink has something to remove.
    request: async (ctx) => {
      const activityId = await freshActivity(ctx);
      const goalId = sidePlan(ctx).goalId;
      await link(ctx.client, ctx.admin, { activityId, goalId });
      return {
        query: 'mutation($activityId: ID!, $goalId: ID!) { unlinkActivityFromGoal(activityId: $activityId, goalId: $goalId) }',
        variables: { activityId, goalId },
      };
    },
    check: (data) => (data.unlinkActivityFromGoal === true ? [] : ['the link was not removed']),
  },
  logProgress: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }',
      variables: { input: { activityId: sidePlan(ctx).activityId, reportedOn: todayUtc(), percentComplete: 10 } },
    }),
  },
  submitAnnualReport: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: SubmitAnnualReportInput!) { submitAnnualReport(input: $input) { status } }',
      variables: { input: { planId: sidePlan(ctx).planId, year: freshYear(ctx), comment: 'Årsrapport' } },
    }),
    check: (data) => (data.submitAnnualReport.status === 'SUBMITTED' ? [] : [`status is ${data.submitAnnualReport.status}`]),
  },
  approveAnnualReport: {
    kind: 'Mutation',
    request: async (ctx) => ({
      query: 'mutation($input: ReviewAnnualReportInput!) { approveAnnualReport(input: $input) { status } }',
      variables: { input: { planId: sidePlan(ctx).planId, year: await submittedYear(ctx) } },
    }),
    check: (data) => (data.approveAnnualReport.status === 'APPROVED' ? [] : [`status is ${data.approveAnnualReport.status}`]),
  },
  returnAnnualReport: {
    kind: 'Mutation',
    request: async (ctx) => ({
      query: 'mutation($input: ReviewAnnualReportInput!) { returnAnnualReport(input: $input) { status } }',
      variables: { input: { planId: sidePlan(ctx).planId, year: await submittedYear(ctx), comment: 'Ret venligst' } },
    }),
    check: (data) => (data.returnAnnualReport.status === 'RETURNED' ? [] : [`status is ${data.returnAnnualReport.status}`]),
  },
  createMilestone: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      variables: { input: { planId: sidePlan(ctx).planId, title: unique('Milepæl'), dueDate: '2026-06-30', goalId: sidePlan(ctx).goalId } },
    }),
  },
  completeMilestone: {
    kind: 'Mutation',
    // A fresh milestone per cell: a milestone is completed once.
    request: async (ctx) => {
      const { createMilestone } = await ctx.client.ok(
        'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
        { input: { planId: sidePlan(ctx).planId, title: unique('Milepæl'), dueDate: '2025-06-30' } },
        ctx.admin,
      );
      return {
        query: 'mutation($id: ID!, $completedOn: Date!) { completeMilestone(id: $id, completedOn: $completedOn) { completedOn } }',
        variables: { id: createMilestone.id, completedOn: '2025-06-15' },
      };
    },
  },
  updateIndicator: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: UpdateIndicatorInput!) { updateIndicator(input: $input) { id } }',
      variables: { input: { id: sidePlan(ctx).indicatorId, reason: 'Nyt mål', target: 60 + Math.floor(Math.random() * 1000) } },
    }),
  },
  retractProgressEntry: {
    kind: 'Mutation',
    // A fresh entry per cell, logged by the ADMIN: an entry is retracted once.
    request: async (ctx) => {
      const data = await ctx.client.ok(
        'mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }',
        { input: { activityId: sidePlan(ctx).activityId, reportedOn: todayUtc(), percentComplete: 10 } },
        ctx.admin,
      );
      return {
        query: 'mutation($id: ID!) { retractProgressEntry(id: $id, reason: "Fejlregistrering") { id retraction { reason } } }',
        variables: { id: data.logProgress.id },
      };
    },
    check: (data) => (data.retractProgressEntry.retraction?.reason === 'Fejlregistrering' ? [] : ['the entry was not retracted']),
  },
  retractMeasurement: {
    kind: 'Mutation',
    // A fresh measurement per cell, recorded by the ADMIN.
    request: async (ctx) => {
      const data = await ctx.client.ok(
        'mutation($input: RecordMeasurementInput!) { recordMeasurement(input: $input) { id } }',
        { input: { indicatorId: sidePlan(ctx).indicatorId, measuredOn: '2024-06-30', value: 45 } },
        ctx.admin,
      );
      return {
        query: 'mutation($id: ID!) { retractMeasurement(id: $id, reason: "Fejlregistrering") { id retraction { reason } } }',
        variables: { id: data.recordMeasurement.id },
      };
    },
    check: (data) => (data.retractMeasurement.retraction?.reason === 'Fejlregistrering' ? [] : ['the measurement was not retracted']),
  },
  createActivityType: {
    kind: 'Mutation',
    request: () => ({
      query: 'mutation($input: CreateNamedInput!) { createActivityType(input: $input) { id } }',
      variables: { input: { name: unique('Aktivitetstype') } },
    }),
  },
  createTargetGroup: {
    kind: 'Mutation',
    request: () => ({
      query: 'mutation($input: CreateNamedInput!) { createTargetGroup(input: $input) { id } }',
      variables: { input: { name: unique('Målgruppe') } },
    }),
  },
  addCoordinationNote: {
    kind: 'Mutation',
    request: (ctx) => ({
      query: 'mutation($input: AddCoordinationNoteInput!) { addCoordinationNote(input: $input) { id plan { id } } }',
      variables: { input: { planId: sidePlan(ctx).planId, text: unique('Koordinering') } },
    }),
    check: (data, ctx) => (data.addCoordinationNote.plan.id === sidePlan(ctx).planId ? [] : ['the note is on another plan']),
  },
};
