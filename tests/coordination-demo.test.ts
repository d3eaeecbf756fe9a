import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { dayNumber } from '../src/rollups/rollup-rules.js';
import { startServer, type RunningServer } from '../src/server.js';
import { GraphQLClient } from './helpers/graphql-client.js';

/** Starting the embedded engine, migrating and loading the demo takes a minute or more on a busy 2-core machine. */
const DEMO_START_TIMEOUT_MS = 240_000;

/**
 * The demo's coordination story (src/demo/demo-story.md, "Coordination in Områdesekretariat Aarhus
 * Vest"), on the embedded engine with demo data, as `npm start` loads it.
 */
let dataDir: string;
let server: RunningServer;
let client: GraphQLClient;
let area: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'planspor-demo-coordination-'));
  server = await startServer(loadConfig({ NODE_ENV: 'test', PORT: '0', DATA_DIR: dataDir }), { logger: ['error'] });
  client = new GraphQLClient(server.url);
  area = await client.login('omraade@planspor.demo', 'demo-omraade-2026');
}, DEMO_START_TIMEOUT_MS);
afterAll(async () => {
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const MORNING = `query { me { areaSecretariat {
  plans { title coordinationNotes { text author { email } } activities { title startDate endDate } }
  rollup { activityCount budget spent byResponsibleParty { responsibleParty activityCount budget spent progress staleCount } }
  overlaps { activityType { name } targetGroups { name } activities { title plan { title } } overlapStart overlapEnd overlapDays }
  sharedIndicators { name unit indicators { name unit status goal { plan { title } } } }
} } }`;

describe('the demo area secretariat’s morning', () => {
  let a: any;
  beforeAll(async () => {
    a = (await client.ok(MORNING, {}, area)).me.areaSecretariat;
  });

  it('shows one overlap: two mentor schemes for 13-17-year-olds', () => {
    expect(a.overlaps).toHaveLength(1);
    const [overlap] = a.overlaps;
    expect(overlap).toMatchObject({ activityType: { name: 'Mentorordning' }, targetGroups: [{ name: 'Unge 13-17 år' }] });
    expect(overlap.activities.map((x: any) => x.title)).toEqual(['Brobygning til ungdomsuddannelse', 'Mentorordning for kriminalitetstruede unge']);
    expect(overlap.activities[0].plan.title).toMatch(/^Boligsocial helhedsplan for Hasselhøj og Engvangen/);
    // The mentor scheme starts later (30 days into a plan that started two months later); brobygning ends first.
    const all = a.plans.flatMap((p: any) => p.activities);
    const brobygning = all.find((x: any) => x.title === 'Brobygning til ungdomsuddannelse');
    const mentor = all.find((x: any) => x.title === 'Mentorordning for kriminalitetstruede unge');
    expect(overlap.overlapStart).toBe(mentor.startDate);
    expect(overlap.overlapEnd).toBe(brobygning.endDate);
    expect(overlap.overlapDays).toBe(dayNumber(brobygning.endDate) - dayNumber(mentor.startDate) + 1);
  });

  it('shows one shared indicator, on track in both plans', () => {
    expect(a.sharedIndicators).toHaveLength(1);
    const [shared] = a.sharedIndicators;
    expect(shared).toMatchObject({ name: 'Beboere der føler sig trygge i området', unit: '%' });
    expect(shared.indicators.map((i: any) => [i.goal.plan.title.slice(0, 20), i.status])).toEqual([
      ['Boligsocial helhedsp', 'ON_TRACK'],
      ['Helhedsplan Lærkehav', 'ON_TRACK'],
    ]);
  });

  it('shows the area secretariat’s notes on both plans, newest first', () => {
    const notes = Object.fromEntries(a.plans.map((p: any) => [p.title.slice(0, 20), p.coordinationNotes]));
    const headings = (list: any[]) => list.map((n) => n.text.split(/[:.]/)[0]);
    expect(headings(notes['Boligsocial helhedsp'])).toEqual(['Fælles indikator', 'Overlap med Lærkehaven']);
    expect(headings(notes['Helhedsplan Lærkehav'])).toEqual([
      'Fælles indikator',
      'Overlap med Hasselhøj og Engvangen',
      'Gadeplansindsatsen har ikke registreret status i over tre måneder',
    ]);
    expect(new Set(a.plans.flatMap((p: any) => p.coordinationNotes.map((n: any) => n.author.email)))).toEqual(new Set(['omraade@planspor.demo']));
  });

  it('splits the area’s 12 activities by responsible party, adding up to the story’s totals', () => {
    const rows = a.rollup.byResponsibleParty;
    expect(rows.map((r: any) => r.responsibleParty)).toEqual(['HOUSING_ORGANISATION', 'MUNICIPALITY', 'JOINT']);
    const sum = (field: string) => rows.reduce((n: number, r: any) => n + r[field], 0);
    expect([sum('activityCount'), sum('budget'), sum('spent')]).toEqual([12, 11_100_000, 5_678_500]);
    // The stale one: plan 2's gadeplan (JOINT).
    expect(rows.map((r: any) => r.staleCount)).toEqual([0, 0, 1]);
    // MUNICIPALITY: brobygning 58, jobcafé 50, mentor 55, kvindenetværk 51.
    expect(rows[1]).toMatchObject({ activityCount: 4, budget: 900_000 + 1_600_000 + 1_400_000 + 900_000, progress: (58 + 50 + 55 + 51) / 4 });
  });
});

describe('the README’s area secretariat’s morning', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const block = (operation: string) => {
    const found = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]).find((b) => b.includes(operation));
    if (!found) throw new Error(`README has no graphql block with ${operation}`);
    return found;
  };

  it('runs as written against the demo data', async () => {
    const morning = (await client.ok(block('query AreaMorning'), {}, area)).me.areaSecretariat;
    expect(morning.overlaps).toHaveLength(1);
    expect(morning.sharedIndicators).toHaveLength(1);
    const who = (await client.ok(block('query WhoDoesWhat'), {}, area)).me.areaSecretariat;
    expect(who.plans.flatMap((p: any) => p.goals.map((g: any) => g.responsibleParties))).toContainEqual(['MUNICIPALITY']);
    const catalogues = await client.ok(block('query Catalogues'), {}, area);
    expect(catalogues.activityTypes.length).toBeGreaterThan(20);

    const plan2 = morning.plans.find((p: any) => p.title.startsWith('Helhedsplan Lærkehaven'));
    const { addCoordinationNote } = await client.ok(block('mutation AddNote'), { planId: plan2.id }, area);
    expect(addCoordinationNote.author.name).toBe('Sara Nielsen (Områdesekretariat Aarhus Vest)');
    const after = (await client.ok(block('query AreaMorning'), {}, area)).me.areaSecretariat;
    expect(after.plans.find((p: any) => p.id === plan2.id).coordinationNotes[0].text).toMatch(/^Fælles mentorkorps/);
  });
});
