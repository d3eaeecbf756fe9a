import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { printSummary } from '../dataset/cli.js';
import { connect, ensureDatabase, migrate } from '../dataset/database.js';
import { DATASET_EMAIL_DOMAIN, DATASET_PASSWORD, generateDataset, lbfEmail } from '../dataset/generate.js';
import { ProgressBar } from '../dataset/progress-bar.js';
import { AppProcess } from './app-process.js';
import { firstDifference } from './compare.js';
import { type FloorResult, floorAnswer, floorPool, floorSql, runFloor } from './floor.js';
import { type LoadResult, runLoad, waitForQuiet } from './load.js';
import { type BenchArea, ensureBenchArea, type ReportYears, reportYears } from './fixtures.js';
import { type EmbeddedMemory, measureEmbedded } from './embedded.js';
import { type PeerSummary, runPeer } from './peer.js';
import {
  ANNUAL_REPORT,
  APPROVE_ANNUAL_REPORT,
  AREA_PAGE,
  LOGIN,
  SUBMIT_ANNUAL_REPORT,
  W0_TYPENAME,
  W1_PLAN_PAGE,
  W2_NATIONAL,
  W2_NATIONAL_ATTENTION,
  W3_LOG_PROGRESS,
} from './queries.js';
import { measureWorkbooks, nationalWorkbookStatements, type WorkbookResult } from './workbook.js';
import { type BenchResults, evaluateTargets, writeReport } from './report.js';

/*
 * `npm run bench`: loads the national dataset once into its own database (skipped when there), starts
 * the app against it as a child process, and measures W0-W3 with autocannon at 1 and 16 connections,
 * W1, W2 and W3 against their hand-written SQL floors; then the new pages of issue 15 (annual report
 * live and submitted, an area secretariat's page, the national workbook and an import dry run). Then
 * W1-W3 again on a dataset four times the size (its own database, generated once), the PostGraphile
 * peer harness when given (--peer / PEER_BENCH_DIR), and the embedded default's memory. Writes
 * bench/results.json and bench/results.md. Only loopback traffic; every run is bounded in time.
 */

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/planspor_bench';
const TAG = 'r1'; // the benchmark uses the database's first dataset run
const SAMPLE_PLANS = 64;
/** Alternating rounds of the app and its floor at one client (W1, W2). */
const ROUNDS = 3;

/** The run with the median p50 (the middle one of an odd number). */
function medianByP50<T extends { latencyMs: { p50: number } }>(runs: T[]): T {
  return [...runs].sort((a, b) => a.latencyMs.p50 - b.latencyMs.p50)[Math.floor(runs.length / 2)];
}

/** What one database's part of the run measured. */
interface DatabaseBench {
  plans: number;
  info: Awaited<ReturnType<typeof databaseInfo>>;
  datasetSeconds: number | null;
  results: LoadResult[];
  floors: FloorResult[];
  checks: BenchResults['checks'];
  workbook: WorkbookResult | null;
  pages: BenchResults['pages'];
}

interface DatabaseOptions {
  url: string;
  plans: number;
  seed: number;
  fresh: boolean;
  /** Which workloads run on this database. */
  runs: (workload: string) => boolean;
  /** The SQL floors beside W1, W2 and W3 (the national database only). */
  floors: boolean;
  /** The new pages of issue 15 (annual reports, area page, workbooks): the national database only. */
  newPages: boolean;
  seconds: number;
  warmup: number;
  quietWait: number;
  pool: string;
  workbookRuns: number;
  log: (line: string) => void;
}

/** The expected duration of a full run, minutes, when the machine is quiet (said before it starts). */
function expectedMinutes(o: { seconds: number; warmup: number; scale: boolean; peer: boolean; embedded: boolean; generate: number }): number {
  const row = o.seconds + o.warmup + 4; // a measured row, its warm-up, the quiet check
  const floorRow = Math.min(o.seconds, 8) + 2;
  const national =
    60 + // statements counted on a development-mode app, app starts, fixtures
    2 * row + // W0
    3 * (row + floorRow) + floorRow + (row + floorRow) + // W1 (3 rounds at 1 client, what-if, 16 clients)
    3 * (row + floorRow) + (row + floorRow) + // W2
    row + 3 * row + // W2a, annual reports live and submitted, area page
    25 + // workbooks (statements, 3 downloads, 4 dry runs)
    2 * row + 2 * (o.seconds + 2); // W3 and its floors
  const scaled = o.scale ? 60 + 2 * row + 2 * row + 2 * row + 2 * row : 0; // W1, W2, W2a (1 client), W3
  // The peer harness: 3 workloads x 2 client counts x 3 rounds x 2 servers + floors + pre-warm, starts.
  const peer = o.peer ? 60 + 3 * 2 * (3 * 2 * (o.seconds + 2 + 2) + 2 * (o.seconds + 1)) + 3 * 2 * 6 : 0;
  const embedded = o.embedded ? 45 : 0;
  return Math.ceil((national + scaled + peer + embedded + o.generate) / 60);
}

