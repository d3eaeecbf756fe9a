import pg from 'pg';
import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import type { GraphQLResponse } from './helpers/graphql-client.js';
import { ANNUAL_REPORT, LOG, MEASURE, SUBMIT } from './helpers/reporting-operations.js';

const RETRACT_ENTRY = `mutation($id: ID!) { retractProgressEntry(id: $id, reason: "Tastefejl") { id } }`;
const RETRACT_MEASUREMENT = `mutation($id: ID!) { retractMeasurement(id: $id, reason: "Tastefejl") { id } }`;
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * A submission and the writes dated in its year arriving together (issue 9, item 4): every write is
 * either in the submitted report or refused with CONFLICT, and a refused one stores nothing; and a
 * retraction (issue 10) racing a submission either is out of the report or is refused and left
 * undone. On a real server with a pool of 10 connections the requests really run at once; the
 * embedded engine serialises them, and the rule must hold there too.
 */
let app: TestApp;
let db: pg.Client;
let planId: string;
let secretariat: string;
let goalId: string;
const activities: string[] = [];

const YEARS = [2016, 2018, 2020, 2022];
const RETRACTION_YEARS = [2017, 2019];
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

describe('a submission racing retractions and new entries of its year', () => {
  const totals = { retracted: 0, refused: 0, stored: 0, logRefused: 0 };

  afterAll(() =>
    console.log(
      `retraction race: ${totals.retracted} retractions before the submission, ${totals.refused} refused after it; ` +
        `${totals.stored} entries logged before it, ${totals.logRefused} refused`,
    ),
  );

  it.each(RETRACTION_YEARS)('leaves every entry and measurement of %i either retracted and out of the report, or in it', async (year) => {
    // The history to retract, written before the race: two entries per activity and one measurement per
    // indicator (these indicators have no other), all dated in the year.
    const entries: { id: string; activityId: string }[] = [];
    for (const [i, activityId] of activities.entries()) {
      for (const month of ['03', '09']) {
        const { logProgress } = await app.client.ok(LOG, { input: { activityId, reportedOn: `${year}-${month}-${10 + i}`, percentComplete: 10 * i, spent: 1000 * i } }, secretariat);
        entries.push({ id: logProgress.id, activityId });
      }
    }
    const measurements: { id: string; indicatorId: string }[] = [];
    for (let i = 0; i < INDICATORS_PER_ROUND; i++) {
      const indicatorId = (await createIndicator(app.client, secretariat, { goalId, name: `Tilbagekaldt ${year} nr. ${i}` })).id;
      const { recordMeasurement } = await app.client.ok(MEASURE, { input: { indicatorId, measuredOn: `${year}-06-${10 + i}`, value: i } }, secretariat);
      measurements.push({ id: recordMeasurement.id, indicatorId });
    }

    // Every retraction, and a new entry per activity, the submission in the middle, nothing awaited in between.
    type Call = { kind: 'entry'; id: string } | { kind: 'measurement'; id: string } | { kind: 'log'; activityId: string };
    const calls: Call[] = [
      ...entries.map((e) => ({ kind: 'entry' as const, id: e.id })),
      ...measurements.map((m) => ({ kind: 'measurement' as const, id: m.id })),
      ...activities.map((activityId) => ({ kind: 'log' as const, activityId })),
    ].sort(() => Math.random() - 0.5);
    const send = (call: Call, i: number) =>
      call.kind === 'entry'
        ? app.client.request(RETRACT_ENTRY, { id: call.id }, secretariat)
        : call.kind === 'measurement'
          ? app.client.request(RETRACT_MEASUREMENT, { id: call.id }, secretariat)
          : app.client.request(LOG, { input: { activityId: call.activityId, reportedOn: `${year}-11-${String(1 + (i % 28)).padStart(2, '0')}`, percentComplete: 50 } }, secretariat);
    // A retraction takes more round trips than a submission: the submission is sent once the first
    // call has been answered, while the rest of the first half are still on their way.
    const half = Math.floor(calls.length / 2);
    const first = calls.slice(0, half).map((c, i) => send(c, i));
    await Promise.race(first);
    const submission = app.client.request(SUBMIT, { input: { planId, year } }, secretariat);
    const second = calls.slice(half).map((c, i) => send(c, half + i));
    const results = await Promise.all([...first, ...second]);
    expect((await submission).errors).toBeUndefined();
    const outcomes = results.map((r, i) => outcome(r, calls[i].kind === 'log' ? 'reportedOn' : 'id', year));
    calls.forEach((call, i) => {
      if (call.kind === 'log') totals[outcomes[i] === 'stored' ? 'stored' : 'logRefused']++;
      else totals[outcomes[i] === 'stored' ? 'retracted' : 'refused']++;
    });
    const succeeded = (id: string) => outcomes[calls.findIndex((c) => c.kind !== 'log' && c.id === id)] === 'stored';

    const report = (await app.client.ok(ANNUAL_REPORT, { planId, year }, secretariat)).annualReport;
    expect(report.period.status).toBe('SUBMITTED');

    // A retraction took effect exactly when its call succeeded.
    const { rows: entryRows } = await db.query(`SELECT id, retracted_at IS NOT NULL AS retracted FROM progress_entries WHERE id = ANY($1::uuid[])`, [entries.map((e) => e.id)]);
    const { rows: measurementRows } = await db.query(`SELECT id, retracted_at IS NOT NULL AS retracted FROM measurements WHERE id = ANY($1::uuid[])`, [measurements.map((m) => m.id)]);
    for (const row of [...entryRows, ...measurementRows]) expect({ id: row.id, retracted: row.retracted }).toEqual({ id: row.id, retracted: succeeded(row.id) });

    // Per activity the report counts the entries of the year that are not retracted: the two written
    // before, less those retracted before the submission, plus the new one if it came before it.
    for (const activityId of activities) {
      const kept = entries.filter((e) => e.activityId === activityId && !succeeded(e.id)).length;
      const logged = calls.some((c, i) => c.kind === 'log' && c.activityId === activityId && outcomes[i] === 'stored') ? 1 : 0;
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM progress_entries
          WHERE activity_id = $1 AND retracted_at IS NULL AND reported_on BETWEEN make_date($2, 1, 1) AND make_date($2, 12, 31)`,
        [activityId, year],
      );
      const row = report.activities.find((a: any) => a.activity.id === activityId);
      expect({ activityId, inReport: row.entriesInYear, inDatabase: rows[0].n }).toEqual({ activityId, inReport: kept + logged, inDatabase: kept + logged });
    }
    // Each indicator's only measurement is in the report exactly when its retraction was refused.
    for (const { id, indicatorId } of measurements) {
      const row = report.indicators.find((r: any) => r.indicator.id === indicatorId);
      expect({ indicatorId, inReport: row.value !== null }).toEqual({ indicatorId, inReport: !succeeded(id) });
    }
  });
});
