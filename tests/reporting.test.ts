import pg from 'pg';
import { todayUtc } from '../src/common/clock.js';
import { reportingPeriods } from '../src/reporting/reporting-periods.js';
import { createGoal, createIndicator } from './factories/plan.factory.js';
import { createAreaSecretariat, createPool } from './factories/registry.factory.js';
import { reportingPlan, THIS_YEAR } from './factories/reporting.factory.js';
import { userWithToken } from './factories/user.factory.js';
import { buildWorld, type World } from './factories/world.js';
import { expectError } from './helpers/expect-error.js';
import { ANNUAL_REPORT, APPROVE, AUDIT, PERIODS, RETURN, SUBMIT } from './helpers/reporting-operations.js';
import { UPDATE_PLAN } from './helpers/operations.js';
import { startTestApp, type TestApp } from './helpers/test-app.js';

/**
 * Annual reporting: the periods of a plan, the cycle OPEN → SUBMITTED → APPROVED / RETURNED and who
 * may move it, the audit trail of every transition, and periods that follow the plan's dates.
 * Plans run from THIS_YEAR - 3 to THIS_YEAR + 1, so three periods have ended whatever the day.
 */
let app: TestApp;
let world: World;
let db: pg.Client;
const Y = THIS_YEAR;
const today = todayUtc();

beforeAll(async () => {
  app = await startTestApp();
  world = await buildWorld(app.client, app.adminToken);
  db = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db?.end();
  await app?.stop();
});

const refs = () => ({
  poolId: world.pool.id,
  municipalityId: world.municipalityId,
  housingOrganisationIds: [world.housingOrganisationId],
  areaSecretariatId: world.areaSecretariatId,
});

/** A fresh plan of the area secretariat, with its own project secretariat. */
const plan = (input: Record<string, unknown> = {}) => reportingPlan(app.client, app.adminToken, refs(), input);

const periods = async (planId: string, token = app.adminToken) => (await app.client.ok(PERIODS, { id: planId }, token)).plan.reportingPeriods;
const submit = (input: Record<string, unknown>, token: string) => app.client.request(SUBMIT, { input }, token);
const approve = (input: Record<string, unknown>, token: string) => app.client.request(APPROVE, { input }, token);
const giveBack = (input: Record<string, unknown>, token: string) => app.client.request(RETURN, { input }, token);

