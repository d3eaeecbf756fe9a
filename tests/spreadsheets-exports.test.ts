import { buildRichPlan, PLAN_QUERY } from './factories/rich-plan.js';
import { createActivity, createGoal } from './factories/plan.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { type Cell, day, headerRow, http, readWorkbook, sheetRows } from './helpers/spreadsheets.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

let app: TestApp;
let world: World;
let rich: Awaited<ReturnType<typeof buildRichPlan>>;
let graphqlPlan: any;

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  rich = await buildRichPlan(app.client, world);
  const goalB = await createGoal(app.client, world.tokens.projectB, { planId: world.planB.id, kind: 'OVERALL', title: 'Plan B mål' });
  await createActivity(app.client, world.tokens.projectB, { planId: world.planB.id, title: 'Plan B aktivitet', budget: 70_000, focusAreaId: world.pool.focusAreas[2]!.id });
  void goalB;
  graphqlPlan = (await app.client.ok(PLAN_QUERY, { id: world.planA.id }, world.tokens.projectA)).plan;
});
afterAll(() => app?.stop());

const get = (path: string, token?: string) => http(app.server.url, path, token);

/** A downloaded sheet's rows with date cells as YYYY-MM-DD, for comparing with GraphQL. */
function plain(rows: Record<string, Cell>[], dateColumns: string[]): Record<string, Cell>[] {
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, dateColumns.includes(k) ? day(v) : v])));
}

/** What each plan sheet must hold, built from the GraphQL answer (docs/spreadsheets.md: the same figures). */
function expectedPlanSheets(plan: any) {
  const goals = plan.goals.map((g: any) => ({
    ref: g.id,
    parentRef: g.parent?.id ?? null,
    kind: g.kind,
    title: g.title,
    description: g.description,
    focusArea: g.focusArea?.name ?? null,
    progress: g.rollup.progress,
    budget: g.rollup.budget,
    spent: g.rollup.spent,
  }));
  const indicators = plan.goals.flatMap((g: any) =>
    g.indicators.map((i: any) => ({
      ref: i.id,
      goalRef: i.goal.id,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      source: i.source,
      baseline: i.baseline,
      baselineDate: i.baselineDate,
      target: i.target,
      targetDate: i.targetDate,
      latestValue: i.latest?.value ?? null,
      latestMeasuredOn: i.latest?.measuredOn ?? null,
      attainment: i.attainment,
      status: i.status,
    })),
  );
  const measurements = plan.goals.flatMap((g: any) =>
    g.indicators.flatMap((i: any) => i.measurements.map((m: any) => ({ indicatorRef: i.id, measuredOn: m.measuredOn, value: m.value, note: m.note }))),
  );
  const activities = plan.activities.map((a: any) => ({
    ref: a.id,
    title: a.title,
    description: a.description,
    targetGroup: a.targetGroup,
    responsibleParty: a.responsibleParty,
    focusArea: a.focusArea?.name ?? null,
    startDate: a.startDate,
    endDate: a.endDate,
    budget: a.budget,
    status: a.status,
    progress: a.progress,
    spent: a.spent,
    isStale: a.isStale,
  }));
  const links = plan.activities.flatMap((a: any) =>
    a.links.map((l: any) => ({ activityRef: a.id, goalRef: l.goal.id, weight: l.weight, share: l.share, rationale: l.rationale })),
  );
  const entries = plan.activities.flatMap((a: any) =>
    a.progressEntries.map((e: any) => ({
      activityRef: a.id,
      reportedOn: e.reportedOn,
      percentComplete: e.percentComplete,
      status: e.status,
      participantsReached: e.participantsReached,
      spent: e.spent,
      note: e.note,
      loggedAt: e.loggedAt,
    })),
  );
  return { goals, indicators, measurements, activities, links, entries };
}