async function main(): Promise<void> {
  process.env.TZ = 'UTC';
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      plans: { type: 'string', default: '700' },
      seed: { type: 'string', default: '1' },
      fresh: { type: 'boolean', default: false },
      'quiet-wait': { type: 'string', default: '180' },
      'report-only': { type: 'boolean', default: false },
      /** Comma-separated subset of W0,W1,W2,W2a,W3,R,A,X (an experiment; write it elsewhere with --out). */
      only: { type: 'string' },
      /** DB_POOL_SIZE for the app (its default is 10). */
      pool: { type: 'string', default: '10' },
      out: { type: 'string', default: 'bench' },
      /** Plans of the second, larger dataset (target 6); 0 skips it. */
      'scale-plans': { type: 'string', default: '2800' },
      /** The PostGraphile peer harness's folder (or env PEER_BENCH_DIR); none skips the peer rows. */
      peer: { type: 'string' },
      /** Skip the embedded engine's memory measurement (target 7). */
      'no-embedded': { type: 'boolean', default: false },
      'workbook-runs': { type: 'string', default: '3' },
    },
    strict: true,
  });
  const seconds = Number(values.duration);
  const warmup = Number(values.warmup);
  const quietWait = Number(values['quiet-wait']);
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_URL;
  const scalePlans = Number(values['scale-plans']);
  const scaleUrl = process.env.BENCH_SCALE_DATABASE_URL || withDatabaseName(url, `${databaseName(url)}_${scalePlans}`);
  const peerDir = values.peer ?? process.env.PEER_BENCH_DIR ?? null;
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const outDir = resolve(REPO, values.out!);
  const analysisFile = resolve(outDir, 'analysis.md');
  const analysis = () => (existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : null);
  if (values['report-only']) {
    // Re-renders results.md from results.json and analysis.md, e.g. after editing the analysis.
    const saved = JSON.parse(readFileSync(resolve(outDir, 'results.json'), 'utf8')) as BenchResults;
    saved.targets = evaluateTargets(saved);
    writeReport(resolve(outDir, 'results.md'), saved, analysis());
    log(`rewrote ${values.out}/results.md from ${values.out}/results.json`);
    return;
  }
  const only = values.only ? new Set(values.only.split(',')) : null;
  const runs = (workload: string) => !only || only.has(workload);
  const scale = scalePlans > 0 && ['W1', 'W2', 'W2a', 'W3'].some(runs);
  const toGenerate = (await hasDataset(url) ? 0 : 90) + (scale && !(await hasDataset(scaleUrl)) ? 6 * 60 : 0);
  const minutes = expectedMinutes({ seconds, warmup, scale, peer: peerDir !== null, embedded: !values['no-embedded'], generate: toGenerate });
  log(
    `expected duration on a quiet machine: about ${minutes} minutes (${values.plans} plans${scale ? ` + ${scalePlans} plans in ${databaseName(scaleUrl)}` : ''}` +
      `${peerDir ? ' + the PostGraphile peer' : ''}${toGenerate ? ', datasets to generate first' : ''}; more while other work keeps the machine busy)`,
  );
  const began = performance.now();
  const loadAverageAtStart = loadavg().map((v) => Math.round(v * 100) / 100);
  const common = { seed: Number(values.seed), seconds, warmup, quietWait, pool: values.pool!, workbookRuns: Number(values['workbook-runs']), log };

  const national = await benchDatabase({ ...common, url, plans: Number(values.plans), fresh: values.fresh!, runs, floors: true, newPages: true });
  let scaled: DatabaseBench | null = null;
  if (scale) {
    log(`--- the dataset at ${scalePlans} plans (${databaseName(scaleUrl)}): W1, W2, W2a, W3 ---`);
    const scaledRuns = (w: string) => ['W1', 'W2', 'W2a', 'W3'].includes(w) && runs(w);
    scaled = await benchDatabase({ ...common, url: scaleUrl, plans: scalePlans, fresh: false, runs: scaledRuns, floors: false, newPages: false });
  }
  let peer: PeerSummary | null = null;
  if (peerDir) {
    log(`--- the PostGraphile peer harness (${peerDir}/run.sh) against ${databaseName(url)} ---`);
    if (quietWait > 0) await waitForQuiet(quietWait);
    peer = await runPeer(REPO, resolve(peerDir), url, seconds, log);
  }
  let embedded: EmbeddedMemory | null = null;
  if (!values['no-embedded']) {
    log('--- the embedded default: steady RSS after a start with demo data (no DATABASE_URL) ---');
    if (quietWait > 0) await waitForQuiet(quietWait);
    embedded = await measureEmbedded(REPO, log);
  }

  const report: BenchResults = {
    date: new Date().toISOString(),
    loadAverageAtStart,
    durationMinutes: Math.round((performance.now() - began) / 6000) / 10,
    commit: git(['rev-parse', '--short', 'HEAD']),
    uncommittedChanges: git(['status', '--porcelain', '--', 'src', 'migrations']).length > 0,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      postgres: national.info.version,
      settings: national.info.settings,
    },
    dataset: { ...national.info.counts, generatedThisRunSeconds: national.datasetSeconds, tag: TAG, seed: Number(values.seed) },
    settings: { seconds, warmupSeconds: warmup, samplePlans: SAMPLE_PLANS, appDbPoolSize: Number(values.pool) },
    results: national.results,
    floors: national.floors,
    checks: national.checks,
    pages: national.pages,
    workbook: national.workbook,
    scaled: scaled
      ? {
          dataset: { ...scaled.info.counts, generatedThisRunSeconds: scaled.datasetSeconds },
          results: scaled.results,
          checks: scaled.checks,
        }
      : null,
    peer,
    embedded,
    targets: [],
  };
  report.targets = evaluateTargets(report);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(resolve(outDir, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeReport(resolve(outDir, 'results.md'), report, analysis());
  log(`wrote ${values.out}/results.md and ${values.out}/results.json (${report.durationMinutes} minutes)`);
  for (const target of report.targets) log(`${target.met ? 'MET   ' : 'MISSED'} ${target.target}: ${target.measured}`);
}

/** Whether `url`'s database exists and holds dataset run r1. */
async function hasDataset(url: string): Promise<boolean> {
  try {
    const db = await connect(url);
    try {
      return ((await db.query('SELECT 1 FROM users WHERE email = $1', [lbfEmail(TAG)])).rowCount ?? 0) > 0;
    } finally {
      await db.end();
    }
  } catch {
    return false;
  }
}

const databaseName = (url: string) => new URL(url).pathname.slice(1);
function withDatabaseName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * One database's part of the run: its dataset (generated once), the statements per request counted on
 * a development-mode app, then every workload timed on a production-mode app.
 */
async function benchDatabase(opts: DatabaseOptions): Promise<DatabaseBench> {
  const { url, runs, seconds, warmup, quietWait, log, workbookRuns } = opts;
  // --- the dataset, once -------------------------------------------------------------------
  if (opts.fresh) await dropDatabase(url);
  if (await ensureDatabase(url)) log(`created database ${databaseName(url)}`);
  await migrate(url);
  const db = await connect(url);
  let datasetSeconds: number | null = null;
  try {
    const present = await db.query('SELECT 1 FROM users WHERE email = $1', [lbfEmail(TAG)]);
    if (present.rowCount === 0) {
      const plans = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM plans');
      if (plans.rows[0].n > 0) {
        throw new Error(
          `${url} has plans but no dataset run ${TAG}: use an empty database, or run with --fresh to drop and recreate it`,
        );
      }
      log(`loading the dataset (${opts.plans} plans, seed ${opts.seed}) into ${databaseName(url)}: once per database`);
      const bar = new ProgressBar('dataset');
      const run = await generateDataset(db, {
        plans: opts.plans,
        seed: opts.seed,
        onProgress: (p) => bar.update(p.fraction, `${p.phase}: ${p.detail}`, p.phase),
      });
      bar.done();
      printSummary(run, (line) => process.stderr.write(`${line}\n`));
      datasetSeconds = Math.round(run.seconds * 10) / 10;
    } else {
      log(`dataset ${TAG} already loaded in ${databaseName(url)}: skipping the generator`);
    }
  } finally {
    await db.end();
  }

  const leftovers = await removeBenchEntries(url);
  if (leftovers > 0) log(`removed ${leftovers} progress entries left by an interrupted earlier run`);
  // The area secretariat of 20 plans (SQL, once per database) before the vacuum, so that its rows are analysed too.
  const area = opts.newPages && (runs('A') || runs('X')) ? await ensureBenchArea(url, TAG) : null;
  if (area) log(`area secretariat ${area.id}: ${area.plans} plans, ${area.typedActivities} activities with a type${area.createdThisRun ? ' (added in this run)' : ''}`);
  await vacuum(url);
  const info = await databaseInfo(url);
  log(`dataset: ${JSON.stringify(info.counts)}`);

  // --- statements per request (development mode), then the timed app (production mode) ----------
  log('counting SQL statements per request on an app in development mode');
  const { counted, reports } = await countStatements(url, { DB_POOL_SIZE: opts.pool }, runs, log, opts.newPages && runs('R'), area);
  const workbookStatements = opts.newPages && runs('X') ? await nationalWorkbookStatements(url) : null;
  if (workbookStatements !== null) log(`national workbook: ${workbookStatements} SQL statements`);
  const pages = opts.newPages ? { area, reports: reports ?? [], workbookStatements } : null;
  log('starting the app to be timed (node dist/src/main.js, NODE_ENV=production)');
  const app = await AppProcess.start(REPO, url, { DB_POOL_SIZE: opts.pool, NODE_ENV: 'production' });
  const stopApp = () => void app.stop();
  process.once('SIGINT', stopApp);
  const results: LoadResult[] = [];
  const floors: FloorResult[] = [];
  const checks: BenchResults['checks'] = {};
  let workbook: WorkbookResult | null = null;
  try {
    log(`app pid ${app.pid} at ${app.url}; logging in`);
    const gql = async (query: string, variables: Record<string, unknown>, token?: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: unknown[] };
      if (body.errors) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body.errors)}`);
      return body.data;
    };
    const login = async (email: string) => (await gql(LOGIN, { email, password: DATASET_PASSWORD })).login.accessToken as string;
    const lbfToken = await login(lbfEmail(TAG));

    // A fixed sample of plans spread over the dataset, each read by its own project secretariat.
    const sample = await samplePlans(url);
    for (const plan of sample) plan.token = await login(plan.email);
    const today = new Date().toISOString().slice(0, 10);

    // --- the floors give the app's answers (checked once, before timing) -----------------------
    const w1Sql = floorSql(REPO, 'floor-plan-page.sql');
    const w2Sql = floorSql(REPO, 'floor-national-rollup.sql');
    if (opts.floors) {
    const checkPool = floorPool(url, 1);
    try {
      const pools = [...new Map(sample.map((p) => [p.pool, p])).values()];
      const differences: string[] = [];
      for (const plan of pools) {
        const appAnswer = (await gql(W1_PLAN_PAGE, { id: plan.id }, plan.token)).plan;
        const difference = firstDifference(appAnswer, await floorAnswer(checkPool, w1Sql, [plan.id, today]));
        if (difference) differences.push(`plan ${plan.id} (${plan.pool}): ${difference}`);
      }
      checks.w1FloorEqualsApp = { plansCompared: pools.length, differences };
      const national = (await gql(W2_NATIONAL, {}, lbfToken)).nationalRollup;
      const difference = firstDifference(national, await floorAnswer(checkPool, w2Sql, []));
      checks.w2FloorEqualsApp = { differences: difference ? [difference] : [] };
    } finally {
      await checkPool.end();
    }
    }
    if (opts.floors) log(`floor answers checked: W1 ${checks.w1FloorEqualsApp!.differences.length ? 'DIFFER' : 'equal'}, W2 ${checks.w2FloorEqualsApp!.differences.length ? 'DIFFER' : 'equal'}`);

    const quiet = async () => {
      if (quietWait > 0) await waitForQuiet(quietWait);
    };
    let turn = 0;
    const nextPlan = () => sample[turn++ % sample.length];
    const measure = async (
      workload: string,
      connections: number,
      next: () => { body: string; token?: string },
      onOk?: (body: string) => void,
      amount?: { warmup: number; measured: number },
      record = true,
    ) => {
      const wait = quietWait > 0 ? await waitForQuiet(quietWait) : { waited: 0, quiet: true };
      if (wait.waited > 0 || !wait.quiet) log(`${workload} c=${connections}: waited ${wait.waited} s for a quiet machine${wait.quiet ? '' : ' (gave up)'}`);
      if (warmup > 0) await runLoad(app, { workload, connections, seconds: warmup, amount: amount?.warmup, next, onOk });
      let result = await runLoad(app, { workload, connections, seconds, amount: amount?.measured, next, onOk });
      // Other sessions share this machine: a row they disturbed (more than 30 % of a core) is measured
      // again, up to twice, after waiting for quiet; the row says how much other load it saw.
      for (let retry = 1; retry <= 2 && result.otherCpuPercent > 30; retry++) {
        log(`${workload} c=${connections}: other processes used ${result.otherCpuPercent} % of a core meanwhile; measuring again`);
        if (quietWait > 0) await waitForQuiet(quietWait);
        result = { ...(await runLoad(app, { workload, connections, seconds, amount: amount?.measured, next, onOk })), remeasured: retry };
      }
      // Production responses carry no X-SQL-Statements: the count comes from countStatements().
      result = { ...result, statements: counted.get(`${workload}/${connections}`) ?? null };
      if (record) results.push(result);
      log(
        `${workload} c=${connections}: p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.reqPerSec} req/s, ` +
          `errors ${result.non2xx + result.transportErrors + result.graphqlErrors}, statements ${JSON.stringify(result.statements)}, RSS ${result.peakRssMb} MB, ` +
          `CPU ms/request ${JSON.stringify(result.cpuMsPerRequest)}, other CPU ${result.otherCpuPercent} %`,
      );
      return result;
    };
    const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });

    for (const connections of runs('W0') ? [1, 16] : []) {
      await measure('W0', connections, () => ({ body: body(W0_TYPENAME), token: lbfToken }));
    }
    // The ratio targets compare p50s at one client, and this shared machine drifts by tens of percent
    // within minutes. So at one client the app and its floor are measured in alternation, ROUNDS
    // rounds each, and for each the round with the median p50 stands in the table (`rounds` says so).
    const withFloor = async (
      workload: string,
      connections: number,
      next: () => { body: string; token?: string },
      floorSql: string,
      floorParams: () => unknown[],
    ) => {
      if (!opts.floors) {
        await measure(workload, connections, next);
        return;
      }
      const rounds = connections === 1 ? ROUNDS : 1;
      const apps: LoadResult[] = [];
      const floorRuns: FloorResult[] = [];
      for (let round = 1; round <= rounds; round++) {
        apps.push(await measure(workload, connections, next, undefined, undefined, false));
        await quiet();
        floorRuns.push(await runFloor(url, `${workload} floor`, floorSql, floorParams, connections, Math.min(seconds, 8)));
        log(`${workload} floor c=${connections}: p50 ${floorRuns.at(-1)!.latencyMs.p50} ms, CPU ms/query ${JSON.stringify(floorRuns.at(-1)!.cpuMsPerRequest)}`);
      }
      results.push(rounds > 1 ? { ...medianByP50(apps), rounds } : apps[0]);
      floors.push(rounds > 1 ? { ...medianByP50(floorRuns), rounds } : floorRuns[0]);
      if (rounds > 1) log(`${workload} c=${connections}: median of ${rounds} rounds, p50 app ${results.at(-1)!.latencyMs.p50} ms, floor ${floors.at(-1)!.latencyMs.p50} ms`);
    };
    for (const connections of runs('W1') ? [1, 16] : []) {
      let floorTurn = 0;
      const nextW1 = () => {
        const plan = nextPlan();
        return { body: body(W1_PLAN_PAGE, { id: plan.id }), token: plan.token };
      };
      await withFloor('W1', connections, nextW1, w1Sql, () => [sample[floorTurn++ % sample.length].id, today]);
      if (connections === 1 && opts.floors) {
        // What if the floor, too, were a prepared statement (as the app's plan page statements are)?
        // Not the target's floor, which is the plain statement; shown so the comparison is complete.
        await quiet();
        floors.push(await runFloor(url, 'W1 floor, prepared (what-if)', w1Sql, () => [sample[floorTurn++ % sample.length].id, today], 1, Math.min(seconds, 8), undefined, 'bench_w1_floor'));
        log(`W1 floor, prepared (what-if) c=1: p50 ${floors.at(-1)!.latencyMs.p50} ms`);
      }
    }
    for (const connections of runs('W2') ? [1, 16] : []) {
      await withFloor('W2', connections, () => ({ body: body(W2_NATIONAL), token: lbfToken }), w2Sql, () => []);
    }
    if (runs('W2a')) await measure('W2a', 1, () => ({ body: body(W2_NATIONAL_ATTENTION), token: lbfToken }));

    // --- the new pages of issue 15: annual reports (live, submitted), the area page, the workbooks --
    if (pages) {
      const live = pages.reports.filter((r) => r.liveYear !== null);
      const submitted = pages.reports.filter((r) => r.submitted);
      const tokens = new Map(sample.map((p) => [p.id, p.token!]));
      let liveTurn = 0;
      let submittedTurn = 0;
      if (runs('R') && live.length) {
        await measure('R live', 1, () => {
          const r = live[liveTurn++ % live.length];
          return { body: body(ANNUAL_REPORT, { planId: r.planId, year: r.liveYear }), token: tokens.get(r.planId) };
        });
      }
      if (runs('R') && submitted.length) {
        await measure('R submitted', 1, () => {
          const r = submitted[submittedTurn++ % submitted.length];
          return { body: body(ANNUAL_REPORT, { planId: r.planId, year: r.pastYear }), token: tokens.get(r.planId) };
        });
      }
      const area = pages.area;
      if (runs('A') && area) {
        const areaToken = await login(area.email);
        await measure('A', 1, () => ({ body: body(AREA_PAGE, { id: area.id }), token: areaToken }));
      }
      if (runs('X')) {
        await quiet();
        log('the national workbook and a dry run of a 500-activity import workbook');
        workbook = await measureWorkbooks(app, url, workbookRuns, pages.workbookStatements, (line) => log(line));
      }
    }

    // --- W3: logProgress with fresh idempotency keys; nothing may be lost ----------------------
    // Bounded by a count, not a time: autocannon then waits for every answer, so each request sent
    // is either acknowledged or an error, and the table must have grown by exactly the acknowledged.
    if (runs('W3')) {
      const activities = await loggableActivities(url, sample);
      const before = await countEntries(url);
      const runId = Date.now().toString(36);
      const returnedIds: string[] = [];
      const touched = new Set<string>();
      let key = 0;
      const w3: { connections: number; prefix: string; ok: number }[] = [];
      for (const connections of [1, 16]) {
        const prefix = `bench-${runId}-c${connections}-`;
        let acknowledged = 0;
        const next = () => {
          const activity = activities[key % activities.length];
          touched.add(activity.id);
          return {
            body: body(W3_LOG_PROGRESS, {
              input: {
                activityId: activity.id,
                reportedOn: today,
                percentComplete: activity.percent,
                spent: activity.spent,
                note: 'Benchmark',
                idempotencyKey: `${prefix}${key++}`,
              },
            }),
            token: activity.token,
          };
        };
        const onOk = (b: string) => {
          acknowledged++;
          returnedIds.push(JSON.parse(b).data.logProgress.id);
        };
        const perSecond = connections === 1 ? 60 : 300;
        await measure('W3', connections, next, onOk, { warmup: perSecond * warmup, measured: perSecond * seconds });
        w3.push({ connections, prefix, ok: acknowledged });
      }
      const after = await countEntries(url);
      checks.w3 = await w3Check(url, before, after, w3, returnedIds, [...touched]);
      log(`W3 check: ${JSON.stringify(checks.w3)}`);

      if (opts.floors) {
        // W3's floor: the same write as one hand-written statement, on the same activities.
        const hasAudit = await tableExists(url, 'audit_events');
        let w3Sql = floorSql(REPO, 'floor-log-progress.sql');
        if (!hasAudit) w3Sql = w3Sql.replace(/-- audit:begin[\s\S]*-- audit:end\n/, '');
        const actor = await userId(url, sample.find((p) => p.current)!.email);
        for (const connections of [1, 16]) {
          let floorKey = 0;
          await quiet();
          floors.push(
            await runFloor(url, 'W3 floor', w3Sql, () => {
              const activity = activities[floorKey % activities.length];
              return [activity.id, today, activity.percent, activity.spent, 'Benchmark (floor)', `floor-${runId}-c${connections}-${floorKey++}`, actor];
            }, connections, seconds, (connections === 1 ? 60 : 300) * seconds),
          );
          log(`W3 floor c=${connections}: p50 ${floors.at(-1)!.latencyMs.p50} ms, ${floors.at(-1)!.reqPerSec}/s, CPU ms/query ${JSON.stringify(floors.at(-1)!.cpuMsPerRequest)}`);
        }
        checks.w3FloorWrongLatestPointers = (await w3Check(url, 0, 0, [], [], [...touched])).wrongLatestPointers;
      }
      const removed = await removeBenchEntries(url);
      log(`removed the ${removed} progress entries W3 and its floor wrote (the dataset stays as generated for the next run)`);
    }
  } finally {
    process.removeListener('SIGINT', stopApp);
    const peak = app.memory();
    checks.appPeakRssMb = Math.round(peak.hwmKb / 102.4) / 10;
    await app.stop();
  }
  return { plans: opts.plans, info, datasetSeconds, results, floors, checks, workbook, pages: pages as BenchResults['pages'] };
}


// ---------------------------------------------------------------------------------------------

/**
 * SQL statements per request, counted on an app in development mode, whose responses carry
 * X-SQL-Statements. The counter needs an AsyncLocalStorage around every request, which costs about a
 * millisecond of app CPU on a plan page (promise hooks on every await), and production does not
 * install it; so the statements are counted here, and every workload is timed on an app in production
 * mode. Each workload runs for two seconds (W3: 200 entries) at 1 and 16 clients after a warm-up,
 * W1 over all sampled plans. Returns min, max and mean per `workload/connections`.
 */
async function countStatements(
  url: string,
  env: Record<string, string>,
  runs: (workload: string) => boolean,
  log: (line: string) => void,
  withReports: boolean,
  area: BenchArea | null,
): Promise<{ counted: Map<string, LoadResult['statements']>; reports: BenchReport[] | null }> {
  const app = await AppProcess.start(REPO, url, { ...env, NODE_ENV: 'development' });
  const counted = new Map<string, LoadResult['statements']>();
  let reports: BenchReport[] | null = null;
  try {
    const login = async (email: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: LOGIN, variables: { email, password: DATASET_PASSWORD } }),
      });
      return ((await response.json()) as { data: { login: { accessToken: string } } }).data.login.accessToken;
    };
    const lbfToken = await login(lbfEmail(TAG));
    const sample = await samplePlans(url);
    for (const plan of sample) plan.token = await login(plan.email);
    const activities = await loggableActivities(url, sample);
    const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
    const today = new Date().toISOString().slice(0, 10);
    let turn = 0;
    const prefix = `bench-count-${Date.now().toString(36)}-`;
    const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
    };
    if (withReports) reports = await submitReports(url, sample, lbfToken, gql, today, log);
    const tokens = new Map(sample.map((p) => [p.id, p.token!]));
    const live = (reports ?? []).filter((r) => r.liveYear !== null);
    const submitted = (reports ?? []).filter((r) => r.submitted);
    const areaToken = area ? await login(area.email) : null;
    const workloads: Record<string, () => { body: string; token?: string }> = {
      W0: () => ({ body: body(W0_TYPENAME), token: lbfToken }),
      W1: () => {
        const plan = sample[turn++ % sample.length];
        return { body: body(W1_PLAN_PAGE, { id: plan.id }), token: plan.token };
      },
      W2: () => ({ body: body(W2_NATIONAL), token: lbfToken }),
      W2a: () => ({ body: body(W2_NATIONAL_ATTENTION), token: lbfToken }),
      W3: () => {
        const activity = activities[turn % activities.length];
        const input = { activityId: activity.id, reportedOn: today, percentComplete: activity.percent, idempotencyKey: `${prefix}${turn++}` };
        return { body: body(W3_LOG_PROGRESS, { input }), token: activity.token };
      },
    };
    if (live.length) {
      workloads['R live'] = () => {
        const r = live[turn++ % live.length];
        return { body: body(ANNUAL_REPORT, { planId: r.planId, year: r.liveYear }), token: tokens.get(r.planId) };
      };
    }
    if (submitted.length) {
      workloads['R submitted'] = () => {
        const r = submitted[turn++ % submitted.length];
        return { body: body(ANNUAL_REPORT, { planId: r.planId, year: r.pastYear }), token: tokens.get(r.planId) };
      };
    }
    if (area && runs('A')) workloads.A = () => ({ body: body(AREA_PAGE, { id: area.id }), token: areaToken! });
    for (const [workload, next] of Object.entries(workloads)) {
      if (!runs(workload.split(' ')[0])) continue;
      // The single-client rows (W2a and the new pages) are counted at one client only.
      for (const connections of ['W0', 'W1', 'W2', 'W3'].includes(workload) ? [1, 16] : [1]) {
        // First a warm-up that visits every sampled plan: a replica keeps the registry rows it has read
        // (src/registry/immutable-rows.ts), so its first requests take up to one statement more per
        // kind of row. The counts are those of a warm replica, as the timed runs are.
        await runLoad(app, { workload, connections, seconds: 1, amount: Math.max(sample.length, 20), next });
        const amount = workload === 'W3' ? 200 : undefined;
        const result = await runLoad(app, { workload, connections, seconds: 2, amount, next });
        counted.set(`${workload}/${connections}`, result.statements);
        log(`${workload} c=${connections}: ${JSON.stringify(result.statements)} SQL statements per request over ${result.responses} requests`);
      }
    }
  } finally {
    await app.stop();
  }
  return { counted, reports };
}

/** A sampled plan's annual reports as the benchmark reads them. */
interface BenchReport extends ReportYears {
  /** Its past year is SUBMITTED or APPROVED (stored figures). */
  submitted: boolean;
}

/**
 * The submitted annual reports the "R submitted" row reads, set up through the API: for each sampled
 * plan its latest ended year, submitted by the plan's project secretariat when still OPEN or
 * RETURNED, and every second one then approved by LBF (so both stored states are read). A rerun
 * finds them SUBMITTED or APPROVED and changes nothing. The submissions' comment says "Benchmark".
 */
async function submitReports(
  url: string,
  sample: SamplePlan[],
  lbfToken: string,
  gql: (query: string, variables: Record<string, unknown>, token: string) => Promise<{ data?: any; errors?: { message: string }[] }>,
  today: string,
  log: (line: string) => void,
): Promise<BenchReport[]> {
  const years = await reportYears(url, sample.map((p) => p.id), today);
  const tokens = new Map(sample.map((p) => [p.id, p.token!]));
  const out: BenchReport[] = [];
  let submittedNow = 0;
  let approvedNow = 0;
  for (const [i, y] of years.entries()) {
    let status = y.pastStatus;
    if (y.pastYear !== null && (status === 'OPEN' || status === 'RETURNED')) {
      const answer = await gql(SUBMIT_ANNUAL_REPORT, { input: { planId: y.planId, year: y.pastYear, comment: 'Benchmark' } }, tokens.get(y.planId)!);
      if (answer.errors) log(`submitAnnualReport ${y.planId} ${y.pastYear}: ${answer.errors[0].message}`);
      else (status = answer.data.submitAnnualReport.status), submittedNow++;
    }
    if (y.pastYear !== null && status === 'SUBMITTED' && i % 2 === 1) {
      const answer = await gql(APPROVE_ANNUAL_REPORT, { input: { planId: y.planId, year: y.pastYear, comment: 'Benchmark' } }, lbfToken);
      if (answer.errors) log(`approveAnnualReport ${y.planId} ${y.pastYear}: ${answer.errors[0].message}`);
      else (status = answer.data.approveAnnualReport.status), approvedNow++;
    }
    out.push({ ...y, pastStatus: status, submitted: status === 'SUBMITTED' || status === 'APPROVED' });
  }
  log(
    `annual reports: ${out.filter((r) => r.liveYear !== null).length} plans with an open current year, ${out.filter((r) => r.submitted).length} with a stored past year` +
      ` (${submittedNow} submitted and ${approvedNow} approved in this run)`,
  );
  return out;
}

interface SamplePlan {
  id: string;
  email: string;
  pool: string;
  current: boolean;
  token?: string;
}

/** Every n-th plan of dataset run r1 (by its secretariat's email, i.e. plan number): all pools alike. */
async function samplePlans(url: string): Promise<SamplePlan[]> {
  const db = await connect(url);
  try {
    const { rows } = await db.query<{ id: string; email: string; pool: string; current: boolean }>(
      `SELECT p.id, u.email, po.name AS pool, po.end_year >= 2026 AS current
         FROM users u JOIN plans p ON p.id = u.plan_id JOIN pools po ON po.id = p.pool_id
        WHERE u.role = 'PROJECT_SECRETARIAT' AND u.email LIKE $1
        ORDER BY u.email`,
      [`projekt-${TAG}-%@${DATASET_EMAIL_DOMAIN}`],
    );
    // An odd step: plan numbers cycle through the four pools, so an even step would miss two of them.
    let step = Math.max(1, Math.floor(rows.length / SAMPLE_PLANS));
    if (step > 1 && step % 2 === 0) step -= 1;
    return rows.filter((_, i) => i % step === 0).slice(0, SAMPLE_PLANS);
  } finally {
    await db.end();
  }
}

/** Non-cancelled activities of the sample's current-pool plans, with their latest figures. */
async function loggableActivities(url: string, sample: SamplePlan[]) {
  const current = sample.filter((p) => p.current);
  const tokens = new Map(current.map((p) => [p.id, p.token!]));
  const db = await connect(url);
  try {
    const { rows } = await db.query<{ id: string; plan_id: string; percent: number | null; spent: string | null }>(
      `SELECT a.id, a.plan_id, pe.percent_complete AS percent, pe.spent::text AS spent
         FROM activities a LEFT JOIN progress_entries pe ON pe.id = a.latest_progress_id
        WHERE a.plan_id = ANY($1::uuid[]) AND a.status <> 'CANCELLED'
        ORDER BY a.plan_id, a.created_at, a.id`,
      [current.map((p) => p.id)],
    );
    if (rows.length === 0) throw new Error('W3: no loggable activity in the sample');
    // Interleave plans, so that consecutive requests go to different plans and activities.
    rows.sort((x, y) => (x.id < y.id ? -1 : 1));
    return rows.map((r) => ({ id: r.id, token: tokens.get(r.plan_id)!, percent: r.percent ?? 0, spent: r.spent === null ? 0 : Number(r.spent) }));
  } finally {
    await db.end();
  }
}

async function tableExists(url: string, table: string): Promise<boolean> {
  const db = await connect(url);
  try {
    return (await db.query<{ t: string | null }>('SELECT to_regclass($1)::text AS t', [table])).rows[0].t !== null;
  } finally {
    await db.end();
  }
}

async function userId(url: string, email: string): Promise<string> {
  const db = await connect(url);
  try {
    return (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0].id;
  } finally {
    await db.end();
  }
}

const BENCH_KEYS = `idempotency_key LIKE 'bench-%' OR idempotency_key LIKE 'floor-%'`;

/**
 * Removes the progress entries the benchmark itself logged (W3 and its floor, recognisable by their
 * idempotency keys) and points each affected activity back at its latest remaining entry, so every
 * run measures the dataset as generated. (Only the benchmark's own rows in the benchmark's database:
 * in Planspor itself progress entries are never deleted.) The audit rows of those calls remain.
 */
async function removeBenchEntries(url: string): Promise<number> {
  const db = await connect(url);
  try {
    await db.query('BEGIN');
    const affected = (await db.query<{ id: string }>(`SELECT DISTINCT activity_id AS id FROM progress_entries WHERE ${BENCH_KEYS}`)).rows.map((r) => r.id);
    if (affected.length === 0) {
      await db.query('ROLLBACK');
      return 0;
    }
    await db.query('UPDATE activities SET latest_progress_id = NULL WHERE id = ANY($1::uuid[])', [affected]);
    // Deleting a progress entry makes PostgreSQL look for activities pointing at it, and
    // activities.latest_progress_id has no index (the app never deletes entries): thousands of
    // deletes would each scan all activities. The pointers of the affected activities were cleared
    // just above and are set again below, so this transaction skips the foreign-key triggers (needs a
    // superuser, as on the benchmark's own server; otherwise the entries stay).
    try {
      await db.query(`SET LOCAL session_replication_role = replica`);
    } catch {
      await db.query('ROLLBACK');
      process.stderr.write('[bench] cannot skip foreign-key triggers (not a superuser): the benchmark\'s progress entries stay\n');
      return 0;
    }
    const removed = await db.query(`DELETE FROM progress_entries WHERE activity_id = ANY($1::uuid[]) AND (${BENCH_KEYS})`, [affected]);
    // Triggers on again: the one that copies the latest entry's figures onto the activity row must
    // fire for the pointers set next (in replica mode it did not, and they were left empty).
    await db.query(`SET LOCAL session_replication_role = origin`);
    await db.query(
      `UPDATE activities a SET latest_progress_id = (
         SELECT e.id FROM progress_entries e WHERE e.activity_id = a.id AND e.retracted_at IS NULL
         ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC LIMIT 1)
       WHERE a.id = ANY($1::uuid[])`,
      [affected],
    );
    await db.query('COMMIT');
    return removed.rowCount ?? 0;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end();
  }
}

/**
 * Dead rows and fresh statistics out of the way before measuring (the bench server may run without
 * autovacuum): the tables W3 and its cleanup write, and those the kept figures' triggers update.
 */
async function vacuum(url: string): Promise<void> {
  const db = await connect(url);
  try {
    await db.query('VACUUM (ANALYZE) progress_entries, activities, plan_figures, goals, indicators');
  } finally {
    await db.end();
  }
}

async function countEntries(url: string): Promise<number> {
  const db = await connect(url);
  try {
    return (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_entries')).rows[0].n;
  } finally {
    await db.end();
  }
}

async function w3Check(
  url: string,
  before: number,
  after: number,
  runs: { connections: number; prefix: string; ok: number }[],
  returnedIds: string[],
  touched: string[],
): Promise<NonNullable<BenchResults['checks']['w3']>> {
  const db = await connect(url);
  try {
    const perRun = [];
    for (const run of runs) {
      const stored = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_entries WHERE idempotency_key LIKE $1', [`${run.prefix}%`])).rows[0].n;
      perRun.push({ connections: run.connections, acknowledged: run.ok, stored });
    }
    const found = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM progress_entries WHERE id = ANY($1::uuid[])', [returnedIds])).rows[0].n;
    const wrongPointers = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM activities a
          WHERE a.id = ANY($1::uuid[])
            AND a.latest_progress_id IS DISTINCT FROM (
              SELECT e.id FROM progress_entries e WHERE e.activity_id = a.id AND e.retracted_at IS NULL
              ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC LIMIT 1)`,
        [touched],
      )
    ).rows[0].n;
    const acknowledged = runs.reduce((s, r) => s + r.ok, 0);
    return {
      entriesBefore: before,
      entriesAfter: after,
      acknowledged,
      returnedIdsFound: found,
      returnedIds: returnedIds.length,
      perRun,
      wrongLatestPointers: wrongPointers,
      noneLost: after - before === acknowledged && found === returnedIds.length && perRun.every((r) => r.stored === r.acknowledged),
    };
  } finally {
    await db.end();
  }
}

async function databaseInfo(url: string) {
  const db = await connect(url);
  try {
    const version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    const counts = (
      await db.query(`SELECT (SELECT count(*) FROM plans)::int AS plans,
                             (SELECT count(*) FROM municipalities)::int AS municipalities,
                             (SELECT count(*) FROM goals)::int AS goals,
                             (SELECT count(*) FROM indicators)::int AS indicators,
                             (SELECT count(*) FROM measurements)::int AS measurements,
                             (SELECT count(*) FROM activities)::int AS activities,
                             (SELECT count(*) FROM activity_goal_links)::int AS links,
                             (SELECT count(*) FROM progress_entries)::int AS progress_entries,
                             pg_size_pretty(pg_database_size(current_database())) AS database_size`)
    ).rows[0];
    const settings: Record<string, string> = {};
    for (const name of ['shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'max_parallel_workers_per_gather']) {
      settings[name] = (await db.query(`SHOW ${name}`)).rows[0][name];
    }
    return { version, counts, settings };
  } finally {
    await db.end();
  }
}

async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": letters, digits and _ only`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

main().catch((error) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
