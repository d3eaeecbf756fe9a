#!/usr/bin/env node
// Database outage (issue 4, part 4): the built app on a throwaway PostgreSQL cluster, under load,
// while the database is stopped, frozen (SIGSTOP) and has its sessions terminated (57P01).
// The process must not crash, /health must say 503 within 2 s, requests must fail fast with
// SERVICE_UNAVAILABLE, service must come back by itself within 5 s, and no acknowledged write may be lost.
//
//   npm run build && node scripts/fault/outage.mjs        (FAULT_VERBOSE=1 shows the app's log)
import {
  App,
  Checks,
  Cluster,
  DEMO,
  JWT_SECRET,
  Load,
  deadline,
  describe,
  fmt,
  gql,
  health,
  loggedFailureShapes,
  login,
  now,
  planContext,
  requireBuild,
  sleep,
  sql,
  waitFor,
} from './lib.mjs';

const HEALTH_503_WITHIN_MS = 2_000;
const RECOVER_WITHIN_MS = 5_000;
/** A request during an outage answers within this; on a frozen server the query deadline (10 s) bounds it. */
const FAIL_FAST_MS = 3_000;
const FROZEN_FAIL_WITHIN_MS = 12_000;
/** How long the server stays frozen: past the 10 s query deadline (src/database/data-source-options.ts). */
const FROZEN_HOLD_MS = 11_500;

const checks = new Checks('Database outage: stopped, frozen, sessions terminated');
deadline(240, checks);
requireBuild();

const cluster = await Cluster.create();
checks.info(`throwaway PostgreSQL on 127.0.0.1:${cluster.port} (${cluster.data})`);
const app = await App.start({ env: { DATABASE_URL: cluster.url, JWT_SECRET, DEMO_DATA: 'true' }, name: 'outage' });
checks.info(`app pid ${app.pid} at ${app.url}`);
checks.keepLogOf(app);
const token = await login(app.url, DEMO.projekt);
const context = await planContext(app.url, token);
checks.check('health is 200 with the database up', (await health(app.url)).status === 200);

const READ = `query($id: ID!) { plan(id: $id) { id title } }`;
const read = () => gql(app.url, READ, { id: context.planId }, token, { timeoutMs: 20_000 });
const write = (key) =>
  gql(
    app.url,
    `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`,
    { input: { activityId: context.activities[0], reportedOn: new Date().toISOString().slice(0, 10), percentComplete: 10, note: key, idempotencyKey: key } },
    token,
    { timeoutMs: 20_000 },
  );

const allLoads = [];

/** Health 503 (measured from `since`), then `count` reads and writes that must fail with SERVICE_UNAVAILABLE within `withinMs`. */
async function duringOutage(label, since, { withinMs, count = 6 }) {
  const unhealthy = await waitFor(async () => (await health(app.url, 5_000)).status === 503, { timeoutMs: 10_000 });
  const to503 = unhealthy === undefined ? undefined : now() - since;
  checks.check(`${label}: /health reports 503 within ${HEALTH_503_WITHIN_MS} ms`, to503 !== undefined && to503 <= HEALTH_503_WITHIN_MS, fmt(to503));
  const probes = await Promise.all(
    Array.from({ length: count }, (_, i) => (i % 2 ? write(`${label}-probe-${i}-${Date.now()}`) : read())),
  );
  const codes = describe(countBy(probes.map((p) => p.code ?? p.error ?? `http:${p.status}`)));
  const slowest = Math.max(...probes.map((p) => p.ms));
  checks.check(
    `${label}: ${count} reads and writes fail with SERVICE_UNAVAILABLE`,
    probes.every((p) => p.status === 200 && p.code === 'SERVICE_UNAVAILABLE' && p.data === null),
    codes,
  );
  checks.check(`${label}: each answered within ${withinMs} ms (no hanging)`, slowest <= withinMs, `slowest ${fmt(slowest)}`);
  const h = await health(app.url, 5_000);
  checks.check(`${label}: /health answers 503 quickly while down`, h.status === 503 && h.ms < 1_500, `${h.status} in ${fmt(h.ms)}`);
  return to503;
}

async function recovery(label, since) {
  const back = await waitFor(
    async () => (await health(app.url, 2_000)).status === 200 && !(await read()).errors && !(await write(`${label}-recovered-${Date.now()}`)).errors,
    { timeoutMs: 15_000, intervalMs: 50 },
  );
  const ms = back === undefined ? undefined : now() - since;
  checks.check(`${label}: reads, writes and /health recover within ${RECOVER_WITHIN_MS} ms of the database's return`, ms !== undefined && ms <= RECOVER_WITHIN_MS, fmt(ms));
  return ms;
}

function loadVerdict(label, load) {
  const counts = load.summary();
  const bad = load.results.filter((r) => !r.ok && r.code !== 'SERVICE_UNAVAILABLE');
  checks.check(`${label}: every request under load either succeeded or failed with SERVICE_UNAVAILABLE`, bad.length === 0, describe(counts));
  for (const r of bad.slice(0, 5)) checks.info(`  unexpected: ${JSON.stringify(r)}`);
  const slowest = Math.max(0, ...load.results.map((r) => r.ms));
  checks.info(`${label}: ${load.results.length} requests under load, slowest ${fmt(slowest)}`);
  allLoads.push(load);
}

const measured = {};

