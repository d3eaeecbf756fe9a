import { randomUUID } from 'node:crypto';
import type { ClientBase } from 'pg';
import { hashPassword } from '../../src/auth/password.js';
import { Prng } from './prng.js';
import {
  AREA_NAMES,
  AREA_SECRETARIAT_CODES,
  areaSecretariatName,
  HOUSING_ORGANISATIONS,
  LINK_RATIONALES,
  MIN_COFINANCING_SHARE,
  MUNICIPALITIES,
  OVERALL_GOALS,
  POOLS,
  PROGRESS_NOTES,
  THEMES,
  type PoolSpec,
  type Theme,
} from './registry-data.js';

/*
 * The national dataset generator: writes plans with their goal trees, indicators, measurements,
 * activities, links and monthly progress straight into PostgreSQL, by multi-row
 * `INSERT … SELECT FROM unnest($1::uuid[], …)`, a few plans' worth of rows per statement, all in one
 * transaction (a run adds a whole dataset or nothing).
 *
 * Deterministic: every value comes from a PRNG seeded per plan with (seed, plan number), and every
 * date from the pools' fixed calendars (nothing reads the clock), so the same seed gives the same
 * counts and sums in any database and at any chunk size. Ids are random uuids made here (so a rerun
 * adds a second dataset beside the first, and rows need no RETURNING to be found again).
 *
 * Registry rows (pools, focus areas, municipalities, housing organisations, area secretariats) are
 * reused by name or kommunekode when they exist, so the generator runs beside demo data, tests and
 * earlier runs.
 */

/** Every dataset user logs in with this password. */
export const DATASET_PASSWORD = 'planspor-dataset-2026';
export const DATASET_EMAIL_DOMAIN = 'dataset.planspor';
/** No generated date is later than this: the dataset's "now". */
export const DATASET_ANCHOR = '2026-10-31';

export const GOALS_PER_PLAN = 8; // 2 OVERALL, 3 EFFECT under each
export const INDICATORS_PER_PLAN = 10;
export const MEASUREMENTS_PER_INDICATOR = 12;
export const ACTIVITIES_PER_PLAN = 30;
export const ENTRIES_PER_ACTIVITY = 36;

export interface DatasetProgress {
  /** 0..1 of the whole run. */
  fraction: number;
  phase: string;
  /** e.g. "350/700 plans" */
  detail: string;
}

export interface DatasetOptions {
  plans: number;
  seed: number;
  /** Plans per round of INSERT statements (does not change the data). */
  chunkSize?: number;
  onProgress?: (progress: DatasetProgress) => void;
}

export interface DatasetSummary {
  plans: number;
  municipalities: number;
  pools: number;
  goals: number;
  indicators: number;
  measurements: number;
  activities: number;
  nonCancelledActivities: number;
  links: number;
  progressEntries: number;
  users: number;
  /** Money as decimal strings (bigint sums). */
  lbfGrant: string;
  localCofinancing: string;
  budget: string;
  /** Sum over non-cancelled activities of their latest entry's spent: the national `spent`. */
  spent: string;
  /** Mean latest progress over non-cancelled activities (no entry counts 0): the national `progress`. */
  progress: string;
  plansBelowMinimum: number;
  linkWeight: string;
  percentCompleteSum: string;
  entriesSpentSum: string;
  participantsSum: string;
  measurementValueSum: string;
  latestPointersSet: number;
}

export interface DatasetRun {
  /** Distinguishes this run's users from earlier runs' (emails carry it). */
  tag: string;
  seed: number;
  planIds: string[];
  lbfEmail: string;
  summary: DatasetSummary;
  seconds: number;
}

export const lbfEmail = (tag: string) => `lbf-${tag}@${DATASET_EMAIL_DOMAIN}`;
export const secretariatEmail = (tag: string, planNumber: number) =>
  `projekt-${tag}-${String(planNumber).padStart(4, '0')}@${DATASET_EMAIL_DOMAIN}`;

// ---------------------------------------------------------------------------------------------
// Dates: day numbers since 1970-01-01, formatted as YYYY-MM-DD (UTC throughout).

const DAY_MS = 86_400_000;
const dayOf = (ymd: string) => Date.UTC(+ymd.slice(0, 4), +ymd.slice(5, 7) - 1, +ymd.slice(8, 10)) / DAY_MS;
const fmt = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** The first of the month `months` after the month of `day`. */
const monthStart = (day: number, months: number) => {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / DAY_MS;
};
const at = (day: number, minutes: number) => new Date(day * DAY_MS + minutes * 60_000).toISOString();
const ANCHOR_DAY = dayOf(DATASET_ANCHOR);

