#!/usr/bin/env node
// Graceful shutdown (issue 4, part 5): SIGTERM under load, on a PostgreSQL server and on the
// embedded engine. Requests in flight finish (a request whose body is still arriving when the signal
// comes gets its full answer), new ones are refused (connection refused or 503), idle keep-alive
// connections do not hold the process open, the pool and the embedded engine close in order, the
// process exits with 0 within 10 s, and every acknowledged write is there afterwards.
//
//   npm run build && node scripts/fault/shutdown.mjs
import { existsSync } from 'node:fs';
import http from 'node:http';
import { join } from 'node:path';
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
  login,
  now,
  planContext,
  post,
  requireBuild,
  sleep,
  sql,
  tempDir,
  today,
} from './lib.mjs';

const EXIT_WITHIN_MS = 10_000;
const checks = new Checks('Graceful shutdown: SIGTERM under load');
deadline(180, checks);
requireBuild();

const LOG_PROGRESS = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;

/**
 * A request whose body arrives in two halves, `gapMs` apart: it is in flight (headers received)
 * when `between()` runs. Resolves with { status, headers, json } or { error }.
 */
function slowRequest(url, body, token, between, gapMs) {
  return new Promise((resolveRequest) => {
    const target = new URL(`${url}/graphql`);
    const payload = Buffer.from(body);
    const req = http.request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${token}` },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          let json;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolveRequest({ status: res.statusCode, headers: res.headers, json, at: now() });
        });
      },
    );
    req.on('error', (error) => resolveRequest({ error: error.code ?? String(error), at: now() }));
    req.write(payload.subarray(0, payload.length >> 1));
    setTimeout(async () => {
      await between();
      setTimeout(() => req.end(payload.subarray(payload.length >> 1)), gapMs);
    }, 300);
  });
}

/** One request on a keep-alive agent, leaving an idle kept-alive socket open to the server. */
function idleKeepAlive(url) {
  const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
  return new Promise((resolveIdle, reject) => {
    http
      .get(`${url}/health`, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolveIdle(agent));
      })
      .on('error', reject);
  });
}

/**
 * SIGTERM while `load` runs and a slow request is in flight; returns what the checks need.
 * `label` prefixes each check.
 */
async function sigtermUnderLoad(label, app, token, context) {
  const load = new Load(app.url, token, context, { concurrency: 6, writeShare: 0.5, pauseMs: 2, tag: `shutdown-${label}`, timeoutMs: 15_000 }).start();
  const agent = await idleKeepAlive(app.url);
  await sleep(1_200);
  const slowKey = `slow-${label}-${Date.now()}`;
  let signalledAt;
  const slow = slowRequest(
    app.url,
    JSON.stringify({ query: LOG_PROGRESS, variables: { input: { activityId: context.activities[0], reportedOn: today(), percentComplete: 50, note: 'slow', idempotencyKey: slowKey } } }),
    token,
    async () => {
      signalledAt = now();
      app.signal('SIGTERM');
      await sleep(150);
    },
    800,
  );
  await sleep(300 + 150 + 50);
  // The signal has arrived: a new connection must be refused (or answered 503).
  const fresh = await post(app.url, JSON.stringify({ query: '{ me { id } }' }), token, { timeoutMs: 5_000 });
  const exit = await app.waitExit(15_000);
  const exitMs = exit ? app.exitedAt - signalledAt : undefined;
  await load.stop();
  agent.destroy();
  const slowResult = await slow;

  checks.check(`${label}: a new request after SIGTERM is refused`, fresh.error === 'ECONNREFUSED' || fresh.status === 503, fresh.error ?? `HTTP ${fresh.status}`);
  checks.check(
    `${label}: the request in flight at SIGTERM (its body still arriving) got its full answer`,
    slowResult.status === 200 && Boolean(slowResult.json?.data?.logProgress?.id),
    slowResult.error ?? `HTTP ${slowResult.status} ${JSON.stringify(slowResult.json?.errors?.[0]?.extensions ?? '')}`,
  );
  checks.check(`${label}: …with Connection: close`, slowResult.headers?.connection === 'close', slowResult.headers?.connection);
  checks.check(`${label}: the process exits with code 0 within ${EXIT_WITHIN_MS} ms of SIGTERM`, exit?.code === 0 && exitMs <= EXIT_WITHIN_MS, exit ? `code ${exit.code} after ${fmt(exitMs)}` : 'still running');

  // Every outcome: a full answer, a 503 while stopping, or a refused/closed connection (never
  // processed). Never a database error (the pool closed under a request) or a 500.
  const afterSignal = load.results.filter((r) => r.at >= signalledAt);
  const bad = load.results.filter(
    (r) => !(r.ok || (r.status === 503 && r.code === 'SERVICE_UNAVAILABLE' && /shutting down/.test(r.message ?? '')) || (r.status === 0 && /ECONNREFUSED|UND_ERR_SOCKET|ECONNRESET/.test(r.error))),
  );
  checks.check(`${label}: every request under load either completed or was refused`, bad.length === 0, `${describe(load.summary())}; after SIGTERM: ${describe(load.summary(afterSignal))}`);
  for (const r of bad.slice(0, 5)) checks.info(`  unexpected: ${JSON.stringify(r)}`);
  const order = ['SIGTERM: refusing new requests', 'Stopping: no new connections', 'Stopping: HTTP and database connections closed'];
  return { load, slowKey, slowId: slowResult.json?.data?.logProgress?.id, exitMs, order };
}

function checkOrder(label, app, lines) {
  let position = -1;
  const missing = [];
  for (const line of lines) {
    const at = app.output.indexOf(line, position + 1);
    if (at < 0) missing.push(line);
    else position = at;
  }
  checks.check(`${label}: stopped in order (${lines.map((l) => l.replace(/^Stopping: |:.*$/g, '')).join(' → ')})`, missing.length === 0, missing.length ? `missing or out of order: ${missing.join('; ')}` : '');
}

const measured = {};

// -- 1. A PostgreSQL server ------------------------------------------------------------------------
checks.section('1. DATABASE_URL (a PostgreSQL server)');
{
  const cluster = await Cluster.create();
  const app = await App.start({ env: { DATABASE_URL: cluster.url, JWT_SECRET, DEMO_DATA: 'true' }, name: 'shutdown-server' });
  checks.keepLogOf(app);
  const token = await login(app.url, DEMO.projekt);
  const context = await planContext(app.url, token);
  const logBefore = cluster.logText().length;
  const result = await sigtermUnderLoad('server', app, token, context);
  measured.server = result.exitMs;
  checkOrder('server', app, result.order);

  const ids = [...result.load.acknowledgedWrites().map((r) => r.id), result.slowId].filter(Boolean);
  const stored = await sql(cluster.url, `SELECT count(*)::int AS n FROM progress_entries WHERE id = ANY($1::uuid[])`, [ids]);
  checks.check(`server: all ${ids.length} acknowledged writes are stored`, stored[0].n === ids.length, `${stored[0].n} of ${ids.length}`);
  const refusedWrites = result.load.results.filter((r) => r.write && r.status === 0).map((r) => r.key);
  const processed = await sql(cluster.url, `SELECT count(*)::int AS n FROM progress_entries WHERE idempotency_key = ANY($1)`, [refusedWrites]);
  checks.check(`server: none of the ${refusedWrites.length} writes refused at the connection was processed`, processed[0].n === 0, `${processed[0].n} stored`);
  const sessions = await sql(cluster.url, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'planspor'`);
  checks.check('server: no database session left open', sessions[0].n === 0, `${sessions[0].n}`);
  const serverLog = cluster.logText().slice(logBefore);
  const abrupt = serverLog.split('\n').filter((l) => /unexpected EOF on client connection|could not receive data from client|connection reset/i.test(l));
  checks.check('server: the pool closed its connections cleanly (no "unexpected EOF" in the server log)', abrupt.length === 0, abrupt[0]);

  // Nothing in flight, one idle keep-alive connection: it must not hold the process (Node's
  // keep-alive timeout is 5 s).
  const idle = await App.start({ env: { DATABASE_URL: cluster.url, JWT_SECRET }, name: 'shutdown-idle' });
  checks.keepLogOf(idle);
  const agent = await idleKeepAlive(idle.url);
  const t0 = now();
  idle.signal('SIGTERM');
  const exit = await idle.waitExit(12_000);
  measured.idle = exit ? idle.exitedAt - t0 : undefined;
  agent.destroy();
  checks.check('server, idle with a kept-alive connection open: exits with 0 within 1000 ms', exit?.code === 0 && measured.idle <= 1_000, exit ? `code ${exit.code} after ${fmt(measured.idle)}` : 'still running');
}

// -- 2. The embedded engine --------------------------------------------------------------------------
checks.section('2. The embedded engine (npm start default, a temporary DATA_DIR)');
{
  const dataDir = join(tempDir('shutdown-embedded'), 'data');
  const app = await App.start({ env: { DATA_DIR: dataDir }, name: 'shutdown-embedded' });
  checks.keepLogOf(app);
  const token = await login(app.url, DEMO.projekt);
  const context = await planContext(app.url, token);
  const result = await sigtermUnderLoad('embedded', app, token, context);
  measured.embedded = result.exitMs;
  checkOrder('embedded', app, [...result.order, 'Stopping: embedded engine stopped, lock released']);
  checks.check('embedded: the lock file is gone', !existsSync(join(dataDir, 'planspor.lock')));

  const started = now();
  const again = await App.start({ env: { DATA_DIR: dataDir }, name: 'shutdown-embedded-restart' });
  checks.keepLogOf(again);
  checks.info(`restarted on the same DATA_DIR in ${fmt(now() - started)}`);
  const token2 = await login(again.url, DEMO.projekt);
  const stored = new Set();
  for (const activityId of context.activities) {
    const r = await gql(again.url, `query($id: ID!) { activity(id: $id) { progressEntries { id } } }`, { id: activityId }, token2);
    for (const entry of r.data?.activity?.progressEntries ?? []) stored.add(entry.id);
  }
  const acknowledged = [...result.load.acknowledgedWrites().map((r) => r.id), result.slowId].filter(Boolean);
  const missing = acknowledged.filter((id) => !stored.has(id));
  checks.check(`embedded: after a restart all ${acknowledged.length} acknowledged writes are there`, missing.length === 0, missing.length ? `${missing.length} missing` : '');
  const t0 = now();
  again.signal('SIGTERM');
  const exit = await again.waitExit(12_000);
  measured.embeddedIdle = exit ? again.exitedAt - t0 : undefined;
  checks.check('embedded, idle: exits with 0 and releases the lock', exit?.code === 0 && !existsSync(join(dataDir, 'planspor.lock')), exit ? `code ${exit.code} after ${fmt(measured.embeddedIdle)}` : 'still running');
}

console.log(
  `measured: SIGTERM → exit under load ${fmt(measured.server)} (server), ${fmt(measured.embedded)} (embedded, incl. the 0.8 s slow request); ` +
    `idle ${fmt(measured.idle)} (server), ${fmt(measured.embeddedIdle)} (embedded)`,
);
process.exit(checks.summary());