describe('reporting periods', () => {
  it('has one per calendar year, clamped to the plan’s dates, due 30 June of the next year', async () => {
    const { id } = await plan({ startDate: `${Y - 2}-03-15`, endDate: `${Y + 1}-09-30` });
    expect((await periods(id)).map(({ year, startDate, endDate, dueDate, status }: any) => ({ year, startDate, endDate, dueDate, status }))).toEqual([
      { year: Y - 2, startDate: `${Y - 2}-03-15`, endDate: `${Y - 2}-12-31`, dueDate: `${Y - 1}-06-30`, status: 'OPEN' },
      { year: Y - 1, startDate: `${Y - 1}-01-01`, endDate: `${Y - 1}-12-31`, dueDate: `${Y}-06-30`, status: 'OPEN' },
      { year: Y, startDate: `${Y}-01-01`, endDate: `${Y}-12-31`, dueDate: `${Y + 1}-06-30`, status: 'OPEN' },
      { year: Y + 1, startDate: `${Y + 1}-01-01`, endDate: `${Y + 1}-09-30`, dueDate: `${Y + 2}-06-30`, status: 'OPEN' },
    ]);
  });

  it('are the periods the period arithmetic gives, for short, leap-day and one-day plans', async () => {
    for (const [startDate, endDate] of [
      ['2024-02-29', '2028-02-29'],
      ['2023-12-31', '2024-01-01'],
      ['2025-06-30', '2025-06-30'],
      ['2019-07-01', '2026-06-30'],
    ]) {
      const { id } = await plan({ startDate, endDate });
      const fromSql = (await periods(id)).map(({ year, startDate, endDate, dueDate }: any) => ({ year, startDate, endDate, dueDate }));
      expect(fromSql).toEqual(reportingPeriods({ startDate, endDate }));
    }
  });

  it('is one period for a plan within one year', async () => {
    const { id } = await plan({ startDate: `${Y - 1}-02-01`, endDate: `${Y - 1}-11-30` });
    expect((await periods(id)).map((p: any) => [p.year, p.startDate, p.endDate])).toEqual([[Y - 1, `${Y - 1}-02-01`, `${Y - 1}-11-30`]]);
  });

  it('follows the plan’s end date; a stored status of a year that leaves the plan is kept and comes back with it', async () => {
    const p = await plan();
    expect((await submit({ planId: p.id, year: Y - 1 }, p.secretariat)).errors).toBeUndefined();
    expect((await periods(p.id)).map((x: any) => x.year)).toEqual([Y - 3, Y - 2, Y - 1, Y, Y + 1]);

    // LBF moves the end into Y - 2: the periods of Y - 1 and later are gone, with the report of Y - 1.
    await app.client.ok(UPDATE_PLAN, { input: { id: p.id, endDate: `${Y - 2}-06-30` } }, world.tokens.lbf);
    const shortened = await periods(p.id);
    expect(shortened.map((x: any) => [x.year, x.endDate, x.status])).toEqual([
      [Y - 3, `${Y - 3}-12-31`, 'OPEN'],
      [Y - 2, `${Y - 2}-06-30`, 'OPEN'],
    ]);
    expectError(await app.client.request(ANNUAL_REPORT, { planId: p.id, year: Y - 1 }, app.adminToken), 'BAD_USER_INPUT', 'year');
    expectError(await submit({ planId: p.id, year: Y - 1 }, p.secretariat), 'BAD_USER_INPUT', 'year');
    // The shortened last period has ended and can be reported on.
    expect((await submit({ planId: p.id, year: Y - 2 }, p.secretariat)).data!.submitAnnualReport.endDate).toBe(`${Y - 2}-06-30`);

    // Back to the old end: Y - 1 returns SUBMITTED, with its events; Y and Y + 1 are open again.
    await app.client.ok(UPDATE_PLAN, { input: { id: p.id, endDate: `${Y + 1}-12-31` } }, world.tokens.lbf);
    const restored = await periods(p.id);
    expect(restored.map((x: any) => [x.year, x.status])).toEqual([
      [Y - 3, 'OPEN'],
      [Y - 2, 'SUBMITTED'],
      [Y - 1, 'SUBMITTED'],
      [Y, 'OPEN'],
      [Y + 1, 'OPEN'],
    ]);
    // The Y - 2 report was submitted when the year ended 30 June: it stays as submitted.
    const report = (await app.client.ok(ANNUAL_REPORT, { planId: p.id, year: Y - 2 }, app.adminToken)).annualReport;
    expect(report.asOf).toBe(`${Y - 2}-06-30`);
    expect(report.period.endDate).toBe(`${Y - 2}-12-31`);
    expect(restored[2].events.map((e: any) => e.action)).toEqual(['SUBMITTED']);
  });
});

