import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Planspor as a child process (`node dist/src/main.js`), with its memory sampled from /proc. */
export class AppProcess {
  private timer?: NodeJS.Timeout;
  /** Largest VmRSS seen since the last resetWindow(), in kB. */
  private windowPeakKb = 0;
  private exited = false;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly logFile: string,
  ) {
    child.once('exit', () => (this.exited = true));
  }

  /**
   * Starts the app against `databaseUrl` and waits for /health. Runs in a scratch folder so the
   * non-production schema.gql it writes at start does not land in the repository. An empty
   * `databaseUrl` starts the embedded engine (its data folder, if any, in that scratch folder); an
   * empty value in `extraEnv` removes the variable.
   */
  static async start(repoRoot: string, databaseUrl: string, extraEnv: Record<string, string> = {}, startTimeoutMs = 60_000): Promise<AppProcess> {
    const port = await freePort();
    const cwd = mkdtempSync(join(tmpdir(), 'planspor-bench-app-'));
    const logFile = join(cwd, 'app.log');
    const log = createWriteStream(logFile);
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: 'planspor-bench-secret-planspor-bench-secret-0123456789',
      PORT: String(port),
      // Development mode by default: responses then carry X-SQL-Statements (the benchmark times
      // its workloads on an app started with NODE_ENV=production, see run.ts).
      NODE_ENV: 'development',
      DEMO_DATA: 'false',
      LOG_SQL: 'false',
      TZ: 'UTC',
      ...extraEnv,
    };
    for (const [name, value] of Object.entries(env)) if (value === '') delete env[name];
    const child = spawn(process.execPath, [resolve(repoRoot, 'dist/src/main.js')], {
      cwd,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    const app = new AppProcess(child, `http://127.0.0.1:${port}`, logFile);
    const deadline = Date.now() + startTimeoutMs;
    for (;;) {
      if (app.exited) throw new Error(`the app exited during start; its log:\n${app.tail()}`);
      try {
        const response = await fetch(`${app.url}/health`);
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        app.stop();
        throw new Error(`the app did not answer /health within ${startTimeoutMs / 1000} s; its log:\n${app.tail()}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    app.timer = setInterval(() => app.sample(), 50);
    app.timer.unref();
    return app;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** VmRSS and VmHWM (peak RSS since start) in kB. */
  memory(): { rssKb: number; hwmKb: number } {
    try {
      const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
      return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') };
    } catch {
      return { rssKb: 0, hwmKb: 0 };
    }
  }

  /** CPU time (user + system) the app has used so far, ms. */
  cpuMs(): number {
    return processCpuMs(this.pid) ?? 0;
  }

  private sample(): void {
    const { rssKb } = this.memory();
    if (rssKb > this.windowPeakKb) this.windowPeakKb = rssKb;
  }

  /** Starts a new window for peakInWindowMb(). */
  resetWindow(): void {
    this.windowPeakKb = this.memory().rssKb;
  }

  peakInWindowMb(): number {
    this.sample();
    return Math.round(this.windowPeakKb / 102.4) / 10;
  }

  tail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no log)';
    }
  }

  /** SIGTERM (the app finishes requests in flight and closes its pool), SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.exited) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}

const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process from /proc/<pid>/stat, ms; undefined when it is gone. */
function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces), from field 3 on.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** CPU time used so far by each PostgreSQL server process on this machine, ms, by pid. */
export function postgresCpuSnapshot(): Map<number, number> {
  const snapshot = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/stat`, 'utf8').includes('(postgres)')) continue;
    } catch {
      continue;
    }
    const ms = processCpuMs(Number(entry));
    if (ms !== undefined) snapshot.set(Number(entry), ms);
  }
  return snapshot;
}

/**
 * PostgreSQL CPU between two snapshots, ms: per process, so that a connection closing in between
 * (taking its counter with it) does not make the sum go down; a new one counts from zero.
 */
export function postgresCpuSince(before: Map<number, number>, after = postgresCpuSnapshot()): number {
  let total = 0;
  for (const [pid, ms] of after) total += ms - (before.get(pid) ?? 0);
  return total;
}

/** Busy CPU time of the whole machine so far (all cores; idle and iowait excluded), ms. */
export function machineBusyMs(): number {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields.map(Number);
  void idle;
  void iowait;
  return ((user + nice + system + irq + softirq + steal) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
