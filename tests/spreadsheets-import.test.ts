import { buildRichPlan, PLAN_QUERY } from './factories/rich-plan.js';
import { createGoal, createPlan } from './factories/plan.factory.js';
import { createPool } from './factories/registry.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { userWithToken } from './factories/user.factory.js';
import { http, importFile, readWorkbook, sheetRows, sheetXml, workbookOf, XLSX, xlsxParts, zipOf } from './helpers/spreadsheets.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let world: World;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
});
afterAll(() => app?.stop());

/** A fresh, empty plan of the world's pool, with a project secretariat of its own. */
async function emptyPlan(dates: { startDate?: string; endDate?: string } = {}): Promise<{ id: string; token: string }> {
  const plan = await createPlan(
    app.client,
    app.adminToken,
    { poolId: world.pool.id, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] },
    dates,
  );
  const { token } = await userWithToken(app.client, app.adminToken, 'PROJECT_SECRETARIAT', { planId: plan.id });
  return { id: plan.id, token };
}

async function planContent(planId: string, token: string) {
  return (await app.client.ok(PLAN_QUERY, { id: planId }, token)).plan;
}

async function auditCount(planId: string): Promise<number> {
  const data = await app.client.ok(`query($f: AuditFilter) { auditEvents(filter: $f, first: 1) { totalCount } }`, { f: { planId } }, app.adminToken);
  return data.auditEvents.totalCount;
}

const GOALS = ['ref', 'parentRef', 'kind', 'title', 'description', 'focusArea'];
const INDICATORS = ['ref', 'goalRef', 'name', 'unit', 'direction', 'source', 'baseline', 'baselineDate', 'target', 'targetDate'];
const ACTIVITIES = ['ref', 'title', 'description', 'targetGroup', 'responsibleParty', 'focusArea', 'startDate', 'endDate', 'budget', 'status'];
const LINKS = ['activityRef', 'goalRef', 'weight', 'rationale'];

/** A small valid import: a root with a child, an indicator, two activities and their links. */
function validSheets() {
  return {
    Goals: [GOALS, ['G1', null, 'OVERALL', 'Flere i job', null, world.pool.focusAreas[1]!.name], ['G2', 'G1', 'EFFECT', 'Færre ledige', 'Effektmål', null]],
    Indicators: [INDICATORS, ['I1', 'G2', 'Ledighed', '%', 'DECREASE', 'Jobcenter', 12, new Date('2023-01-01T00:00:00Z'), 8, '2026-12-31']],
    Activities: [
      ACTIVITIES,
      ['A1', 'Jobklub', null, 'Ledige 18-30', 'MUNICIPALITY', world.pool.focusAreas[1]!.name, new Date('2023-03-01T00:00:00Z'), new Date('2026-06-30T00:00:00Z'), 250000, 'ACTIVE'],
      ['A2', 'Mentorordning', 'Frivillige mentorer', null, 'JOINT', null, '2024-01-01', '2025-12-31', '90000', null],
    ],
    Links: [LINKS, ['A1', 'G2', 2, 'Direkte'], ['A1', 'G1', 1, null], ['A2', 'G2', null, null]],
  };
}

