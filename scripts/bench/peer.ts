import { spawn } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * The PostGraphile peer (issue 15's comparison), run by its own harness: `<dir>/run.sh`, which lives
 * outside this repository (pass its folder with `--peer <dir>` or PEER_BENCH_DIR). It serves the
 * same answers from SQL functions over the same database, checks both servers' answers equal, and
 * times W1, W2 and W2a on Planspor and PostGraphile in alternating rounds. Nothing of it is copied
 * here: this module starts it and reads the results.json it leaves in its work folder.
 */

export interface PeerRow {
  workload: string;
  connections: number;
  server: string;
  rounds: number;
  /** The round with the median p50 (as the harness's own summary shows it). */
  latencyMs: { p50: number | null; p99: number | null };
  reqPerSec: number;
  responses: number;
  /** Failed requests over all rounds: non-2xx, GraphQL errors, socket errors and timeouts. */
  failed: number;
  cpuMsPerRequest: { server: number; postgres: number; loadGenerator: number };
  p50Range: [number, number] | null;
}

export interface PeerSummary {
  /** Exit status of run.sh: 0 done, 3 the answers differ (nothing timed), other: it broke. */
  exitCode: number;
  runDir: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  settings: Record<string, unknown> | null;
  checks: Record<string, unknown> | null;
  rows: PeerRow[];
  floors: { workload: string; connections: number; label: string; p50: number | null; cpuMsPerRequest: { postgres: number; client: number } | null }[];
  /** The last lines of its output when it failed. */
  failure: string | null;
}

interface RawRow {
  workload: string;
  server: string;
  connections: number;
  responses: number;
  ok?: number;
  bad?: number;
  transportErrors?: number;
  reqPerSec: number;
  latencyMs: { p50: number | null; p99: number | null };
  cpuMsPerRequest: { server: number; postgres: number; loadGenerator: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Median rounds per workload, client count and server, as summarise.mjs picks them. */
export function summarisePeer(raw: { rows: RawRow[]; floors?: { workload: string; connections: number; server: string; latencyMs: { p50: number | null }; cpuMsPerRequest?: { postgres: number; client: number } }[] }): Pick<PeerSummary, 'rows' | 'floors'> {
  const groups = new Map<string, RawRow[]>();
  for (const r of raw.rows) {
    const key = `${r.workload}|${r.connections}|${r.server}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const rows: PeerRow[] = [];
  for (const rounds of groups.values()) {
    const answered = rounds.some((r) => r.responses > 0) ? rounds.filter((r) => r.responses > 0) : rounds;
    const mid = [...answered].sort((a, b) => (a.latencyMs.p50 ?? Infinity) - (b.latencyMs.p50 ?? Infinity))[Math.floor(answered.length / 2)];
    const p50s = rounds.map((r) => r.latencyMs.p50).filter((x): x is number => x !== null && x !== undefined);
    rows.push({
      workload: mid.workload,
      connections: mid.connections,
      server: mid.server,
      rounds: rounds.length,
      latencyMs: { p50: mid.latencyMs.p50, p99: mid.latencyMs.p99 },
      reqPerSec: mid.reqPerSec,
      responses: mid.responses,
      failed: rounds.reduce((s, r) => s + (r.bad ?? 0) + (r.transportErrors ?? 0), 0),
      cpuMsPerRequest: {
        server: median(rounds.map((r) => r.cpuMsPerRequest.server)),
        postgres: median(rounds.map((r) => r.cpuMsPerRequest.postgres)),
        loadGenerator: median(rounds.map((r) => r.cpuMsPerRequest.loadGenerator)),
      },
      p50Range: p50s.length ? [Math.min(...p50s), Math.max(...p50s)] : null,
    });
  }
  const floors = (raw.floors ?? []).map((f) => ({
    workload: f.workload,
    connections: f.connections,
    label: f.server,
    p50: f.latencyMs.p50,
    cpuMsPerRequest: f.cpuMsPerRequest ?? null,
  }));
  return { rows, floors };
}

/**
 * Runs `<dir>/run.sh` from the repository's root against `databaseUrl` with SECONDS = the bench's
 * duration (its other settings at their defaults, or as the caller's environment sets them), and
 * reads the results.json of the run it made. Its output goes to this process's stderr.
 */
export async function runPeer(repoRoot: string, dir: string, databaseUrl: string, seconds: number, log: (line: string) => void): Promise<PeerSummary> {
  const script = join(dir, 'run.sh');
  const empty = (failure: string, exitCode = 2): PeerSummary => ({ exitCode, runDir: null, startedAt: null, finishedAt: null, settings: null, checks: null, rows: [], floors: [], failure });
  if (!existsSync(script)) return empty(`${script} not found`);
  const work = resolve(process.env.PEER_BENCH_WORK || join(process.env.TMPDIR || tmpdir(), 'planspor-peer-bench'));
  const latest = join(work, 'latest');
  const before = existsSync(latest) ? realpathSync(latest) : null;
  let tail = '';
  const exitCode = await new Promise<number>((done) => {
    const child = spawn('bash', [script], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: databaseUrl, PROJECT_DIR: repoRoot, PEER_BENCH_WORK: work, SECONDS: process.env.PEER_SECONDS || String(Math.max(seconds, 3)) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      process.stderr.write(chunk);
      tail = (tail + chunk.toString()).slice(-4000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const stop = () => child.kill('SIGINT');
    process.once('SIGINT', stop);
    child.once('exit', (code, signal) => {
      process.removeListener('SIGINT', stop);
      done(code ?? (signal ? 128 : 1));
    });
  });
  const runDir = existsSync(latest) ? realpathSync(latest) : null;
  if (!runDir || runDir === before || !existsSync(join(runDir, 'results.json'))) {
    log(`the peer harness exited with ${exitCode} and left no results of this run`);
    return empty(tail.split('\n').slice(-15).join('\n'), exitCode || 2);
  }
  const raw = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8'));
  log(`the peer harness exited with ${exitCode}; its run: ${runDir}`);
  return {
    exitCode,
    runDir,
    startedAt: raw.startedAt ?? null,
    finishedAt: raw.finishedAt ?? null,
    settings: raw.settings ?? null,
    checks: raw.checks ?? null,
    ...summarisePeer(raw),
    failure: exitCode === 0 ? null : tail.split('\n').slice(-15).join('\n'),
  };
}
