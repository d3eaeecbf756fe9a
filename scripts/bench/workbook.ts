/**
 * The spreadsheet benchmark (issue 11): on the national dataset (`npm run dataset -- --plans 700
 * --seed 1`), the national workbook's time and the app's peak RSS while writing it, the statements it
 * takes, and the dry run of a 500-activity import workbook. Rerunnable; writes bench/workbook.json.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/planspor_s npm run bench:workbook [-- --runs 3]
 *
 * Targets: national workbook <= 3 s with RSS growth <= 100 MB; dry run <= 3 s. `npm run bench` runs the
 * same measurement (measureWorkbooks) on its timed app and reports it beside the other rows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { connect } from '../dataset/database.js';
import { DATASET_EMAIL_DOMAIN, DATASET_PASSWORD, lbfEmail } from '../dataset/generate.js';
import { AppProcess } from './app-process.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TAG = 'r1';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function login(app: AppProcess, email: string): Promise<string> {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', variables: { e: email, p: DATASET_PASSWORD } }),
  });
  return ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
}

/** Downloads a workbook, reading the body as it comes and keeping none of it. */
async function download(app: AppProcess, path: string, token: string): Promise<{ ms: number; bytes: number }> {
  const began = performance.now();
  const response = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
  return { ms: performance.now() - began, bytes };
}

/** An import workbook of 50 goals (10 roots with 4 children each), 500 activities and 1,000 links. */
async function importWorkbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const goals = book.addWorksheet('Goals');
  goals.addRow(['ref', 'parentRef', 'kind', 'title']);
  for (let r = 0; r < 10; r++) {
    goals.addRow([`G${r}`, null, 'OVERALL', `Formål ${r}`]);
    for (let c = 0; c < 4; c++) goals.addRow([`G${r}.${c}`, `G${r}`, 'EFFECT', `Effektmål ${r}.${c}`]);
  }
  const activities = book.addWorksheet('Activities');
  activities.addRow(['ref', 'title', 'description', 'targetGroup', 'responsibleParty', 'startDate', 'endDate', 'budget', 'status']);
  const links = book.addWorksheet('Links');
  links.addRow(['activityRef', 'goalRef', 'weight', 'rationale']);
  for (let a = 0; a < 500; a++) {
    activities.addRow([`A${a}`, `Aktivitet ${a}`, 'Beskrivelse af aktiviteten', 'Unge 15-25 år', 'JOINT', new Date(Date.UTC(2024, a % 12, 1)), new Date(Date.UTC(2025, 11, 31)), 10_000 + a, 'PLANNED']);
    links.addRow([`A${a}`, `G${a % 10}.${a % 4}`, 2, 'Direkte']);
    links.addRow([`A${a}`, `G${(a + 1) % 10}`, 1, null]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** SQL statements of one download, counted on an app with LOG_SQL (every statement echoed on its log), warm. */
export async function statementsOf(url: string, path: string, token: (app: AppProcess) => Promise<string>): Promise<number> {
  const app = await AppProcess.start(REPO, url, { LOG_SQL: 'true' });
  try {
    const t = await token(app);
    await download(app, path, t);
    const before = readFileSync(app.logFile, 'utf8').split('[sql] ').length;
    await download(app, path, t);
    await new Promise((r) => setTimeout(r, 300));
    return readFileSync(app.logFile, 'utf8').split('[sql] ').length - before;
  } finally {
    await app.stop();
  }
}

export interface WorkbookResult {
  measuredAt: string;
  nationalWorkbook: {
    statements: number | null;
    medianMs: number;
    maxRssGrowthMb: number;
    bytes: number;
    runs: { ms: number; bytes: number; rssGrowthMb: number }[];
    targets: { ms: number; rssGrowthMb: number };
  };
  dryRun500: { medianMs: number; runs: number[]; fileBytes: number; activities: number; links: number; targets: { ms: number } };
}

/**
 * The national workbook, `runs` times after a warm download (time to the last byte, and the app's
 * peak RSS above its RSS just before), then the dry run of a 500-activity import workbook `runs`
 * times after a warm one, on `app` (production mode) as LBF and as plan 1's secretariat.
 */
export async function measureWorkbooks(app: AppProcess, url: string, runs: number, statements: number | null, log: (line: string) => void): Promise<WorkbookResult> {
  const lbf = await login(app, lbfEmail(TAG));
  await download(app, '/exports/national.xlsx', lbf); // warm: registry rows, prepared statements
  const national: { ms: number; bytes: number; rssGrowthMb: number }[] = [];
  for (let i = 0; i < runs; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const baseline = app.memory().rssKb / 1024;
    app.resetWindow();
    const { ms, bytes } = await download(app, '/exports/national.xlsx', lbf);
    national.push({ ms: Math.round(ms), bytes, rssGrowthMb: Math.round((app.peakInWindowMb() - baseline) * 10) / 10 });
    log(`national workbook: ${Math.round(ms)} ms, ${bytes} bytes, peak RSS +${national.at(-1)!.rssGrowthMb} MB`);
  }

  const secretariat = await login(app, await importPlanEmail(url));
  const me = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariat}` },
    body: JSON.stringify({ query: '{ me { plan { id } } }' }),
  });
  const planId = ((await me.json()) as { data: { me: { plan: { id: string } } } }).data.me.plan.id;
  const file = await importWorkbook();
  const dryRuns: number[] = [];
  let created = { activities: 0, links: 0 };
  for (let i = 0; i < runs + 1; i++) {
    const began = performance.now();
    const response = await fetch(`${app.url}/imports/plans/${planId}?dryRun=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secretariat}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: file,
    });
    const answer = (await response.json()) as { ok: boolean; created: Record<string, number>; errors: unknown[] };
    const ms = performance.now() - began;
    if (!answer.ok) throw new Error(`dry run refused: ${JSON.stringify(answer.errors.slice(0, 3))}`);
    created = { activities: answer.created.activities, links: answer.created.links };
    if (i > 0) dryRuns.push(Math.round(ms)); // the first warms the parser
    log(`dry run of ${answer.created.activities} activities, ${answer.created.links} links (${file.length} bytes): ${Math.round(ms)} ms`);
  }
  return {
    measuredAt: new Date().toISOString(),
    nationalWorkbook: {
      statements,
      medianMs: median(national.map((n) => n.ms)),
      maxRssGrowthMb: Math.max(...national.map((n) => n.rssGrowthMb)),
      bytes: national[0]!.bytes,
      runs: national,
      targets: { ms: 3000, rssGrowthMb: 100 },
    },
    dryRun500: { medianMs: median(dryRuns), runs: dryRuns, fileBytes: file.length, ...created, targets: { ms: 3000 } },
  };
}