describe('the cycle', () => {
  it('goes OPEN → SUBMITTED → RETURNED → SUBMITTED → APPROVED → RETURNED, with an event for each step', async () => {
    const p = await plan();
    const input = { planId: p.id, year: Y - 1 };
    const submitted = (await submit({ ...input, comment: '  Året gik godt  ' }, p.secretariat)).data!.submitAnnualReport;
    expect(submitted).toMatchObject({ year: Y - 1, status: 'SUBMITTED', isLate: false, submittedBy: { id: p.secretariatId }, plan: { id: p.id } });
    expect(Date.parse(submitted.submittedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(submitted.events).toEqual([{ action: 'SUBMITTED', at: submitted.submittedAt, comment: 'Året gik godt', by: { id: p.secretariatId } }]);

    const returned = (await giveBack({ ...input, comment: 'Indikatoren for tryghed mangler en kommentar' }, world.tokens.lbf)).data!.returnAnnualReport;
    expect(returned.status).toBe('RETURNED');
    expect(returned.submittedAt).toBe(submitted.submittedAt);
    expect(returned.events.map((e: any) => [e.action, e.comment])).toEqual([
      ['SUBMITTED', 'Året gik godt'],
      ['RETURNED', 'Indikatoren for tryghed mangler en kommentar'],
    ]);

    const again = (await submit({ ...input, comment: 'Rettet' }, p.secretariat)).data!.submitAnnualReport;
    expect(again.status).toBe('SUBMITTED');
    expect(Date.parse(again.submittedAt)).toBeGreaterThan(Date.parse(submitted.submittedAt));

    const approved = (await approve(input, world.tokens.lbf)).data!.approveAnnualReport;
    expect(approved.status).toBe('APPROVED');
    expect(approved.events.map((e: any) => [e.action, e.comment])).toEqual([
      ['SUBMITTED', 'Året gik godt'],
      ['RETURNED', 'Indikatoren for tryghed mangler en kommentar'],
      ['SUBMITTED', 'Rettet'],
      ['APPROVED', null],
    ]);

    // LBF reopens an approved year by returning it.
    const reopened = (await giveBack({ ...input, comment: 'Genåbnet: regnskabet er ændret' }, app.adminToken)).data!.returnAnnualReport;
    expect(reopened.status).toBe('RETURNED');
    const events = reopened.events;
    expect(events.map((e: any) => e.action)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'APPROVED', 'RETURNED']);
    expect(events.map((e: any) => Date.parse(e.at))).toEqual([...events.map((e: any) => Date.parse(e.at))].sort((a, b) => a - b));
    // The other years did not move.
    expect((await periods(p.id)).map((x: any) => x.status)).toEqual(['OPEN', 'OPEN', 'RETURNED', 'OPEN', 'OPEN']);
  });

  it('refuses every other transition with CONFLICT and changes nothing', async () => {
    const p = await plan();
    const input = { planId: p.id, year: Y - 1 };
    const admin = app.adminToken;
    // From OPEN: only a submission.
    expectError(await approve(input, admin), 'CONFLICT');
    expectError(await giveBack({ ...input, comment: 'x' }, admin), 'CONFLICT');
    await app.client.ok(SUBMIT, { input }, p.secretariat);
    // From SUBMITTED: no second submission.
    expectError(await submit(input, p.secretariat), 'CONFLICT');
    await app.client.ok(RETURN, { input: { ...input, comment: 'Ret venligst' } }, admin);
    // From RETURNED: no approval and no second return.
    expectError(await approve(input, admin), 'CONFLICT');
    expectError(await giveBack({ ...input, comment: 'Igen' }, admin), 'CONFLICT');
    await app.client.ok(SUBMIT, { input }, p.secretariat);
    await app.client.ok(APPROVE, { input }, admin);
    // From APPROVED: no submission, no second approval.
    const conflict = expectError(await submit(input, admin), 'CONFLICT');
    expect(conflict.message).toContain(`${Y - 1}`);
    expectError(await approve(input, admin), 'CONFLICT');
    const [period] = (await periods(p.id)).filter((x: any) => x.year === Y - 1);
    expect(period.status).toBe('APPROVED');
    expect(period.events.map((e: any) => e.action)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'APPROVED']);
  });

  it('takes concurrent transitions of one year one at a time', async () => {
    const p = await plan();
    const input = { planId: p.id, year: Y - 1 };
    const results = await Promise.all([submit(input, p.secretariat), submit(input, app.adminToken), submit(input, p.secretariat)]);
    expect(results.filter((r) => r.data).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.code === 'CONFLICT').length).toBe(2);
    const approvals = await Promise.all([approve(input, world.tokens.lbf), approve(input, app.adminToken)]);
    expect(approvals.filter((r) => r.data).length).toBe(1);
    const returns = await Promise.all([giveBack({ ...input, comment: 'Nej' }, world.tokens.lbf), giveBack({ ...input, comment: 'Nej' }, app.adminToken)]);
    expect(returns.filter((r) => r.data).length).toBe(1);
    const [period] = (await periods(p.id)).filter((x: any) => x.year === Y - 1);
    expect(period.events.map((e: any) => e.action)).toEqual(['SUBMITTED', 'APPROVED', 'RETURNED']);
    const { rows } = await db.query('SELECT count(*)::int AS n FROM reporting_submissions WHERE plan_id = $1', [p.id]);
    expect(rows[0].n).toBe(1);
  });

  it('audits every transition', async () => {
    const p = await plan();
    const input = { planId: p.id, year: Y - 2 };
    await app.client.ok(SUBMIT, { input: { ...input, comment: 'Årsrapport' } }, p.secretariat);
    await app.client.ok(RETURN, { input: { ...input, comment: 'Mangler regnskab' } }, world.tokens.lbf);
    await app.client.ok(SUBMIT, { input }, p.secretariat);
    await app.client.ok(APPROVE, { input: { ...input, comment: 'Fint' } }, world.tokens.lbf);
    const trail = (await app.client.ok(AUDIT, { filter: { entity: 'ReportingPeriod', entityId: `${p.id}:${Y - 2}` } }, app.adminToken)).auditEvents;
    const nodes = trail.edges.map((e: any) => e.node).reverse(); // oldest first
    expect(nodes.map((n: any) => [n.operation, JSON.parse(n.before).status, JSON.parse(n.after).status, n.plan.id])).toEqual([
      ['submitAnnualReport', 'OPEN', 'SUBMITTED', p.id],
      ['returnAnnualReport', 'SUBMITTED', 'RETURNED', p.id],
      ['submitAnnualReport', 'RETURNED', 'SUBMITTED', p.id],
      ['approveAnnualReport', 'SUBMITTED', 'APPROVED', p.id],
    ]);
    expect(nodes.map((n: any) => n.actor.id)).toEqual([p.secretariatId, expect.any(String), p.secretariatId, expect.any(String)]);
    expect(JSON.parse(nodes[1].after).comment).toBe('Mangler regnskab');
    expect(JSON.parse(nodes[0].after)).toMatchObject({ year: Y - 2, comment: 'Årsrapport', indicatorComments: {}, submissionId: expect.any(String) });
  });
});

