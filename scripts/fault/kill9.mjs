#!/usr/bin/env node
// Acknowledged writes survive a crash (issue 4, part 4): `kill -9` of the PostgreSQL postmaster in
// the middle of a write load, then a restart; and `kill -9` of the app itself on the embedded engine
// (which runs inside the app's process), then a restart on the same data folder. Every mutation that
// returned success must be stored afterwards, with its audit row; a write that failed and is retried
// with its idempotency key is stored exactly once.
//
//   npm run build && node scripts/fault/kill9.mjs
import { existsSync } from 'node:fs';
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
  health,
  login,
  now,
  planContext,
  requireBuild,
  sleep,
  sql,
  tempDir,
  today,
  waitFor,
} from './lib.mjs';

const checks = new Checks('kill -9: acknowledged writes survive a crash of the database');
deadline(180, checks);
requireBuild();

const LOG_PROGRESS = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;

// -- 1. A real server: kill -9 of the postmaster under a write load -------------------------------
checks.section('1. PostgreSQL: kill -9 of the postmaster mid-load, then restart (crash recovery)');
{
  const cluster = await Cluster.create();
  checks.info(`throwaway PostgreSQL on 127.0.0.1:${cluster.port}`);
  const app = await App.start({ env: { DATABASE_URL: cluster.url, JWT_SECRET, DEMO_DATA: 'true' }, name: 'kill9-server' });
  checks.keepLogOf(app);
  const token = await login(app.url, DEMO.projekt);
  const context = await planContext(app.url, token);

  const load = new Load(app.url, token, context, { concurrency: 8, writeShare: 0.8, pauseMs: 0, tag: 'kill9' }).start();
  await sleep(1_500);
  const beforeKill = load.acknowledgedWrites().length;
  const pid = cluster.kill9();
  const killedAt = now();
  checks.info(`killed postmaster ${pid} after ${beforeKill} acknowledged writes`);
  const unhealthy = await waitFor(async () => (await health(app.url, 3_000)).status === 503, { timeoutMs: 10_000 });
  checks.check('/health reports 503 within 2000 ms of the kill', unhealthy !== undefined && unhealthy <= 2_000, fmt(unhealthy));
  await sleep(1_500);
  checks.check('the app process is still running', app.alive);
  await cluster.start(); // retries while the killed server's backends are still exiting
  const upAt = now();
  checks.info(`restarted PostgreSQL ${fmt(upAt - killedAt)} after the kill (crash recovery included)`);
  const back = await waitFor(async () => (await health(app.url, 2_000)).status === 200, { timeoutMs: 15_000 });
  checks.check('service resumes within 5000 ms of the restart', back !== undefined && back <= 5_000, fmt(back));
  await sleep(1_000);
  await load.stop();
  const counts = load.summary();
  const unexpected = load.results.filter((r) => !r.ok && r.code !== 'SERVICE_UNAVAILABLE');
  checks.check('every request either succeeded or failed with SERVICE_UNAVAILABLE', unexpected.length === 0, describe(counts));
  for (const r of unexpected.slice(0, 5)) checks.info(`  unexpected: ${JSON.stringify(r)}`);

  const acknowledged = load.acknowledgedWrites();
  const ids = acknowledged.map((r) => r.id);
  const stored = await sql(cluster.url, `SELECT id::text FROM progress_entries WHERE id = ANY($1::uuid[])`, [ids]);
  const missing = ids.length - stored.length;
  checks.check(`all ${ids.length} acknowledged writes are stored after the crash`, missing === 0, missing ? `${missing} lost` : `${beforeKill} before the kill`);
  const audited = await sql(
    cluster.url,
    `SELECT count(DISTINCT entity_id)::int AS n FROM audit_events WHERE entity = 'ProgressEntry' AND entity_id = ANY($1::text[])`,
    [ids],
  );
  checks.check('and each has its audit row', audited[0].n === ids.length, `${audited[0].n} of ${ids.length}`);

  // A failed write is ambiguous to its client (it may or may not have committed): retried with its
  // idempotency key it must end up stored exactly once.
  const failedWrites = load.results.filter((r) => r.write && !r.ok);
  for (const r of failedWrites) {
    await gql(app.url, LOG_PROGRESS, { input: { activityId: r.activityId, reportedOn: today(), percentComplete: 1, note: r.key, idempotencyKey: r.key } }, token);
  }
  const keys = failedWrites.map((r) => r.key);
  const perKey = await sql(cluster.url, `SELECT idempotency_key, count(*)::int AS n FROM progress_entries WHERE idempotency_key = ANY($1) GROUP BY 1`, [keys]);
  const once = perKey.filter((row) => row.n === 1).length;
  checks.check(`the ${keys.length} failed writes, retried with their idempotency keys, are each stored exactly once`, once === keys.length, `${once} of ${keys.length}`);

  const recovery = cluster.logText().match(/database system was interrupted|redo done|redo starts/g) ?? [];
  checks.info(`PostgreSQL's log: ${recovery.length ? [...new Set(recovery)].join(', ') : 'no crash recovery lines'}`);
  checks.check('the app never crashed and logged no unhandled error', app.alive && app.unhandledErrors().length === 0, app.unhandledErrors()[0]);
  await app.stop();
}

