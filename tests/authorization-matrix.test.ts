import { readFileSync } from 'node:fs';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { CASES, type CellContext } from './matrix/cases.js';
import { buildMatrixWorld, CALLERS, SIDES, type Caller, type MatrixWorld, type Side } from './matrix/world.js';

/**
 * The authorization matrix (issue 4, part 7): every operation of the schema × every role and a caller
 * without a token × an object of the caller's own plan and of a foreign plan. The expected outcome
 * of every cell is in TABLE below, taken from the contract (docs/api.md); docs/authorization.md shows the same table.
 *
 * "Own" is the plan of the PROJECT_SECRETARIAT and BOARD_MEMBER callers, which is attached to the
 * AREA_SECRETARIAT caller's secretariat; "foreign" is a plan of another secretariat. ADMIN and LBF read
 * both. Operations without a plan (the registry, users, login, the national roll-up) send the same
 * request on both sides. How each cell is sent, and what the scoped lists must and must never show:
 * tests/matrix/cases.ts.
 */
type Outcome = 'OK' | 'NOT_FOUND' | 'FORBIDDEN' | 'UNAUTHENTICATED';
/** One outcome: the same for own and foreign; two: `own / foreign`. */
type Expected = Outcome | `${Outcome} / ${Outcome}`;
type Row = [admin: Expected, lbf: Expected, area: Expected, project: Expected, board: Expected, noToken: Expected];

const NO = 'UNAUTHENTICATED';

