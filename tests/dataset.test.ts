import pg from 'pg';
import {
  ACTIVITIES_PER_PLAN,
  DATASET_PASSWORD,
  type DatasetRun,
  datasetSummary,
  ENTRIES_PER_ACTIVITY,
  generateDataset,
  GOALS_PER_PLAN,
  INDICATORS_PER_PLAN,
  MEASUREMENTS_PER_INDICATOR,
  secretariatEmail,
} from '../scripts/dataset/generate.js';
import { W1_PLAN_PAGE, W2_NATIONAL } from '../scripts/bench/queries.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/*
 * The national dataset generator (scripts/dataset) on a small dataset, and the statement counts the
 * benchmark (scripts/bench) relies on. The database is shared with the other test files, so every
 * figure is scoped to the plans a run created.
 */

const PLANS = 3;
let app: TestApp;
let db: pg.Client;
let first: DatasetRun;
let second: DatasetRun;
let other: DatasetRun;
/** W2's statement count after the first run (one plan of this file in the pool). */
let nationalStatementsBefore: number;
/**
 * W2 is asked for the dataset's first pool: other test files share the database, and their plans
 * (e.g. one with a co-financing of 2^53 - 1, whose national sum no Money can hold) stay out of it.
 */
let poolId: string;

beforeAll(async () => {
  app = await startTestApp(); // migrates the test database
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  first = await generateDataset(db, { plans: PLANS, seed: 42, chunkSize: 2 });
  poolId = (await db.query('SELECT pool_id FROM plans WHERE id = $1', [first.planIds[0]])).rows[0].pool_id;
  const before = await app.client.warm(W2_NATIONAL, { poolId }, app.adminToken);
  expect(before.errors).toBeUndefined();
  nationalStatementsBefore = before.statements;
  second = await generateDataset(db, { plans: PLANS, seed: 42 });
  other = await generateDataset(db, { plans: PLANS, seed: 43 });
});

afterAll(async () => {
  await db?.end();
  await app?.stop();
});

describe('npm run dataset (scripts/dataset/generate.ts)', () => {
  it('writes the national shape per plan', () => {
    const activities = PLANS * ACTIVITIES_PER_PLAN;
    expect(first.summary).toMatchObject({
      plans: PLANS,
      pools: 3, // plans cycle through the four pools
      goals: PLANS * GOALS_PER_PLAN,
      indicators: PLANS * INDICATORS_PER_PLAN,
      measurements: PLANS * INDICATORS_PER_PLAN * MEASUREMENTS_PER_INDICATOR,
      activities,
      progressEntries: activities * ENTRIES_PER_ACTIVITY,
      latestPointersSet: activities,
      users: PLANS + 1, // a project secretariat per plan and one LBF user
    });
    expect(first.summary.links).toBeGreaterThanOrEqual(activities);
    expect(first.summary.links).toBeLessThanOrEqual(3 * activities);
  });

  it('is deterministic: the same seed gives the same counts and sums, whatever the chunk size', () => {
    expect(second.summary).toEqual(first.summary);
    expect(second.planIds).not.toEqual(first.planIds); // a second dataset beside the first
    expect(second.tag).not.toBe(first.tag);
  });

  it('gives another seed other values', () => {
    expect(other.summary.budget).not.toBe(first.summary.budget);
    expect(other.summary.entriesSpentSum).not.toBe(first.summary.entriesSpentSum);
  });

  it('summarises the same way when asked again (the summary reads the database, not the generator)', async () => {
    expect(await datasetSummary(db, first.planIds, [])).toEqual({ ...first.summary, users: PLANS });
  });

  it('sets each activity\'s latest progress by reportedOn, then loggedAt, then id', async () => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS wrong FROM activities a
        WHERE a.plan_id = ANY($1::uuid[])
          AND a.latest_progress_id IS DISTINCT FROM (
            SELECT e.id FROM progress_entries e WHERE e.activity_id = a.id
            ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC LIMIT 1)`,
      [[...first.planIds, ...second.planIds, ...other.planIds]],
    );
    expect(rows[0].wrong).toBe(0);
  });

  it('writes data the app reads back: a plan page\'s roll-up equals the dataset\'s own sums', async () => {
    const token = await app.client.login(secretariatEmail(first.tag, 1), DATASET_PASSWORD);
    const page = await app.client.request(W1_PLAN_PAGE, { id: first.planIds[0] }, token);
    expect(page.errors).toBeUndefined();
    const plan = page.data!.plan;
    const own = await datasetSummary(db, [first.planIds[0]]);
    expect(plan.activities).toHaveLength(ACTIVITIES_PER_PLAN);
    expect(plan.goals).toHaveLength(GOALS_PER_PLAN);
    expect({ activityCount: plan.rollup.activityCount, budget: plan.rollup.budget, spent: plan.rollup.spent, lbfGrant: plan.lbfGrant }).toEqual({
      activityCount: own.nonCancelledActivities,
      budget: Number(own.budget),
      spent: Number(own.spent),
      lbfGrant: Number(own.lbfGrant),
    });
    expect(plan.rollup.progress).toBeCloseTo(Number(own.progress), 4);
  });
});

describe('statement counts the benchmark relies on (W1, W2 of scripts/bench/queries.ts)', () => {
  it('W1: a plan page costs the same number of statements for every plan, however many plans there are', async () => {
    const counts: number[] = [];
    for (const run of [first, second, other]) {
      for (const [i, planId] of run.planIds.entries()) {
        const token = await app.client.login(secretariatEmail(run.tag, i + 1), DATASET_PASSWORD);
        const page = await app.client.warm(W1_PLAN_PAGE, { id: planId }, token);
        expect(page.errors).toBeUndefined();
        counts.push(page.statements);
      }
    }
    expect(new Set(counts).size).toBe(1);
    // The page compiled into one statement, the session check and the scope in it (src/plans/page/).
    expect(counts[0]).toBe(1);
  });

  it('W2: the national roll-up costs the same number of statements with 1 or 3 dataset plans in the pool', async () => {
    const after = await app.client.warm(W2_NATIONAL, { poolId }, app.adminToken);
    expect(after.errors).toBeUndefined();
    expect(after.data!.nationalRollup.planCount).toBeGreaterThanOrEqual(3);
    expect(after.statements).toBe(nationalStatementsBefore);
  });
});
