#!/usr/bin/env node
// Schema-aware fuzz run (issue 4, part 6). Reads the schema by introspection (as ADMIN and as a
// project secretariat), generates operations for every query and mutation with valid, random and
// hostile argument values (inline literals and variables), adds hostile documents and malformed HTTP
// requests, and sends them to the built app on a throwaway PostgreSQL cluster, loopback only.
//
// Asserts: no INTERNAL_SERVER_ERROR, no 5xx, every error carries extensions.code, and no change to
// stored data except what successful mutations made (every table is snapshotted row by row before
// and after; every added, changed or removed row, and every new audit_events row, must be explained
// by a mutation that returned data).
//
// Bounded and reproducible: a fixed count of operations generated up front from a seed.
//   npm run build && node scripts/fault/fuzz.mjs [--seed N] [--count N] [--concurrency N]
//   (FUZZ_SEED, FUZZ_COUNT, FUZZ_CONCURRENCY work too; --concurrency 1 replays in a fixed order)
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { App, ADMIN, Checks, Cluster, DEMO, JWT_SECRET, deadline, describe, login, now, requireBuild, sql, tempDir } from './lib.mjs';

// ---------------------------------------------------------------------------------------------
// Parameters

function option(name, env, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i > 0 ? process.argv[i + 1] : process.env[env];
  return raw === undefined || raw === '' ? fallback : Number(raw);
}
const SEED = option('seed', 'FUZZ_SEED', 20261127);
const COUNT = option('count', 'FUZZ_COUNT', 2000);
const CONCURRENCY = option('concurrency', 'FUZZ_CONCURRENCY', 4);
const TIME_LIMIT_MS = option('time-limit', 'FUZZ_TIME_LIMIT_MS', 150_000);
const REQUEST_TIMEOUT_MS = 20_000;

const checks = new Checks(`Fuzz: ${COUNT} operations, seed ${SEED}, concurrency ${CONCURRENCY}`);
deadline(Math.ceil(TIME_LIMIT_MS / 1000) + 90, checks);
requireBuild();

// ---------------------------------------------------------------------------------------------
// A seeded random source (mulberry32)

class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n) {
    return Math.floor(this.next() * n);
  }
  between(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[this.int(list.length)];
  }
}
const rng = new Rng(SEED);

// ---------------------------------------------------------------------------------------------
// Start: a throwaway cluster with the demo data, and the app on it

const cluster = await Cluster.create();
// The web app's routes (GET /, /planer/…) answer 503 while the browser app is not built (npm run build
// only builds the server): a stand-in build, so that they are served as in a release.
const webDir = tempDir('fuzz-web');
mkdirSync(join(webDir, 'assets'), { recursive: true });
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Planspor</title><div id="root"></div>\n');
const app = await App.start({ env: { DATABASE_URL: cluster.url, JWT_SECRET, DEMO_DATA: 'true', WEB_DIR: webDir }, name: 'fuzz' });
checks.keepLogOf(app);
checks.info(`app ${app.url} on a throwaway PostgreSQL at 127.0.0.1:${cluster.port}`);

const tokens = {
  admin: await login(app.url, ADMIN),
  lbf: await login(app.url, DEMO.lbf),
  projekt: await login(app.url, DEMO.projekt),
  projekt2: await login(app.url, DEMO.projekt2),
  bestyrelse: await login(app.url, DEMO.bestyrelse),
  omraade: await login(app.url, DEMO.omraade),
};
const ROLES = ['admin', 'admin', 'projekt', 'projekt', 'lbf', 'projekt2', 'bestyrelse', 'omraade', 'none', 'garbage'];
const tokenOf = (role) =>
  role === 'none' ? undefined : role === 'garbage' ? 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' : tokens[role];

// ---------------------------------------------------------------------------------------------
// The schema, by introspection as ADMIN and as a project secretariat

async function introspect(token) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: getIntrospectionQuery() }),
  });
  const body = await response.json();
  if (!body.data) throw new Error(`introspection failed: ${JSON.stringify(body.errors)}`);
  return body.data.__schema;
}
const schemaAdmin = await introspect(tokens.admin);
const schemaProjekt = await introspect(tokens.projekt);
checks.check('introspection as ADMIN and as a project secretariat gives the same schema', JSON.stringify(schemaAdmin) === JSON.stringify(schemaProjekt));
const types = new Map(schemaAdmin.types.map((t) => [t.name, t]));
const queryFields = types.get(schemaAdmin.queryType.name).fields;
const mutationFields = types.get(schemaAdmin.mutationType.name).fields;
checks.info(`schema: ${queryFields.length} queries, ${mutationFields.length} mutations, ${schemaAdmin.types.filter((t) => !t.name.startsWith('__')).length} types`);

const named = (ref) => (ref.kind === 'NON_NULL' || ref.kind === 'LIST' ? named(ref.ofType) : ref.name);
const printType = (ref) => (ref.kind === 'NON_NULL' ? `${printType(ref.ofType)}!` : ref.kind === 'LIST' ? `[${printType(ref.ofType)}]` : ref.name);

// ---------------------------------------------------------------------------------------------
// Real ids to aim at, in a stable order (names are the same in every run; uuids are not)

const idPools = {};
for (const [pool, query] of Object.entries({
  plans: 'SELECT id::text FROM plans ORDER BY title, id',
  goals: 'SELECT id::text FROM goals ORDER BY title, id',
  activities: 'SELECT id::text FROM activities ORDER BY title, id',
  indicators: 'SELECT id::text FROM indicators ORDER BY name, id',
  users: 'SELECT id::text FROM users ORDER BY email',
  pools: 'SELECT id::text FROM pools ORDER BY name',
  focusAreas: 'SELECT id::text FROM focus_areas ORDER BY name, id',
  municipalities: 'SELECT id::text FROM municipalities ORDER BY code',
  housingOrganisations: 'SELECT id::text FROM housing_organisations ORDER BY name',
  areaSecretariats: 'SELECT id::text FROM area_secretariats ORDER BY name',
  activityTypes: 'SELECT id::text FROM activity_types ORDER BY name',
  targetGroups: 'SELECT id::text FROM target_groups ORDER BY name',
  progressEntries: 'SELECT e.id::text FROM progress_entries e JOIN activities a ON a.id = e.activity_id ORDER BY a.title, e.reported_on, e.percent_complete, e.id',
  measurements: 'SELECT m.id::text FROM measurements m JOIN indicators i ON i.id = m.indicator_id ORDER BY i.name, m.measured_on, m.value, m.id',
  milestones: 'SELECT id::text FROM milestones ORDER BY title, due_date, id',
})) {
  idPools[pool] = (await sql(cluster.url, query)).map((r) => r.id);
}
idPools.any = Object.values(idPools).flat();
const activityVersions = new Map((await sql(cluster.url, 'SELECT id::text, version FROM activities')).map((r) => [r.id, r.version]));