// ---------------------------------------------------------------------------------------------
// Column-major row buffers for INSERT … SELECT FROM unnest(…)

interface Column {
  name: string;
  type: string;
  /** An expression over the unnested column `c<i>`, when the value needs converting. */
  expr?: (ref: string) => string;
}

class Batch {
  readonly values: unknown[][];
  constructor(
    readonly table: string,
    readonly columns: Column[],
  ) {
    this.values = columns.map(() => []);
  }
  get length(): number {
    return this.values[0].length;
  }
  /** Adds a row; returns its index in this batch (for `set`). */
  add(...row: unknown[]): number {
    if (row.length !== this.columns.length) throw new Error(`${this.table}: ${row.length} values for ${this.columns.length} columns`);
    for (let i = 0; i < row.length; i++) this.values[i].push(row[i]);
    return this.length - 1;
  }
  /** Changes one value of a row added before (and not yet flushed). */
  set(row: number, column: string, value: unknown): void {
    const i = this.columns.findIndex((c) => c.name === column);
    if (i < 0 || row >= this.length) throw new Error(`${this.table}: no column ${column} or row ${row}`);
    this.values[i][row] = value;
  }
  async flush(client: ClientBase): Promise<void> {
    if (this.length === 0) return;
    const refs = this.columns.map((_, i) => `c${i}`);
    const sql =
      `INSERT INTO ${this.table} (${this.columns.map((c) => c.name).join(', ')}) ` +
      `SELECT ${this.columns.map((c, i) => (c.expr ? c.expr(refs[i]) : refs[i])).join(', ')} ` +
      `FROM unnest(${this.columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ')}) AS t(${refs.join(', ')})`;
    await client.query(sql, this.values);
    for (const column of this.values) column.length = 0;
  }
}

const col = (name: string, type: string, expr?: (ref: string) => string): Column => ({ name, type, expr });

function batches() {
  return {
    plans: new Batch('plans', [
      col('id', 'uuid'),
      col('title', 'text'),
      col('status', 'text'),
      col('pool_id', 'uuid'),
      col('municipality_id', 'uuid'),
      col('area_secretariat_id', 'uuid'),
      // text[] cannot ride in unnest (it would flatten): '|'-joined, split again here.
      col('housing_areas', 'text', (ref) => `string_to_array(${ref}, '|')`),
      col('start_date', 'date'),
      col('end_date', 'date'),
      col('lbf_grant', 'int8'),
      col('local_cofinancing', 'int8'),
      col('reporting_interval_days', 'int4'),
      col('created_at', 'timestamptz'),
      col('created_by', 'uuid'),
      col('updated_at', 'timestamptz'),
      col('updated_by', 'uuid'),
    ]),
    planOrganisations: new Batch('plan_housing_organisations', [
      col('plan_id', 'uuid'),
      col('housing_organisation_id', 'uuid'),
      col('position', 'int4'),
    ]),
    users: new Batch('users', [
      col('id', 'uuid'),
      col('email', 'text'),
      col('name', 'text'),
      col('password_hash', 'text'),
      col('role', 'text'),
      col('plan_id', 'uuid'),
    ]),
    goals: new Batch('goals', [
      col('id', 'uuid'),
      col('plan_id', 'uuid'),
      col('parent_id', 'uuid'),
      col('kind', 'text'),
      col('title', 'text'),
      col('focus_area_id', 'uuid'),
      col('created_at', 'timestamptz'),
      col('created_by', 'uuid'),
      col('updated_at', 'timestamptz'),
      col('updated_by', 'uuid'),
    ]),
    indicators: new Batch('indicators', [
      col('id', 'uuid'),
      col('plan_id', 'uuid'),
      col('goal_id', 'uuid'),
      col('name', 'text'),
      col('unit', 'text'),
      col('direction', 'text'),
      col('source', 'text'),
      col('baseline', 'float8'),
      col('baseline_date', 'date'),
      col('target', 'float8'),
      col('target_date', 'date'),
      col('created_at', 'timestamptz'),
      col('created_by', 'uuid'),
    ]),
    measurements: new Batch('measurements', [
      col('id', 'uuid'),
      col('plan_id', 'uuid'),
      col('indicator_id', 'uuid'),
      col('measured_on', 'date'),
      col('value', 'float8'),
      col('recorded_by', 'uuid'),
      col('recorded_at', 'timestamptz'),
    ]),
    activities: new Batch('activities', [
      col('id', 'uuid'),
      col('plan_id', 'uuid'),
      col('title', 'text'),
      col('description', 'text'),
      col('target_group', 'text'),
      col('status', 'text'),
      col('responsible_party', 'text'),
      col('focus_area_id', 'uuid'),
      col('start_date', 'date'),
      col('end_date', 'date'),
      col('budget', 'int8'),
      col('created_at', 'timestamptz'),
      col('created_by', 'uuid'),
      col('updated_at', 'timestamptz'),
      col('updated_by', 'uuid'),
    ]),
    links: new Batch('activity_goal_links', [
      col('activity_id', 'uuid'),
      col('goal_id', 'uuid'),
      col('plan_id', 'uuid'),
      col('weight', 'float8'),
      col('rationale', 'text'),
      col('created_at', 'timestamptz'),
      col('created_by', 'uuid'),
    ]),
    // Staged first, then copied into progress_entries in the order they were logged (see generateDataset).
    entries: new Batch('dataset_staged_entries', [
      col('id', 'uuid'),
      col('plan_id', 'uuid'),
      col('activity_id', 'uuid'),
      col('reported_on', 'date'),
      col('percent_complete', 'int2'),
      col('status', 'text'),
      col('participants_reached', 'int4'),
      col('spent', 'int8'),
      col('note', 'text'),
      col('logged_by', 'uuid'),
      col('logged_at', 'timestamptz'),
    ]),
  };
}
type Batches = ReturnType<typeof batches>;