describe('GET /exports/plans/{planId}.xlsx', () => {
  it('holds every sheet of the plan, one row per thing, ids kept, equal cell by cell to GraphQL', async () => {
    const download = await get(`/exports/plans/${world.planA.id}.xlsx`, world.tokens.projectA);
    expect(download.status).toBe(200);
    expect(download.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.disposition).toContain(`plan-${world.planA.id}.xlsx`);
    const book = await readWorkbook(download.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Goals', 'Indicators', 'Measurements', 'Activities', 'Links', 'ProgressEntries']);
    const expected = expectedPlanSheets(graphqlPlan);

    expect(headerRow(book.getWorksheet('Goals')!)).toEqual(['ref', 'parentRef', 'kind', 'title', 'description', 'focusArea', 'progress', 'budget', 'spent']);
    expect(sheetRows(book.getWorksheet('Goals')!)).toEqual(expected.goals);
    expect(plain(sheetRows(book.getWorksheet('Indicators')!), ['baselineDate', 'targetDate', 'latestMeasuredOn'])).toEqual(expected.indicators);
    expect(plain(sheetRows(book.getWorksheet('Measurements')!), ['measuredOn'])).toEqual(expected.measurements);
    expect(plain(sheetRows(book.getWorksheet('Activities')!), ['startDate', 'endDate'])).toEqual(expected.activities);
    expect(sheetRows(book.getWorksheet('Links')!)).toEqual(expected.links);
    const entries = plain(sheetRows(book.getWorksheet('ProgressEntries')!), ['reportedOn']);
    expect(entries.map(({ loggedAt, ...rest }) => rest)).toEqual(expected.entries.map(({ loggedAt, ...rest }: any) => rest));
    entries.forEach((row, i) => {
      expect(row.loggedAt).toBeInstanceOf(Date);
      expect(Math.abs((row.loggedAt as Date).getTime() - Date.parse(expected.entries[i].loggedAt))).toBeLessThan(5);
    });

    // The figures by hand (tests/factories/rich-plan.ts), so the comparison above compares something.
    const goals = sheetRows(book.getWorksheet('Goals')!);
    const byRef = (ref: string) => goals.find((g) => g.ref === ref)!;
    expect(byRef(rich.sub.id).budget).toBe(225_000);
    expect(byRef(rich.effect.id).budget).toBe(300_000);
    expect(byRef(rich.root.id).budget).toBe(1_500_000);
    expect(byRef(rich.root2.id)).toMatchObject({ budget: 0, spent: 0, progress: null, description: 'Linje 1\nLinje 2' });
    expect(byRef(rich.effect.id).parentRef).toBe(rich.root.id);
    expect(goals.map((g) => g.ref).slice(0, 2)).toEqual([rich.root.id, rich.root2.id]); // roots first
    const links = sheetRows(book.getWorksheet('Links')!);
    expect(links.filter((l) => l.activityRef === rich.a1.id).map((l) => [l.weight, l.share])).toEqual([
      [3, 0.75],
      [1, 0.25],
    ]);
    expect(sheetRows(book.getWorksheet('Activities')!).find((a) => a.ref === rich.a1.id)).toMatchObject({ progress: 60, spent: 150_000, status: 'ACTIVE' });
  });

  it('writes numbers and money as numeric cells, dates as date cells formatted yyyy-mm-dd', async () => {
    const book = await readWorkbook((await get(`/exports/plans/${world.planA.id}.xlsx`, world.tokens.boardA)).body);
    const activities = book.getWorksheet('Activities')!;
    const header = headerRow(activities);
    const row = activities.getRow(2);
    const budget = row.getCell(header.indexOf('budget') + 1);
    expect(typeof budget.value).toBe('number');
    const start = row.getCell(header.indexOf('startDate') + 1);
    expect(start.value).toBeInstanceOf(Date);
    expect(start.numFmt).toBe('yyyy-mm-dd');
    expect(typeof row.getCell(header.indexOf('isStale') + 1).value).toBe('boolean');
    // A note that looks like a formula stays text.
    const measurements = sheetRows(book.getWorksheet('Measurements')!);
    expect(measurements.map((m) => m.note)).toContain('=SUM(A1)');
  });

  it('has Danish sheet names and headers with ?lang=da', async () => {
    const book = await readWorkbook((await get(`/exports/plans/${world.planA.id}.xlsx?lang=da`, world.tokens.projectA)).body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Mål', 'Indikatorer', 'Målinger', 'Aktiviteter', 'Koblinger', 'Statusregistreringer']);
    expect(headerRow(book.getWorksheet('Mål')!)).toEqual(['Reference', 'Overordnet reference', 'Type', 'Titel', 'Beskrivelse', 'Fokusområde', 'Fremdrift', 'Budget', 'Forbrug']);
    expect(headerRow(book.getWorksheet('Koblinger')!)).toEqual(['Aktivitetsreference', 'Målreference', 'Vægt', 'Andel', 'Begrundelse']);
    expect(sheetRows(book.getWorksheet('Mål')!).length).toBe(4);
  });

  it('is refused like GraphQL: 401 without a valid token, 404 outside the scope, 400 for a bad lang', async () => {
    const anonymous = await get(`/exports/plans/${world.planA.id}.xlsx`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.json.error.code).toBe('UNAUTHENTICATED');
    expect((await get(`/exports/plans/${world.planA.id}.xlsx`, 'not-a-token')).json.error.code).toBe('UNAUTHENTICATED');
    for (const token of [world.tokens.projectB]) {
      const foreign = await get(`/exports/plans/${world.planA.id}.xlsx`, token);
      expect(foreign.status).toBe(404);
      expect(foreign.json).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringContaining(world.planA.id) } });
      expect((await get(`/exports/plans/${world.planA.id}/goals.csv`, token)).status).toBe(404);
    }
    expect((await get(`/exports/plans/00000000-0000-0000-0000-000000000000.xlsx`, world.tokens.admin)).status).toBe(404);
    expect((await get(`/exports/plans/nonsense.xlsx`, world.tokens.admin)).status).toBe(404);
    const badLang = await get(`/exports/plans/${world.planA.id}.xlsx?lang=fr`, world.tokens.admin);
    expect(badLang.status).toBe(400);
    expect(badLang.json.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'lang' });
    // The area secretariat reads plan A (its own), not plan B.
    expect((await get(`/exports/plans/${world.planA.id}.xlsx`, world.tokens.area)).status).toBe(200);
    expect((await get(`/exports/plans/${world.planB.id}.xlsx`, world.tokens.area)).status).toBe(404);
  });
});