describe('submitting', () => {
  it('needs the period to have ended and the year to be one of the plan’s', async () => {
    const p = await plan();
    const running = expectError(await submit({ planId: p.id, year: Y }, p.secretariat), 'BAD_USER_INPUT', 'year');
    expect(running.message).toContain(`from ${Y + 1}-01-01`);
    expectError(await submit({ planId: p.id, year: Y + 1 }, p.secretariat), 'BAD_USER_INPUT', 'year');
    expectError(await submit({ planId: p.id, year: Y - 4 }, p.secretariat), 'BAD_USER_INPUT', 'year');
    expectError(await submit({ planId: p.id, year: 0 }, p.secretariat), 'BAD_USER_INPUT', 'year');
    // A plan that ends in the middle of a year can be reported on from the day after its end.
    const ended = await plan({ startDate: `${Y - 1}-01-01`, endDate: `${Y - 1}-08-31` });
    expect((await submit({ planId: ended.id, year: Y - 1 }, ended.secretariat)).data!.submitAnnualReport.status).toBe('SUBMITTED');
    expect((await periods(p.id)).every((x: any) => x.status === 'OPEN')).toBe(true);
  });

  it('keeps the secretariat’s comments, one per indicator of the plan', async () => {
    const p = await plan();
    const goal = await createGoal(app.client, p.secretariat, { planId: p.id, kind: 'OVERALL' });
    const [first, second] = [await createIndicator(app.client, p.secretariat, { goalId: goal.id }), await createIndicator(app.client, p.secretariat, { goalId: goal.id })];
    const foreignGoal = await createGoal(app.client, world.tokens.projectB, { planId: world.planB.id, kind: 'OVERALL' });
    const foreign = await createIndicator(app.client, world.tokens.projectB, { goalId: foreignGoal.id });
    const input = { planId: p.id, year: Y - 1 };

    for (const indicatorComments of [
      [{ indicatorId: foreign.id, comment: 'Ikke vores' }],
      [{ indicatorId: 'not-an-id', comment: 'Hvad' }],
      [{ indicatorId: '00000000-0000-4000-8000-000000000000', comment: 'Findes ikke' }],
      [{ indicatorId: first.id, comment: 'En' }, { indicatorId: first.id.toUpperCase(), comment: 'To' }],
    ]) {
      expectError(await submit({ ...input, indicatorComments }, p.secretariat), 'BAD_USER_INPUT', 'indicatorComments');
    }
    expectError(await submit({ ...input, indicatorComments: [{ indicatorId: first.id, comment: '   ' }] }, p.secretariat), 'BAD_USER_INPUT', 'indicatorComments');
    expectError(await submit({ ...input, comment: 'x'.repeat(10_001) }, p.secretariat), 'BAD_USER_INPUT', 'comment');
    expect((await periods(p.id)).find((x: any) => x.year === Y - 1).status).toBe('OPEN');

    await app.client.ok(SUBMIT, { input: { ...input, comment: 'Samlet vurdering', indicatorComments: [{ indicatorId: first.id, comment: ' Målt i marts ' }] } }, p.secretariat);
    const report = (await app.client.ok(ANNUAL_REPORT, input, p.secretariat)).annualReport;
    expect(report.comment).toBe('Samlet vurdering');
    expect(report.indicators.map((i: any) => [i.indicator.id, i.comment])).toEqual([
      [first.id, 'Målt i marts'],
      [second.id, null],
    ]);
  });
});