// -- 1. pg_ctl stop -m fast under load: sessions end with 57P01, then ECONNREFUSED ----------------
checks.section('1. PostgreSQL stopped (pg_ctl stop -m fast) under load, then started again');
{
  const load = new Load(app.url, token, context, { concurrency: 4, tag: 'stop' }).start();
  await sleep(1_000);
  const t0 = now();
  cluster.stop('fast');
  const down = now();
  checks.info(`pg_ctl stop took ${fmt(down - t0)}`);
  measured.stop503 = await duringOutage('stopped', down, { withinMs: FAIL_FAST_MS });
  checks.check('stopped: the app process is still running', app.alive);
  await sleep(1_000);
  cluster.start();
  const up = now();
  measured.stopRecover = await recovery('stopped', up);
  await sleep(500);
  loadVerdict('stopped', await load.stop().then(() => load));
}

// -- 2. Frozen server: connections stay open, nothing answers (a hung host or a lost route) -------
checks.section('2. PostgreSQL frozen (SIGSTOP of every server process), then thawed');
{
  const load = new Load(app.url, token, context, { concurrency: 12, tag: 'frozen', timeoutMs: 30_000 }).start();
  await sleep(800);
  const t0 = now();
  cluster.freeze();
  measured.frozen503 = await duringOutage('frozen', t0, { withinMs: FROZEN_FAIL_WITHIN_MS, count: 14 });
  // Long enough for queries caught on a frozen connection to reach the client's query deadline.
  await sleep(Math.max(0, t0 + FROZEN_HOLD_MS - now()));
  checks.check('frozen: the app process is still running', app.alive);
  const deadlineHits = (app.output.match(/did not answer within/g) ?? []).length;
  checks.check('frozen: queries stuck on a frozen connection were given up at the query deadline', deadlineHits > 0, `${deadlineHits} connection(s) dropped`);
  cluster.thaw();
  const up = now();
  measured.frozenRecover = await recovery('frozen', up);
  await sleep(500);
  await load.stop();
  const slowest = Math.max(...load.results.map((r) => r.ms));
  checks.check(`frozen: no request under load waited longer than ${FROZEN_FAIL_WITHIN_MS} ms`, slowest <= FROZEN_FAIL_WITHIN_MS, `slowest ${fmt(slowest)}`);
  loadVerdict('frozen', load);
}

// -- 3. Sessions terminated by the server (pg_terminate_backend: SQLSTATE 57P01) mid-request ------
checks.section('3. Sessions terminated mid-load (pg_terminate_backend, SQLSTATE 57P01)');
{
  const load = new Load(app.url, token, context, { concurrency: 6, tag: 'terminate', pauseMs: 0 }).start();
  await sleep(500);
  let terminated = 0;
  const until = now() + 2_500;
  while (now() < until) {
    const rows = await sql(cluster.url, `SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'planspor' AND pid <> pg_backend_pid()) t`);
    terminated += rows[0].n;
    await sleep(60);
  }
  const t0 = now();
  checks.info(`terminated ${terminated} sessions in 2.5 s`);
  measured.terminateRecover = await recovery('terminated', t0);
  await sleep(300);
  await load.stop();
  loadVerdict('terminated', load);
  const failed = load.results.filter((r) => !r.ok).length;
  checks.info(`terminated: ${failed} of ${load.results.length} requests hit a terminated session`);
}

// -- Acknowledged writes are stored; the app never crashed --------------------------------------
checks.section('Acknowledged writes and process health');
{
  const acknowledged = allLoads.flatMap((l) => l.acknowledgedWrites());
  const ids = acknowledged.map((r) => r.id);
  const stored = await sql(cluster.url, `SELECT id::text, idempotency_key FROM progress_entries WHERE id = ANY($1::uuid[])`, [ids]);
  const storedIds = new Set(stored.map((r) => r.id));
  const missing = acknowledged.filter((r) => !storedIds.has(r.id));
  checks.check(`all ${acknowledged.length} acknowledged logProgress writes are stored`, missing.length === 0, missing.length ? `${missing.length} missing, e.g. ${missing[0].key}` : '');
  const audited = await sql(cluster.url, `SELECT count(DISTINCT entity_id)::int AS n FROM audit_events WHERE operation = 'logProgress' AND entity = 'ProgressEntry' AND entity_id = ANY($1::text[])`, [ids]);
  checks.check('each has its audit row', audited[0].n === acknowledged.length, `${audited[0].n} of ${acknowledged.length}`);

  checks.check('the app process never crashed', app.alive);
  const unhandled = app.unhandledErrors();
  checks.check('the app logged no unhandled rejection or uncaught exception', unhandled.length === 0, unhandled[0]);
  const internal = allLoads.flatMap((l) => l.results).filter((r) => r.code === 'INTERNAL_SERVER_ERROR');
  checks.check('no request got INTERNAL_SERVER_ERROR', internal.length === 0, internal.length ? `${internal.length}` : '');
  checks.info('failure shapes the app saw (from its log):');
  for (const [shape, n] of loggedFailureShapes(app.output)) checks.info(`  ${String(n).padStart(4)} × ${shape}`);

  const t0 = now();
  app.signal('SIGTERM');
  const exit = await app.waitExit(12_000);
  checks.check('SIGTERM afterwards: the app exits with code 0', exit?.code === 0, exit ? `code ${exit.code} in ${fmt(now() - t0)}` : 'did not exit');
}

console.log(
  `measured: stopped → 503 ${fmt(measured.stop503)}, recovered ${fmt(measured.stopRecover)}; ` +
    `frozen → 503 ${fmt(measured.frozen503)}, recovered ${fmt(measured.frozenRecover)}; ` +
    `sessions terminated → recovered ${fmt(measured.terminateRecover)}`,
);
process.exit(checks.summary());

function countBy(values) {
  const counts = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