// -- 2. The embedded engine: kill -9 of the app itself under a write load ------------------------
checks.section('2. Embedded engine: kill -9 of the app mid-load, then restart on the same DATA_DIR');
{
  const dataDir = join(tempDir('embedded'), 'data');
  const env = { DATA_DIR: dataDir };
  const app = await App.start({ env, name: 'kill9-embedded' });
  checks.keepLogOf(app);
  const token = await login(app.url, DEMO.projekt);
  const context = await planContext(app.url, token);
  const load = new Load(app.url, token, context, { concurrency: 4, writeShare: 0.8, pauseMs: 0, tag: 'kill9-embedded' }).start();
  await sleep(2_000);
  app.signal('SIGKILL');
  await app.waitExit(5_000);
  await load.stop();
  const acknowledged = load.acknowledgedWrites();
  checks.info(`killed the app (pid ${app.pid}) after ${acknowledged.length} acknowledged writes; requests: ${describe(load.summary())}`);
  checks.check('the killed process left its lock file behind', existsSync(join(dataDir, 'planspor.lock')));

  const started = now();
  let again;
  try {
    again = await App.start({ env, name: 'kill9-embedded-restart' });
    checks.keepLogOf(again);
  } catch (error) {
    checks.check('the app starts again on the same data folder', false, String(error).slice(0, 300));
  }
  if (again) {
    checks.check('the app starts again on the same data folder (stale lock taken over)', true, `${fmt(now() - started)}`);
    const token2 = await login(again.url, DEMO.projekt);
    const stored = new Set();
    for (const activityId of context.activities) {
      const result = await gql(again.url, `query($id: ID!) { activity(id: $id) { progressEntries { id } } }`, { id: activityId }, token2);
      for (const entry of result.data?.activity?.progressEntries ?? []) stored.add(entry.id);
    }
    const missing = acknowledged.filter((r) => !stored.has(r.id));
    checks.check(`all ${acknowledged.length} acknowledged writes are stored after the kill`, missing.length === 0, missing.length ? `${missing.length} lost` : '');
    const write = await gql(again.url, LOG_PROGRESS, { input: { activityId: context.activities[0], reportedOn: today(), percentComplete: 5, idempotencyKey: `after-restart-${Date.now()}` } }, token2);
    checks.check('and it takes writes again', Boolean(write.data?.logProgress?.id), write.code ?? write.error ?? '');
    const t0 = now();
    again.signal('SIGTERM');
    const exit = await again.waitExit(12_000);
    checks.check('SIGTERM: exits with code 0 and removes its lock file', exit?.code === 0 && !existsSync(join(dataDir, 'planspor.lock')), exit ? `code ${exit.code} in ${fmt(now() - t0)}` : 'did not exit');
  }
}

process.exit(checks.summary());
