import { writeFileSync } from 'node:fs';
import type { FloorResult } from './floor.js';
import type { LoadResult } from './load.js';

export interface TargetVerdict {
  target: string;
  measured: string;
  met: boolean;
  /** How far from the target, in words ("by 12 ms", "2.3 x over"). */
  margin: string;
}

export interface BenchResults {
  date: string;
  /** 1, 5 and 15 minute load averages when the benchmark began (before it started anything). */
  loadAverageAtStart: number[];
  commit: string;
  uncommittedChanges: boolean;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; settings: Record<string, string> };
  dataset: Record<string, unknown>;
  settings: { seconds: number; warmupSeconds: number; samplePlans: number; appDbPoolSize: number };
  results: LoadResult[];
  floors: FloorResult[];
  checks: {
    w1FloorEqualsApp?: { plansCompared: number; differences: string[] };
    w2FloorEqualsApp?: { differences: string[] };
    w3?: {
      entriesBefore: number;
      entriesAfter: number;
      acknowledged: number;
      returnedIds: number;
      returnedIdsFound: number;
      perRun: { connections: number; acknowledged: number; stored: number }[];
      wrongLatestPointers: number;
      noneLost: boolean;
    };
    appPeakRssMb?: number;
    w3FloorWrongLatestPointers?: number;
  };
  targets: TargetVerdict[];
}

const find = (r: BenchResults, workload: string, connections: number) =>
  r.results.find((x) => x.workload === workload && x.connections === connections);
const floorOf = (r: BenchResults, workload: string, connections: number) =>
  r.floors.find((x) => x.workload === `${workload} floor` && x.connections === connections);

export function ratio(r: BenchResults, workload: string, connections: number): number | null {
  const app = find(r, workload, connections);
  const floor = floorOf(r, workload, connections);
  if (!app || !floor) return null;
  return Math.round((app.latencyMs.p50 / floor.latencyMs.p50) * 100) / 100;
}

const ms = (v: number) => `${v.toLocaleString('en', { maximumFractionDigits: 1 })} ms`;

/** The issue's targets, judged at one client (latency) and 16 (throughput), as the issue states them. */
export function evaluateTargets(r: BenchResults): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const under = (target: string, measured: number, limit: number, unit: (v: number) => string) =>
    out.push({
      target,
      measured: unit(measured),
      met: measured < limit,
      margin: measured < limit ? `${unit(limit - measured)} to spare` : `${unit(measured - limit)} over (${(measured / limit).toFixed(2)} x the limit)`,
    });
  const ratioTarget = (workload: string) => {
    const value = ratio(r, workload, 1);
    if (value === null) return;
    out.push({
      target: `${workload} p50 at most 1.5 x its SQL floor (1 client)`,
      measured: `${value} x (app ${ms(find(r, workload, 1)!.latencyMs.p50)}, floor ${ms(floorOf(r, workload, 1)!.latencyMs.p50)})`,
      met: value <= 1.5,
      margin: value <= 1.5 ? `${(1.5 - value).toFixed(2)} x to spare` : `${(value / 1.5).toFixed(2)} x the allowed ratio`,
    });
  };

  const w2 = find(r, 'W2', 1);
  if (w2) under('W2 nationalRollup p50 under 150 ms (1 client)', w2.latencyMs.p50, 150, ms);
  ratioTarget('W2');
  const w1 = find(r, 'W1', 1);
  if (w1) under('W1 plan page p50 under 40 ms (1 client)', w1.latencyMs.p50, 40, ms);
  ratioTarget('W1');
  const w1runs = r.results.filter((x) => x.workload === 'W1' && x.statements);
  if (w1runs.length) {
    const min = Math.min(...w1runs.map((x) => x.statements!.min));
    const max = Math.max(...w1runs.map((x) => x.statements!.max));
    out.push({
      target: 'W1 a constant number of SQL statements per plan page',
      measured: min === max ? `${min} for every request (${r.settings.samplePlans} plans, 1 and 16 clients)` : `${min} to ${max}`,
      met: min === max,
      margin: min === max ? 'constant' : `varies by ${max - min}`,
    });
  }
  const w3 = find(r, 'W3', 16);
  if (w3) {
    const perSecond = Math.round((w3.ok / w3.seconds) * 10) / 10;
    out.push({
      target: 'W3 at least 400 logged entries per second at 16 clients',
      measured: `${perSecond} entries/s`,
      met: perSecond >= 400,
      margin: perSecond >= 400 ? `${(perSecond - 400).toFixed(1)} /s to spare` : `${(400 - perSecond).toFixed(1)} /s short (${(perSecond / 400).toFixed(2)} x the target)`,
    });
    under('W3 p99 under 150 ms at 16 clients', w3.latencyMs.p99, 150, ms);
  }
  if (r.checks.w3) {
    out.push({
      target: 'W3 none lost',
      measured: `${r.checks.w3.acknowledged} acknowledged, ${r.checks.w3.entriesAfter - r.checks.w3.entriesBefore} stored, ${r.checks.w3.returnedIdsFound}/${r.checks.w3.returnedIds} returned ids found, ${r.checks.w3.wrongLatestPointers} wrong latest pointers`,
      met: r.checks.w3.noneLost && r.checks.w3.wrongLatestPointers === 0,
      margin: r.checks.w3.noneLost ? 'exact' : 'entries lost or extra',
    });
  }
  if (r.checks.appPeakRssMb !== undefined) {
    under('peak RSS under 400 MB during the whole run (VmHWM)', r.checks.appPeakRssMb, 400, (v) => `${v.toFixed(1)} MB`);
  }
  return out;
}