/**
 * The secretariat of the first plan (by plan number) whose dates hold the import workbook's
 * activities (2024-01-01 to 2025-12-31): plan 1 of a dataset may be of an older pool.
 */
async function importPlanEmail(url: string): Promise<string> {
  const db = await connect(url);
  try {
    const { rows } = await db.query<{ email: string }>(
      `SELECT u.email FROM users u JOIN plans p ON p.id = u.plan_id
        WHERE u.role = 'PROJECT_SECRETARIAT' AND u.email LIKE $1 AND p.start_date <= '2024-01-01' AND p.end_date >= '2025-12-31'
        ORDER BY u.email LIMIT 1`,
      [`projekt-${TAG}-%@${DATASET_EMAIL_DOMAIN}`],
    );
    if (!rows.length) throw new Error('no plan of the dataset runs from 2024 to 2025, as the import workbook\'s activities do');
    return rows[0].email;
  } finally {
    await db.end();
  }
}

/** The national workbook's statements, counted on an app of its own (LOG_SQL). */
export const nationalWorkbookStatements = (url: string) => statementsOf(url, '/exports/national.xlsx', (app) => login(app, lbfEmail(TAG)));

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the database holding the national dataset');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const statements = await nationalWorkbookStatements(url);
  log(`national workbook: ${statements} SQL statements`);
  const app = await AppProcess.start(REPO, url, { NODE_ENV: 'production' });
  try {
    const result = await measureWorkbooks(app, url, Number(values.runs), statements, log);
    writeFileSync(resolve(REPO, 'bench/workbook.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(`| national workbook (${result.nationalWorkbook.bytes} bytes) | ${result.nationalWorkbook.medianMs} ms | +${result.nationalWorkbook.maxRssGrowthMb} MB RSS | ${statements} statements |`);
    log(`| dry run, 500 activities | ${result.dryRun500.medianMs} ms | | |`);
  } finally {
    await app.stop();
  }
}

// As its own command (npm run bench:workbook); npm run bench imports measureWorkbooks instead.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