const ID_POOL_BY_NAME = {
  planId: 'plans',
  goalId: 'goals',
  parentId: 'goals',
  activityId: 'activities',
  indicatorId: 'indicators',
  poolId: 'pools',
  focusAreaId: 'focusAreas',
  municipalityId: 'municipalities',
  housingOrganisationIds: 'housingOrganisations',
  areaSecretariatId: 'areaSecretariats',
  activityTypeId: 'activityTypes',
  targetGroupIds: 'targetGroups',
  actorId: 'users',
  entityId: 'any',
};
const ID_POOL_BY_OWNER = {
  plan: 'plans',
  goal: 'goals',
  activity: 'activities',
  areaSecretariat: 'areaSecretariats',
  UpdatePlanInput: 'plans',
  UpdateGoalInput: 'goals',
  UpdateActivityInput: 'activities',
  UpdateIndicatorInput: 'indicators',
  retractProgressEntry: 'progressEntries',
  retractMeasurement: 'measurements',
  completeMilestone: 'milestones',
};
const idPoolFor = (name, owner) => idPools[(name === 'id' ? ID_POOL_BY_OWNER[owner] : ID_POOL_BY_NAME[name]) ?? 'any'];

// ---------------------------------------------------------------------------------------------
// Values

const OMIT = Symbol('omit');
const todayDate = new Date().toISOString().slice(0, 10);
/** A date `days` after `date` (a sibling field's value, which may be hostile: then after 2026-01-01). */
const addDays = (date, days) => {
  let base = Date.parse(`${date}T00:00:00Z`);
  if (!Number.isFinite(base) || base < Date.UTC(1900, 0, 1) || base > Date.UTC(9000, 0, 1)) base = Date.UTC(2026, 0, 1);
  return new Date(base + days * 86_400_000).toISOString().slice(0, 10);
};
let serial = 0;

const HOSTILE = {
  String: () => [
    '',
    ' ',
    'x'.repeat(rng.pick([300, 5_000, 100_000])),
    '\u0000',
    `nul\u0000inside`,
    '\u202Eevil\u202C right-to-left',
    '\u200F\u200E\u061C',
    '😀'.repeat(rng.pick([1, 500])),
    '\uD800',
    'Z̷̢͓a̵l̴g̸o̴ ̸t̷e̷x̶t̴',
    "Robert'); DROP TABLE plans;--",
    '%s%n%x',
    '${jndi:ldap://127.0.0.1/x}',
    '<script>alert(1)</script>',
    '../../../../etc/passwd',
    'NaN',
    'null',
    'undefined',
    '\r\n\t',
    '\\',
    '"',
    '１２３',
    123,
    -1.5,
    true,
    {},
    [],
    ['a'],
    { toString: 'x' },
    null,
  ],
  ID: (name, owner) => [
    '',
    'abc',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    `${rng.pick(idPools.any)}x`,
    ` ${rng.pick(idPools.any)} `,
    rng.pick(idPools.any).toUpperCase(),
    rng.pick(idPools.any),
    rng.pick(idPools.any).replace(/-/g, ''),
    '-1',
    '0',
    123,
    -1,
    1e300,
    2 ** 53,
    "' OR '1'='1",
    'a'.repeat(10_000),
    '\u0000',
    '{"$gt":""}',
    '1:2',
    `${rng.pick(idPoolFor(name, owner) ?? idPools.any)}:${rng.pick(idPools.goals)}`,
    true,
    {},
    null,
  ],
  Int: () => [0, -1, -2147483648, 2147483647, 2147483648, -2147483649, 1.5, -0, 1e308, 2 ** 53, '12', 'NaN', 'Infinity', true, null, [], {}],
  Float: () => [0, -0, -1, 1e308, -1e308, 5e-324, Number.MAX_VALUE, 2 ** 53 + 1, -(2 ** 63), 0.1 + 0.2, '1.5', 'NaN', 'Infinity', '-Infinity', true, null, {}],
  Boolean: () => ['true', 1, 0, 'yes', null, {}],
  Money: () => [
    0,
    -1,
    2 ** 53 - 1,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 53),
    1.5,
    1e21,
    '123',
    ' 123 ',
    '-0',
    '+5',
    '1e3',
    '0x10',
    '1_000',
    'NaN',
    'Infinity',
    '9'.repeat(400),
    '-9007199254740993',
    '',
    '١٢٣',
    true,
    {},
    [],
    null,
  ],
  Date: () => [
    '2025-02-30',
    '2025-13-01',
    '2025-00-10',
    '0000-01-01',
    '1899-12-31',
    '1900-01-01',
    '9999-12-31',
    '275760-09-13',
    '+275760-09-13',
    '-000001-01-01',
    '2025-1-1',
    '2025-01-01T00:00:00Z',
    '2025-01-01 ',
    '2025-01-01\n',
    '２０２５-０１-０１',
    '',
    'NaN',
    'today',
    addDays(todayDate, 3650),
    addDays(todayDate, 8),
    20250101,
    1.5,
    null,
    {},
  ],
  DateTime: () => [
    '2025-01-01T00:00:00Z',
    '2025-01-01',
    'not-a-date',
    '9999-12-31T23:59:59.999Z',
    '+275760-09-13T00:00:00.000Z',
    '-271821-04-20T00:00:00.000Z',
    '2025-02-30T00:00:00Z',
    '2025-01-01T25:61:61Z',
    '1970-01-01T00:00:00+14:00',
    '',
    0,
    -1,
    1e20,
    null,
  ],
};

function hostileScalar(typeName, name, owner) {
  const type = types.get(typeName);
  if (type?.kind === 'ENUM') {
    const valid = type.enumValues.map((v) => v.name);
    return rng.pick(['FOO', '', rng.pick(valid).toLowerCase(), ` ${rng.pick(valid)}`, 'ADMIN', 'ACTIVE', 123, null, true, [rng.pick(valid)], '__proto__']);
  }
  const catalogue = HOSTILE[typeName];
  return catalogue ? rng.pick(catalogue(name, owner)) : rng.pick(HOSTILE.String());
}

