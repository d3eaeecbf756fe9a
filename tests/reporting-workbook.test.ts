import { createActivity, createGoal, createIndicator } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { type Cell, day, headerRow, http, readWorkbook, sheetRows } from './helpers/spreadsheets.js';
import { UPDATE_ACTIVITY } from './helpers/operations.js';
import { ANNUAL_REPORT, CREATE_MILESTONE, LOG, MEASURE, SUBMIT } from './helpers/reporting-operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * GET /exports/plans/{planId}/annual-reports/{year}.xlsx: what annualReport answers, cell by cell,
 * live and as submitted, with the spreadsheet endpoints' refusals.
 */
let app: TestApp;
let world: World;
let activityId: string;
const get = (path: string, token?: string) => http(app.server.url, path, token);
const path = (year: number | string, planId = world.planA.id) => `/exports/plans/${planId}/annual-reports/${year}.xlsx`;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  // Plan A runs 2023-2026 (tests/factories/inputs.ts).
  const s = world.tokens.projectA;
  const planId = world.planA.id;
  const root = await createGoal(app.client, s, { planId, kind: 'OVERALL', title: 'Formål' });
  const child = await createGoal(app.client, s, { planId, kind: 'EFFECT', parentId: root.id, title: 'Effektmål' });
  const indicator = await createIndicator(app.client, s, { goalId: child.id, name: 'Beskæftigelse' });
  await createIndicator(app.client, s, { goalId: root.id, name: 'Uden baseline', baseline: null, baselineDate: null });
  await app.client.ok(MEASURE, { input: { indicatorId: indicator.id, measuredOn: '2024-06-30', value: 47 } }, s);
  activityId = (await createActivity(app.client, s, { planId, title: 'Jobcafé', focusAreaId: world.pool.focusAreas[1].id, budget: 400_000 })).id;
  await createActivity(app.client, s, { planId, title: 'Lektiecafé', startDate: '2024-03-01', budget: 250_000 });
  await app.client.ok(LOG, { input: { activityId, reportedOn: '2023-12-15', percentComplete: 20, spent: 50_000 } }, s);
  await app.client.ok(LOG, { input: { activityId, reportedOn: '2024-11-30', percentComplete: 55, spent: 180_000, participantsReached: 40 } }, s);
  await app.client.ok(CREATE_MILESTONE, { input: { planId, title: 'Evaluering', dueDate: '2025-04-30', activityId, goalId: child.id } }, s);
  await app.client.ok(CREATE_MILESTONE, { input: { planId, title: 'Afslutning', dueDate: '2025-12-31' } }, s);
});
afterAll(() => app?.stop());

/** The sheets annualReport's answer must give (docs/spreadsheets.md: the fields as columns, nested objects by id). */
function expectedSheets(report: any) {
  return {
    Indicators: report.indicators.map((i: any) => ({
      indicatorId: i.indicator.id,
      goalId: i.goal.id,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline: i.baseline,
      baselineDate: i.baselineDate,
      target: i.target,
      targetDate: i.targetDate,
      value: i.value,
      measuredOn: i.measuredOn,
      attainment: i.attainment,
      status: i.status,
      comment: i.comment,
    })),
    Activities: report.activities.map((a: any) => ({
      activityId: a.activity.id,
      title: a.title,
      responsibleParty: a.responsibleParty,
      focusArea: a.focusArea?.name ?? null,
      budget: a.budget,
      progress: a.progress,
      spent: a.spent,
      spentInYear: a.spentInYear,
      participantsReached: a.participantsReached,
      entriesInYear: a.entriesInYear,
    })),
    Finances: [report.finances],
    Milestones: report.milestones.map((m: any) => ({
      milestoneId: m.id,
      title: m.title,
      dueDate: m.dueDate,
      completedOn: m.completedOn,
      isOverdue: m.isOverdue,
      activityId: m.activity?.id ?? null,
      goalId: m.goal?.id ?? null,
    })),
  };
}

const DATES = ['baselineDate', 'targetDate', 'measuredOn', 'dueDate', 'completedOn'];
const REPORT = ANNUAL_REPORT.replace('focusArea { id }', 'focusArea { id name }');

