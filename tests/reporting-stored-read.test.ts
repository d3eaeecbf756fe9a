import { createActivity, createGoal, createIndicator, createPlan } from './factories/plan.factory.js';
import { createHousingOrganisation, createMunicipality, createPool } from './factories/registry.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { ANNUAL_REPORT, APPROVE, CREATE_MILESTONE, LOG, MEASURE, PERIODS, SUBMIT } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';
import { SESSION_CHECK_STATEMENTS } from './helpers/statements.js';

/**
 * A submitted report's read (docs/reporting.md, "Cost"): a constant small number of statements,
 * whatever its events and the plan's size, with the period's events and their users read in the
 * report's own statement, and the same figures as the live report showed just before submission.
 */
let app: TestApp;
let secretariat: string;
let planId: string;

/** Every field of the report, with the period's submitter and events and nested objects' own fields. */
const FULL = ANNUAL_REPORT.replace('period { year', 'period { submittedAt submittedBy { id name email role active } events { action at comment by { id name } } year')
  .replace('goal { id } name', 'goal { id title } name')
  .replace('focusArea { id }', 'focusArea { id name }');

/** What the contract keeps identical across a submission: everything but the period and the comments. */
const figures = (r: any) => ({
  ...r,
  period: undefined,
  comment: undefined,
  indicators: r.indicators.map((i: any) => ({ ...i, comment: undefined })),
});

beforeAll(async () => {
  app = await startTestApp();
  const admin = app.adminToken;
  const pool = await createPool(app.client, admin);
  const plan = await createPlan(
    app.client,
    admin,
    { poolId: pool.id, municipalityId: (await createMunicipality(app.client, admin)).id, housingOrganisationIds: [(await createHousingOrganisation(app.client, admin)).id] },
    { startDate: '2023-03-01', endDate: '2025-09-30', lbfGrant: 5_000_000, localCofinancing: 2_000_000, status: 'ACTIVE' },
  );
  planId = plan.id;
  secretariat = (await userWithToken(app.client, admin, 'PROJECT_SECRETARIAT', { planId })).token;
  const goal = await createGoal(app.client, secretariat, { planId, kind: 'OVERALL' });
  const indicator = await createIndicator(app.client, secretariat, { goalId: goal.id, baseline: 10, baselineDate: '2023-03-01', target: 20, targetDate: '2025-09-30' });
  await app.client.ok(MEASURE, { input: { indicatorId: indicator.id, measuredOn: '2024-06-30', value: 14 } }, secretariat);
  const activity = await createActivity(app.client, secretariat, { planId, startDate: '2024-01-01', endDate: '2025-06-30', focusAreaId: pool.focusAreas[0].id });
  await app.client.ok(LOG, { input: { activityId: activity.id, reportedOn: '2024-05-01', percentComplete: 30, spent: 1000 } }, secretariat);
  await app.client.ok(CREATE_MILESTONE, { input: { planId, title: 'M', dueDate: '2025-02-01', activityId: activity.id, goalId: goal.id } }, secretariat);
});

afterAll(async () => {
  await app?.stop();
});

it('reads a submitted report in a constant small number of statements, with the figures shown before submission', async () => {
  const live = await app.client.warm(FULL, { planId, year: 2024 }, secretariat);
  expect(live.errors).toBeUndefined();
  const indicatorId = live.data!.annualReport.indicators[0].indicator.id;
  await app.client.ok(SUBMIT, { input: { planId, year: 2024, comment: 'Året gik godt', indicatorComments: [{ indicatorId, comment: 'Tæt på' }] } }, secretariat);

  const submitted = await app.client.warm(FULL, { planId, year: 2024 }, secretariat);
  expect(submitted.errors).toBeUndefined();
  const report = submitted.data!.annualReport;
  expect(figures(report)).toEqual(figures(live.data!.annualReport));
  expect([report.period.status, report.comment, report.indicators[0].comment]).toEqual(['SUBMITTED', 'Året gik godt', 'Tæt på']);

  // The plan's scope, the report with its events and users, and for the nested objects as they are
  // now the plan's indicators, goals and activities and the milestones' plan.
  expect(submitted.statements).toBe(6 + SESSION_CHECK_STATEMENTS);
  expect(submitted.statements).toBeLessThanOrEqual(live.statements);

  // Another event by another user: the same statements, and the same period as the periods' own loaders show.
  await app.client.ok(APPROVE, { input: { planId, year: 2024 } }, app.adminToken);
  const approved = await app.client.warm(FULL, { planId, year: 2024 }, secretariat);
  expect(approved.statements).toBe(submitted.statements);
  const { period } = approved.data!.annualReport;
  expect(period.events.map((e: any) => e.action)).toEqual(['SUBMITTED', 'APPROVED']);
  expect(figures(approved.data!.annualReport)).toEqual(figures(live.data!.annualReport));
  const periods = await app.client.ok(
    PERIODS.replace('submittedBy { id }', 'submittedBy { id name email role active }').replace('by { id }', 'by { id name }'),
    { id: planId },
    secretariat,
  );
  const viaLoaders = periods.plan.reportingPeriods.find((p: any) => p.year === 2024);
  expect({ submittedAt: period.submittedAt, submittedBy: period.submittedBy, events: period.events }).toEqual({
    submittedAt: viaLoaders.submittedAt,
    submittedBy: viaLoaders.submittedBy,
    events: viaLoaders.events.map(({ action, at, comment, by }: any) => ({ action, at, comment, by })),
  });
});