function validScalar(typeName, name, owner, sibling) {
  const type = types.get(typeName);
  if (type?.kind === 'ENUM') return rng.pick(type.enumValues.map((v) => v.name));
  switch (typeName) {
    case 'ID': {
      const ids = idPoolFor(name, owner);
      return ids?.length ? rng.pick(ids) : rng.pick(idPools.any);
    }
    case 'String':
      switch (name) {
        case 'email':
          return owner === 'login' ? rng.pick([ADMIN.email, DEMO.projekt.email, `nobody${serial++}@fuzz.planspor`]) : `fuzz${SEED}-${serial++}@fuzz.planspor`;
        case 'password':
          return owner === 'login' ? rng.pick([ADMIN.password, DEMO.projekt.password, 'wrong-password']) : 'fuzz-password-123';
        case 'code':
          return String(rng.between(100, 999));
        case 'unit':
          return rng.pick(['%', 'personer', 'antal']);
        case 'entity':
          return rng.pick(['Plan', 'Activity', 'Goal', 'ProgressEntry']);
        case 'idempotencyKey':
          return rng.chance(0.2) ? `fuzz-replay-${rng.int(5)}` : `fuzz-${SEED}-${serial++}`;
        case 'after':
          return rng.pick([Buffer.from(`${rng.int(10)}`).toString('base64'), 'MA==', 'bm9wZQ==']);
        default:
          return `Fuzz ${rng.pick(['Solbakken', 'Gellerup', 'Vollsmose', 'Æblehaven', 'Ørstedhus'])} ${SEED}-${serial++}`;
      }
    case 'Int':
      switch (name) {
        case 'startYear':
          return rng.between(2024, 2028);
        case 'endYear':
          return (sibling.startYear ?? 2026) + rng.between(0, 4);
        case 'percentComplete':
          return rng.between(0, 100);
        case 'reportingIntervalDays':
          return rng.between(30, 365);
        case 'participantsReached':
          return rng.between(0, 500);
        case 'expectedVersion':
          return activityVersions.get(sibling.id) ?? 1;
        case 'year':
          return rng.between(2019, 2027);
        case 'first':
          return rng.between(1, 20);
        default:
          return rng.between(0, 100);
      }
    case 'Float':
      return name === 'weight' ? rng.between(1, 5) : name === 'minCofinancingShare' ? rng.int(100) / 100 : rng.between(0, 100);
    case 'Money':
      return rng.chance(0.2) ? String(rng.int(1_000_000)) : rng.int(10_000_000);
    case 'Date':
      switch (name) {
        case 'reportedOn':
        case 'measuredOn':
          return addDays(todayDate, -rng.int(30));
        case 'endDate':
        case 'targetDate':
          return addDays(sibling.startDate ?? '2026-01-01', rng.between(30, 1500));
        case 'baselineDate':
          return '2024-06-01';
        case 'completedOn':
          return addDays(todayDate, -rng.int(60));
        default:
          return addDays('2025-01-01', rng.int(400));
      }
    case 'DateTime':
      return new Date(Date.UTC(2026, rng.int(12), 1)).toISOString();
    case 'Boolean':
      return rng.chance(0.5);
    default:
      return `x${serial++}`;
  }
}

/**
 * A value for a type reference. `hostility` 0 gives a plausible value; above it, each position
 * independently turns hostile (wrong type, out of range, malformed, missing, extra, null).
 */
function generate(ref, { name, owner, hostility, sibling = {}, required = false }) {
  const hostile = () => hostility > 0 && rng.chance(hostility);
  if (ref.kind === 'NON_NULL') {
    if (hostile() && rng.chance(0.15)) return rng.chance(0.5) ? OMIT : null;
    return generate(ref.ofType, { name, owner, hostility, sibling, required: true });
  }
  // Optional arguments and fields are left out now and then.
  if (!required && rng.chance(0.4)) return OMIT;
  if (ref.kind === 'LIST') {
    if (hostile()) {
      return rng.pick([
        [],
        Array.from({ length: rng.pick([200, 2000]) }, () => generate(ref.ofType, { name, owner, hostility: 0, required: true })),
        [null],
        [[generate(ref.ofType, { name, owner, hostility: 0, required: true })]],
        generate(ref.ofType, { name, owner, hostility: 0, required: true }), // a single value where a list goes (GraphQL coerces it)
        'not a list',
        {},
      ]);
    }
    return Array.from({ length: rng.between(1, 3) }, () => generate(ref.ofType, { name, owner, hostility, required: true }));
  }
  const type = types.get(ref.name);
  if (type.kind === 'INPUT_OBJECT') {
    if (hostile() && rng.chance(0.2)) return rng.pick(['a string', 42, [], null]);
    const value = {};
    // Fields others depend on first: an end after its start, the version of the activity named by id.
    const first = (f) => (f.name === 'id' || f.name.startsWith('start') ? 0 : 1);
    for (const field of [...type.inputFields].sort((a, b) => first(a) - first(b))) {
      const v = generate(field.type, { name: field.name, owner: type.name, hostility, sibling: value });
      if (v !== OMIT) value[field.name] = v;
    }
    if (hostile() && rng.chance(0.3)) value[rng.pick(['bogus', 'role', 'isAdmin', 'version', 'planId', '__proto__'])] = rng.pick([1, 'x', true, { nested: 1 }]);
    return value;
  }
  return hostile() ? hostileScalar(ref.name, name, owner) : validScalar(ref.name, name, owner, sibling);
}