describe('who may', () => {
  it('lets the plan’s readers read its reports and periods, and keeps everyone else out', async () => {
    const input = { planId: world.planA.id, year: 2024 };
    for (const token of [app.adminToken, world.tokens.lbf, world.tokens.area, world.tokens.projectA, world.tokens.boardA]) {
      expect((await app.client.ok(ANNUAL_REPORT, input, token)).annualReport.period.year).toBe(2024);
      expect(await periods(world.planA.id, token)).toHaveLength(4);
    }
    expectError(await app.client.request(ANNUAL_REPORT, input, world.tokens.projectB), 'NOT_FOUND', 'planId');
    expectError(await app.client.request(ANNUAL_REPORT, { planId: world.planB.id, year: 2024 }, world.tokens.area), 'NOT_FOUND', 'planId');
    expectError(await app.client.request(ANNUAL_REPORT, { ...input, planId: 'nope' }, app.adminToken), 'NOT_FOUND', 'planId');
    expectError(await app.client.request(ANNUAL_REPORT, { ...input, year: 2030 }, app.adminToken), 'BAD_USER_INPUT', 'year');
    expect((await app.client.request(ANNUAL_REPORT, input)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets only ADMIN and the plan’s project secretariat submit: readers get FORBIDDEN, others NOT_FOUND', async () => {
    // planA and planB run 2023-2026 (tests/factories/inputs.ts).
    const a = { planId: world.planA.id, year: 2023 };
    for (const token of [world.tokens.lbf, world.tokens.area, world.tokens.boardA]) expectError(await submit(a, token), 'FORBIDDEN');
    expectError(await submit(a, world.tokens.projectB), 'NOT_FOUND', 'planId');
    expectError(await submit({ planId: world.planB.id, year: 2023 }, world.tokens.projectA), 'NOT_FOUND', 'planId');
    expectError(await submit({ planId: world.planB.id, year: 2023 }, world.tokens.area), 'NOT_FOUND', 'planId');
    expect((await periods(world.planA.id)).map((x: any) => x.status)).toEqual(['OPEN', 'OPEN', 'OPEN', 'OPEN']);
    expect((await submit(a, world.tokens.projectA)).data!.submitAnnualReport.status).toBe('SUBMITTED');
    expect((await submit({ ...a, year: 2024 }, app.adminToken)).data!.submitAnnualReport.status).toBe('SUBMITTED');
  });

  it('lets only ADMIN and LBF approve and return', async () => {
    const p = await plan();
    const input = { planId: p.id, year: Y - 3 };
    await app.client.ok(SUBMIT, { input }, p.secretariat);
    const board = (await userWithToken(app.client, app.adminToken, 'BOARD_MEMBER', { planId: p.id })).token;
    for (const token of [p.secretariat, board, world.tokens.area]) {
      expectError(await approve(input, token), 'FORBIDDEN');
      expectError(await giveBack({ ...input, comment: 'Nej' }, token), 'FORBIDDEN');
    }
    for (const token of [world.tokens.projectA, world.tokens.boardA, world.tokens.projectB]) {
      expectError(await approve(input, token), 'NOT_FOUND', 'planId');
      expectError(await giveBack({ ...input, comment: 'Nej' }, token), 'NOT_FOUND', 'planId');
    }
    // A return needs a comment; bad input is refused before the state is looked at.
    expectError(await giveBack(input, world.tokens.lbf), 'BAD_USER_INPUT', 'comment');
    expectError(await giveBack({ ...input, comment: '  ' }, world.tokens.lbf), 'BAD_USER_INPUT', 'comment');
    expectError(await approve({ ...input, year: Y + 5 }, world.tokens.lbf), 'BAD_USER_INPUT', 'year');
    expect((await periods(p.id))[0].status).toBe('SUBMITTED');
    expect((await approve({ ...input, comment: 'Godkendt' }, world.tokens.lbf)).data!.approveAnnualReport.events.at(-1).comment).toBe('Godkendt');
    expect((await giveBack({ ...input, comment: 'Genåbnet' }, app.adminToken)).data!.returnAnnualReport.status).toBe('RETURNED');
  });
});

describe('late reports', () => {
  /** A pool of its own, so that the national roll-up filtered to it shows these plans only. */
  let own: { poolId: string; secretariatId: string; plans: Record<string, { id: string; title: string; secretariat: string }> };

  const LATE = `query($poolId: ID) { nationalRollup(poolId: $poolId) { lateReports { plan { id title } year dueDate status isLate } } }`;
  const AREA_LATE = `query($id: ID!) { areaSecretariat(id: $id) { rollup { lateReports { plan { id } year status } } } }`;

  beforeAll(async () => {
    const pool = await createPool(app.client, app.adminToken);
    const secretariat = await createAreaSecretariat(app.client, app.adminToken);
    const base = { poolId: pool.id, municipalityId: world.municipalityId, housingOrganisationIds: [world.housingOrganisationId] };
    // Two years due: Y - 1 (due 30 June Y, passed or not depending on the day) and Y - 2 (due 30 June Y - 1, passed).
    const dates = { startDate: `${Y - 2}-01-01`, endDate: `${Y + 1}-12-31` };
    const make = (title: string, input: Record<string, unknown>) =>
      reportingPlan(app.client, app.adminToken, { ...base, areaSecretariatId: secretariat.id }, { ...dates, title, ...input });
    own = {
      poolId: pool.id,
      secretariatId: secretariat.id,
      plans: {
        active: await make('B aktiv', {}),
        completed: await make('A afsluttet', { status: 'COMPLETED' }),
        draft: await make('C kladde', { status: 'DRAFT' }),
        cancelled: await make('D annulleret', { status: 'CANCELLED' }),
        unattached: await reportingPlan(app.client, app.adminToken, base, { ...dates, title: 'E uden sekretariat' }),
      },
    };
    const { active, completed } = own.plans;
    // active: Y - 2 submitted, so not late; completed: Y - 2 returned, so late again.
    await app.client.ok(SUBMIT, { input: { planId: active.id, year: Y - 2 } }, active.secretariat);
    await app.client.ok(SUBMIT, { input: { planId: completed.id, year: Y - 2 } }, completed.secretariat);
    await app.client.ok(RETURN, { input: { planId: completed.id, year: Y - 2, comment: 'Ret' } }, app.adminToken);
  });

  /** Y - 1 is due 30 June Y: late from 1 July on. */
  const lastYearLate = today > `${Y}-06-30`;

  it('lists the late periods of ACTIVE and COMPLETED plans, by due date, then plan title', async () => {
    const { active, completed, unattached } = own.plans;
    const { lateReports } = (await app.client.ok(LATE, { poolId: own.poolId }, world.tokens.lbf)).nationalRollup;
    const expected = [
      // Due 30 June Y - 1.
      { plan: { id: completed.id, title: 'A afsluttet' }, year: Y - 2, dueDate: `${Y - 1}-06-30`, status: 'RETURNED', isLate: true },
      { plan: { id: unattached.id, title: 'E uden sekretariat' }, year: Y - 2, dueDate: `${Y - 1}-06-30`, status: 'OPEN', isLate: true },
      // Due 30 June Y.
      ...(lastYearLate
        ? [active, completed, unattached]
            .sort((a, b) => a.title.localeCompare(b.title))
            .map((p) => ({ plan: { id: p.id, title: p.title }, year: Y - 1, dueDate: `${Y}-06-30`, status: 'OPEN', isLate: true }))
        : []),
    ];
    expect(lateReports).toEqual(expected);
  });

  it('agrees with each plan’s periods', async () => {
    const { active, completed, draft, cancelled } = own.plans;
    const late = async (id: string) => (await periods(id)).filter((x: any) => x.isLate).map((x: any) => x.year);
    expect(await late(active.id)).toEqual(lastYearLate ? [Y - 1] : []);
    expect(await late(completed.id)).toEqual(lastYearLate ? [Y - 2, Y - 1] : [Y - 2]);
    expect(await late(draft.id)).toEqual([]);
    expect(await late(cancelled.id)).toEqual([]);
  });

  it('is scoped like every other figure: an area secretariat’s plans, a plan’s own users their plan only', async () => {
    const { secretariatId } = own;
    const { completed, unattached } = own.plans;
    const area = await userWithToken(app.client, app.adminToken, 'AREA_SECRETARIAT', { areaSecretariatId: secretariatId });
    const areaLate = (await app.client.ok(AREA_LATE, { id: secretariatId }, area.token)).areaSecretariat.rollup.lateReports;
    expect(areaLate.map((l: any) => l.plan.id)).not.toContain(unattached.id);
    expect(areaLate.map((l: any) => `${l.plan.id}/${l.year}`)).toContain(`${completed.id}/${Y - 2}`);
    // The completed plan's secretariat sees its own plan in the area roll-up, and no other.
    const ownView = (await app.client.ok(AREA_LATE, { id: secretariatId }, completed.secretariat)).areaSecretariat.rollup.lateReports;
    expect(ownView.length).toBeGreaterThan(0);
    expect(ownView.every((l: any) => l.plan.id === completed.id)).toBe(true);
    // Another secretariat's user cannot reach this area at all, and the national roll-up is LBF's.
    expectError(await app.client.request(AREA_LATE, { id: secretariatId }, world.tokens.area), 'NOT_FOUND');
    expectError(await app.client.request(LATE, { poolId: own.poolId }, completed.secretariat), 'FORBIDDEN');
  });

  it('costs the same statements however many reports are late', async () => {
    const NATIONAL = `query($poolId: ID) { nationalRollup(poolId: $poolId) { planCount } }`;
    const WITH_LATE = `query($poolId: ID) { nationalRollup(poolId: $poolId) { planCount lateReports { year status plan { id title } } } }`;
    const costs = async (poolId: string) => {
      const without = await app.client.warm(NATIONAL, { poolId }, world.tokens.lbf);
      const withLate = await app.client.warm<{ nationalRollup: { lateReports: unknown[] } }>(WITH_LATE, { poolId }, world.tokens.lbf);
      return { late: withLate.data!.nationalRollup.lateReports.length, extra: withLate.statements - without.statements };
    };
    // This file's other plans are in the world's pool: far more of them are late.
    const few = await costs(own.poolId);
    const many = await costs(world.pool.id);
    expect(few.late).toBeGreaterThan(0);
    expect(many.late).toBeGreaterThan(few.late);
    // One for the late periods, one for their plans.
    expect([few.extra, many.extra]).toEqual([2, 2]);
  });
});
