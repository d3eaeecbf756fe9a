import autocannon from 'autocannon';
import { type AppProcess, machineBusyMs, postgresCpuSince, postgresCpuSnapshot } from './app-process.js';

export interface Latencies {
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

export interface LoadResult {
  workload: string;
  connections: number;
  seconds: number;
  responses: number;
  reqPerSec: number;
  latencyMs: Latencies;
  /** Responses with a status other than 2xx. */
  non2xx: number;
  /** Socket errors and timeouts. */
  transportErrors: number;
  /** 2xx responses whose body carries GraphQL errors. */
  graphqlErrors: number;
  errorSample?: string;
  /** X-SQL-Statements over all responses that carried it. */
  statements: { min: number; max: number; mean: number } | null;
  /** Largest VmRSS of the app during this run, MB. */
  peakRssMb: number;
  /** CPU per response: the app process, the PostgreSQL server processes, and this benchmark process (autocannon), ms. */
  cpuMsPerRequest: { app: number; postgres: number; loadGenerator: number };
  /** CPU used during the run by everything else on the machine, as % of one core (noise from other work). */
  otherCpuPercent: number;
  /** 2xx responses without GraphQL errors. */
  ok: number;
  /** Set when the row was measured again because other processes disturbed the first attempt. */
  remeasured?: number;
  /** Set when the row is the median (by p50) of this many rounds, measured in alternation with its floor. */
  rounds?: number;
}

export interface LoadSpec {
  workload: string;
  connections: number;
  seconds: number;
  /** Stop after this many requests instead of after `seconds` (every request is then answered). */
  amount?: number;
  /** Builds the next request: GraphQL body and bearer token. Called once per request. */
  next: () => { body: string; token?: string };
  /** Called with the body of every successful response (e.g. to collect ids). */
  onOk?: (body: string) => void;
}

/**
 * Waits (up to `maxSeconds`) until the rest of the machine is quiet: less than `threshold` of one core
 * busy over a 2-second window while this benchmark is idle. Other sessions share this machine; their
 * builds and test runs would otherwise land in the numbers. Returns the seconds waited.
 */
export async function waitForQuiet(maxSeconds = 180, threshold = 0.25): Promise<{ waited: number; quiet: boolean }> {
  const began = performance.now();
  for (;;) {
    const busy0 = machineBusyMs();
    await new Promise((r) => setTimeout(r, 2000));
    const share = (machineBusyMs() - busy0) / 2000;
    const waited = Math.round((performance.now() - began) / 1000);
    if (share < threshold) return { waited, quiet: true };
    if (waited >= maxSeconds) return { waited, quiet: false };
  }
}

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export function summarise(samples: number[]): Latencies {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    mean: round(sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length)),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/**
 * One autocannon run against the app's /graphql: `connections` clients, each sending its next
 * request as soon as the previous answer arrived, for `seconds`. Latencies are autocannon's own
 * per-response timings (ms, not rounded to whole milliseconds as its histogram is).
 */
export async function runLoad(app: AppProcess, spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let ok = 0;
  let errorSample: string | undefined;
  let statementsMin = Infinity;
  let statementsMax = -Infinity;
  let statementsSum = 0;
  let statementsCount = 0;

  app.resetWindow();
  const appCpu0 = app.cpuMs();
  const pgCpu0 = postgresCpuSnapshot();
  const selfCpu0 = process.cpuUsage();
  const busy0 = machineBusyMs();
  const instance = autocannon({
    url: app.url,
    connections: spec.connections,
    ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds }),
    timeout: 120,
    requests: [
      {
        method: 'POST',
        path: '/graphql',
        setupRequest: (request) => {
          const { body, token } = spec.next();
          return {
            ...request,
            method: 'POST',
            path: '/graphql',
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body,
          };
        },
        onResponse: (status, body, _context, headers) => {
          const header = headers['x-sql-statements'] ?? headers['X-SQL-Statements'];
          if (header !== undefined) {
            const n = Number(Array.isArray(header) ? header[0] : header);
            statementsMin = Math.min(statementsMin, n);
            statementsMax = Math.max(statementsMax, n);
            statementsSum += n;
            statementsCount++;
          }
          if (status >= 200 && status < 300) {
            // Every body is checked; `"errors"` only appears in a GraphQL response that has errors.
            if (body.includes('"errors"')) {
              graphqlErrors++;
              errorSample ??= body.slice(0, 500);
            } else {
              ok++;
              spec.onOk?.(body);
            }
          } else {
            errorSample ??= `HTTP ${status}: ${body.slice(0, 500)}`;
          }
        },
      },
    ],
  });
  let lastResponse = 0;
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    latencies.push(responseTime);
    lastResponse = performance.now();
  });
  const began = performance.now();
  const result = await instance;
  // From the start to the last answer: autocannon reports (and resolves) only at its next one-second
  // sample tick, so a run bounded by a request count (W3) that took 6.8 s would be divided by up to a
  // second more (its `duration` is whole seconds, and the promise settles at the tick).
  const seconds = ((lastResponse || performance.now()) - began) / 1000;
  const selfCpu = process.cpuUsage(selfCpu0);
  const busy = machineBusyMs() - busy0;
  const appCpu = app.cpuMs() - appCpu0;
  const pgCpu = postgresCpuSince(pgCpu0);
  const selfMs = (selfCpu.user + selfCpu.system) / 1000;
  const per = (ms: number) => Math.round((ms / Math.max(1, latencies.length)) * 100) / 100;
  const cpuMsPerRequest = { app: per(appCpu), postgres: per(pgCpu), loadGenerator: per(selfMs) };
  const otherCpuPercent = Math.max(0, Math.round(((busy - appCpu - pgCpu - selfMs) / (seconds * 1000)) * 1000) / 10);
  return {
    workload: spec.workload,
    connections: spec.connections,
    seconds,
    responses: latencies.length,
    reqPerSec: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: summarise(latencies),
    non2xx: result.non2xx,
    transportErrors: result.errors + result.timeouts,
    graphqlErrors,
    errorSample,
    statements: statementsCount
      ? { min: statementsMin, max: statementsMax, mean: Math.round((statementsSum / statementsCount) * 100) / 100 }
      : null,
    peakRssMb: app.peakInWindowMb(),
    cpuMsPerRequest,
    otherCpuPercent,
    ok,
  };
}