/** A GraphQL literal for a JS value, following the type where there is one. */
function literal(value, ref) {
  if (value === null || value === undefined) return 'null';
  const typeName = ref ? named(ref) : undefined;
  const type = typeName ? types.get(typeName) : undefined;
  const inner = ref && (ref.kind === 'NON_NULL' ? ref.ofType : ref);
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, inner?.kind === 'LIST' ? inner.ofType : inner)).join(', ')}]`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '0';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return type?.kind === 'ENUM' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'object') {
    const fields = new Map((type?.inputFields ?? []).map((f) => [f.name, f.type]));
    const entries = Object.entries(value).filter(([k]) => /^[_A-Za-z][_0-9A-Za-z]*$/.test(k));
    return `{${entries.map(([k, v]) => `${k}: ${literal(v, fields.get(k))}`).join(', ')}}`;
  }
  return JSON.stringify(String(value));
}

// ---------------------------------------------------------------------------------------------
// Selections

function selection(typeName, depth, { root = false } = {}) {
  const type = types.get(typeName);
  if (!type || (type.kind !== 'OBJECT' && type.kind !== 'INTERFACE')) return '';
  const fields = type.fields.filter((f) => !f.args.some((a) => a.type.kind === 'NON_NULL'));
  const leaves = fields.filter((f) => ['SCALAR', 'ENUM'].includes(types.get(named(f.type)).kind));
  const objects = fields.filter((f) => !leaves.includes(f));
  const chosen = new Set();
  if (root || rng.chance(0.5)) for (const f of leaves.filter((f) => f.name === 'id')) chosen.add(f);
  for (let i = rng.between(1, 3); i > 0 && leaves.length; i--) chosen.add(rng.pick(leaves));
  if (depth > 0) for (let i = rng.between(0, 2); i > 0 && objects.length; i--) chosen.add(rng.pick(objects));
  // A link has no id: select its two ends, which name it.
  if (root && typeName === 'ActivityGoalLink') for (const f of objects.filter((f) => ['activity', 'goal'].includes(f.name))) chosen.add(f);
  if (!chosen.size) chosen.add(leaves[0] ?? objects[0]);
  const parts = [];
  for (const field of chosen) {
    const child = types.get(named(field.type));
    let args = '';
    const firstArg = field.args.find((a) => a.name === 'first');
    if (firstArg && rng.chance(0.5)) args = `(first: ${rng.pick([1, 5, 20, 0, -1, 1000])})`;
    if (child.kind === 'OBJECT' || child.kind === 'INTERFACE') {
      const sub = selection(child.name, root && ['activity', 'goal'].includes(field.name) ? Math.max(depth - 1, 0) : depth - 1, {
        root: root && typeName === 'ActivityGoalLink',
      });
      if (sub) parts.push(`${field.name}${args} ${sub}`);
    } else {
      parts.push(`${field.name}${args}`);
    }
  }
  if (rng.chance(0.1)) parts.push('__typename');
  return parts.length ? `{ ${parts.join(' ')} }` : `{ __typename }`;
}

// ---------------------------------------------------------------------------------------------
// Operations

function schemaOperation(kind, field, n) {
  const mode = rng.chance(0.35) ? 'valid' : 'hostile';
  const hostility = mode === 'valid' ? 0 : rng.pick([0.1, 0.3, 0.6]);
  const inline = rng.chance(0.3);
  const variables = {};
  const definitions = [];
  const args = [];
  const values = {};
  for (const arg of field.args) {
    const value = generate(arg.type, { name: arg.name, owner: field.name, hostility });
    if (value === OMIT) continue;
    values[arg.name] = value;
    if (inline) {
      args.push(`${arg.name}: ${literal(value, arg.type)}`);
    } else {
      const declared = hostility && rng.chance(0.03) ? rng.pick(['String', 'Int!', '[ID]', 'Nope']) : printType(arg.type);
      definitions.push(`$${arg.name}: ${declared}`);
      variables[arg.name] = value;
      args.push(`${arg.name}: $${arg.name}`);
    }
  }
  if (hostility && rng.chance(0.05)) args.push('bogus: 1');
  const depth = rng.chance(0.05) ? rng.between(5, 9) : rng.between(0, 3);
  const sel = selection(named(field.type), depth, { root: true });
  const query = `${kind} Fuzz${n}${definitions.length ? `(${definitions.join(', ')})` : ''} { ${field.name}${args.length ? `(${args.join(', ')})` : ''} ${sel} }`;
  return { type: 'schema', kind, field: field.name, mode, inline, query, variables, values };
}

const deepChain = (levels, a, b) => {
  let inner = 'id';
  for (let i = 0; i < levels; i++) inner = `${i % 2 ? a : b} { ${inner} }`;
  return inner;
};

const DOCUMENTS = [
  () => `{ plan(id: "${rng.pick(idPools.plans)}") { ${deepChain(rng.pick([12, 40, 200]), 'goals', 'plan')} } }`,
  () => `{ me { ${deepChain(rng.pick([15, 60]), 'plan', 'areaSecretariat')} } }`,
  () => `{ ${Array.from({ length: rng.pick([31, 200, 1000]), }, (_, i) => `a${i}: me { id }`).join(' ')} }`,
  () => `{ me ${'@include(if: true) '.repeat(rng.pick([51, 300]))}{ id } }`,
  () => `{ me @nope { id } }`,
  () => `{ me @include(if: "yes") { id } }`,
  () => `fragment A on User { ...B } fragment B on User { ...A } { me { ...A } }`,
  () => `{ me { ...on Plan { id } } }`,
  () => `{ nope }`,
  () => `{ me { id ${'id '.repeat(rng.pick([100, 3000]))}} }`,
  () => `{ ${'x'.repeat(10_000)} }`,
  () => `{`,
  () => `}}}`,
  () => ``,
  () => `query A { me { id } } query B { me { id } }`,
  () => `query A { me { id } } { me { id } }`,
  () => `subscription { me { id } }`,
  () => `mutation { me { id } }`,
  () => `{ __schema { types { fields { type { ${deepChain(rng.pick([6, 30]), 'ofType', 'ofType').replace(/\bid\b/, 'name')} } } } } }`,
  () => `{ __type(name: "${rng.pick(['\\u0000', 'Plan', 'x'.repeat(5000), '\\u202E'])}") { name fields { name } } }`,
  () => `query($x: Nope) { me { id } }`,
  () => `{ plan(id: $undeclared) { id } }`,
  () => `query($id: ID!) { plan(id: $id) { id } }`,
  () => `{ plans(first: ${rng.pick([2147483647, -1, 0, 100000])}) { totalCount edges { node { id goals { id indicators { id measurements { id } } } } } } }`,
  () => `{ plans(after: ${JSON.stringify(rng.pick(['', '!!!', 'eyJ4IjoxfQ==', Buffer.from('{"t":"x","id":1}').toString('base64'), Buffer.from('9'.repeat(500)).toString('base64'), '\u0000']))}) { totalCount } }`,
  () => `{ auditEvents(first: ${rng.pick([0, -5, 1000000])}, after: ${JSON.stringify(rng.pick(['', 'abc', 'LTE=', Buffer.from('-1').toString('base64'), Buffer.from('1e400').toString('base64')]))}) { totalCount edges { node { id } } } }`,
  () => `{ nationalRollup(poolId: ${JSON.stringify(rng.pick(['', 'x', '00000000-0000-0000-0000-000000000000']))}) { planCount } }`,
  () => `{ me { id } } # ${'\u202E'.repeat(100)}`,
  () => `{ m\u0000e { id } }`,
  () => `\uFEFF{ me { id } }`,
  () => `{ me { id(arg: 1) } }`,
  () => `{ me { id } } fragment Unused on User { id }`,
  () => `{ createPlan { id } }`,
  () => `mutation { login(email: ${JSON.stringify('a'.repeat(100_000))}, password: "x") { accessToken } }`,
  () => `mutation { login(email: "${DEMO.projekt.email}", password: ${JSON.stringify(rng.pick(['', '\u0000', 'x'.repeat(100_000)]))}) { accessToken } }`,
];

function documentOperation() {
  const query = rng.pick(DOCUMENTS)();
  return { type: 'document', query, variables: rng.chance(0.8) ? {} : rng.pick([{ id: null }, { x: 1 }, { id: ['a'] }]) };
}

