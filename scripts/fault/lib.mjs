// Shared by the fault scripts: a throwaway PostgreSQL cluster, the built app as a child process,
// GraphQL over HTTP, and PASS/FAIL bookkeeping. Plain Node (no build step); loopback only.
import { spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MAIN = join(ROOT, 'dist/src/main.js');
export const JWT_SECRET = 'fault-tests-secret-fault-tests-secret-0123456789';
export const ADMIN = { email: 'admin@planspor.demo', password: 'demo-admin-2026' };
export const DEMO = {
  lbf: { email: 'lbf@planspor.demo', password: 'demo-lbf-2026' },
  projekt: { email: 'projekt@planspor.demo', password: 'demo-projekt-2026' },
  projekt2: { email: 'projekt2@planspor.demo', password: 'demo-projekt-2026' },
  bestyrelse: { email: 'bestyrelse@planspor.demo', password: 'demo-bestyrelse-2026' },
  omraade: { email: 'omraade@planspor.demo', password: 'demo-omraade-2026' },
};

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const now = () => performance.now();

// ---------------------------------------------------------------------------------------------
// PASS / FAIL

export class Checks {
  constructor(title) {
    this.title = title;
    this.passed = 0;
    this.failed = 0;
    this.started = now();
    console.log(`== ${title}`);
  }
  section(name) {
    console.log(`-- ${name}`);
  }
  info(message) {
    console.log(`   ${message}`);
  }
  check(name, ok, detail) {
    if (ok) this.passed++;
    else this.failed++;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail === undefined || detail === '' ? '' : ` (${detail})`}`);
    return ok;
  }
  /** Where to keep an app's log when anything failed (printed with the summary). */
  keepLogOf(app) {
    (this.apps ??= []).push(app);
  }
  /** Prints the one summary line and returns the exit code. */
  summary() {
    if (this.failed > 0) {
      for (const app of this.apps ?? []) {
        const file = join(tmpdir(), `planspor-fault-${app.name}-${app.pid}.log`);
        writeFileSync(file, app.output);
        console.log(`   the app's log: ${file}`);
      }
    }
    console.log(`== ${this.title}: ${((now() - this.started) / 1000).toFixed(1)} s`);
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed > 0 ? 1 : 0;
  }
}

// ---------------------------------------------------------------------------------------------
// Cleanup: whatever the scripts start is stopped on exit, also after a crash or Ctrl-C.

const cleanups = [];
export function onCleanup(fn) {
  cleanups.push(fn);
}
function runCleanups() {
  while (cleanups.length) {
    try {
      cleanups.pop()();
    } catch {
      // best effort
    }
  }
}
process.on('exit', runCleanups);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    runCleanups();
    process.exit(130);
  });
}

