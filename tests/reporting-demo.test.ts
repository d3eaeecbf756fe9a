import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { todayUtc } from '../src/common/clock.js';
import { loadConfig } from '../src/config/config.js';
import { DEMO_RETURN_COMMENT } from '../src/demo/demo-reporting.js';
import { startServer, type RunningServer } from '../src/server.js';
import { GraphQLClient } from './helpers/graphql-client.js';
import { ANNUAL_REPORT, RETURN } from './helpers/reporting-operations.js';

/** Starting the embedded engine, migrating and loading the demo takes a minute or more on a busy 2-core machine. */
const DEMO_START_TIMEOUT_MS = 240_000;

/**
 * The annual reporting cycle in the demo data (src/demo/demo-story.md, "Annual reporting"), and the
 * README's "a secretariat submitting its year and LBF approving it", run as written against it.
 */
let dataDir: string;
let server: RunningServer;
let client: GraphQLClient;
const tokens: Record<string, string> = {};
const today = todayUtc();
const Y = Number(today.slice(0, 4));

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const PASSWORDS = new Map([...README.matchAll(/^\| (\S+@planspor\.demo) \| (\S+) \|/gm)].map((m) => [m[1], m[2]]));

const PLANS = `{ plans(first: 10) { edges { node { id title status
  reportingPeriods { year status isLate dueDate submittedBy { email } events { action comment by { email } } }
  milestones { title dueDate completedOn isOverdue activity { title } goal { title } }
  goals { indicators { name target revisions { reason before after by { email } } } }
} } } }`;

let plans: Record<1 | 2 | 3, any>;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'planspor-reporting-demo-'));
  server = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir }), { logger: ['error'] });
  client = new GraphQLClient(server.url);
  for (const email of ['admin@planspor.demo', 'lbf@planspor.demo', 'projekt3@planspor.demo']) tokens[email] = await client.login(email, PASSWORDS.get(email)!);
  const nodes = (await client.ok(PLANS, {}, tokens['admin@planspor.demo'])).plans.edges.map((e: any) => e.node);
  const find = (part: string) => nodes.find((n: any) => n.title.includes(part));
  plans = { 1: find('Hasselhøj'), 2: find('Lærkehaven'), 3: find('Kongshøj') };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}, DEMO_START_TIMEOUT_MS);

const ended = (plan: any) => plan.reportingPeriods.filter((p: any) => p.year < Y);

describe('the demo’s annual reporting', () => {
  it('has the healthy plan’s first year approved and its last one submitted, never late', () => {
    const periods = ended(plans[1]);
    expect(periods.map((p: any) => p.year)).toEqual([Y - 2, Y - 1]);
    expect(periods[0]).toMatchObject({ status: 'APPROVED', isLate: false, submittedBy: { email: 'projekt@planspor.demo' } });
    expect(periods[0].events.map((e: any) => [e.action, e.by.email])).toEqual([
      ['SUBMITTED', 'projekt@planspor.demo'],
      ['APPROVED', 'lbf@planspor.demo'],
    ]);
    if (today > `${Y}-01-02`) expect(periods[1]).toMatchObject({ status: 'SUBMITTED', isLate: false });
    expect(plans[1].reportingPeriods.some((p: any) => p.isLate)).toBe(false);
    expect(plans[1].milestones.some((m: any) => m.isOverdue)).toBe(false);
  });

  it('has Kongshøj Vænge’s first report returned with LBF’s comment, and late', () => {
    const [first] = plans[3].reportingPeriods;
    expect(first).toMatchObject({ status: 'RETURNED', isLate: true });
    expect(first.events.map((e: any) => [e.action, e.by.email, e.comment])).toEqual([
      ['SUBMITTED', 'projekt3@planspor.demo', 'Første årsrapport for helhedsplanen.'],
      ['RETURNED', 'lbf@planspor.demo', DEMO_RETURN_COMMENT],
    ]);
    // Lærkehaven's last year is open: late once its due date, 30 June, has passed.
    const last = ended(plans[2]).at(-1);
    expect(last).toMatchObject({ year: Y - 1, status: 'OPEN', isLate: today > `${Y}-06-30` });
    expect(ended(plans[2]).slice(0, -1).every((p: any) => p.status === 'APPROVED')).toBe(true);
  });

  it('shows the late reports nationally, and the plans needing attention are still plans 2 and 3', async () => {
    const { nationalRollup } = await client.ok(
      `{ nationalRollup { lateReports { plan { title } year status } plansNeedingAttention { title } } }`,
      {},
      tokens['lbf@planspor.demo'],
    );
    const late = nationalRollup.lateReports.map((l: any) => `${l.plan.title}/${l.year}/${l.status}`);
    expect(late[0]).toBe(`${plans[3].title}/${plans[3].reportingPeriods[0].year}/RETURNED`);
    expect(late.some((l: string) => l.includes('Hasselhøj'))).toBe(false);
    expect(nationalRollup.plansNeedingAttention.map((p: any) => p.title)).toEqual([plans[3].title, plans[2].title].sort());
  });

  it('has milestones, one of them overdue, and a target changed with a reason', () => {
    expect(plans[1].milestones.map((m: any) => m.title)).toContain('Tryghedsvandring med politi og beboere');
    expect(plans[1].milestones.filter((m: any) => m.dueDate < today).every((m: any) => m.completedOn !== null)).toBe(true);
    expect(plans[2].milestones.filter((m: any) => m.isOverdue).map((m: any) => [m.title, m.activity.title])).toEqual([
      ['Koordinator for fællesspisningen ansat', 'Fællesspisning og årstidsfester'],
    ]);
    expect(plans[3].milestones.every((m: any) => m.dueDate.startsWith(`${Y + 1}-`))).toBe(true);
    const revised = plans[2].goals.flatMap((g: any) => g.indicators).filter((i: any) => i.revisions.length);
    expect(revised.map((i: any) => [i.name, i.target, JSON.parse(i.revisions[0].before), JSON.parse(i.revisions[0].after), i.revisions[0].by.email])).toEqual([
      ['Unge 15-25 år fra området sigtet for overtrædelse af straffeloven', 16, { target: 12 }, { target: 16 }, 'projekt2@planspor.demo'],
    ]);
  });

  it('stores what the app computes: the approved year’s report equals its live figures', async () => {
    const input = { planId: plans[1].id, year: Y - 2 };
    const stored = (await client.ok(ANNUAL_REPORT, input, tokens['lbf@planspor.demo'])).annualReport;
    expect(stored.activities.length).toBeGreaterThan(0);
    expect(stored.indicators.length).toBe(plans[1].goals.flatMap((g: any) => g.indicators).length);
    await client.ok(RETURN, { input: { ...input, comment: 'Genåbnet til kontrol' } }, tokens['lbf@planspor.demo']);
    const live = (await client.ok(ANNUAL_REPORT, input, tokens['lbf@planspor.demo'])).annualReport;
    // Only the milestones' isOverdue may differ: the stored ones are as of the submission day.
    const withoutOverdue = (r: any) => ({ ...r, period: { ...r.period, status: null, isLate: null }, milestones: r.milestones.map((m: any) => ({ ...m, isOverdue: null })) });
    expect(withoutOverdue(stored)).toEqual(withoutOverdue(live));
  });
});

