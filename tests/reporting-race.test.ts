import pg from 'pg';
import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { ANNUAL_REPORT, LOG, MEASURE, SUBMIT } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * A submission and the writes dated in its year arriving together (issue 9, item 4): every write is
 * either in the submitted report or refused with CONFLICT, and a refused one stores nothing. On a
 * real server with a pool of 10 connections the requests really run at once; the embedded engine
 * serialises them, and the rule must hold there too.
 */
let app: TestApp;
let db: pg.Client;
let planId: string;
let secretariat: string;
let goalId: string;
const activities: string[] = [];

const YEARS = [2016, 2018, 2020, 2022];
const LOGS_PER_ACTIVITY = 3;
const INDICATORS_PER_ROUND = 6;

beforeAll(async () => {
  app = await startTestApp({}, { poolSize: 10 });
  const admin = app.adminToken;
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
  const pool = await createPool(app.client, admin);
  const refs = {
    poolId: pool.id,
    municipalityId: (await createMunicipality(app.client, admin)).id,
    housingOrganisationIds: [(await createHousingOrganisation(app.client, admin)).id],
  };
  planId = (await createPlan(app.client, admin, refs, { startDate: '2015-01-01', endDate: '2024-12-31', status: 'ACTIVE' })).id;
  secretariat = (await userWithToken(app.client, admin, 'PROJECT_SECRETARIAT', { planId })).token;
  goalId = (await createGoal(app.client, secretariat, { planId, kind: 'OVERALL' })).id;
  for (let i = 0; i < 8; i++) {
    activities.push((await createActivity(app.client, secretariat, { planId, startDate: '2015-01-01', endDate: '2024-12-31' })).id);
  }
}, 60_000);
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

type Outcome = 'stored' | 'refused';

function outcome(result: GraphQLResponse, field: string, year: number): Outcome {
  if (result.data && !result.errors) return 'stored';
  const error = result.errors?.[0];
  if (error?.extensions?.code === 'CONFLICT' && error.extensions.field === field && error.extensions.year === year) return 'refused';
  throw new Error(`neither stored nor refused for the locked year: ${JSON.stringify(result.errors)}`);
}

describe('a submission racing progress entries and measurements of its year', () => {
  const totals = { stored: 0, refused: 0 };

  afterAll(() => console.log(`submission race: ${totals.stored} writes before the submission, ${totals.refused} refused after it`));

  it.each(YEARS)('keeps every write of %i either in the submitted report or out of the database', async (year) => {
    const indicators: string[] = [];
    for (let i = 0; i < INDICATORS_PER_ROUND; i++) indicators.push((await createIndicator(app.client, secretariat, { goalId, name: `Runde ${year} nr. ${i}` })).id);

    // Writes spread over the year, the submission sent in the middle of them, nothing awaited in between.
    type Write = { kind: 'log'; activityId: string } | { kind: 'measure'; indicatorId: string };
    const writes: Write[] = [
      ...activities.flatMap((activityId) => Array.from({ length: LOGS_PER_ACTIVITY }, () => ({ kind: 'log' as const, activityId }))),
      ...indicators.map((indicatorId) => ({ kind: 'measure' as const, indicatorId })),
    ].sort(() => Math.random() - 0.5);
    const send = (write: Write, i: number) => {
      const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-15`;
      return write.kind === 'log'
        ? app.client.request(LOG, { input: { activityId: write.activityId, reportedOn: date, percentComplete: i % 101, spent: 1000 * i } }, secretariat)
        : app.client.request(MEASURE, { input: { indicatorId: write.indicatorId, measuredOn: date, value: i } }, secretariat);
    };
    const half = Math.floor(writes.length / 2);
    const first = writes.slice(0, half).map((w, i) => send(w, i));
    const submission = app.client.request(SUBMIT, { input: { planId, year } }, secretariat);
    const second = writes.slice(half).map((w, i) => send(w, half + i));
    const results = await Promise.all([...first, ...second]);
    expect((await submission).errors).toBeUndefined();

    const outcomes = results.map((r, i) => outcome(r, writes[i].kind === 'log' ? 'reportedOn' : 'measuredOn', year));
    for (const o of outcomes) totals[o]++;

    const report = (await app.client.ok(ANNUAL_REPORT, { planId, year }, secretariat)).annualReport;
    expect(report.period.status).toBe('SUBMITTED');

    // Progress: per activity, the entries the report counts are exactly those stored, which are exactly the calls that succeeded.
    const { rows: stored } = await db.query(
      `SELECT activity_id, count(*)::int AS n FROM progress_entries
        WHERE plan_id = $1 AND reported_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31) GROUP BY activity_id`,
      [planId, year],
    );
    const inDatabase = new Map(stored.map((r) => [r.activity_id, r.n]));
    for (const activityId of activities) {
      const succeeded = writes.filter((w, i) => w.kind === 'log' && w.activityId === activityId && outcomes[i] === 'stored').length;
      const row = report.activities.find((a: any) => a.activity.id === activityId);
      expect({ activityId, inReport: row.entriesInYear, inDatabase: inDatabase.get(activityId) ?? 0 }).toEqual({
        activityId,
        inReport: succeeded,
        inDatabase: succeeded,
      });
    }

    // Measurements: these indicators have no other, so the report shows a value exactly when one was stored.
    const { rows: measured } = await db.query(`SELECT indicator_id FROM measurements WHERE indicator_id = ANY($1::uuid[])`, [indicators]);
    for (const indicatorId of indicators) {
      const succeeded = writes.some((w, i) => w.kind === 'measure' && w.indicatorId === indicatorId && outcomes[i] === 'stored');
      const row = report.indicators.find((r: any) => r.indicator.id === indicatorId);
      expect({ indicatorId, inReport: row.value !== null, inDatabase: measured.some((m) => m.indicator_id === indicatorId) }).toEqual({
        indicatorId,
        inReport: succeeded,
        inDatabase: succeeded,
      });
    }
  });
});