/** A hard limit on the whole script: the fault tests must never hang CI. */
export function deadline(seconds, checks) {
  setTimeout(() => {
    checks.check(`the script finished within ${seconds} s`, false);
    process.exitCode = checks.summary() || 1;
    process.exit(process.exitCode);
  }, seconds * 1000).unref();
}

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `planspor-${prefix}-`));
  onCleanup(() => {
    if (!process.env.FAULT_KEEP) rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

export async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

// ---------------------------------------------------------------------------------------------
// A throwaway PostgreSQL cluster in a temporary folder, on its own port. Never the machine's server.

function pgBin() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin/initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error('no PostgreSQL binaries found (set PG_BIN to the folder with initdb and pg_ctl)');
  return join(base, versions[0], 'bin');
}

const isRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL tool, as the `postgres` OS user when we are root (initdb refuses root). */
function pgTool(tool, args, { allowFail = false } = {}) {
  const bin = join(pgBin(), tool);
  const result = isRoot
    ? spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' })
    : spawnSync(bin, args, { encoding: 'utf8' });
  if (result.status !== 0 && !allowFail) {
    throw new Error(`${tool} ${args.join(' ')} failed: ${result.stderr || result.stdout}`);
  }
  return result;
}

export class Cluster {
  static async create() {
    const dir = tempDir('pg');
    if (isRoot) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    const cluster = new Cluster(dir, await freePort());
    pgTool('initdb', ['-D', cluster.data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    // Port, address and socket folder live in the configuration: no restart can land on another port.
    const conf = [
      `port = ${cluster.port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = '${dir}'`,
      `max_connections = 60`,
      `shared_buffers = 32MB`,
      `fsync = on`,
      `synchronous_commit = on`,
      `log_line_prefix = '%m [%p] %a '`,
    ].join('\n');
    const confFile = join(cluster.data, 'postgresql.conf');
    writeFileSync(confFile, `${readFileSync(confFile, 'utf8')}\n# planspor fault tests\n${conf}\n`);
    onCleanup(() => cluster.destroySync());
    await cluster.start();
    return cluster;
  }

  constructor(dir, port) {
    this.dir = dir;
    this.port = port;
    this.data = join(dir, 'data');
    this.log = join(dir, 'postgres.log');
    this.url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  }

  /** Starts the server and waits until it accepts connections; retries while a killed one's backends linger. */
  async start(timeoutMs = 20_000) {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const result = pgTool('pg_ctl', ['-D', this.data, '-l', this.log, '-w', '-t', '15', 'start'], { allowFail: true });
      if (result.status === 0) return;
      if (Date.now() > until) throw new Error(`pg_ctl start failed: ${result.stderr || result.stdout}\n${this.logTail()}`);
      await sleep(200);
    }
  }

  /** pg_ctl stop: `fast` terminates sessions (57P01), `immediate` drops them like a crash. */
  stop(mode = 'fast') {
    pgTool('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '20', 'stop']);
  }

  postmasterPid() {
    const file = join(this.data, 'postmaster.pid');
    if (!existsSync(file)) return undefined;
    return Number(readFileSync(file, 'utf8').split('\n')[0]);
  }

  /** The postmaster and every process it started (backends, checkpointer, walwriter …). */
  processes() {
    const pm = this.postmasterPid();
    if (!pm) return [];
    const children = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        if (ppid === pm) children.push(Number(entry));
      } catch {
        // gone
      }
    }
    return [pm, ...children];
  }

  /** kill -9 of the postmaster only: what a crash of the server process looks like. */
  kill9() {
    const pm = this.postmasterPid();
    if (!pm) throw new Error('no postmaster to kill');
    process.kill(pm, 'SIGKILL');
    return pm;
  }

  /** SIGSTOP every server process: a frozen or unreachable host (connections stay open, nothing answers). */
  freeze() {
    this.frozen = this.processes();
    for (const pid of this.frozen) process.kill(pid, 'SIGSTOP');
  }

  thaw() {
    for (const pid of this.frozen ?? []) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // gone
      }
    }
    this.frozen = undefined;
  }

  logTail(lines = 20) {
    try {
      return readFileSync(this.log, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }

  logText() {
    try {
      return readFileSync(this.log, 'utf8');
    } catch {
      return '';
    }
  }

  destroySync() {
    this.thaw();
    pgTool('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', '-t', '10', 'stop'], { allowFail: true });
    // A killed postmaster's backends notice its death and exit by themselves; make sure of it.
    for (const pid of this.processes()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  }
}

function uidOf(user) {
  return Number(spawnSync('id', ['-u', user], { encoding: 'utf8' }).stdout.trim());
}
function gidOf(user) {
  return Number(spawnSync('id', ['-g', user], { encoding: 'utf8' }).stdout.trim());
}

// ---------------------------------------------------------------------------------------------
// The built app (`node dist/src/main.js`) as a child process

export function requireBuild() {
  if (!existsSync(MAIN)) {
    console.error(`${MAIN} is missing: run \`npm run build\` first`);
    process.exit(2);
  }
}

export class App {
  /**
   * Starts the app and waits for "Planspor is serving …". `cwd` is a temporary folder so that the
   * development build's schema.gql (and the embedded engine's default ./data) land there.
   */
  static async start({ env = {}, cwd, timeoutMs = 90_000, name = 'app' } = {}) {
    const dir = cwd ?? tempDir(name);
    const childEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME ?? dir,
      TZ: 'UTC',
      NODE_ENV: 'development',
      PORT: '0',
      ...env,
    };
    const child = spawn(process.execPath, [MAIN], { cwd: dir, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    const app = new App(child, dir, name);
    onCleanup(() => {
      if (app.exitCode === undefined) child.kill('SIGKILL');
    });
    await app.waitForOutput(/Planspor is serving (http:\/\/[^\s/]+)\/graphql/, timeoutMs).then((m) => (app.url = m[1]));
    return app;
  }

  constructor(child, dir, name) {
    this.child = child;
    this.dir = dir;
    this.name = name;
    this.output = '';
    this.exitCode = undefined;
    this.exitSignal = undefined;
    this.exited = new Promise((resolveExit) => {
      child.on('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        this.exitedAt = now();
        resolveExit({ code, signal });
      });
    });
    const append = (chunk) => {
      // Strip colours: the log is searched.
      this.output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, '');
      if (process.env.FAULT_VERBOSE) process.stdout.write(`[${name}] ${chunk}`);
      for (const waiter of [...this.waiters]) waiter();
    };
    this.waiters = new Set();
    child.stdout.on('data', append);
    child.stderr.on('data', append);
  }

  get pid() {
    return this.child.pid;
  }

  get alive() {
    return this.exitCode === undefined && this.exitSignal === undefined;
  }

  waitForOutput(pattern, timeoutMs, from = 0) {
    return new Promise((resolveWait, reject) => {
      const test = () => {
        const match = this.output.slice(from).match(pattern);
        if (match) {
          cleanup();
          resolveWait(match);
        } else if (!this.alive) {
          cleanup();
          reject(new Error(`${this.name} exited (${this.exitCode ?? this.exitSignal}) before ${pattern}:\n${this.output.slice(-3000)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.name}: no ${pattern} within ${timeoutMs} ms:\n${this.output.slice(-3000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(test);
        this.child.off('exit', test);
      };
      this.waiters.add(test);
      this.child.on('exit', test);
      test();
    });
  }

  signal(name) {
    this.child.kill(name);
  }

  /** Waits for the process to exit; resolves with { code, signal, ms } or undefined on timeout. */
  async waitExit(timeoutMs) {
    const started = now();
    const result = await Promise.race([this.exited, sleep(timeoutMs).then(() => undefined)]);
    return result && { ...result, ms: now() - started };
  }

  async stop() {
    if (!this.alive) return;
    this.signal('SIGTERM');
    if (!(await this.waitExit(15_000))) this.signal('SIGKILL');
  }

  /** Lines the app logged that say something went wrong in a way it did not handle. */
  unhandledErrors() {
    return this.output.split('\n').filter((line) => /Unhandled rejection|Uncaught exception|UnhandledPromiseRejection|FATAL ERROR|Segmentation/i.test(line));
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP and GraphQL

/**
 * One GraphQL request. Never throws: { status, body, errors, data, ms, error } where `error` is a
 * network failure (ECONNREFUSED, reset, timeout).
 */
export async function gql(url, query, variables = {}, token, { timeoutMs = 15_000, headers = {} } = {}) {
  return post(url, JSON.stringify({ query, variables }), token, { timeoutMs, headers });
}

export async function post(url, body, token, { timeoutMs = 15_000, headers = {}, path = '/graphql' } = {}) {
  const started = now();
  try {
    const response = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return {
      status: response.status,
      text,
      json,
      data: json?.data ?? null,
      errors: json?.errors,
      code: json?.errors?.[0]?.extensions?.code,
      ms: now() - started,
    };
  } catch (error) {
    return { status: 0, error: networkError(error), ms: now() - started };
  }
}

export function networkError(error) {
  const cause = error?.cause;
  return cause?.code ?? cause?.name ?? error?.name ?? String(error);
}

export async function health(url, timeoutMs = 5_000) {
  const started = now();
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(timeoutMs) });
    await response.text();
    return { status: response.status, ms: now() - started };
  } catch (error) {
    return { status: 0, error: networkError(error), ms: now() - started };
  }
}

export async function login(url, { email, password }) {
  const result = await gql(url, 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: email, p: password });
  const token = result.data?.login?.accessToken;
  if (!token) throw new Error(`login as ${email} failed: ${result.text ?? result.error}`);
  return token;
}

/** Polls `probe` until it returns true; resolves with the elapsed ms, or undefined on timeout. */
export async function waitFor(probe, { timeoutMs, intervalMs = 50 }) {
  const started = now();
  while (now() - started < timeoutMs) {
    if (await probe()) return now() - started;
    await sleep(intervalMs);
  }
  return undefined;
}

export const fmt = (ms) => (ms === undefined ? 'never' : `${Math.round(ms)} ms`);

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Load: a few clients sending reads and acknowledged writes in a loop, recording every outcome.

export const today = () => new Date().toISOString().slice(0, 10);

const PLAN_PAGE = `query($id: ID!) { plan(id: $id) { id title activities { id progress spent } rollup { progress budget } } }`;
const LOG_PROGRESS = `mutation($input: LogProgressInput!) { logProgress(input: $input) { id } }`;

/** The project secretariat's plan and the activities progress can be logged on (ACTIVE, started). */
export async function planContext(url, token) {
  const result = await gql(url, `{ me { plan { id activities { id status startDate } } } }`, {}, token);
  const plan = result.data?.me?.plan;
  if (!plan) throw new Error(`no plan for the project secretariat: ${result.text ?? result.error}`);
  const activities = plan.activities.filter((a) => a.status === 'ACTIVE' && a.startDate <= today()).map((a) => a.id);
  if (!activities.length) throw new Error('the demo plan has no active activity');
  return { planId: plan.id, activities };
}

export class Load {
  /** `writeShare`: the fraction of requests that are logProgress writes with a fresh idempotency key. */
  constructor(url, token, context, { concurrency = 4, writeShare = 0.5, pauseMs = 5, timeoutMs = 15_000, tag = 'load' } = {}) {
    Object.assign(this, { url, token, context, concurrency, writeShare, pauseMs, timeoutMs, tag });
    this.results = [];
    this.running = false;
    this.sequence = 0;
  }

  start() {
    this.running = true;
    this.startedAt = now();
    this.workers = Array.from({ length: this.concurrency }, (_, i) => this.worker(i));
    return this;
  }

  async stop() {
    this.running = false;
    await Promise.all(this.workers);
    return this.summary();
  }

  async worker(index) {
    while (this.running) {
      const n = this.sequence++;
      const write = (n * 7919) % 100 < this.writeShare * 100;
      const sentAt = now();
      let result;
      let key;
      if (write) {
        key = `${this.tag}-${process.pid}-${n}`;
        const activityId = this.context.activities[n % this.context.activities.length];
        result = await gql(
          this.url,
          LOG_PROGRESS,
          { input: { activityId, reportedOn: today(), percentComplete: n % 101, note: key, idempotencyKey: key } },
          this.token,
          { timeoutMs: this.timeoutMs },
        );
      } else {
        result = await gql(this.url, PLAN_PAGE, { id: this.context.planId }, this.token, { timeoutMs: this.timeoutMs });
      }
      const ok = result.status === 200 && !result.errors && result.data;
      this.results.push({
        worker: index,
        write,
        key,
        activityId: write ? this.context.activities[n % this.context.activities.length] : undefined,
        sentAt,
        at: now(),
        ms: result.ms,
        ok: Boolean(ok),
        id: ok && write ? result.data.logProgress.id : undefined,
        status: result.status,
        code: result.code,
        message: result.errors?.[0]?.message,
        error: result.error,
      });
      if (this.pauseMs) await sleep(this.pauseMs);
    }
  }

  /** Outcome counts, e.g. { ok: 120, SERVICE_UNAVAILABLE: 40 }. */
  summary(results = this.results) {
    const counts = {};
    for (const r of results) {
      const key = r.ok ? 'ok' : (r.code ?? (r.error ? `network:${r.error}` : `http:${r.status}`));
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return counts;
  }

  acknowledgedWrites() {
    return this.results.filter((r) => r.write && r.ok);
  }
}

export const describe = (counts) =>
  Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ') || 'none';

/** A direct connection to the database, to see what is really stored. */
export async function sql(url, text, values = []) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The distinct failures the app logged (Nest's ExceptionsHandler logs each resolver error's message). */
export function loggedFailureShapes(output) {
  const shapes = new Map();
  for (const line of output.split('\n')) {
    // The log is JSON a line (docs/operations.md, "Logs"): the part of the app is its `context`.
    let entry;
    try {
      entry = line.startsWith('{') ? JSON.parse(line) : undefined;
    } catch {
      entry = undefined;
    }
    const m = entry
      ? /^(ExceptionsHandler|GraphQL|database|typeorm)$/.test(entry.context ?? '') && [line, entry.context, String(entry.msg ?? '')]
      : line.match(/\[(ExceptionsHandler|GraphQL|database|typeorm)\]\s*(.*)$/);
    if (!m) continue;
    const shape = m[2]
      .replace(/\d+\.\d+\.\d+\.\d+:\d+/g, 'HOST:PORT')
      .replace(/\d+ ms/g, 'N ms')
      .slice(0, 140);
    if (!shape || /Mapped|dependencies initialized/.test(shape)) continue;
    shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
  }
  return shapes;
}