describe('GET /imports/plan-template.xlsx', () => {
  it('has an instructions sheet, the import sheets with an example row each and drop-downs for the enums', async () => {
    const download = await http(app.server.url, '/imports/plan-template.xlsx', world.tokens.boardA);
    expect(download.status).toBe(200);
    const book = await readWorkbook(download.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Instructions', 'Goals', 'Indicators', 'Activities', 'Links']);
    expect(sheetRows(book.getWorksheet('Instructions')!).length).toBeGreaterThan(3);
    expect(Object.keys(sheetRows(book.getWorksheet('Goals')!)[0]!)).toEqual(GOALS);
    expect(Object.keys(sheetRows(book.getWorksheet('Activities')!)[0]!)).toEqual(ACTIVITIES);
    for (const name of ['Goals', 'Indicators', 'Activities', 'Links']) expect(sheetRows(book.getWorksheet(name)!)).toHaveLength(1);
    const goalsValidation = ((book.getWorksheet('Goals') as any).dataValidations).model;
    const kind = Object.values(goalsValidation).find((v: any) => v.formulae?.[0]?.includes('OVERALL')) as any;
    expect(kind).toMatchObject({ type: 'list', formulae: ['"OVERALL,EFFECT,SUB"'] });
    const activitiesValidation = Object.values(((book.getWorksheet('Activities') as any).dataValidations).model) as any[];
    expect([...new Set(activitiesValidation.map((v) => v.formulae[0]))].sort()).toEqual([
      '"HOUSING_ORGANISATION,MUNICIPALITY,JOINT,OTHER"',
      '"PLANNED,ACTIVE,PAUSED,COMPLETED,CANCELLED"',
    ]);
    expect((await http(app.server.url, '/imports/plan-template.xlsx')).status).toBe(401);
  });

  it('is Danish with ?lang=da, and the template as it comes imports its example rows', async () => {
    const download = await http(app.server.url, '/imports/plan-template.xlsx?lang=da', world.tokens.projectA);
    const book = await readWorkbook(download.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Vejledning', 'Mål', 'Indikatorer', 'Aktiviteter', 'Koblinger']);
    // The example's activity lies within the plan's dates, as every activity must: 2025-2028.
    const plan = await emptyPlan({ startDate: '2025-01-01', endDate: '2028-12-31' });
    const answer = await importFile(app.server.url, plan.id, download.body, plan.token, { dryRun: true });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, dryRun: true, created: { goals: 1, indicators: 1, activities: 1, links: 1 }, errors: [] });
  });
});