// prettier-ignore
const TABLE = {
  //                         ADMIN   LBF          AREA_SECRETARIAT         PROJECT_SECRETARIAT      BOARD_MEMBER             NO_TOKEN
  // Query
  me:                       ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  users:                    ['OK',   'FORBIDDEN', 'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  pools:                    ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  municipalities:           ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  housingOrganisations:     ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  areaSecretariats:         ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  areaSecretariat:          ['OK',   'OK',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        NO],
  plan:                     ['OK',   'OK',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        NO],
  plans:                    ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  goal:                     ['OK',   'OK',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        NO],
  activity:                 ['OK',   'OK',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        NO],
  nationalRollup:           ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  auditEvents:              ['OK',   'OK',        'FORBIDDEN',             'OK / NOT_FOUND',        'FORBIDDEN',             NO],
  annualReport:             ['OK',   'OK',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        'OK / NOT_FOUND',        NO],
  activityTypes:            ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  targetGroups:             ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  // Mutation
  login:                    ['OK',   'OK',        'OK',                    'OK',                    'OK',                    'OK'],
  createUser:               ['OK',   'FORBIDDEN', 'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  updateUser:               ['OK',   'FORBIDDEN', 'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  setUserPassword:          ['OK',   'FORBIDDEN', 'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  changePassword:           ['OK',   'OK',        'OK',                    'OK',                    'OK',                    NO],
  refreshSession:           ['OK',   'OK',        'OK',                    'OK',                    'OK',                    'OK'],
  logout:                   ['OK',   'OK',        'OK',                    'OK',                    'OK',                    'OK'],
  createPool:               ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  createMunicipality:       ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  createHousingOrganisation:['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  createAreaSecretariat:    ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  createPlan:               ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  updatePlan:               ['OK',   'OK',        'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  createGoal:               ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  updateGoal:               ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  createIndicator:          ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  recordMeasurement:        ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  createActivity:           ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  updateActivity:           ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  linkActivityToGoal:       ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  unlinkActivityFromGoal:   ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  logProgress:              ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  submitAnnualReport:       ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  approveAnnualReport:      ['OK',   'OK',        'FORBIDDEN / NOT_FOUND', 'FORBIDDEN / NOT_FOUND', 'FORBIDDEN / NOT_FOUND', NO],
  returnAnnualReport:       ['OK',   'OK',        'FORBIDDEN / NOT_FOUND', 'FORBIDDEN / NOT_FOUND', 'FORBIDDEN / NOT_FOUND', NO],
  createMilestone:          ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  completeMilestone:        ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  updateIndicator:          ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  retractProgressEntry:     ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  retractMeasurement:       ['OK',   'FORBIDDEN', 'FORBIDDEN / NOT_FOUND', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', NO],
  createActivityType:       ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  createTargetGroup:        ['OK',   'OK',        'FORBIDDEN',             'FORBIDDEN',             'FORBIDDEN',             NO],
  addCoordinationNote:      ['OK',   'FORBIDDEN', 'OK / NOT_FOUND',        'FORBIDDEN / NOT_FOUND', 'FORBIDDEN / NOT_FOUND', NO],
} satisfies Record<string, Row>;

type Operation = keyof typeof TABLE;
const OPERATIONS = Object.keys(TABLE) as Operation[];

/** The table, cell by cell. */
const MATRIX = Object.fromEntries(
  OPERATIONS.map((op) => [
    op,
    Object.fromEntries(
      CALLERS.map((caller, i) => {
        const [own, foreign = own] = (TABLE[op] as Row)[i].split(' / ') as Outcome[];
        return [caller, { own, foreign }];
      }),
    ),
  ]),
) as Record<Operation, Record<Caller, Record<Side, Outcome>>>;

let app: TestApp;
let world: MatrixWorld;
/** `Query.plan`, `Mutation.login`, … as the running app declares them. */
let schemaOperations: string[];

beforeAll(async () => {
  app = await startTestApp();
  const [built, schema] = await Promise.all([
    buildMatrixWorld(app.client, app.adminToken),
    app.client.ok(`{ __schema { queryType { fields { name } } mutationType { fields { name } } } }`, {}, app.adminToken),
  ]);
  world = built;
  schemaOperations = [
    ...schema.__schema.queryType.fields.map((f: { name: string }) => `Query.${f.name}`),
    ...(schema.__schema.mutationType?.fields ?? []).map((f: { name: string }) => `Mutation.${f.name}`),
  ].sort();
});
afterAll(() => app?.stop());

/** OK: data and no error; otherwise the first error's code. */
function outcomeOf(result: GraphQLResponse): string {
  if (result.errors?.length) return String(result.errors[0].extensions?.code ?? `no code: ${result.errors[0].message}`);
  return result.data ? 'OK' : `no data (HTTP ${result.status})`;
}

describe('the authorization matrix', () => {
  it('has a row, and a way to send it, for every operation of the schema', () => {
    const inTable = OPERATIONS.map((op) => `${CASES[op]?.kind ?? 'unsent'}.${op}`).sort();
    expect({
      'in the schema, not in the table': schemaOperations.filter((op) => !inTable.includes(op)),
      'in the table, not in the schema': inTable.filter((op) => !schemaOperations.includes(op)),
      'sent by cases.ts, not in the table': Object.keys(CASES).filter((op) => !(op in TABLE)),
    }).toEqual({ 'in the schema, not in the table': [], 'in the table, not in the schema': [], 'sent by cases.ts, not in the table': [] });
  });

  // One test per operation; its 12 cells are prepared, then sent, in parallel.
  it.each(OPERATIONS)('%s', async (op) => {
    const operation = CASES[op];
    expect(operation).toBeDefined();
    const cells = CALLERS.flatMap((caller) => SIDES.map((side) => ({ caller, side })));
    const contexts: CellContext[] = cells.map(({ caller, side }) => ({ world, caller, side, client: app.client, admin: app.adminToken }));
    const requests = await Promise.all(contexts.map((ctx) => operation.request(ctx)));
    const results = await Promise.all(
      requests.map((req, i) =>
        app.client.request(req.query, req.variables ?? {}, req.token !== undefined ? (req.token ?? undefined) : world.callers[contexts[i].caller].token),
      ),
    );
    const failures = results.flatMap((result, i) => {
      const ctx = contexts[i];
      const expected = MATRIX[op][ctx.caller][ctx.side];
      const actual = outcomeOf(result);
      const cell = `${op} · ${ctx.caller} · ${ctx.side}`;
      if (actual !== expected) return [`${cell}: expected ${expected}, got ${actual}${result.errors ? ` (${result.errors[0].message})` : ''}`];
      if (actual === 'OK' && operation.check) return operation.check(result.data, ctx).map((problem) => `${cell}: ${problem}`);
      return [];
    });
    expect(failures).toEqual([]);
  });

  it('is the table that docs/authorization.md shows', () => {
    const docs = readFileSync(new URL('../docs/authorization.md', import.meta.url), 'utf8');
    const rows = (text: string) => text.split('\n').filter((line) => /^\| `\w+` \|/.test(line)).map((line) => line.replace(/\s+/g, ' ').trim());
    const expected = OPERATIONS.map((op) => `| \`${op}\` | ${(TABLE[op] as Row).join(' | ')} |`);
    expect(rows(docs)).toEqual(expected);
  });
});