async function workbookSheets(year: number, token = world.tokens.boardA) {
  const download = await get(path(year), token);
  expect(download.status).toBe(200);
  expect(download.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  expect(download.disposition).toContain(`annual-report-${world.planA.id}-${year}.xlsx`);
  const book = await readWorkbook(download.body);
  expect(book.worksheets.map((s) => s.name)).toEqual(['Indicators', 'Activities', 'Finances', 'Milestones']);
  const plain = (rows: Record<string, Cell>[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, DATES.includes(k) ? day(v) : v])));
  return Object.fromEntries(book.worksheets.map((sheet) => [sheet.name, plain(sheetRows(sheet))]));
}

describe('GET /exports/plans/{planId}/annual-reports/{year}.xlsx', () => {
  it('holds what annualReport answers, cell by cell', async () => {
    const report = (await app.client.ok(REPORT, { planId: world.planA.id, year: 2024 }, world.tokens.boardA)).annualReport;
    const sheets = await workbookSheets(2024);
    expect(sheets).toEqual(expectedSheets(report));
    // By hand, so that the comparison compares something: 180 000 by the end of 2024, 50 000 before it.
    expect(sheets.Activities[0]).toMatchObject({ title: 'Jobcafé', progress: 55, spent: 180_000, spentInYear: 130_000, participantsReached: 40, entriesInYear: 1, focusArea: world.pool.focusAreas[1].name });
    expect(sheets.Finances).toEqual([{ lbfGrant: 10_000_000, localCofinancing: 4_000_000, budget: 650_000, spent: 180_000, spentInYear: 130_000 }]);
    expect(sheets.Milestones.map((m: any) => m.title)).toEqual(['Evaluering', 'Afslutning']);
    expect(sheets.Indicators.map((i: any) => [i.name, i.value])).toEqual([
      ['Uden baseline', null],
      ['Beskæftigelse', 47],
    ]);
  });

  it('holds the submitted figures once the year is submitted, whatever changes after', async () => {
    await app.client.ok(SUBMIT, { input: { planId: world.planA.id, year: 2024, comment: 'Indsendt' } }, world.tokens.projectA);
    const before = await workbookSheets(2024);
    const { activity } = await app.client.ok(`query($id: ID!) { activity(id: $id) { version } }`, { id: activityId }, world.tokens.projectA);
    await app.client.ok(UPDATE_ACTIVITY, { input: { id: activityId, expectedVersion: activity.version, budget: 900_000, title: 'Jobcafé (udvidet)' } }, world.tokens.projectA);
    expect(await workbookSheets(2024)).toEqual(before);
    const report = (await app.client.ok(REPORT, { planId: world.planA.id, year: 2024 }, world.tokens.boardA)).annualReport;
    expect(before).toEqual(expectedSheets(report));
    expect(before.Activities[0]).toMatchObject({ title: 'Jobcafé', budget: 400_000 });
  });

  it('has Danish sheet names and headers with ?lang=da', async () => {
    const download = await get(`${path(2024)}?lang=da`, world.tokens.projectA);
    const book = await readWorkbook(download.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Indikatorer', 'Aktiviteter', 'Økonomi', 'Milepæle']);
    expect(headerRow(book.getWorksheet('Økonomi')!)).toEqual(['LBF-bevilling', 'Lokal medfinansiering', 'Budget', 'Forbrug', 'Forbrug i året']);
    expect(headerRow(book.getWorksheet('Milepæle')!)).toEqual(['Milepæls-id', 'Titel', 'Frist', 'Gennemført den', 'Overskredet', 'Aktivitets-id', 'Mål-id']);
  });

  it('is refused as annualReport is: 401 without a token, 404 outside the scope, 400 for a year not of the plan', async () => {
    expect((await get(path(2024))).status).toBe(401);
    const foreign = await get(path(2024), world.tokens.projectB);
    expect([foreign.status, foreign.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await get(path(2024, world.planB.id), world.tokens.area)).status).toBe(404);
    for (const year of [2030, 'abc', '20245']) {
      const bad = await get(path(year), world.tokens.projectA);
      expect([bad.status, bad.json.error.code, bad.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'year']);
    }
    for (const token of [app.adminToken, world.tokens.lbf, world.tokens.area]) expect((await get(path(2023), token)).status).toBe(200);
  });
});