describe('the README’s annual report', () => {
  /** The README's ```graphql block holding `operation`, with the ```json block after it. */
  function example(operation: string): { graphql: string; variables: Record<string, string> } {
    const match = new RegExp('```graphql\\n([^`]*(?:query|mutation) ' + operation + '\\b[^`]*)```\\s*(?:```json\\n([^`]*)```)?').exec(README);
    if (!match) throw new Error(`README has no graphql block with ${operation}`);
    return { graphql: match[1], variables: match[2] ? JSON.parse(match[2]) : {} };
  }
  const answers = new Map<string, any>();
  const at = (value: any, path: string) => path.split(/\.|\[(\d+)\]/).filter(Boolean).reduce((v, key) => v[key], value);

  async function run(name: string) {
    const { graphql, variables } = example(name);
    const as = /^# As (\S+)/.exec(graphql)![1];
    const resolved = Object.fromEntries(
      Object.entries(variables).map(([key, value]) => {
        const ref = /^<from (\w+): (.+)>$/.exec(value);
        return [key, ref ? at(answers.get(ref[1]), ref[2]) : value];
      }),
    );
    const data = await client.ok(graphql, resolved, await client.login(as, PASSWORDS.get(as)!));
    answers.set(name, data);
    return data;
  }

  it('runs as written: the returned report found, read, submitted again and approved', async () => {
    const found = (await run('ReturnedReport')).me.plan;
    expect(found.reportingPeriods[0]).toMatchObject({ status: 'RETURNED', isLate: true });

    const report = (await run('AnnualReport')).annualReport;
    expect(report.period.status).toBe('RETURNED');
    // The indicator LBF asked about, the one the README comments on.
    expect(report.indicators[1]).toMatchObject({ name: 'Familier der har gennemført et sprogforløb', status: 'NO_BASELINE', comment: null });

    const submitted = (await run('SubmitReport')).submitAnnualReport;
    expect(submitted).toMatchObject({ year: found.reportingPeriods[0].year, status: 'SUBMITTED', submittedBy: { name: 'Peter Kragh (projektleder, Kongshøj Vænge)' } });

    const late = (await run('LateReports')).nationalRollup.lateReports;
    expect(late.some((l: any) => l.plan.title === found.title && l.year === submitted.year)).toBe(false);

    const approved = (await run('ApproveReport')).approveAnnualReport;
    expect(approved.status).toBe('APPROVED');
    expect(approved.events.map((e: any) => e.action)).toEqual(['SUBMITTED', 'RETURNED', 'SUBMITTED', 'APPROVED']);

    const stored = (await client.ok(ANNUAL_REPORT, { planId: found.id, year: submitted.year }, tokens['projekt3@planspor.demo'])).annualReport;
    expect(stored.indicators[1].comment).toBe('Baselinen fastlægges ved sprogvurderingen i januar');
    expect(stored.comment).toBe("Rettet efter LBF's bemærkninger");
  });
});