// ---------------------------------------------------------------------------------------------
// Registry: reuse or create

interface Registry {
  poolIds: Map<string, string>;
  /** `${pool name}/${focus area name}` -> id */
  focusAreaIds: Map<string, string>;
  municipalityIds: Map<string, string>;
  organisationIds: Map<string, string>;
  areaSecretariatIds: Map<string, string>;
}

async function ensureRegistry(client: ClientBase): Promise<Registry> {
  // ON CONFLICT DO NOTHING without a target: whatever unique index guards a name, an existing row wins.
  await client.query(
    `INSERT INTO pools (name, start_year, end_year, min_cofinancing_share)
     SELECT * FROM unnest($1::text[], $2::int4[], $3::int4[], $4::numeric[]) ON CONFLICT DO NOTHING`,
    [POOLS.map((p) => p.name), POOLS.map((p) => p.startYear), POOLS.map((p) => p.endYear), POOLS.map(() => MIN_COFINANCING_SHARE)],
  );
  const pools = await client.query<{ id: string; name: string }>(`SELECT id, name FROM pools WHERE name = ANY($1::text[])`, [
    POOLS.map((p) => p.name),
  ]);
  const poolIds = new Map(pools.rows.map((r) => [r.name, r.id]));

  const fa = POOLS.flatMap((p) => p.focusAreas.map((f, i) => ({ poolId: poolIds.get(p.name)!, pool: p.name, name: f.name, position: i + 1 })));
  await client.query(
    `INSERT INTO focus_areas (pool_id, name, position)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::int4[]) ON CONFLICT DO NOTHING`,
    [fa.map((f) => f.poolId), fa.map((f) => f.name), fa.map((f) => f.position)],
  );
  const focusAreas = await client.query<{ id: string; pool_id: string; name: string }>(
    `SELECT id, pool_id, name FROM focus_areas WHERE pool_id = ANY($1::uuid[])`,
    [[...poolIds.values()]],
  );
  const poolNameById = new Map([...poolIds].map(([name, id]) => [id, name]));
  const focusAreaIds = new Map(focusAreas.rows.map((r) => [`${poolNameById.get(r.pool_id)}/${r.name}`, r.id]));

  await client.query(
    `INSERT INTO municipalities (code, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`,
    [MUNICIPALITIES.map((m) => m[0]), MUNICIPALITIES.map((m) => m[1])],
  );
  const municipalities = await client.query<{ id: string; code: string }>(
    `SELECT id, code FROM municipalities WHERE code = ANY($1::text[])`,
    [MUNICIPALITIES.map((m) => m[0])],
  );
  const municipalityIds = new Map(municipalities.rows.map((r) => [r.code, r.id]));

  const byName = async (table: string, names: string[]) => {
    await client.query(`INSERT INTO ${table} (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [names]);
    const rows = await client.query<{ id: string; name: string }>(`SELECT id, name FROM ${table} WHERE name = ANY($1::text[])`, [names]);
    return new Map(rows.rows.map((r) => [r.name, r.id]));
  };
  const organisationIds = await byName('housing_organisations', HOUSING_ORGANISATIONS);
  const secretariatNames = AREA_SECRETARIAT_CODES.map((code) => areaSecretariatName(MUNICIPALITIES.find((m) => m[0] === code)![1]));
  const areaSecretariatIds = await byName('area_secretariats', secretariatNames);

  const registry = { poolIds, focusAreaIds, municipalityIds, organisationIds, areaSecretariatIds };
  const expected = { poolIds: POOLS.length, focusAreaIds: fa.length, municipalityIds: MUNICIPALITIES.length, organisationIds: HOUSING_ORGANISATIONS.length, areaSecretariatIds: secretariatNames.length };
  for (const [key, count] of Object.entries(expected)) {
    const found = registry[key as keyof Registry].size;
    if (found !== count) throw new Error(`dataset registry: ${key} has ${found} rows, expected ${count}`);
  }
  return registry;
}

// ---------------------------------------------------------------------------------------------
// One plan

const RESPONSIBLE_PARTIES = ['HOUSING_ORGANISATION', 'MUNICIPALITY', 'JOINT', 'OTHER'] as const;
const MUNICIPALITY_WEIGHTS = MUNICIPALITIES.map((m) => m[2]);

interface PlanContext {
  tag: string;
  seed: number;
  lbfUserId: string;
  passwordHash: string;
  registry: Registry;
}

/** Appends plan number `n` (1-based) of the run to the batches; returns its id. */
function generatePlan(ctx: PlanContext, n: number, b: Batches): string {
  const rng = Prng.for(ctx.seed, n);
  const pool: PoolSpec = POOLS[(n - 1) % POOLS.length];
  const poolId = ctx.registry.poolIds.get(pool.name)!;
  const [code, municipality] = MUNICIPALITIES[rng.weighted(MUNICIPALITY_WEIGHTS)];
  const planId = randomUUID();
  const secretariatId = randomUUID();

  // Calendar: 48 months from the 1st of a month within the pool's window.
  const first = dayOf(`${pool.firstStart}-01`);
  const last = dayOf(`${pool.lastStart}-01`);
  const spanMonths = Math.round((last - first) / 30.44);
  const start = monthStart(first, rng.int(0, spanMonths));
  const end = monthStart(start, 48) - 1;
  const startYear = fmt(start).slice(0, 4);
  const endYear = fmt(end).slice(0, 4);

  const areas = rng.sample(AREA_NAMES, rng.chance(0.3) ? 2 : 1);
  const grant = Math.round(rng.uniform(pool.grantMillions[0], pool.grantMillions[1]) * 100) * 10_000;
  const belowMinimum = rng.chance(0.08);
  const local = Math.round((grant * (belowMinimum ? rng.uniform(0.1, 0.3) : rng.uniform(0.34, 0.6))) / 1000) * 1000;
  const areaSecretariat =
    AREA_SECRETARIAT_CODES.includes(code) && rng.chance(0.6)
      ? ctx.registry.areaSecretariatIds.get(areaSecretariatName(municipality))!
      : null;
  const planCreated = at(start - 30, 9 * 60 + (n % 300));
  b.plans.add(
    planId,
    `Boligsocial helhedsplan for ${areas.join(' og ')}, ${municipality} ${startYear}-${endYear}`,
    pool.current ? 'ACTIVE' : 'COMPLETED',
    poolId,
    ctx.registry.municipalityIds.get(code)!,
    areaSecretariat,
    areas.join('|'),
    fmt(start),
    fmt(end),
    grant,
    local,
    90,
    planCreated,
    ctx.lbfUserId,
    planCreated,
    ctx.lbfUserId,
  );
  const organisations = rng.sample(HOUSING_ORGANISATIONS, rng.chance(0.3) ? 2 : 1);
  organisations.forEach((name, i) => b.planOrganisations.add(planId, ctx.registry.organisationIds.get(name)!, i + 1));
  b.users.add(
    secretariatId,
    secretariatEmail(ctx.tag, n),
    `Projektsekretariatet ${areas.join(' og ')}`,
    ctx.passwordHash,
    'PROJECT_SECRETARIAT',
    planId,
  );

  // Goals: two OVERALL roots with three EFFECT goals each, each effect goal in a focus area of the pool.
  const focusAreas = rng.sample(pool.focusAreas, pool.focusAreas.length);
  const overallTitles = rng.sample(OVERALL_GOALS, 2);
  const goals: { id: string; theme: Theme | null; focusAreaId: string | null; effect: boolean }[] = [];
  let minute = 0;
  const goalCreated = () => at(start - 20, 10 * 60 + minute++);
  const effectGoals: { id: string; theme: Theme; focusAreaId: string }[] = [];
  const roots = overallTitles.map((title) => {
    const id = randomUUID();
    const created = goalCreated();
    b.goals.add(id, planId, null, 'OVERALL', title, null, created, secretariatId, created, secretariatId);
    goals.push({ id, theme: null, focusAreaId: null, effect: false });
    return id;
  });
  const usedGoalTitles = new Set<string>();
  for (let e = 0; e < 6; e++) {
    const focusArea = focusAreas[e % focusAreas.length];
    const focusAreaId = ctx.registry.focusAreaIds.get(`${pool.name}/${focusArea.name}`)!;
    const bank = THEMES[focusArea.theme].effectGoals;
    let title = rng.pick(bank);
    if (usedGoalTitles.has(title)) title = bank.find((t) => !usedGoalTitles.has(t)) ?? `${title} (${e + 1})`;
    usedGoalTitles.add(title);
    const id = randomUUID();
    const created = goalCreated();
    b.goals.add(id, planId, roots[Math.floor(e / 3)], 'EFFECT', title, focusAreaId, created, secretariatId, created, secretariatId);
    goals.push({ id, theme: focusArea.theme, focusAreaId, effect: true });
    effectGoals.push({ id, theme: focusArea.theme, focusAreaId });
  }

  // Indicators on the effect goals (two on some), each with 12 quarterly measurements.
  const baselineDay = start - 60;
  for (let k = 0; k < INDICATORS_PER_PLAN; k++) {
    const goal = effectGoals[k % effectGoals.length];
    const template = rng.pick(THEMES[goal.theme].indicators);
    const hasBaseline = rng.chance(0.92);
    const base = Math.round(rng.uniform(template.baseline[0], template.baseline[1]) * 10) / 10;
    const change = template.baseline[1] === 0 ? template.delta : Math.max(1, Math.round(base * template.delta * 10) / 10);
    const target = Math.round((template.direction === 'INCREASE' ? base + change : Math.max(0, base - change)) * 10) / 10;
    const indicatorId = randomUUID();
    const created = at(start - 18, 11 * 60 + k);
    b.indicators.add(
      indicatorId,
      planId,
      goal.id,
      template.name,
      template.unit,
      template.direction,
      template.source,
      hasBaseline ? base : null,
      hasBaseline ? fmt(baselineDay) : null,
      target,
      fmt(end),
      created,
      secretariatId,
    );
    // How far the indicator gets: most move towards the target, some stall or slip back.
    const pace = rng.uniform(-0.2, 1.3);
    for (let m = 0; m < MEASUREMENTS_PER_INDICATOR; m++) {
      const measured = Math.min(monthStart(start, 3 * (m + 1)) - 1, ANCHOR_DAY);
      const trend = ((m + 1) / MEASUREMENTS_PER_INDICATOR) * 0.75 * pace;
      const noise = rng.uniform(-0.06, 0.06) * Math.max(1, Math.abs(target - base));
      const value = Math.max(0, Math.round((base + (target - base) * trend + noise) * 10) / 10);
      b.measurements.add(randomUUID(), planId, indicatorId, fmt(measured), value, secretariatId, at(Math.min(measured + 2, ANCHOR_DAY), 12 * 60 + k));
    }
  }

  // Activities, each serving 1-3 goals (mostly effect goals) and reporting monthly for three years.
  const budgetTotal = (grant + local) * rng.uniform(0.85, 1.0);
  const shares = Array.from({ length: ACTIVITIES_PER_PLAN }, () => rng.uniform(0.3, 1.7));
  const shareSum = shares.reduce((a, b2) => a + b2, 0);
  const titlesUsed = new Map<string, number>();
  for (let a = 0; a < ACTIVITIES_PER_PLAN; a++) {
    const activityId = randomUUID();
    const linkCount = rng.weighted([50, 35, 15]) + 1;
    const linked: typeof goals = [];
    while (linked.length < linkCount) {
      const candidates = goals.filter((g) => !linked.includes(g) && g.effect === (rng.chance(0.85) || linked.length === 0));
      const pool2 = candidates.length > 0 ? candidates : goals.filter((g) => !linked.includes(g));
      linked.push(rng.pick(pool2));
    }
    const main = linked.find((g) => g.effect) ?? effectGoals[rng.int(0, effectGoals.length - 1)];
    const template = rng.pick(THEMES[main.theme!].activities);
    const seen = (titlesUsed.get(template.title) ?? 0) + 1;
    titlesUsed.set(template.title, seen);
    const title = seen === 1 ? template.title : `${template.title} ${seen}`;

    let status: string;
    const r = rng.next();
    if (pool.current) status = r < 0.8 ? 'ACTIVE' : r < 0.88 ? 'PAUSED' : r < 0.95 ? 'COMPLETED' : 'CANCELLED';
    else status = r < 0.85 ? 'COMPLETED' : r < 0.95 ? 'PAUSED' : 'CANCELLED';
    const activityStart = monthStart(start, rng.int(0, 2));
    const activityEnd = status === 'COMPLETED' && pool.current ? monthStart(activityStart, 36) - 1 : end;
    const budget = Math.round((budgetTotal * shares[a]) / shareSum / 1000) * 1000;
    const created = at(Math.min(start - 15, activityStart - 14), 13 * 60 + a);
    const activityRow = b.activities.add(
      activityId,
      planId,
      title,
      `${title} i ${areas.join(' og ')}.`,
      template.targetGroup,
      status,
      RESPONSIBLE_PARTIES[rng.weighted([35, 25, 30, 10])],
      main.focusAreaId,
      fmt(activityStart),
      fmt(activityEnd),
      budget,
      created,
      secretariatId,
      created, // raised to the latest entry's logged_at below
      secretariatId,
    );
    linked.forEach((goal, i) =>
      b.links.add(
        activityId,
        goal.id,
        planId,
        rng.weighted([60, 30, 10]) + 1,
        rng.chance(0.5) ? rng.pick(LINK_RATIONALES) : null,
        at(Math.min(start - 15, activityStart - 14), 14 * 60 + a * 3 + i),
        secretariatId,
      ),
    );

    // Progress: percent rises along a curve to its final value, spend follows, participants accumulate.
    const final =
      status === 'COMPLETED' ? 100 : status === 'CANCELLED' ? rng.int(10, 60) : status === 'PAUSED' ? rng.int(30, 80) : rng.int(40, 95);
    const curve = rng.uniform(0.7, 1.4);
    const spendRatio = rng.uniform(0.75, 1.0);
    const participants = rng.chance(0.9) ? rng.int(10, 400) : null;
    let latest = { reported: -Infinity, loggedAt: created };
    for (let k = 0; k < ENTRIES_PER_ACTIVITY; k++) {
      const lastEntry = k === ENTRIES_PER_ACTIVITY - 1;
      const reported = monthStart(activityStart, k) + rng.int(0, 20);
      if (reported > ANCHOR_DAY) throw new Error(`dataset: ${pool.name} reports after the anchor ${DATASET_ANCHOR}`);
      const percent = lastEntry ? final : Math.round(final * Math.pow((k + 1) / ENTRIES_PER_ACTIVITY, curve));
      // In this order: the random draws must come as they always did (same seed, same dataset).
      const note = k % 6 === 5 ? rng.pick(PROGRESS_NOTES) : null;
      const loggedAt = at(Math.min(reported + rng.int(0, 3), ANCHOR_DAY), 15 * 60 + a);
      if (reported > latest.reported || (reported === latest.reported && loggedAt > latest.loggedAt)) latest = { reported, loggedAt };
      b.entries.add(
        randomUUID(),
        planId,
        activityId,
        fmt(reported),
        percent,
        lastEntry ? status : 'ACTIVE',
        participants === null ? null : Math.round((participants * (k + 1)) / ENTRIES_PER_ACTIVITY),
        Math.round((budget * spendRatio * percent) / 100 / 100) * 100,
        note,
        secretariatId,
        loggedAt,
      );
    }
    // Logging raised the activity's updated_at to its latest entry's logged_at (ISO strings compare as times).
    if (latest.loggedAt > created) b.activities.set(activityRow, 'updated_at', latest.loggedAt);
  }
  return planId;
}

// ---------------------------------------------------------------------------------------------
// The run

/**
 * Adds a dataset of `plans` plans to the database `client` is connected to (migrated already), in
 * one transaction, and returns its summary. `client` must not be inside a transaction.
 */
export async function generateDataset(client: ClientBase, options: DatasetOptions): Promise<DatasetRun> {
  const { plans, seed } = options;
  if (!Number.isInteger(plans) || plans < 1) throw new Error(`--plans must be a positive whole number, got ${plans}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`--seed must be a non-negative whole number, got ${seed}`);
  const chunkSize = options.chunkSize ?? 25;
  const began = performance.now();
  const report = options.onProgress ?? (() => undefined);
  // scrypt is slow: one hash, shared by every dataset user.
  const hashing = hashPassword(DATASET_PASSWORD);
  hashing.catch(() => undefined);

  await client.query('BEGIN');
  try {
    // Sorting 750,000 entries (the copy into progress_entries, and its insert trigger's latest entry per
    // activity) fits in memory with this.
    await client.query(`SET LOCAL work_mem = '256MB'`).catch(() => undefined);
    const registry = await ensureRegistry(client);
    const runs = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM users WHERE email LIKE $1`,
      [`lbf-r%@${DATASET_EMAIL_DOMAIN}`],
    );
    const tag = `r${runs.rows[0].n + 1}`;
    const passwordHash = await hashing;
    const lbfUserId = randomUUID();
    await client.query(`INSERT INTO users (id, email, name, password_hash, role) VALUES ($1, $2, $3, $4, 'LBF')`, [
      lbfUserId,
      lbfEmail(tag),
      `Landsbyggefonden (datasæt ${tag})`,
      passwordHash,
    ]);
    const ctx: PlanContext = { tag, seed, lbfUserId, passwordHash, registry };

    // Progress entries go to a staging table first and reach progress_entries sorted by logged_at: the
    // table then lies on disk as it would have grown in real life, month after month across all plans,
    // rather than activity by activity (which would flatter plan pages and penalise national reads).
    await client.query(`CREATE TEMP TABLE dataset_staged_entries (LIKE progress_entries INCLUDING DEFAULTS) ON COMMIT DROP`);
    const b = batches();
    const planIds: string[] = [];
    let staged = 0;
    const PLAN_SHARE = 0.55; // of the progress bar
    report({ fraction: 0, phase: 'plans', detail: `0/${plans} plans` });
    for (let from = 1; from <= plans; from += chunkSize) {
      const to = Math.min(plans, from + chunkSize - 1);
      for (let n = from; n <= to; n++) planIds.push(generatePlan(ctx, n, b));
      staged += b.entries.length;
      // Parents before children: plans, their users, goals (one statement: a goal's parent is in the
      // same statement, and foreign keys are checked at its end), indicators, measurements, activities…
      for (const batch of [b.plans, b.planOrganisations, b.users, b.goals, b.indicators, b.measurements, b.activities, b.links, b.entries]) {
        await batch.flush(client);
      }
      report({ fraction: (PLAN_SHARE * to) / plans, phase: 'plans', detail: `${to}/${plans} plans, ${staged.toLocaleString('en')} entries staged` });
    }

    // Into progress_entries, oldest first, in one statement: its insert trigger (progress_entries_latest_pointer)
    // runs once per statement, so each activity's latest-progress pointer is set once, to its newest entry
    // (in slices, each activity row would be rewritten once per slice it has entries in).
    report({ fraction: PLAN_SHARE, phase: 'progress entries', detail: `copying ${staged.toLocaleString('en')} entries` });
    const copied = (await client.query(`INSERT INTO progress_entries SELECT * FROM dataset_staged_entries ORDER BY logged_at, id`)).rowCount ?? 0;
    if (copied !== staged) throw new Error(`dataset: ${copied} of ${staged} staged progress entries were copied`);
    report({ fraction: 0.96, phase: 'progress entries', detail: `${copied.toLocaleString('en')} entries and their latest-progress pointers` });

    await client.query('COMMIT');
    report({ fraction: 0.98, phase: 'analyze', detail: `${plans} plans` });
    // Fresh statistics, so the app's first queries are planned for the tables as they now are.
    await client.query(
      'ANALYZE plans, goals, indicators, measurements, activities, activity_goal_links, progress_entries, users, plan_housing_organisations',
    );
    report({ fraction: 0.99, phase: 'summary', detail: `${plans} plans` });
    const summary = await datasetSummary(client, planIds, [lbfUserId]);
    report({ fraction: 1, phase: 'done', detail: `${plans} plans` });
    return { tag, seed, planIds, lbfEmail: lbfEmail(tag), summary, seconds: (performance.now() - began) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Counts and sums over the given plans (and the given extra users): equal for two runs with the
 * same seed and plan count, whatever else is in the database.
 */
export async function datasetSummary(client: ClientBase, planIds: string[], extraUserIds: string[] = []): Promise<DatasetSummary> {
  const { rows } = await client.query(
    `WITH p AS (SELECT * FROM plans WHERE id = ANY($1::uuid[])),
          a AS (SELECT * FROM activities WHERE plan_id = ANY($1::uuid[])),
          e AS (SELECT * FROM progress_entries WHERE plan_id = ANY($1::uuid[])),
          m AS (SELECT * FROM measurements WHERE plan_id = ANY($1::uuid[])),
          live AS (SELECT a.budget, pe.spent, pe.percent_complete, a.latest_progress_id
                     FROM a LEFT JOIN progress_entries pe ON pe.id = a.latest_progress_id
                    WHERE a.status <> 'CANCELLED')
     SELECT (SELECT count(*) FROM p)::int AS plans,
            (SELECT count(DISTINCT municipality_id) FROM p)::int AS municipalities,
            (SELECT count(DISTINCT pool_id) FROM p)::int AS pools,
            (SELECT count(*) FROM goals WHERE plan_id = ANY($1::uuid[]))::int AS goals,
            (SELECT count(*) FROM indicators WHERE plan_id = ANY($1::uuid[]))::int AS indicators,
            (SELECT count(*) FROM m)::int AS measurements,
            (SELECT count(*) FROM a)::int AS activities,
            (SELECT count(*) FROM live)::int AS non_cancelled_activities,
            (SELECT count(*) FROM activity_goal_links WHERE plan_id = ANY($1::uuid[]))::int AS links,
            (SELECT count(*) FROM e)::int AS progress_entries,
            (SELECT count(*) FROM users WHERE plan_id = ANY($1::uuid[]) OR id = ANY($2::uuid[]))::int AS users,
            (SELECT coalesce(sum(lbf_grant), 0)::text FROM p) AS lbf_grant,
            (SELECT coalesce(sum(local_cofinancing), 0)::text FROM p) AS local_cofinancing,
            (SELECT coalesce(sum(budget), 0)::text FROM live) AS budget,
            (SELECT coalesce(sum(coalesce(spent, 0)), 0)::text FROM live) AS spent,
            (SELECT round(avg(coalesce(percent_complete, 0))::numeric, 6)::text FROM live) AS progress,
            (SELECT count(*) FROM p WHERE local_cofinancing < ${MIN_COFINANCING_SHARE} * (lbf_grant + local_cofinancing))::int AS plans_below_minimum,
            (SELECT coalesce(sum(weight::numeric), 0)::text FROM activity_goal_links WHERE plan_id = ANY($1::uuid[])) AS link_weight,
            (SELECT coalesce(sum(percent_complete), 0)::text FROM e) AS percent_complete_sum,
            (SELECT coalesce(sum(spent), 0)::text FROM e) AS entries_spent_sum,
            (SELECT coalesce(sum(participants_reached), 0)::text FROM e) AS participants_sum,
            (SELECT coalesce(sum(value::numeric), 0)::text FROM m) AS measurement_value_sum,
            (SELECT count(latest_progress_id) FROM a)::int AS latest_pointers_set`,
    [planIds, extraUserIds],
  );
  const r = rows[0];
  return {
    plans: r.plans,
    municipalities: r.municipalities,
    pools: r.pools,
    goals: r.goals,
    indicators: r.indicators,
    measurements: r.measurements,
    activities: r.activities,
    nonCancelledActivities: r.non_cancelled_activities,
    links: r.links,
    progressEntries: r.progress_entries,
    users: r.users,
    lbfGrant: r.lbf_grant,
    localCofinancing: r.local_cofinancing,
    budget: r.budget,
    spent: r.spent,
    progress: r.progress,
    plansBelowMinimum: r.plans_below_minimum,
    linkWeight: r.link_weight,
    percentCompleteSum: r.percent_complete_sum,
    entriesSpentSum: r.entries_spent_sum,
    participantsSum: r.participants_sum,
    measurementValueSum: r.measurement_value_sum,
    latestPointersSet: r.latest_pointers_set,
  };
}

/**
 * Empties the plan tables (plans and everything they own, and the users that belong to a plan or to a
 * dataset run); the registry and other users stay. Refused, with the reason, when the append-only
 * audit trail already refers to those plans or users: then drop and recreate the database instead.
 */
export async function resetPlanData(client: ClientBase): Promise<void> {
  await client.query('BEGIN');
  try {
    // Everything plan-owned, in one TRUNCATE (activities and progress_entries refer to each other).
    await client.query(
      `TRUNCATE progress_entries, activity_goal_links, activities, measurements, indicators, goals, plan_housing_organisations`,
    );
    await client.query(`DELETE FROM users WHERE plan_id IS NOT NULL OR email LIKE $1`, [`%@${DATASET_EMAIL_DOMAIN}`]);
    await client.query(`DELETE FROM plans`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `--reset failed: ${message}. If another table (e.g. the append-only audit trail) refers to the plans or ` +
        'their users, drop and recreate the database instead (dropdb/createdb).',
    );
  }
}