const deepJson = (n) => '['.repeat(n) + ']'.repeat(n);
const HTTP = [
  () => ({ body: 'not json' }),
  () => ({ body: '{' }),
  () => ({ body: '' }),
  () => ({ body: 'null' }),
  () => ({ body: '123' }),
  () => ({ body: '"{ me { id } }"' }),
  () => ({ body: '[]' }),
  () => ({ body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]) }),
  () => ({ body: '{}' }),
  () => ({ body: '{"query": null}' }),
  () => ({ body: '{"query": 123}' }),
  () => ({ body: '{"query": {"a": 1}}' }),
  () => ({ body: '{"query": ["{ me { id } }"]}' }),
  () => ({ body: '{"query": "{ me { id } }", "variables": "x"}' }),
  () => ({ body: '{"query": "{ me { id } }", "variables": [1, 2]}' }),
  () => ({ body: '{"query": "{ me { id } }", "operationName": 123}' }),
  () => ({ body: '{"query": "{ me { id } }", "operationName": "Nope"}' }),
  () => ({ body: '{"query": "{ me { id } }", "extensions": "x"}' }),
  () => ({ body: '{"query": "{ me { id } }", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}' }),
  () => ({ body: '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}' }),
  () => ({ body: '{"query": "query($id: ID!) { plan(id: $id) { id } }", "variables": {"__proto__": {"id": "x"}, "constructor": {"prototype": {"polluted": 1}}}}' }),
  () => ({ body: '{"query": "{ me { id } }", "query": "{ users { id } }"}' }),
  () => ({ body: deepJson(rng.pick([1_000, 100_000])) }),
  () => ({ body: `{"query": "{ me { id } }", "variables": {"x": ${deepJson(10_000)}}}` }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }', padding: 'x'.repeat(2 * 1024 * 1024) }) }),
  () => ({ body: Buffer.from([0x7b, 0x22, 0x71, 0xff, 0xfe, 0x22, 0x3a, 0x22, 0x7d]) }),
  () => ({ body: `\uFEFF${JSON.stringify({ query: '{ me { id } }' })}` }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'text/plain' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'multipart/form-data; boundary=x' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': '' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'application/json; charset=utf-16' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'application/json', 'content-encoding': 'br, x-nope' } }),
  () => ({ body: JSON.stringify({ query: '{ me { id } }' }), headers: { authorization: rng.pick(['Bearer', 'Bearer ', 'Basic YTpi', `Bearer ${'x'.repeat(8000)}`, 'Bearer a.b.c', 'Bearer \u00e6\u00f8\u00e5']) } }),
  () => ({ method: 'GET', path: '/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D' }),
  () => ({ method: 'GET', path: '/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D', headers: { 'apollo-require-preflight': 'true' } }),
  () => ({ method: 'GET', path: '/graphql?query=mutation%20%7B%20createAreaSecretariat(input%3A%20%7Bname%3A%20%22x%22%7D)%20%7B%20id%20%7D%20%7D', headers: { 'apollo-require-preflight': 'true' } }),
  () => ({ method: 'GET', path: `/graphql?query=${'%7B'.repeat(3000)}`, headers: { 'apollo-require-preflight': 'true' } }),
  () => ({ method: 'GET', path: '/graphql?variables=%7Bx' }),
  () => ({ method: 'PUT', body: JSON.stringify({ query: '{ me { id } }' }) }),
  () => ({ method: 'DELETE' }),
  () => ({ method: 'PATCH', body: '{}' }),
  () => ({ method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' } }),
  () => ({ method: 'POST', path: '/health', body: '{}' }),
  () => ({ method: 'GET', path: rng.pick(['/', '/nope', '/graphql/../health', '/%00', '/graphql%2f', `/${'a'.repeat(5000)}`]) }),
];

function httpOperation() {
  return { type: 'http', ...rng.pick(HTTP)() };
}

// Generated up front: the same seed gives the same operations. Every query and mutation is covered
// evenly by the schema-derived share.
const rootFields = [...queryFields.map((f) => ['query', f]), ...mutationFields.map((f) => ['mutation', f])];
const operations = [];
for (let n = 0; n < COUNT; n++) {
  const roll = rng.next();
  let op;
  if (roll < 0.8) {
    const [kind, field] = rootFields[n % rootFields.length];
    op = schemaOperation(kind, field, n);
  } else if (roll < 0.9) {
    op = documentOperation();
  } else {
    op = httpOperation();
  }
  op.n = n;
  // Valid operations mostly as ADMIN, who may do everything: they should succeed and change data.
  op.role = op.mode === 'valid' && rng.chance(0.7) ? 'admin' : rng.pick(ROLES);
  operations.push(op);
}

// ---------------------------------------------------------------------------------------------
// Stored data, row by row

// The kept figures of migrations/1764800000000-PlanFigures.ts: a whole table and three columns that
// triggers derive from other rows (a goal's children and indicators, an activity's stale date moved by
// its plan's reporting interval). They are not compared row by row; they must equal the live SQL.
const DERIVED_TABLES = new Set(['plan_figures']);
const DERIVED_COLUMNS = { goals: ['child_count', 'indicator_count'], activities: ['stale_after'] };

async function keptFiguresDrift() {
  const [row] = await sql(
    cluster.url,
    `WITH live AS (
       SELECT a.plan_id, a.focus_area_id, count(*)::int AS activity_count, sum(a.budget)::bigint AS budget,
              sum(coalesce(a.latest_spent, 0))::bigint AS spent, sum(coalesce(a.latest_percent_complete, 0))::bigint AS progress_sum,
              (count(*) FILTER (WHERE a.goal_link_count = 0))::int AS without_goals_count,
              (count(*) FILTER (WHERE coalesce(a.latest_spent, 0) > a.budget))::int AS overspent_count
         FROM activities a WHERE a.status <> 'CANCELLED' GROUP BY a.plan_id, a.focus_area_id),
     kept AS (SELECT plan_id, focus_area_id, activity_count, budget, spent, progress_sum, without_goals_count, overspent_count
                FROM plan_figures WHERE activity_count > 0)
     SELECT (SELECT count(*) FROM (SELECT * FROM live EXCEPT ALL SELECT * FROM kept) x)
          + (SELECT count(*) FROM (SELECT * FROM kept EXCEPT ALL SELECT * FROM live) y)
          + (SELECT count(*) FROM activities a JOIN plans p ON p.id = a.plan_id
              WHERE a.stale_after IS DISTINCT FROM greatest(a.start_date, a.latest_reported_on + p.reporting_interval_days))
          + (SELECT count(*) FROM goals g
              WHERE g.child_count <> (SELECT count(*) FROM goals c WHERE c.parent_id = g.id)
                 OR g.indicator_count <> (SELECT count(*) FROM indicators i WHERE i.goal_id = g.id)) AS n`,
  );
  return Number(row.n);
}

async function snapshot() {
  const tables = (await sql(cluster.url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)).map((r) => r.tablename);
  const result = new Map();
  for (const table of tables) {
    const pk = (
      await sql(
        cluster.url,
        `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey, a.attnum)`,
        [`public.${table}`],
      )
    ).map((r) => r.attname);
    if (DERIVED_TABLES.has(table)) continue;
    // Columns that triggers derive from other rows are left out here and checked against their
    // definition instead (keptFiguresDrift below).
    const row = DERIVED_COLUMNS[table] ? `(to_jsonb(t) - ${DERIVED_COLUMNS[table].map((c) => `'${c}'`).join(' - ')})::text` : 't::text';
    const key = pk.length ? pk.map((c) => `t."${c}"::text`).join(` || ':' || `) : `md5(${row})`;
    const rows = await sql(cluster.url, `SELECT ${key} AS k, md5(${row}) AS h FROM public."${table}" t`);
    result.set(table, new Map(rows.map((r) => [r.k, r.h])));
  }
  return result;
}

const checksum = (rows) => {
  let x = 0n;
  for (const [k, h] of rows) x ^= BigInt(`0x${h}`) ^ BigInt(`0x${Buffer.from(k).toString('hex').slice(0, 30) || '0'}`);
  return x.toString(16).padStart(32, '0').slice(0, 12);
};

const before = await snapshot();
const maxAuditBefore = Number((await sql(cluster.url, 'SELECT coalesce(max(id), 0)::text AS m FROM audit_events'))[0].m);
checks.info(`before: ${[...before].map(([t, rows]) => `${t} ${rows.size} (${checksum(rows)})`).join(', ')}`);

// ---------------------------------------------------------------------------------------------
// Send

async function send(op) {
  const token = tokenOf(op.role);
  const started = now();
  let method = 'POST';
  let path = '/graphql';
  let headers = { 'content-type': 'application/json' };
  let body;
  if (op.type === 'http') {
    method = op.method ?? 'POST';
    path = op.path ?? '/graphql';
    headers = { ...headers, ...(op.headers ?? {}) };
    if (headers['content-type'] === '') delete headers['content-type'];
    body = op.body;
  } else {
    body = JSON.stringify({ query: op.query, variables: op.variables });
  }
  if (token && !headers.authorization) headers.authorization = `Bearer ${token}`;
  if (method === 'GET' || method === 'HEAD') body = undefined;
  try {
    const response = await fetch(`${app.url}${path}`, { method, headers, body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, json, text: text.slice(0, 500), ms: now() - started };
  } catch (error) {
    return { status: 0, error: error?.cause?.code ?? error?.name ?? String(error), ms: now() - started };
  }
}

const startedAt = now();
let next = 0;
let timedOut = false;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < operations.length) {
      if (now() - startedAt > TIME_LIMIT_MS) {
        timedOut = true;
        return;
      }
      const op = operations[next++];
      op.result = await send(op);
    }
  }),
);
const elapsed = now() - startedAt;
const sent = operations.filter((op) => op.result);

