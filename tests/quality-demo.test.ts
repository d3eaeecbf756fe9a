import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { startServer, type RunningServer } from '../src/server.js';
import { GraphQLClient } from './helpers/graphql-client.js';

/** Starting the embedded engine, migrating and loading the demo takes a minute or more on a busy 2-core machine. */
const DEMO_START_TIMEOUT_MS = 240_000;

/**
 * The demo's data-quality part (src/demo/demo-quality.ts, demo-story.md "Mistakes and warnings"), on
 * a fresh embedded engine as `npm start` gives it: a retracted entry and measurement in the healthy
 * plan, an overspent activity in plan 3, and the story's numbers as tests/demo.test.ts checks them.
 */
let dataDir: string;
let server: RunningServer;
let client: GraphQLClient;
let lbf: string;

/**
 * The demo's annual reports (demo-story.md, "Annual reporting"): plan 3's first report was returned
 * and never resubmitted, so it is late whatever the day; plan 2's report of last year is open, late
 * from 1 July (its due date is 30 June); plan 1 is never late.
 */
const today = new Date().toISOString().slice(0, 10);
const PLAN_2_LATE = today > `${today.slice(0, 4)}-06-30` ? ['LATE_REPORTS'] : [];

const PLAN = `query($id: ID!) { plan(id: $id) { title
  rollup { activityCount budget spent progress attentionReasons overspentActivities { title budget spent } }
  goals { parent { id } rollup { budget activityCount } indicators { name status latest { value } measurements { value retraction { reason by { email } } } } }
  activities { title budget version spent progress latestProgress { id } progressEntries { id spent retraction { reason by { email } } } } } }`;