describe('POST /imports/plans/{planId}', () => {
  it('dry run: reports what it would create and writes nothing', async () => {
    const plan = await emptyPlan();
    const before = await auditCount(plan.id);
    const answer = await importFile(app.server.url, plan.id, await workbookOf(validSheets()), plan.token, { dryRun: true });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, dryRun: true, created: { goals: 2, indicators: 1, activities: 2, links: 3 }, errors: [] });
    const content = await planContent(plan.id, plan.token);
    expect(content.goals).toEqual([]);
    expect(content.activities).toEqual([]);
    expect(await auditCount(plan.id)).toBe(before);
  });

  it('applied: adds everything in one go, with an audit event per object, as GraphQL then shows it', async () => {
    const plan = await emptyPlan();
    const before = await auditCount(plan.id);
    const answer = await importFile(app.server.url, plan.id, await workbookOf(validSheets()), plan.token);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ ok: true, dryRun: false, created: { goals: 2, indicators: 1, activities: 2, links: 3 }, errors: [] });
    const content = await planContent(plan.id, plan.token);
    expect(content.goals.map((g: any) => [g.kind, g.title, g.parent?.id ?? null, g.focusArea?.name ?? null])).toEqual([
      ['OVERALL', 'Flere i job', null, world.pool.focusAreas[1]!.name],
      ['EFFECT', 'Færre ledige', content.goals[0].id, null],
    ]);
    expect(content.goals[1].indicators).toMatchObject([
      { name: 'Ledighed', unit: '%', direction: 'DECREASE', baseline: 12, baselineDate: '2023-01-01', target: 8, targetDate: '2026-12-31', source: 'Jobcenter' },
    ]);
    const [jobklub, mentor] = content.activities;
    expect(jobklub).toMatchObject({ title: 'Jobklub', budget: 250000, status: 'ACTIVE', responsibleParty: 'MUNICIPALITY', startDate: '2023-03-01', endDate: '2026-06-30' });
    expect(mentor).toMatchObject({ title: 'Mentorordning', budget: 90000, status: 'PLANNED', description: 'Frivillige mentorer' });
    // A1 serves G2 ×2 and G1 ×1: shares 2/3 and 1/3; A2's one link gets the default weight 1.
    expect(jobklub.links.map((l: any) => [l.goal.id, l.weight, l.share])).toEqual([
      [content.goals[1].id, 2, 2 / 3],
      [content.goals[0].id, 1, 1 / 3],
    ]);
    expect(mentor.links.map((l: any) => [l.weight, l.share])).toEqual([[1, 1]]);
    // 2 goals + 1 indicator + 2 activities + 3 links.
    expect(await auditCount(plan.id)).toBe(before + 8);
    const events = await app.client.ok(
      `query($f: AuditFilter) { auditEvents(filter: $f, first: 20) { edges { node { operation entity actor { id } } } } }`,
      { f: { planId: plan.id, entity: 'ActivityGoalLink' } },
      app.adminToken,
    );
    expect(events.auditEvents.edges.map((e: any) => e.node.operation)).toEqual(['importPlan', 'importPlan', 'importPlan']);
  });

  it('lists every error at its sheet, row and column, and writes nothing', async () => {
    const plan = await emptyPlan();
    const otherPool = await createPool(app.client, app.adminToken, { focusAreas: ['Kun i den anden pulje'] });
    const long = 'x'.repeat(201);
    const file = await workbookOf({
      Goals: [
        GOALS,
        ['G1', null, 'OVERAL', 'Forkert type', null, null], // row 2: unknown enum
        ['G2', 'G3', 'EFFECT', 'I en ring', null, null], // row 3: cycle with row 4
        ['G3', 'G2', 'SUB', 'Også i ringen', null, null], // row 4
        ['G2', null, 'OVERALL', 'Dobbelt ref', null, null], // row 5: duplicate ref
        ['G5', 'NOPE', 'EFFECT', long, null, 'Kun i den anden pulje'], // row 6: unknown ref, text too long, another pool's focus area
        ['G6', null, 'OVERALL', 'Ukendt fokusområde', null, 'Findes ikke'], // row 7
      ],
      Indicators: [INDICATORS, ['I1', 'G1', 'Indikator', '%', 'SIDEWAYS', null, 'ti', '2025-02-30', 8, '2020-01-01']], // row 2
      Activities: [
        ACTIVITIES,
        ['A1', 'Negativ', null, null, 'JOINT', null, '2024-01-01', '2025-01-01', -5, null], // row 2: negative money
        ['A2', 'Baglæns', null, null, 'JOINT', null, '2025-06-01', '2024-06-01', 1000, null], // row 3: end before start
        ['A3', 'Formel', null, null, 'JOINT', null, '2024-01-01', '2025-01-01', { formula: '1000*2', result: 2000 } as any, null], // row 4
        ['A4', null, null, null, 'NOBODY', null, 'i går', null, 1.5, null], // row 5
      ],
      Links: [
        LINKS,
        ['A1', 'G404', 1, null], // row 2: link to nothing
        ['A9', 'G1', 1, null], // row 3
        ['A1', 'G6', 0, null], // row 4: weight not positive
      ],
    });
    const before = await auditCount(plan.id);
    for (const dryRun of [true, false]) {
      const answer = await importFile(app.server.url, plan.id, file, plan.token, { dryRun });
      expect(answer.status).toBe(422);
      expect(answer.json.ok).toBe(false);
      expect(answer.json.dryRun).toBe(dryRun);
      expect(answer.json.created).toEqual({ goals: 0, indicators: 0, activities: 0, links: 0 });
      const where = answer.json.errors.map((e: any) => `${e.sheet}!${e.row}:${e.column}`);
      expect(where).toEqual(
        expect.arrayContaining([
          'Goals!2:kind',
          'Goals!3:parentRef',
          'Goals!4:parentRef',
          'Goals!5:ref',
          'Goals!6:parentRef',
          'Goals!6:title',
          'Goals!6:focusArea',
          'Goals!7:focusArea',
          'Indicators!2:direction',
          'Indicators!2:baseline',
          'Indicators!2:baselineDate',
          'Activities!2:budget',
          'Activities!3:endDate',
          'Activities!4:budget',
          'Activities!5:title',
          'Activities!5:responsibleParty',
          'Activities!5:startDate',
          'Activities!5:endDate',
          'Activities!5:budget',
          'Links!2:goalRef',
          'Links!3:activityRef',
          'Links!4:weight',
        ]),
      );
      const message = (w: string) => answer.json.errors.find((e: any) => `${e.sheet}!${e.row}:${e.column}` === w).message;
      expect(message('Goals!2:kind')).toBe('"OVERAL" is not one of OVERALL, EFFECT, SUB');
      expect(message('Goals!3:parentRef')).toContain('cycle');
      expect(message('Goals!5:ref')).toContain('row 3');
      expect(message('Goals!6:title')).toBe('must be at most 200 characters');
      expect(message('Goals!6:focusArea')).toContain('another pool');
      expect(message('Activities!2:budget')).toBe('must not be negative, got -5');
      expect(message('Activities!3:endDate')).toBe('2024-06-01 is before startDate 2025-06-01');
      expect(message('Activities!4:budget')).toContain('formula');
      expect(message('Indicators!2:baselineDate')).toContain('YYYY-MM-DD');
      expect(message('Links!2:goalRef')).toContain('"G404"');
    }
    expect((await planContent(plan.id, plan.token)).goals).toEqual([]);
    expect(await auditCount(plan.id)).toBe(before);
    void otherPool;
  });

  it('is all or nothing: one bad row among good ones writes nothing', async () => {
    const plan = await emptyPlan();
    const sheets = validSheets();
    sheets.Links.push(['A2', 'G1', -1, null]);
    const answer = await importFile(app.server.url, plan.id, await workbookOf(sheets), plan.token);
    expect(answer.status).toBe(422);
    expect(answer.json.errors).toEqual([{ sheet: 'Links', row: 5, column: 'weight', message: 'must be positive, got -1' }]);
    const content = await planContent(plan.id, plan.token);
    expect([content.goals.length, content.activities.length]).toEqual([0, 0]);
  });

  it('names objects already in the plan by id, and refuses a link that exists already', async () => {
    const plan = await emptyPlan();
    const root = await createGoal(app.client, plan.token, { planId: plan.id, kind: 'OVERALL', title: 'Findes' });
    const first = await importFile(
      app.server.url,
      plan.id,
      await workbookOf({
        Goals: [GOALS, ['E', root.id.toUpperCase(), 'EFFECT', 'Under det eksisterende', null, null]],
        Activities: [ACTIVITIES, ['A', 'Aktivitet', null, null, 'OTHER', null, '2024-01-01', '2024-12-31', 0, null]],
        Links: [LINKS, ['A', root.id, 1, null]],
      }),
      plan.token,
    );
    expect(first.json).toMatchObject({ ok: true, created: { goals: 1, activities: 1, links: 1 } });
    const content = await planContent(plan.id, plan.token);
    expect(content.goals.map((g: any) => g.parent?.id ?? null)).toEqual([null, root.id]);
    const activityId = content.activities[0].id;
    const again = await importFile(app.server.url, plan.id, await workbookOf({ Links: [LINKS, [activityId, root.id, 1, null]] }), plan.token);
    expect(again.status).toBe(422);
    expect(again.json.errors).toEqual([{ sheet: 'Links', row: 2, column: 'goalRef', message: 'the activity is already linked to this goal' }]);
  });

  it('reads Danish sheets and headers, and a multipart/form-data upload', async () => {
    const plan = await emptyPlan();
    const file = await workbookOf({
      Mål: [['Reference', 'Overordnet reference', 'Type', 'Titel'], ['M1', null, 'OVERALL', 'Dansk formål']],
      Aktiviteter: [['Reference', 'Titel', 'Ansvarlig', 'Startdato', 'Slutdato', 'Budget'], ['X', 'Dansk aktivitet', 'JOINT', '2024-01-01', '2024-06-30', 1000]],
      Koblinger: [['Aktivitetsreference', 'Målreference', 'Vægt'], ['X', 'M1', 2]],
    });
    const form = new FormData();
    form.append('file', new Blob([file], { type: XLSX }), 'plan.xlsx');
    const answer = await http(app.server.url, `/imports/plans/${plan.id}`, plan.token, { body: form });
    expect(answer.status).toBe(200);
    expect(answer.json.created).toEqual({ goals: 1, indicators: 0, activities: 1, links: 1 });
    const bad = await workbookOf({ Aktiviteter: [['Reference', 'Titel', 'Ansvarlig', 'Startdato', 'Slutdato', 'Budget'], ['Y', 'Uden penge', 'JOINT', '2024-01-01', '2024-06-30', null]] });
    const refused = await importFile(app.server.url, plan.id, bad, plan.token, { dryRun: true });
    expect(refused.json.errors).toEqual([{ sheet: 'Aktiviteter', row: 2, column: 'Budget', message: 'is required' }]);
  });

  it('is for ADMIN and the plan’s project secretariat: 404 outside the scope, 403 for readers, 401 without a token', async () => {
    const file = await workbookOf(validSheets());
    const send = (token?: string) => http(app.server.url, `/imports/plans/${world.planA.id}?dryRun=true`, token, { body: file, contentType: XLSX });
    expect((await send()).status).toBe(401);
    const foreign = await send(world.tokens.projectB);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe('NOT_FOUND');
    for (const token of [world.tokens.boardA, world.tokens.lbf, world.tokens.area]) {
      const refused = await send(token);
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('FORBIDDEN');
    }
    expect((await send(world.tokens.admin)).status).toBe(200);
    expect((await send(world.tokens.projectA)).status).toBe(200);
    const badFlag = await http(app.server.url, `/imports/plans/${world.planA.id}?dryRun=maybe`, world.tokens.projectA, { body: file, contentType: XLSX });
    expect(badFlag.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dryRun' });
  });
});