// ---------------------------------------------------------------------------------------------
// Verdicts on the answers

const statuses = {};
const codes = {};
const internal = [];
const serverErrors = [];
const uncoded = [];
const network = [];
const perField = new Map();
for (const op of sent) {
  const { status, json, error } = op.result;
  statuses[status] = (statuses[status] ?? 0) + 1;
  if (error) network.push(op);
  if (status >= 500) serverErrors.push(op);
  for (const e of json?.errors ?? []) {
    const code = e?.extensions?.code;
    codes[code ?? '(none)'] = (codes[code ?? '(none)'] ?? 0) + 1;
    if (code === 'INTERNAL_SERVER_ERROR') internal.push(op);
    if (!code) uncoded.push(op);
  }
  if (op.type === 'schema') {
    const stats = perField.get(op.field) ?? { sent: 0, ok: 0 };
    stats.sent++;
    if (json?.data?.[op.field] !== undefined && json?.data?.[op.field] !== null && !json.errors) stats.ok++;
    perField.set(op.field, stats);
  }
}

checks.section('Answers');
checks.check(`all ${COUNT} operations were sent within the time limit (${TIME_LIMIT_MS / 1000} s)`, !timedOut && sent.length === COUNT, `${sent.length} in ${(elapsed / 1000).toFixed(1)} s`);
checks.info(`by kind: ${describe(countBy(sent.map((op) => (op.type === 'schema' ? `${op.kind} ${op.mode}${op.inline ? ' inline' : ''}` : op.type))))}`);
checks.info(`HTTP statuses: ${describe(statuses)}`);
checks.info(`error codes: ${describe(codes)}`);
const uncovered = rootFields.filter(([, f]) => !perField.has(f.name)).map(([, f]) => f.name);
checks.check(`every query and mutation was fuzzed (${rootFields.length})`, uncovered.length === 0, uncovered.join(', '));
const neverSucceeded = [...perField].filter(([, s]) => s.ok === 0).map(([f]) => f);
checks.info(`operations with at least one success: ${perField.size - neverSucceeded.length} of ${perField.size}${neverSucceeded.length ? ` (never: ${neverSucceeded.join(', ')})` : ''}`);
for (const field of neverSucceeded) {
  const reasons = sent.filter((op) => op.field === field && op.mode === 'valid').map((op) => op.result.json?.errors?.[0]?.message?.slice(0, 100) ?? `HTTP ${op.result.status}`);
  checks.info(`  ${field}, valid attempts refused with: ${describe(countBy(reasons))}`);
}
checks.check('no INTERNAL_SERVER_ERROR', internal.length === 0, internal.length ? `${internal.length} operations` : '');
checks.check('no 5xx response', serverErrors.length === 0, serverErrors.length ? describe(countBy(serverErrors.map((op) => op.result.status))) : '');
checks.check('every error carries extensions.code', uncoded.length === 0, uncoded.length ? `${uncoded.length} operations` : '');
checks.check('no request failed at the network level or timed out', network.length === 0, network.length ? describe(countBy(network.map((op) => op.result.error))) : '');
checks.check('the app is still running, with no unhandled error logged', app.alive && app.unhandledErrors().length === 0, app.unhandledErrors()[0]);

const failures = [...new Set([...internal, ...serverErrors, ...uncoded, ...network])];
const shorten = (value) =>
  JSON.parse(
    JSON.stringify(value ?? null, (_k, v) => (typeof v === 'string' && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} chars)` : Array.isArray(v) && v.length > 20 ? [...v.slice(0, 3), `…(${v.length} items)`] : v)),
  );
for (const op of failures.slice(0, 25)) {
  console.log(`   #${op.n} ${op.type}${op.field ? ` ${op.kind} ${op.field}` : ''} as ${op.role}: HTTP ${op.result.status} ${op.result.error ?? ''}`);
  if (op.query !== undefined) console.log(`      query: ${op.query.length > 600 ? `${op.query.slice(0, 600)}…(${op.query.length} chars)` : op.query}`);
  if (op.variables && Object.keys(op.variables).length) console.log(`      variables: ${JSON.stringify(shorten(op.variables))}`);
  if (op.type === 'http') console.log(`      request: ${JSON.stringify(shorten({ method: op.method ?? 'POST', path: op.path ?? '/graphql', headers: op.headers, body: op.body instanceof Buffer ? `<bytes ${op.body.toString('hex')}>` : op.body }))}`);
  console.log(`      answer: ${JSON.stringify(shorten(op.result.json?.errors ?? op.result.text))}`);
}
if (failures.length) {
  const file = join(tmpdir(), `planspor-fuzz-failures-${SEED}.json`);
  writeFileSync(file, JSON.stringify(failures.map(({ result, ...op }) => ({ ...op, body: op.body instanceof Buffer ? op.body.toString('hex') : op.body, result })), null, 1));
  checks.info(`all ${failures.length} failing operations, in full: ${file}`);
}

// ---------------------------------------------------------------------------------------------
// Verdicts on the stored data

checks.section('Stored data');
const after = await snapshot();
checks.info(`after:  ${[...after].map(([t, rows]) => `${t} ${rows.size} (${checksum(rows)})`).join(', ')}`);