async function plan(number: 1 | 2 | 3) {
  const { plans } = await client.ok(`{ plans { edges { node { id title } } } }`, {}, lbf);
  const titles = ['Boligsocial helhedsplan for Hasselhøj og Engvangen', 'Helhedsplan Lærkehaven', 'Boligsocial helhedsplan for Kongshøj Vænge'];
  const { id } = plans.edges.map((e: any) => e.node).find((p: any) => p.title.startsWith(titles[number - 1]));
  return (await client.ok(PLAN, { id }, lbf)).plan;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'planspor-demo-quality-'));
  server = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir }), { logger: ['error'] });
  client = new GraphQLClient(server.url);
  lbf = await client.login('lbf@planspor.demo', 'demo-lbf-2026');
}, DEMO_START_TIMEOUT_MS);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo’s mistakes and warnings', () => {
  it('keeps plan 1 healthy while its history shows a retracted entry and a retracted measurement', async () => {
    const p = await plan(1);
    expect(p.rollup).toMatchObject({ activityCount: 7, budget: 6_000_000, spent: 3_308_500, attentionReasons: [], overspentActivities: [] });
    expect(p.rollup.progress).toBeCloseTo(61.14, 2);

    const jobcafe = p.activities.find((a: any) => a.title === 'Jobcafé og virksomhedsnetværk');
    const [retracted, ...others] = [...jobcafe.progressEntries].reverse();
    expect(retracted).toMatchObject({ spent: 8_500_000, retraction: { by: { email: 'projekt@planspor.demo' } } });
    expect(retracted.retraction.reason).toContain('8.500.000 for 850.000');
    // The latest is the entry logged the first time, with its 800,000.
    expect(jobcafe).toMatchObject({ spent: 800_000, progress: 50, latestProgress: { id: others[0].id } });
    expect(others.every((e: any) => e.retraction === null)).toBe(true);

    const children = p.goals.flatMap((g: any) => g.indicators).find((i: any) => i.name === 'Børn der kommer fast i lektiecaféen');
    expect(children).toMatchObject({ status: 'ON_TRACK', latest: { value: 32 } });
    expect(children.measurements.at(-1)).toMatchObject({ value: 3.2, retraction: { by: { email: 'projekt@planspor.demo' } } });
    expect(p.goals.flatMap((g: any) => g.indicators).every((i: any) => i.status === 'ON_TRACK')).toBe(true);
  });

  it('shows plan 3’s overspent activity, re-budgeted without changing any total', async () => {
    const p = await plan(3);
    expect(p.rollup).toMatchObject({ activityCount: 5, budget: 3_150_000, spent: 1_920_000 });
    expect(p.rollup.overspentActivities).toEqual([{ title: 'Gælds- og økonomirådgivning', budget: 400_000, spent: 440_000 }]);
    expect(p.rollup.attentionReasons).toEqual(['ACTIVITIES_WITHOUT_GOALS', 'COFINANCING_BELOW_MINIMUM', 'OVERSPENT_ACTIVITIES', 'LATE_REPORTS']);
    expect(p.activities.find((a: any) => a.title === 'Ungevejledning i Kongshøj-huset')).toMatchObject({ budget: 1_300_000, version: 2 });
    // The root goal still counts 4 activities and 2,900,000 (Kulturnat serves no goal).
    expect(p.goals.find((g: any) => g.parent === null).rollup).toEqual({ activityCount: 4, budget: 2_900_000 });
  });

  it('gives LBF every reason of plans 2 and 3, and the story’s national numbers', async () => {
    const { nationalRollup } = await client.ok(
      `{ nationalRollup { activityCount budget spent progress withoutFocusArea { activityCount }
          plansNeedingAttention { title rollup { attentionReasons } } } }`,
      {},
      lbf,
    );
    expect(nationalRollup).toMatchObject({ activityCount: 17, budget: 14_250_000, spent: 7_598_500, withoutFocusArea: { activityCount: 0 } });
    expect(nationalRollup.progress).toBeCloseTo(52.71, 2);
    expect(nationalRollup.plansNeedingAttention.map((p: any) => [p.title.split(' ')[0] + ' ' + p.title.split(' ')[1], p.rollup.attentionReasons])).toEqual([
      ['Boligsocial helhedsplan', ['ACTIVITIES_WITHOUT_GOALS', 'COFINANCING_BELOW_MINIMUM', 'OVERSPENT_ACTIVITIES', 'LATE_REPORTS']],
      ['Helhedsplan Lærkehaven', ['GOALS_WITHOUT_ACTIVITIES', 'GOALS_WITHOUT_INDICATORS', 'STALE_ACTIVITIES', 'INDICATORS_OFF_TRACK', ...PLAN_2_LATE]],
    ]);
  });

  it('runs the README’s data-quality examples as written', async () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const block = (name: string) => {
      const found = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes(name));
      if (!found) throw new Error(`README has no graphql block ${name}`);
      return found;
    };
    const national = await client.ok(block('query PlansNeedingAttention'), {}, lbf);
    expect(national.nationalRollup.plansNeedingAttention).toHaveLength(2);
    const projekt = await client.login('projekt@planspor.demo', 'demo-projekt-2026');
    const history = await client.ok(block('query MyPlanHistory'), {}, projekt);
    const entries = history.me.plan.activities.flatMap((a: any) => a.progressEntries);
    expect(entries.filter((e: any) => e.retraction)).toHaveLength(1);
    // Plan 1's ended years are SUBMITTED or APPROVED (demo-story.md, "Annual reporting"): an entry dated
    // in them cannot be retracted. Its entries lie in its last year, submitted from 3 January on.
    const { me } = await client.ok(`{ me { plan { activities { id } reportingPeriods { year status } } } }`, {}, projekt);
    const status = new Map(me.plan.reportingPeriods.map((p: any) => [p.year, p.status]));
    const yearOf = (e: any) => Number(e.reportedOn.slice(0, 4));
    const locked = entries.filter((e: any) => !e.retraction && ['SUBMITTED', 'APPROVED'].includes(status.get(yearOf(e)) as string));
    expect(locked.length > 0).toBe(today > `${today.slice(0, 4)}-01-02`);
    for (const entry of locked.slice(0, 1)) {
      const refused = await client.request(block('mutation RetractEntry'), { id: entry.id }, projekt);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id', year: yearOf(entry) });
    }
    // One in an open year, as the README says. Plan 1's newest entry is 10 days old: in the first days of
    // January, once last year is submitted, none is, and the secretariat logs one today to retract.
    const open =
      entries.find((e: any) => !e.retraction && status.get(yearOf(e)) === 'OPEN') ??
      (
        await client.ok(
          `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`,
          { input: { activityId: me.plan.activities[0].id, reportedOn: today, percentComplete: 60 } },
          projekt,
        )
      ).logProgress;
    const retracted = await client.ok(block('mutation RetractEntry'), { id: open.id }, projekt);
    expect(retracted.retractProgressEntry).toMatchObject({ id: open.id, retraction: { reason: 'Registreret på den forkerte aktivitet', by: { name: expect.any(String) } } });
  });
});