describe('hostile files', () => {
  let plan: { id: string; token: string };
  beforeAll(async () => {
    plan = await emptyPlan();
  });
  const send = (file: Buffer, contentType = XLSX) => importFile(app.server.url, plan.id, file, plan.token, { dryRun: true, contentType });

  it('refuses what is not a workbook with 400', async () => {
    for (const [file, type] of [
      [Buffer.from('title,budget\nLektiecafé,1000\n'), 'text/csv'],
      [Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'application/vnd.ms-excel'],
      [zipOf([{ name: 'hello.txt', data: Buffer.from('hello') }]), 'application/zip'],
      [Buffer.alloc(0), XLSX],
    ] as const) {
      const answer = await send(file as Buffer, type);
      expect(answer.status).toBe(400);
      expect(answer.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file' });
    }
    const json = await http(app.server.url, `/imports/plans/${plan.id}`, plan.token, { body: Buffer.from('{"a":1}'), contentType: 'application/json' });
    expect(json.status).toBe(400);
  });

  it('refuses a body over 5 MB with 413, and more than 5,000 rows in a sheet with 413', async () => {
    const big = await send(Buffer.alloc(5 * 1024 * 1024 + 1, 0x50));
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    const rows = [['title', 'responsibleParty', 'startDate', 'endDate', 'budget'], ...Array.from({ length: 5001 }, (_, i) => [`A${i}`, 'JOINT', '2024-01-01', '2024-12-31', '1'])];
    const many = await send(zipOf(xlsxParts('Activities', sheetXml(rows))));
    expect(many.status).toBe(413);
    expect(many.json.error.message).toContain('5000 rows');
    const exactly = await send(zipOf(xlsxParts('Activities', sheetXml(rows.slice(0, 5001)))));
    expect(exactly.status).toBe(200);
    expect(exactly.json.created.activities).toBe(5000);
  });

  it('refuses a zip bomb by its declared size, and an archive whose data is larger than it declares', async () => {
    const bomb = zipOf([...xlsxParts('Goals', sheetXml([['title']])), { name: 'xl/media/zeros.bin', data: Buffer.alloc(80 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(5 * 1024 * 1024);
    const refused = await send(bomb);
    expect(refused.status).toBe(413);
    expect(refused.json.error.message).toContain('unpack');
    const liar = zipOf(xlsxParts('Goals', sheetXml([['kind', 'title'], ['OVERALL', 'x'.repeat(1_000_000)]])).map((e) => (e.name.includes('sheet1') ? { ...e, declaredSize: 1000 } : e)));
    const lied = await send(liar);
    expect(lied.status).toBe(400);
    expect(lied.json.error.code).toBe('BAD_USER_INPUT');
  });

  it('reads a sheet with a million empty styled rows safely: they are skipped', async () => {
    const empty = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 3}" s="1" customFormat="1"/>`).join('');
    const file = zipOf(xlsxParts('Goals', sheetXml([['kind', 'title'], ['OVERALL', 'Et mål']], empty)));
    expect(file.length).toBeLessThan(5 * 1024 * 1024);
    const started = Date.now();
    const answer = await send(file);
    expect(answer.json).toMatchObject({ ok: true, created: { goals: 1 } });
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('never runs a formula: a formula cell is an error at its cell, whatever result it carries', async () => {
    const file = await workbookOf({ Goals: [GOALS, ['G', null, 'OVERALL', { formula: 'HYPERLINK("http://x","y")', result: 'Titel' } as any, null, null]] });
    const answer = await send(file);
    expect(answer.status).toBe(422);
    expect(answer.json.errors).toEqual([{ sheet: 'Goals', row: 2, column: 'title', message: 'holds a formula; formulas are not read: type the value itself' }]);
  });
});

describe('round trip', () => {
  it('a plan exported and imported into an empty plan of the same pool gives the same tree, indicators, activities and link weights', async () => {
    await buildRichPlan(app.client, world);
    const source = await planContent(world.planA.id, world.tokens.projectA);
    const exported = await http(app.server.url, `/exports/plans/${world.planA.id}.xlsx`, world.tokens.projectA);
    const target = await emptyPlan();
    const answer = await importFile(app.server.url, target.id, exported.body, target.token);
    expect(answer.json).toMatchObject({ ok: true, errors: [] });
    expect(answer.json.created).toEqual({
      goals: source.goals.length,
      indicators: source.goals.flatMap((g: any) => g.indicators).length,
      activities: source.activities.length,
      links: source.activities.flatMap((a: any) => a.links).length,
    });
    const copy = await planContent(target.id, target.token);
    // Ids differ; everything else is named by title, parent by its title.
    const shape = (plan: any) => {
      const titleOf = new Map<string, string>(plan.goals.map((g: any) => [g.id, g.title]));
      const activityTitle = new Map<string, string>(plan.activities.map((a: any) => [a.id, a.title]));
      return {
        goals: plan.goals.map((g: any) => ({
          kind: g.kind,
          title: g.title,
          description: g.description,
          parent: g.parent ? titleOf.get(g.parent.id) : null,
          focusArea: g.focusArea?.name ?? null,
          indicators: g.indicators.map(({ id, goal, latest, attainment, status, measurements, ...fields }: any) => fields),
        })),
        activities: plan.activities.map(({ id, progress, spent, isStale, progressEntries, links, ...fields }: any) => ({
          ...fields,
          links: links.map((l: any) => ({ goal: titleOf.get(l.goal.id), weight: l.weight, share: l.share, rationale: l.rationale })),
        })),
        activityTitles: [...activityTitle.values()],
      };
    };
    expect(shape(copy)).toEqual(shape(source));
  });
});
