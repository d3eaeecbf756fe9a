import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { machineBusyMs, postgresCpuSince, postgresCpuSnapshot } from './app-process.js';
import { type Latencies, summarise } from './load.js';

export interface FloorResult {
  workload: string;
  connections: number;
  seconds: number;
  responses: number;
  reqPerSec: number;
  latencyMs: Latencies;
  /** CPU per query: the PostgreSQL server processes and this process (pg and JSON parsing), ms. */
  cpuMsPerRequest?: { postgres: number; client: number };
  /** CPU used meanwhile by everything else on the machine, % of one core. */
  otherCpuPercent?: number;
  /** Set when the row is the median (by p50) of this many rounds, measured in alternation with the app. */
  rounds?: number;
}

export function floorSql(repoRoot: string, name: string): string {
  return readFileSync(resolve(repoRoot, 'scripts/bench', name), 'utf8');
}

/** A pool like the app's: no JIT (see src/database/data-source-options.ts). */
export function floorPool(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, options: '-c jit=off', application_name: 'planspor-floor' });
  pool.on('error', () => undefined);
  return pool;
}

/** The answer the floor SQL gives (its one row's `answer`, parsed from JSON by pg). */
export async function floorAnswer(pool: pg.Pool, sql: string, params: unknown[]): Promise<unknown> {
  const { rows } = await pool.query(sql, params);
  return rows[0]?.answer ?? null;
}

/**
 * The floor: the same answer as a workload, computed by hand-written SQL through pg alone, timed from
 * sending the query to having the parsed answer, with `connections` clients in a closed loop (each
 * sends its next query as soon as the previous answer arrived) for `seconds`.
 */
export async function runFloor(
  url: string,
  workload: string,
  sql: string,
  params: () => unknown[],
  connections: number,
  seconds: number,
  /** Stop after this many queries in all (for writes: a known number of rows) instead of after `seconds`. */
  amount?: number,
  /** Send the statement by this name (prepared once per connection) instead of unnamed, as `pg` does by default. */
  preparedName?: string,
): Promise<FloorResult> {
  const pool = floorPool(url, connections);
  const send = (values: unknown[]) => pool.query(preparedName ? { name: preparedName, text: sql, values } : { text: sql, values });
  try {
    // Warm up: every connection established and the plan cached in each session.
    await Promise.all(Array.from({ length: connections }, () => send(params())));
    const latencies: number[] = [];
    const pgCpu0 = postgresCpuSnapshot();
    const selfCpu0 = process.cpuUsage();
    const busy0 = machineBusyMs();
    const began = performance.now();
    const deadline = began + seconds * 1000;
    let sent = 0;
    const more = () => (amount === undefined ? performance.now() < deadline : sent++ < amount);
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (more()) {
          const t = performance.now();
          const { rows } = await send(params());
          if (rows.length !== 1) throw new Error(`${workload}: the floor SQL returned ${rows.length} rows`);
          latencies.push(performance.now() - t);
        }
      }),
    );
    const elapsed = (performance.now() - began) / 1000;
    const selfCpu = process.cpuUsage(selfCpu0);
    const pgMs = postgresCpuSince(pgCpu0);
    const selfMs = (selfCpu.user + selfCpu.system) / 1000;
    const busy = machineBusyMs() - busy0;
    const per = (ms: number) => Math.round((ms / Math.max(1, latencies.length)) * 100) / 100;
    return {
      workload,
      connections,
      cpuMsPerRequest: { postgres: per(pgMs), client: per(selfMs) },
      otherCpuPercent: Math.max(0, Math.round(((busy - pgMs - selfMs) / (elapsed * 1000)) * 1000) / 10),
      seconds: Math.round(elapsed * 100) / 100,
      responses: latencies.length,
      reqPerSec: Math.round((latencies.length / elapsed) * 10) / 10,
      latencyMs: summarise(latencies),
    };
  } finally {
    await pool.end();
  }
}