// What the successful mutations may have done.
const successes = sent.filter((op) => op.type === 'schema' && op.kind === 'mutation' && op.result.json?.data?.[op.field] != null && op.field !== 'login');
const returned = (op) => op.result.json.data[op.field];
const input = (op) => (op.values.input && typeof op.values.input === 'object' ? op.values.input : {});
checks.info(`successful mutations: ${describe(countBy(successes.map((op) => op.field)))}`);

const CREATES = {
  createUser: 'users',
  createPool: 'pools',
  createMunicipality: 'municipalities',
  createHousingOrganisation: 'housing_organisations',
  createAreaSecretariat: 'area_secretariats',
  createPlan: 'plans',
  createGoal: 'goals',
  createIndicator: 'indicators',
  recordMeasurement: 'measurements',
  createActivity: 'activities',
  logProgress: 'progress_entries',
  createActivityType: 'activity_types',
  createTargetGroup: 'target_groups',
  addCoordinationNote: 'coordination_notes',
  createMilestone: 'milestones',
};
const REPORT_TRANSITIONS = new Set(['submitAnnualReport', 'approveAnnualReport', 'returnAnnualReport']);
const allowedAdded = new Map([...after.keys()].map((t) => [t, new Set()]));
const allowedChanged = new Map([...after.keys()].map((t) => [t, new Set()]));
const allowedRemoved = new Map([...after.keys()].map((t) => [t, new Set()]));
const expectedAdded = new Map(); // table -> ids that must be there
const entityIds = new Map(); // operation -> ids its audit rows may name
const mustAudit = []; // [operation, entity id] of every mutation that changed something
const linkKey = (a, g) => `${a}:${g}`;
// Rows that triggers keep on other rows (their latest pointers, their link counts) follow a mutation:
// the activities whose links, status or entries it changed, the goals those activities serve (a status
// crossing CANCELLED moves their counts), the indicators it measured or whose measurement it retracted.
const statusActivities = new Set();
const retractedEntries = [];
const retractedMeasurements = [];
const revisedIndicators = new Set();
const reportedPeriods = new Set();
// The user behind each role's token: changePassword and logout change the caller's own row.
const ROLE_EMAILS = { admin: ADMIN.email, ...Object.fromEntries(Object.entries(DEMO).map(([role, u]) => [role, u.email])) };
const callerIds = new Map();
for (const [role, email] of Object.entries(ROLE_EMAILS)) {
  const [row] = await sql(cluster.url, 'SELECT id::text FROM users WHERE email = $1', [email]);
  if (row) callerIds.set(role, row.id);
}
for (const op of successes) {
  const data = returned(op);
  const ids = entityIds.get(op.field) ?? new Set();
  entityIds.set(op.field, ids);
  const table = CREATES[op.field];
  if (table) {
    const id = data.id;
    if (id === undefined) continue;
    ids.add(id);
    const isReplay = op.field === 'logProgress' && before.get(table).has(id);
    if (!isReplay) {
      allowedAdded.get(table).add(id);
      (expectedAdded.get(table) ?? expectedAdded.set(table, new Set()).get(table)).add(id);
    }
    if (op.field === 'logProgress') {
      ids.add(String(input(op).activityId));
      allowedChanged.get('activities').add(String(input(op).activityId));
      statusActivities.add(String(input(op).activityId));
    }
    if (op.field === 'recordMeasurement') allowedChanged.get('indicators').add(String(input(op).indicatorId));
    if (!isReplay && !mustAudit.some(([o, i]) => o === op.field && i === id)) mustAudit.push([op.field, id]);
  } else if (op.field === 'updatePlan' || op.field === 'updateGoal' || op.field === 'updateActivity') {
    const id = String(data.id ?? input(op).id);
    ids.add(id);
    allowedChanged.get({ updatePlan: 'plans', updateGoal: 'goals', updateActivity: 'activities' }[op.field]).add(id);
    if (op.field === 'updateActivity') statusActivities.add(id);
    mustAudit.push([op.field, id]);
  } else if (op.field === 'linkActivityToGoal' || op.field === 'unlinkActivityFromGoal') {
    if (op.field === 'unlinkActivityFromGoal' && data !== true) continue;
    const [activityId, goalId] =
      op.field === 'linkActivityToGoal'
        ? [String(data.activity?.id ?? input(op).activityId), String(data.goal?.id ?? input(op).goalId)]
        : [String(op.values.activityId), String(op.values.goalId)];
    const key = linkKey(activityId, goalId);
    ids.add(key);
    (op.field === 'linkActivityToGoal' ? allowedAdded : allowedRemoved).get('activity_goal_links').add(key);
    // The link counts: the activity's goal_link_count, the goal's live_link_count.
    allowedChanged.get('activities').add(activityId);
    allowedChanged.get('goals').add(goalId);
    mustAudit.push([op.field, key]);
  } else if (REPORT_TRANSITIONS.has(op.field)) {
    // A transition of one plan's year: its status row, an event, and for a submission its snapshot.
    const key = `${input(op).planId}:${input(op).year}`;
    ids.add(key);
    reportedPeriods.add(key);
    allowedAdded.get('reporting_periods').add(key);
    allowedChanged.get('reporting_periods').add(key);
    mustAudit.push([op.field, key]);
  } else if (op.field === 'completeMilestone') {
    const id = String(data.id ?? op.values.id);
    ids.add(id);
    allowedChanged.get('milestones').add(id);
    mustAudit.push([op.field, id]);
  } else if (op.field === 'updateIndicator') {
    // A call that changes nothing writes nothing, not even its audit row.
    const id = String(data.id ?? input(op).id);
    ids.add(id);
    allowedChanged.get('indicators').add(id);
    revisedIndicators.add(id);
  } else if (op.field === 'updateUser' || op.field === 'setUserPassword' || op.field === 'changePassword' || op.field === 'logout') {
    // Accounts (issue 13): the user's row (its fields, password hash or session_version) and an audit
    // row. logout with a refresh token only revokes refresh tokens (session bookkeeping, below).
    if (op.field === 'logout' && (op.values.refreshToken || data !== true)) continue;
    const id =
      op.field === 'updateUser' ? String(data.id ?? input(op).id) : op.field === 'setUserPassword' ? String(op.values.userId) : callerIds.get(op.role);
    if (!id) continue;
    ids.add(id);
    allowedChanged.get('users').add(id);
    mustAudit.push([op.field, id]);
  } else if (op.field === 'retractProgressEntry' || op.field === 'retractMeasurement') {
    const id = String(data.id ?? op.values.id);
    ids.add(id);
    allowedChanged.get(op.field === 'retractProgressEntry' ? 'progress_entries' : 'measurements').add(id);
    (op.field === 'retractProgressEntry' ? retractedEntries : retractedMeasurements).push(id);
    mustAudit.push([op.field, id]);
  }
}
// The activities whose status a mutation may have moved across CANCELLED: the goals they serve, by any
// link they had before or have now, may have a new live_link_count.
for (const rows of [before.get('activity_goal_links'), after.get('activity_goal_links')]) {
  for (const key of rows.keys()) {
    const [activityId, goalId] = key.split(':');
    if (statusActivities.has(activityId)) allowedChanged.get('goals').add(goalId);
  }
}
// A retraction moves its activity's (indicator's) latest pointer back.
for (const r of await sql(cluster.url, 'SELECT activity_id::text AS id FROM progress_entries WHERE id = ANY($1::uuid[])', [retractedEntries])) allowedChanged.get('activities').add(r.id);
for (const r of await sql(cluster.url, 'SELECT indicator_id::text AS id FROM measurements WHERE id = ANY($1::uuid[])', [retractedMeasurements])) allowedChanged.get('indicators').add(r.id);
// A revision that changed something: the indicator row, its revisions, its audit row.
for (const id of revisedIndicators) {
  if (before.get('indicators').get(id) !== after.get('indicators').get(id)) mustAudit.push(['updateIndicator', id]);
}
for (const r of await sql(cluster.url, 'SELECT id::text FROM indicator_revisions WHERE indicator_id = ANY($1::uuid[])', [[...revisedIndicators]])) {
  allowedAdded.get('indicator_revisions').add(r.id);
}
// The transitions' events and submissions, by their plan and year.
for (const table of ['reporting_events', 'reporting_submissions']) {
  for (const r of await sql(cluster.url, `SELECT id::text FROM ${table} WHERE plan_id::text || ':' || year::text = ANY($1::text[])`, [[...reportedPeriods]])) {
    allowedAdded.get(table).add(r.id);
  }
}
// A link removed and made again is a changed row (a new created_at) where it existed before, and
// absent where it did not.
for (const key of allowedRemoved.get('activity_goal_links')) {
  if (allowedAdded.get('activity_goal_links').has(key)) allowedChanged.get('activity_goal_links').add(key);
}
// Rows that belong to created rows: a new pool's focus areas, a new plan's housing organisations.
const newPools = [...(expectedAdded.get('pools') ?? [])];
for (const r of await sql(cluster.url, 'SELECT id::text FROM focus_areas WHERE pool_id = ANY($1::uuid[])', [newPools])) allowedAdded.get('focus_areas').add(r.id);
const newPlans = [...(expectedAdded.get('plans') ?? [])];
for (const r of await sql(cluster.url, `SELECT plan_id::text || ':' || housing_organisation_id::text AS k FROM plan_housing_organisations WHERE plan_id = ANY($1::uuid[])`, [newPlans])) {
  allowedAdded.get('plan_housing_organisations').add(r.k);
}
// An activity's target groups (key activity:group) belong to it: a created activity adds its own, an
// updated one may replace them.
const taggedActivities = new Set([...(expectedAdded.get('activities') ?? []), ...allowedChanged.get('activities')]);
for (const rows of [before.get('activity_target_groups'), after.get('activity_target_groups')]) {
  for (const key of rows.keys()) {
    if (!taggedActivities.has(key.split(':')[0])) continue;
    allowedAdded.get('activity_target_groups').add(key);
    allowedRemoved.get('activity_target_groups').add(key);
  }
}
// Session bookkeeping, not data: every login adds a refresh token, every failed login a throttle row
// (and expired ones go), refreshSession and logout revoke refresh tokens.
for (const table of ['refresh_tokens', 'login_failures']) {
  for (const rows of [before.get(table), after.get(table)]) {
    for (const key of rows?.keys() ?? []) {
      allowedAdded.get(table).add(key);
      allowedChanged.get(table).add(key);
      allowedRemoved.get(table).add(key);
    }
  }
}
// New audit rows are checked one by one below.
const newAudit = await sql(cluster.url, 'SELECT id::text, operation, entity, entity_id FROM audit_events WHERE id > $1 ORDER BY id', [maxAuditBefore]);
for (const row of newAudit) allowedAdded.get('audit_events').add(row.id);