export function writeReport(file: string, r: BenchResults, analysis: string | null): void {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Benchmark results',
    '',
    '<!-- Written by `npm run bench` (scripts/bench/run.ts); the section after the targets is bench/analysis.md. -->',
    '',
    `- **date** ${r.date}`,
    `- **commit** ${r.commit}${r.uncommittedChanges ? ' (with uncommitted changes in src/ or migrations/ at the time of the run)' : ''}`,
    `- **machine** ${r.machine.cpus} CPUs (${r.machine.cpuModel}), ${r.machine.memoryGb} GB memory; Node ${r.machine.node}; PostgreSQL ${r.machine.postgres} on the same machine`,
    `- **PostgreSQL settings** ${Object.entries(r.machine.settings).map(([k, v]) => `${k}=${v}`).join(', ')} (the defaults; jit off on every connection)`,
    `- **dataset** ${Object.entries(r.dataset).filter(([k]) => !['tag', 'seed', 'generatedThisRunSeconds'].includes(k)).map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`).join(', ')}` +
      ` (seed ${r.dataset.seed}${r.dataset.generatedThisRunSeconds ? `, generated in ${r.dataset.generatedThisRunSeconds} s in this run` : ', generated earlier'})`,
    `- **method** autocannon (programmatic), loopback, closed loop: each of the N connections sends its next request when the answer arrives; ` +
      `${r.settings.warmupSeconds} s warm-up then ${r.settings.seconds} s measured per row. The app (\`node dist/src/main.js\`, NODE_ENV=production, ` +
      `DB pool ${r.settings.appDbPoolSize}), PostgreSQL and autocannon share the ${r.machine.cpus} cores. ` +
      'SQL statements per request are counted beforehand on a development-mode app (X-SQL-Statements; production does not pay for the counter), after a warm-up, at 1 and 16 clients. ' +
      'At one client W1 and W2 are measured in three rounds alternating with their floors; each such row is the round with the median p50 ("median of 3"). ' +
      `W1 cycles through ${r.settings.samplePlans} plans of all four pools, ` +
      'each read by its own project secretariat; W2 and W0 as LBF; W3 logs to the non-cancelled activities of the current-pool plans of that sample, as their secretariats. ' +
      'Floors: the same answer computed by one hand-written SQL statement (scripts/bench/floor-*.sql) through `pg` alone, timed until the parsed answer is in hand, same number of concurrent clients.',
    '',
    '## Results',
    '',
    '| workload | clients | p50 | p99 | req/s | errors (non-2xx / transport / GraphQL) | SQL statements per request | app peak RSS | CPU ms per request: app / PostgreSQL / autocannon | other load | floor p50 | floor p99 | p50 app / floor |',
    '|---|---:|---:|---:|---:|---|---|---:|---|---:|---:|---:|---:|',
  );
  const names: Record<string, string> = {
    W0: 'W0 `{ __typename }`',
    W1: 'W1 plan page',
    W2: 'W2 nationalRollup (totals, byFocusArea, byMunicipality)',
    W2a: 'W2a … + plansNeedingAttention',
    W3: 'W3 logProgress',
  };
  for (const x of r.results) {
    const floor = floorOf(r, x.workload, x.connections);
    const statements = x.statements ? (x.statements.min === x.statements.max ? `${x.statements.min}` : `${x.statements.min}-${x.statements.max} (mean ${x.statements.mean})`) : '-';
    const q = ratio(r, x.workload, x.connections);
    push(
      `| ${names[x.workload] ?? x.workload} | ${x.connections}${x.rounds ? ` (median of ${x.rounds})` : ''} | ${ms(x.latencyMs.p50)} | ${ms(x.latencyMs.p99)} | ${x.reqPerSec} | ${x.non2xx} / ${x.transportErrors} / ${x.graphqlErrors} | ${statements} | ${x.peakRssMb} MB | ` +
        `${x.cpuMsPerRequest.app} / ${x.cpuMsPerRequest.postgres} / ${x.cpuMsPerRequest.loadGenerator} | ${x.otherCpuPercent} % | ` +
        `${floor ? ms(floor.latencyMs.p50) : '-'} | ${floor ? ms(floor.latencyMs.p99) : '-'} | ${q === null ? '-' : `${q} x`} |`,
    );
  }
  for (const f of r.floors.filter((x) => x.workload.includes('what-if'))) {
    push(`| ${f.workload} (SQL only) | ${f.connections} | ${ms(f.latencyMs.p50)} | ${ms(f.latencyMs.p99)} | ${f.reqPerSec} | - | 1 | - | - | - | - | - | - |`);
  }
  push(
    '',
    '"other load": CPU used during the row by everything but the app, PostgreSQL and autocannon (other sessions on the machine), as % of one core; ' +
      `load average when the benchmark began: ${r.loadAverageAtStart.join(', ')}. CPU per request is read from /proc (app and PostgreSQL processes) and process.cpuUsage() (autocannon).`,
  );
  push('', 'The floors on their own (one hand-written statement through `pg`):', '', '| floor | clients | p50 | p99 | queries/s | CPU ms per query: PostgreSQL / client | other load |', '|---|---:|---:|---:|---:|---|---:|');
  for (const f of r.floors) {
    push(`| ${f.workload} | ${f.connections}${f.rounds ? ` (median of ${f.rounds})` : ''} | ${ms(f.latencyMs.p50)} | ${ms(f.latencyMs.p99)} | ${f.reqPerSec} | ${f.cpuMsPerRequest ? `${f.cpuMsPerRequest.postgres} / ${f.cpuMsPerRequest.client}` : '-'} | ${f.otherCpuPercent === undefined ? '-' : `${f.otherCpuPercent} %`} |`);
  }
  push('');
  const errors = r.results.filter((x) => x.errorSample);
  if (errors.length) {
    push('Error samples:', '');
    for (const x of errors) push(`- ${x.workload} c=${x.connections}: \`${x.errorSample!.replace(/`/g, "'").replace(/\s+/g, ' ').trim().slice(0, 300)}\``);
    push('');
  }
  const w1 = r.checks.w1FloorEqualsApp;
  const w2 = r.checks.w2FloorEqualsApp;
  push(
    '**The floors give the app\'s answers**: checked before timing, number by number (doubles within 1e-9 relative) — ' +
      `W1 on ${w1?.plansCompared ?? 0} plans (one per pool): ${w1 && w1.differences.length === 0 ? 'equal' : `DIFFERENT: ${w1?.differences.join('; ')}`}; ` +
      `W2: ${w2 && w2.differences.length === 0 ? 'equal' : `DIFFERENT: ${w2?.differences.join('; ')}`}.`,
  );
  if (r.checks.w3) {
    const c = r.checks.w3;
    push(
      '',
      `**W3 lost nothing**: progress_entries went from ${c.entriesBefore.toLocaleString('en')} to ${c.entriesAfter.toLocaleString('en')} ` +
        `(+${(c.entriesAfter - c.entriesBefore).toLocaleString('en')}), for ${c.acknowledged.toLocaleString('en')} acknowledged logProgress calls (warm-ups included); ` +
        'each run is bounded by a request count, so every request is answered before counting; ' +
        `per run stored/acknowledged by idempotency-key prefix: ${c.perRun.map((x) => `${x.connections} client${x.connections > 1 ? 's' : ''} ${x.stored}/${x.acknowledged}`).join(', ')}; ` +
        `${c.returnedIdsFound}/${c.returnedIds} returned ids found; ${c.wrongLatestPointers} activities whose latest_progress_id is not their latest entry` +
        `${r.checks.w3FloorWrongLatestPointers !== undefined ? ` (${r.checks.w3FloorWrongLatestPointers} after the W3 floor wrote to the same activities)` : ''}. ` +
        `Verdict: ${c.noneLost && c.wrongLatestPointers === 0 ? 'none lost' : 'LOST OR INCONSISTENT'}.`,
    );
  }
  push('', '## Targets', '', '| target | measured | verdict | margin |', '|---|---|---|---|');
  for (const t of r.targets) push(`| ${t.target} | ${t.measured} | ${t.met ? 'met' : '**missed**'} | ${t.margin} |`);
  push('');
  if (analysis) push(analysis.trim(), '');
  writeFileSync(file, `${lines.join('\n')}\n`);
}