describe('GET /exports/plans/{planId}/{table}.csv', () => {
  function parseCsv(text: string): string[][] {
    // RFC 4180 as the test reads it: quoted fields may hold commas, quotes ("") and line breaks.
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (quoted) {
        if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
        else if (c === '"') quoted = false;
        else field += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') row.push(field), (field = '');
      else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
      else field += c;
    }
    if (field || row.length) row.push(field), rows.push(row);
    return rows;
  }
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

  it('gives each table with a BOM, the sheet columns, RFC 4180 quoting and the same values', async () => {
    const expected = expectedPlanSheets(graphqlPlan);
    const cases: [string, any[], string[]][] = [
      ['goals', expected.goals, ['ref', 'parentRef', 'kind', 'title', 'description', 'focusArea', 'progress', 'budget', 'spent']],
      ['indicators', expected.indicators, Object.keys(expected.indicators[0])],
      ['measurements', expected.measurements, ['indicatorRef', 'measuredOn', 'value', 'note']],
      ['activities', expected.activities, Object.keys(expected.activities[0])],
      ['links', expected.links, ['activityRef', 'goalRef', 'weight', 'share', 'rationale']],
      ['progress-entries', expected.entries, Object.keys(expected.entries[0])],
    ];
    for (const [table, rows, columns] of cases) {
      const download = await get(`/exports/plans/${world.planA.id}/${table}.csv`, world.tokens.projectA);
      expect(download.status).toBe(200);
      expect(download.contentType).toBe('text/csv; charset=utf-8');
      expect([...download.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...body] = parseCsv(download.body.subarray(3).toString('utf8'));
      expect(header).toEqual(columns);
      expect(body).toEqual(
        rows.map((row) => columns.map((c) => (c === 'note' && row[c] === '=SUM(A1)' ? "'=SUM(A1)" : text(row[c])))),
      );
    }
    const goals = (await get(`/exports/plans/${world.planA.id}/goals.csv`, world.tokens.projectA)).body.toString('utf8');
    expect(goals).toContain('"Tryghed, ""citeret"", med komma"');
    expect(goals).toContain('"Linje 1\nLinje 2"');
  });

  it('has Danish headers with ?lang=da and answers 404 for an unknown table', async () => {
    const download = await get(`/exports/plans/${world.planA.id}/links.csv?lang=da`, world.tokens.projectA);
    expect(download.body.subarray(3).toString('utf8').split('\r\n')[0]).toBe('Aktivitetsreference,Målreference,Vægt,Andel,Begrundelse');
    const unknown = await get(`/exports/plans/${world.planA.id}/users.csv`, world.tokens.projectA);
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('NOT_FOUND');
  });
});

const PORTFOLIO_QUERY = `query($poolId: ID) { nationalRollup(poolId: $poolId) {
  planCount byFocusArea { focusArea { id name pool { name } } activityCount budget progress }
  byMunicipality { municipality { id name code } planCount lbfGrant progress } plansNeedingAttention { id } } }`;

function expectedPlanRow(plan: any, attention: Set<string>) {
  return {
    planId: plan.id,
    title: plan.title,
    pool: plan.pool.name,
    municipality: plan.municipality.name,
    municipalityCode: plan.municipality.code,
    areaSecretariat: plan.areaSecretariat?.name ?? null,
    status: plan.status,
    startDate: plan.startDate,
    endDate: plan.endDate,
    lbfGrant: plan.lbfGrant,
    localCofinancing: plan.localCofinancing,
    cofinancingShare: plan.rollup.cofinancingShare,
    cofinancingBelowMinimum: plan.rollup.cofinancingBelowMinimum,
    activityCount: plan.rollup.activityCount,
    budget: plan.rollup.budget,
    spent: plan.rollup.spent,
    progress: plan.rollup.progress,
    goalsWithoutActivities: plan.rollup.goalsWithoutActivities.length,
    activitiesWithoutGoals: plan.rollup.activitiesWithoutGoals.length,
    goalsWithoutIndicators: plan.rollup.goalsWithoutIndicators.length,
    staleActivities: plan.rollup.staleActivities.length,
    needsAttention: attention.has(plan.id),
    lateReports: plan.reportingPeriods.filter((p: { isLate: boolean }) => p.isLate).length,
  };
}

describe('GET /exports/national.xlsx and /exports/area-secretariats/{id}.xlsx', () => {
  it('gives LBF every plan of the pool with its roll-up, focus areas, municipalities and activities, as GraphQL does', async () => {
    const download = await get(`/exports/national.xlsx?poolId=${world.pool.id}`, world.tokens.lbf);
    expect(download.status).toBe(200);
    const book = await readWorkbook(download.body);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Plans', 'FocusAreas', 'Municipalities', 'Activities']);
    const national = (await app.client.ok(PORTFOLIO_QUERY, { poolId: world.pool.id }, world.tokens.lbf)).nationalRollup;
    const attention = new Set<string>(national.plansNeedingAttention.map((p: { id: string }) => p.id));
    const plans = await Promise.all(
      [world.planA, world.planB].sort((a, b) => (a.title < b.title ? -1 : 1)).map(async (p) => (await app.client.ok(PLAN_QUERY, { id: p.id }, world.tokens.lbf)).plan),
    );
    expect(plain(sheetRows(book.getWorksheet('Plans')!), ['startDate', 'endDate'])).toEqual(plans.map((p) => expectedPlanRow(p, attention)));
    const planARow = sheetRows(book.getWorksheet('Plans')!).find((p) => p.planId === world.planA.id)!;
    expect(planARow).toMatchObject({ budget: 1_550_000, spent: 150_000, activityCount: 3, activitiesWithoutGoals: 1 });
    expect(planARow.progress).toBeCloseTo(80 / 3, 12);
    // Plan A runs 2023-2026 (tests/factories/inputs.ts), ACTIVE, nothing reported: each year is late
    // from 1 July of the next.
    const today = new Date().toISOString().slice(0, 10);
    expect(planARow.lateReports).toBe([2023, 2024, 2025, 2026].filter((year) => today > `${year + 1}-06-30`).length);

    expect(sheetRows(book.getWorksheet('FocusAreas')!)).toEqual(
      national.byFocusArea.map((f: any) => ({
        focusAreaId: f.focusArea.id,
        focusArea: f.focusArea.name,
        pool: f.focusArea.pool.name,
        activityCount: f.activityCount,
        budget: f.budget,
        progress: f.progress,
      })),
    );
    expect(sheetRows(book.getWorksheet('Municipalities')!)).toEqual(
      national.byMunicipality.map((m: any) => ({
        municipalityId: m.municipality.id,
        municipality: m.municipality.name,
        code: m.municipality.code,
        planCount: m.planCount,
        lbfGrant: m.lbfGrant,
        progress: m.progress,
      })),
    );
    expect(plain(sheetRows(book.getWorksheet('Activities')!), ['startDate', 'endDate'])).toEqual(
      plans.flatMap((p) =>
        p.activities.map((a: any) => ({
          activityId: a.id,
          planId: p.id,
          plan: p.title,
          title: a.title,
          status: a.status,
          responsibleParty: a.responsibleParty,
          focusArea: a.focusArea?.name ?? null,
          startDate: a.startDate,
          endDate: a.endDate,
          budget: a.budget,
          progress: a.progress,
          spent: a.spent,
          isStale: a.isStale,
        })),
      ),
    );
  });

  it('is for ADMIN and LBF only: 403 for others, 404 for an unknown pool, Danish with ?lang=da', async () => {
    for (const token of [world.tokens.area, world.tokens.projectA, world.tokens.boardA]) {
      const refused = await get('/exports/national.xlsx', token);
      expect(refused.status).toBe(403);
      expect(refused.json.error.code).toBe('FORBIDDEN');
    }
    const unknownPool = await get('/exports/national.xlsx?poolId=00000000-0000-0000-0000-000000000000', world.tokens.lbf);
    expect(unknownPool.status).toBe(404);
    expect(unknownPool.json.error).toMatchObject({ code: 'NOT_FOUND', field: 'poolId' });
    const all = await readWorkbook((await get('/exports/national.xlsx?lang=da', world.tokens.admin)).body);
    expect(all.worksheets.map((s) => s.name)).toEqual(['Planer', 'Fokusområder', 'Kommuner', 'Aktiviteter']);
    expect(headerRow(all.getWorksheet('Planer')!)[0]).toBe('Plan-id');
  });

  it('gives an area secretariat its own plans only, and a plan user only its plan within it', async () => {
    const own = await readWorkbook((await get(`/exports/area-secretariats/${world.areaSecretariatId}.xlsx`, world.tokens.area)).body);
    expect(sheetRows(own.getWorksheet('Plans')!).map((p) => p.planId)).toEqual([world.planA.id]);
    expect(new Set(sheetRows(own.getWorksheet('Activities')!).map((a) => a.planId))).toEqual(new Set([world.planA.id]));
    const area = (
      await app.client.ok(
        `query($id: ID!) { areaSecretariat(id: $id) { rollup { byFocusArea { focusArea { id } activityCount budget progress } } } }`,
        { id: world.areaSecretariatId },
        world.tokens.area,
      )
    ).areaSecretariat;
    expect(sheetRows(own.getWorksheet('FocusAreas')!).map((f) => [f.focusAreaId, f.activityCount, f.budget, f.progress])).toEqual(
      area.rollup.byFocusArea.map((f: any) => [f.focusArea.id, f.activityCount, f.budget, f.progress]),
    );
    expect((await get(`/exports/area-secretariats/${world.areaSecretariatId}.xlsx`, world.tokens.projectA)).status).toBe(200);
    const foreign = await get(`/exports/area-secretariats/${world.areaSecretariatId}.xlsx`, world.tokens.projectB);
    expect(foreign.status).toBe(404);
    expect(foreign.json.error.code).toBe('NOT_FOUND');
  });
});