let unexplained = 0;
for (const [table, rowsAfter] of after) {
  const rowsBefore = before.get(table) ?? new Map();
  const added = [...rowsAfter.keys()].filter((k) => !rowsBefore.has(k));
  const removed = [...rowsBefore.keys()].filter((k) => !rowsAfter.has(k));
  const changed = [...rowsAfter.keys()].filter((k) => rowsBefore.has(k) && rowsBefore.get(k) !== rowsAfter.get(k));
  const badAdded = added.filter((k) => !allowedAdded.get(table).has(k));
  const badRemoved = removed.filter((k) => !allowedRemoved.get(table).has(k));
  const badChanged = changed.filter((k) => !allowedChanged.get(table).has(k));
  const missing = [...(expectedAdded.get(table) ?? [])].filter((id) => !rowsAfter.has(id));
  const ok = !badAdded.length && !badRemoved.length && !badChanged.length && !missing.length;
  if (!ok) unexplained++;
  if (added.length || removed.length || changed.length || !ok) {
    checks.check(
      `${table}: every difference is explained by a successful mutation`,
      ok,
      `+${added.length} ~${changed.length} -${removed.length}` +
        (badAdded.length ? `; unexplained new rows ${badAdded.slice(0, 3).join(', ')}` : '') +
        (badChanged.length ? `; unexplained changed rows ${badChanged.slice(0, 3).join(', ')}` : '') +
        (badRemoved.length ? `; unexplained removed rows ${badRemoved.slice(0, 3).join(', ')}` : '') +
        (missing.length ? `; acknowledged but missing ${missing.slice(0, 3).join(', ')}` : ''),
    );
  }
}
const drifted = await keptFiguresDrift();
checks.check('the kept figures (plan_figures, stale_after, goal counts) equal the live SQL', drifted === 0, drifted ? `${drifted} rows differ` : '');
const untouched = [...after.keys()].filter((t) => {
  const b = before.get(t);
  const a = after.get(t);
  return b.size === a.size && [...a].every(([k, h]) => b.get(k) === h);
});
checks.check(`the other tables are unchanged row for row (${untouched.join(', ')})`, unexplained === 0);

const auditUnexplained = newAudit.filter((row) => !entityIds.get(row.operation)?.has(row.entity_id));
checks.check(
  `each of the ${newAudit.length} new audit_events rows belongs to a successful mutation`,
  auditUnexplained.length === 0,
  auditUnexplained.length ? `${auditUnexplained.length} do not, e.g. ${JSON.stringify(auditUnexplained[0])}` : describe(countBy(newAudit.map((r) => r.operation))),
);
const audited = new Set(newAudit.map((r) => `${r.operation} ${r.entity_id}`));
const unaudited = mustAudit.filter(([operation, id]) => !audited.has(`${operation} ${id}`));
checks.check(`each of the ${mustAudit.length} mutations that changed data has its audit row`, unaudited.length === 0, unaudited.length ? `${unaudited.length} without, e.g. ${unaudited[0].join(' ')}` : '');

const code = checks.summary();
await app.stop();
process.exit(code);

function countBy(values) {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
