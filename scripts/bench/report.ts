import { writeFileSync } from 'node:fs';
import type { EmbeddedMemory } from './embedded.js';
import type { BenchArea, ReportYears } from './fixtures.js';
import type { FloorResult } from './floor.js';
import type { LoadResult } from './load.js';
import type { PeerRow, PeerSummary } from './peer.js';
import type { WorkbookResult } from './workbook.js';

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
  /** Wall-clock minutes of the whole run. */
  durationMinutes?: number;
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
  /** What the new pages' rows read (issue 15, target 5). */
  pages?: { area: BenchArea | null; reports: (ReportYears & { submitted: boolean })[]; workbookStatements: number | null } | null;
  workbook?: WorkbookResult | null;
  /** The same workloads W1, W2, W2a, W3 on the larger dataset (target 6). */
  scaled?: { dataset: Record<string, unknown>; results: LoadResult[]; checks: BenchResults['checks'] } | null;
  /** The PostGraphile peer harness's rows, same run, same database (target 1). */
  peer?: PeerSummary | null;
  /** The embedded default's memory after a start with demo data (target 7). */
  embedded?: EmbeddedMemory | null;
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

const ms = (v: number | null) => (v === null || Number.isNaN(v) ? '-' : `${v.toLocaleString('en', { maximumFractionDigits: 1 })} ms`);

const findIn = (rows: LoadResult[] | undefined, workload: string, connections: number) =>
  rows?.find((x) => x.workload === workload && x.connections === connections);
const peerRow = (r: BenchResults, workload: string, connections: number, server: string): PeerRow | undefined =>
  r.peer?.rows.find((x) => x.workload === workload && x.connections === connections && x.server === server);
const errorsOf = (x: LoadResult) => x.non2xx + x.transportErrors + x.graphqlErrors;
const x2 = (v: number) => `${v.toFixed(2)} x`;

/**
 * How a workload's cost grows from the national dataset to the larger one: the p50 ratio at the same
 * number of clients (and the throughput ratio at 16). "flat": at most 1.5 x (the machine's run-to-run
 * noise is ±30 %); "at most linear": at most the ratio of the plan counts (4 x).
 */
export function scaleRows(r: BenchResults): { workload: string; connections: number; small: LoadResult; large: LoadResult; p50Ratio: number; throughputRatio: number; cpuRatio: number; limit: number; kind: 'flat' | 'at most linear' }[] {
  if (!r.scaled) return [];
  const planRatio = Number(r.scaled.dataset.plans) / Number(r.dataset.plans);
  const out = [];
  for (const large of r.scaled.results) {
    const small = find(r, large.workload, large.connections);
    if (!small) continue;
    const kind: 'flat' | 'at most linear' = large.workload === 'W1' || large.workload === 'W3' ? 'flat' : 'at most linear';
    const cpu = (x: LoadResult) => x.cpuMsPerRequest.app + x.cpuMsPerRequest.postgres;
    out.push({
      workload: large.workload,
      connections: large.connections,
      small,
      large,
      p50Ratio: Math.round((large.latencyMs.p50 / small.latencyMs.p50) * 100) / 100,
      throughputRatio: Math.round((large.reqPerSec / small.reqPerSec) * 100) / 100,
      cpuRatio: Math.round((cpu(large) / Math.max(0.01, cpu(small))) * 100) / 100,
      limit: kind === 'flat' ? 1.5 : planRatio,
      kind,
    });
  }
  return out;
}

/** The targets of issue 15 (performance, rung 2), as it states them, then rung 1's that still stand. */
export function evaluateTargets(r: BenchResults): TargetVerdict[] {
  const out: TargetVerdict[] = [];
  const check = (target: string, measured: string, met: boolean, margin: string) => out.push({ target, measured, met, margin });
  const under = (target: string, measured: number, limit: number, unit: (v: number) => string, orEqual = true) => {
    const met = orEqual ? measured <= limit : measured < limit;
    check(target, unit(measured), met, met ? `${unit(limit - measured)} to spare` : `${unit(measured - limit)} over (${(measured / limit).toFixed(2)} x the limit)`);
  };
  const atLeast = (target: string, measured: number, limit: number, unit: (v: number) => string) => {
    const met = measured >= limit;
    check(target, unit(measured), met, met ? `${unit(measured - limit)} to spare` : `${unit(limit - measured)} short (${(measured / limit).toFixed(2)} x the target)`);
  };
  const perSecond = (v: number) => `${v.toLocaleString('en', { maximumFractionDigits: 1 })} /s`;

  // 1. W1 against PostGraphile in the same run, and the app's CPU per page.
  const w1 = find(r, 'W1', 1);
  const plansporPeer16 = peerRow(r, 'W1', 16, 'Planspor');
  const pgl16 = peerRow(r, 'W1', 16, 'PostGraphile');
  const plansporPeer1 = peerRow(r, 'W1', 1, 'Planspor');
  const pgl1 = peerRow(r, 'W1', 1, 'PostGraphile');
  if (pgl16 && plansporPeer16) {
    const q = plansporPeer16.reqPerSec / pgl16.reqPerSec;
    check('1. W1 at 16 clients: throughput at least PostGraphile\'s (peer harness, same run)', `${perSecond(plansporPeer16.reqPerSec)} vs ${perSecond(pgl16.reqPerSec)}: ${x2(q)}`, q >= 1, q >= 1 ? `${x2(q - 1)} to spare` : `${x2(q)} of PostGraphile's`);
  }
  if (pgl1 && plansporPeer1 && pgl1.latencyMs.p50 && plansporPeer1.latencyMs.p50) {
    const q = plansporPeer1.latencyMs.p50 / pgl1.latencyMs.p50;
    check('1. W1 at 1 client: p50 no worse than PostGraphile\'s (peer harness, same run)', `${ms(plansporPeer1.latencyMs.p50)} vs ${ms(pgl1.latencyMs.p50)}: ${x2(q)}`, q <= 1, q <= 1 ? `${x2(1 - q)} to spare` : `${x2(q)} PostGraphile's p50`);
  }
  if (w1) under('1. W1 app CPU per plan page at most 1.5 ms (1 client)', w1.cpuMsPerRequest.app, 1.5, (v) => `${v.toFixed(2)} ms`);
  // 2. W2
  const w2 = find(r, 'W2', 1);
  if (w2) under('2. W2 nationalRollup p50 at most 10 ms (1 client)', w2.latencyMs.p50, 10, ms);
  const w2x16 = find(r, 'W2', 16);
  if (w2x16) atLeast('2. W2 at least 150 req/s at 16 clients', w2x16.reqPerSec, 150, perSecond);
  // 3. W2a
  const w2a = find(r, 'W2a', 1);
  if (w2a) under('3. W2a p50 at most 50 ms (1 client)', w2a.latencyMs.p50, 50, ms);
  const w2aLarge = findIn(r.scaled?.results, 'W2a', 1);
  if (w2a?.statements && w2aLarge?.statements) {
    const same = w2a.statements.min === w2a.statements.max && w2aLarge.statements.min === w2aLarge.statements.max && w2a.statements.min === w2aLarge.statements.min;
    check('3. W2a a constant number of statements (both dataset sizes)', `${w2a.statements.min}-${w2a.statements.max} at ${r.dataset.plans} plans, ${w2aLarge.statements.min}-${w2aLarge.statements.max} at ${r.scaled!.dataset.plans}`, same, same ? 'constant' : 'varies');
  }
  // 4. W3 and no failed request
  const w3 = find(r, 'W3', 16);
  if (w3) {
    atLeast('4. W3 at least 1,000 logged entries per second at 16 clients', Math.round((w3.ok / w3.seconds) * 10) / 10, 1000, perSecond);
    under('4. W3 p99 under 100 ms at 16 clients', w3.latencyMs.p99, 100, ms, false);
  }
  if (r.checks.w3) {
    check(
      '4. W3 none lost',
      `${r.checks.w3.acknowledged} acknowledged, ${r.checks.w3.entriesAfter - r.checks.w3.entriesBefore} stored, ${r.checks.w3.returnedIdsFound}/${r.checks.w3.returnedIds} returned ids found, ${r.checks.w3.wrongLatestPointers} wrong latest pointers`,
      r.checks.w3.noneLost && r.checks.w3.wrongLatestPointers === 0,
      r.checks.w3.noneLost ? 'exact' : 'entries lost or extra',
    );
  }
  const every = [...r.results, ...(r.scaled?.results ?? [])];
  const failing = every.filter((x) => errorsOf(x) > 0);
  const peerFailing = (r.peer?.rows ?? []).filter((x) => x.server === 'Planspor' && x.failed > 0);
  check(
    '4. no request of any row fails (every row of this run, both sizes and the peer\'s Planspor rows)',
    failing.length + peerFailing.length === 0
      ? `0 failed of ${every.reduce((s, x) => s + x.responses, 0).toLocaleString('en')} responses`
      : [...failing.map((x) => `${x.workload} c=${x.connections}: ${errorsOf(x)}`), ...peerFailing.map((x) => `peer ${x.workload} c=${x.connections}: ${x.failed}`)].join('; '),
    failing.length + peerFailing.length === 0,
    failing.length + peerFailing.length === 0 ? 'none' : `${failing.length + peerFailing.length} rows with failures`,
  );
  // 5. The new pages
  const live = find(r, 'R live', 1);
  if (live) under('5. annualReport of an open year (live) p50 at most 30 ms', live.latencyMs.p50, 30, ms);
  const stored = find(r, 'R submitted', 1);
  if (stored) under('5. annualReport of a submitted/approved year (stored) p50 at most 10 ms', stored.latencyMs.p50, 10, ms);
  const area = find(r, 'A', 1);
  if (area) under(`5. area page with overlaps and shared indicators (${r.pages?.area?.plans ?? '?'} plans) p50 at most 50 ms`, area.latencyMs.p50, 50, ms);
  if (r.workbook) {
    const n = r.workbook.nationalWorkbook;
    under(`5. national workbook at most 3 s (median of ${n.runs.length})`, n.medianMs, 3000, ms);
    under(`5. app RSS growth while the national workbook is written at most 100 MB (max of ${n.runs.length})`, n.maxRssGrowthMb, 100, (v) => `${v.toFixed(1)} MB`);
    under(`5. dry run of a ${r.workbook.dryRun500.activities ?? 500}-activity import workbook at most 3 s (median of ${r.workbook.dryRun500.runs.length})`, r.workbook.dryRun500.medianMs, 3000, ms);
  }
  // 6. Growth with the dataset
  for (const g of scaleRows(r)) {
    if (g.large.responses === 0 || g.small.responses === 0) {
      check(`6. ${g.workload} at ${g.connections} client${g.connections > 1 ? 's' : ''}: ${g.kind} from ${r.dataset.plans} to ${r.scaled!.dataset.plans} plans`, 'no response within the row', false, 'requests slower than the row: lengthen --duration');
      continue;
    }
    const q = g.workload === 'W3' && g.connections === 16 ? 1 / g.throughputRatio : g.p50Ratio;
    const what = g.workload === 'W3' && g.connections === 16 ? 'entries/s' : 'p50';
    check(
      `6. ${g.workload} at ${g.connections} client${g.connections > 1 ? 's' : ''}: ${g.kind} from ${r.dataset.plans} to ${r.scaled!.dataset.plans} plans (${what} ratio at most ${g.limit} x)`,
      `${what === 'p50' ? `${ms(g.small.latencyMs.p50)} → ${ms(g.large.latencyMs.p50)}` : `${perSecond(g.small.reqPerSec)} → ${perSecond(g.large.reqPerSec)}`}: ${x2(q)} (CPU per request ${x2(g.cpuRatio)})`,
      q <= g.limit,
      q <= g.limit ? `${x2(g.limit - q)} to spare` : `${x2(q / g.limit)} the allowed growth`,
    );
  }
  // 7. Memory
  const peaks = [r.checks.appPeakRssMb, r.scaled?.checks.appPeakRssMb].filter((v): v is number => v !== undefined);
  if (peaks.length) {
    under(
      `7. app peak RSS under 300 MB during the whole run (VmHWM of the timed app${peaks.length > 1 ? 's, both sizes' : ''})`,
      Math.max(...peaks),
      300,
      (v) => `${v.toFixed(1)} MB`,
      false,
    );
  }
  if (r.embedded) {
    under('7. the embedded default\'s steady RSS after a start with demo data (under 300 MB if PGlite allows)', r.embedded.steadyRssMb, 300, (v) => `${v.toFixed(1)} MB`, false);
  }
  // Rung 1's targets that still stand.
  ratioTarget(r, out, 'W1');
  ratioTarget(r, out, 'W2');
  const w1runs = r.results.filter((x) => x.workload === 'W1' && x.statements);
  if (w1runs.length) {
    const min = Math.min(...w1runs.map((x) => x.statements!.min));
    const max = Math.max(...w1runs.map((x) => x.statements!.max));
    check('rung 1: W1 a constant number of SQL statements per plan page', min === max ? `${min} for every request (${r.settings.samplePlans} plans, 1 and 16 clients)` : `${min} to ${max}`, min === max, min === max ? 'constant' : `varies by ${max - min}`);
  }
  return out;
}

function ratioTarget(r: BenchResults, out: TargetVerdict[], workload: string): void {
  const value = ratio(r, workload, 1);
  if (value === null) return;
  out.push({
    target: `rung 1: ${workload} p50 at most 1.5 x its SQL floor (1 client)`,
    measured: `${value} x (app ${ms(find(r, workload, 1)!.latencyMs.p50)}, floor ${ms(floorOf(r, workload, 1)!.latencyMs.p50)})`,
    met: value <= 1.5,
    margin: value <= 1.5 ? `${(1.5 - value).toFixed(2)} x to spare` : `${(value / 1.5).toFixed(2)} x the allowed ratio`,
  });
}

export function writeReport(file: string, r: BenchResults, analysis: string | null): void {
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Benchmark results',
    '',
    '<!-- Written by `npm run bench` (scripts/bench/run.ts); the section after the targets is bench/analysis.md. -->',
    '',
    `- **date** ${r.date}${r.durationMinutes ? ` (the whole run took ${r.durationMinutes} minutes)` : ''}`,
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
      'each read by its own project secretariat; W2 and W0 as LBF; R reads the annual reports of those plans as their secretariats (below); A is the benchmark\'s area secretariat of 20 plans as its AREA_SECRETARIAT user; W3 logs to the non-cancelled activities of the current-pool plans of that sample, as their secretariats. ' +
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
    'R live': 'R `annualReport`, an open year (live)',
    'R submitted': 'R `annualReport`, a submitted/approved year (stored)',
    A: 'A area page (AreaPage + overlaps + sharedIndicators)',
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
  if (r.floors.length) push('', 'The floors on their own (one hand-written statement through `pg`):', '', '| floor | clients | p50 | p99 | queries/s | CPU ms per query: PostgreSQL / client | other load |', '|---|---:|---:|---:|---:|---|---:|');
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
  if (w1 || w2) push(
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
  writePages(r, push);
  writeScaled(r, push, names);
  writePeer(r, push);
  writeMemory(r, push);
  push('', '## Targets', '', '| target | measured | verdict | margin |', '|---|---|---|---|');
  for (const t of r.targets) push(`| ${t.target} | ${t.measured} | ${t.met ? 'met' : '**missed**'} | ${t.margin} |`);
  push('');
  if (analysis) push(analysis.trim(), '');
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const mb = (v: number) => `${v.toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

function writePages(r: BenchResults, push: (...l: string[]) => void): void {
  const p = r.pages;
  if (!p && !r.workbook) return;
  push('', '### The new pages (target 5)', '');
  if (p) {
    const live = p.reports.filter((x) => x.liveYear !== null);
    const stored = p.reports.filter((x) => x.submitted);
    const years = (xs: number[]) => [...new Set(xs)].sort().join(', ');
    push(
      `- **R annualReport**: the full AnnualReport of API.md (period and events, indicator and activity rows, finances, milestones; scripts/bench/queries.ts). ` +
        `Live: the open current year (${years(live.map((x) => x.liveYear!))}) of ${live.length} of the sampled plans, computed from the live rows. ` +
        `Stored: the latest ended year (${years(stored.map((x) => x.pastYear!))}) of ${stored.length} sampled plans, ${stored.filter((x) => x.pastStatus === 'APPROVED').length} of them approved, ` +
        'read from the figures stored at submission. The benchmark submits those years itself through the API (submitAnnualReport as the plan\'s secretariat, every second one approved by LBF); a rerun finds them submitted and changes nothing.',
    );
    if (p.area) {
      push(
        `- **A area page**: the web app's AreaPage operation (its plans with their roll-ups and attention reasons, the area's totals and plans needing attention) plus \`overlaps\` and \`sharedIndicators\`, ` +
          `for the area secretariat "${'Benchmark: områdesekretariat med 20 planer'}" of ${p.area.plans} plans (${p.area.typedActivities} of their activities with a type and target groups). ` +
          'The generated dataset has no such area and no activity types, so the benchmark adds it once (scripts/bench/fixtures.ts): the first 20 current-pool plans without an area secretariat, two of every three of their activities typed from the national catalogues by position.',
      );
    }
  }
  const w = r.workbook;
  if (w) {
    const n = w.nationalWorkbook;
    push(
      '',
      '| download or upload | median | each run | app RSS growth (max) | SQL statements | size |',
      '|---|---:|---|---:|---:|---:|',
      `| national workbook \`GET /exports/national.xlsx\` as LBF | ${ms(n.medianMs)} | ${n.runs.map((x) => x.ms).join(', ')} ms | ${mb(n.maxRssGrowthMb)} | ${n.statements ?? '-'} | ${(n.bytes / 1e6).toFixed(1)} MB |`,
      `| dry run of an import workbook of ${w.dryRun500.activities ?? 500} activities, ${w.dryRun500.links ?? 1000} links \`POST /imports/plans/{id}?dryRun=true\` | ${ms(w.dryRun500.medianMs)} | ${w.dryRun500.runs.join(', ')} ms | - | - | ${(w.dryRun500.fileBytes / 1e3).toFixed(0)} kB |`,
      '',
      'Measured on the timed app after the rows above (time to the last byte, one download at a time, after a warm one; RSS growth: the peak VmRSS while it is written above the VmRSS just before).',
    );
  }
}

function writeScaled(r: BenchResults, push: (...l: string[]) => void, names: Record<string, string>): void {
  const rows = scaleRows(r);
  if (!r.scaled || rows.length === 0) return;
  const d = r.scaled.dataset;
  push(
    '',
    `### How cost grows: ${r.dataset.plans} and ${d.plans} plans side by side (target 6)`,
    '',
    `The larger dataset: ${Object.entries(d).filter(([k]) => k !== 'generatedThisRunSeconds').map(([k, v]) => `${k} ${typeof v === 'number' ? v.toLocaleString('en') : v}`).join(', ')}` +
      ` (same generator and seed, its own database${d.generatedThisRunSeconds ? `, generated in ${d.generatedThisRunSeconds} s in this run` : ', generated earlier'}), on an app of its own, same method, single rounds and no floors. ` +
      '"flat": the larger p50 at most 1.5 x the national one (W3 at 16 clients: its throughput at least 1 / 1.5 of it); "at most linear": at most the ratio of the plan counts.',
    '',
    `| workload | clients | p50 ${r.dataset.plans} → ${d.plans} | p99 ${r.dataset.plans} → ${d.plans} | req/s ${r.dataset.plans} → ${d.plans} | CPU ms per request app / PostgreSQL, ${r.dataset.plans} → ${d.plans} | statements ${r.dataset.plans} → ${d.plans} | errors ${d.plans} | p50 ratio | CPU ratio | expected | verdict |`,
    '|---|---:|---|---|---|---|---|---:|---:|---:|---|---|',
  );
  const st = (x: LoadResult) => (x.statements ? (x.statements.min === x.statements.max ? `${x.statements.min}` : `${x.statements.min}-${x.statements.max}`) : '-');
  for (const g of rows) {
    const q = g.large.responses === 0 || g.small.responses === 0 ? NaN : g.workload === 'W3' && g.connections === 16 ? 1 / g.throughputRatio : g.p50Ratio;
    push(
      `| ${names[g.workload] ?? g.workload} | ${g.connections} | ${ms(g.small.latencyMs.p50)} → ${ms(g.large.latencyMs.p50)} | ${ms(g.small.latencyMs.p99)} → ${ms(g.large.latencyMs.p99)} | ${g.small.reqPerSec} → ${g.large.reqPerSec} | ` +
        `${g.small.cpuMsPerRequest.app} / ${g.small.cpuMsPerRequest.postgres} → ${g.large.cpuMsPerRequest.app} / ${g.large.cpuMsPerRequest.postgres} | ${st(g.small)} → ${st(g.large)} | ${g.large.non2xx + g.large.transportErrors + g.large.graphqlErrors} | ` +
        `${g.p50Ratio} x | ${g.cpuRatio} x | ${g.kind} (≤ ${g.limit} x) | ${Number.isNaN(q) ? '**no response within the row**' : q <= g.limit ? 'met' : '**missed**'} |`,
    );
  }
  if (r.scaled.checks.w3) {
    const c = r.scaled.checks.w3;
    push('', `W3 at ${d.plans} plans: ${c.acknowledged} acknowledged, ${c.entriesAfter - c.entriesBefore} stored, ${c.wrongLatestPointers} wrong latest pointers: ${c.noneLost && c.wrongLatestPointers === 0 ? 'none lost' : 'LOST OR INCONSISTENT'}.`);
  }
  if (r.scaled.checks.appPeakRssMb !== undefined) push('', `Peak RSS of the app timed at ${d.plans} plans (VmHWM): ${mb(r.scaled.checks.appPeakRssMb)}.`);
}

function writePeer(r: BenchResults, push: (...l: string[]) => void): void {
  const p = r.peer;
  if (!p) return;
  push('', '### PostGraphile 5 on the same database, same run (the peer harness; target 1)', '');
  if (p.rows.length === 0) {
    push(`The peer harness did not time anything (exit ${p.exitCode}${p.exitCode === 3 ? ': the answers differ' : ''}). Its last lines:`, '', '```', (p.failure ?? '').trim(), '```');
    return;
  }
  const s = p.settings ?? {};
  push(
    `Run by \`run.sh\` of the peer harness against the national database after the rows above (${p.startedAt} → ${p.finishedAt ?? 'unfinished'}; ROUNDS ${s.ROUNDS}, SECONDS ${s.SECONDS}, CLIENTS ${s.CLIENTS}). ` +
      'It starts its own Planspor (the same build, production mode, pool 10) and PostGraphile, compares their answers, then alternates them round by round; each row is the round with the median p50. ' +
      `Answers: ${Object.entries(p.checks ?? {}).map(([k, v]) => `${k} ${(v as { equal?: boolean }).equal ? 'equal' : 'DIFFERENT'}`).join(', ')}. PostGraphile checks no token and no scope here: its figures are a lower bound for a secured peer.`,
    '',
    '| workload | clients | Planspor p50 / p99 / req/s | PostGraphile p50 / p99 / req/s | Planspor ÷ PostGraphile p50 | req/s | CPU ms per request server / PostgreSQL: Planspor; PostGraphile | p50 range Planspor; PostGraphile | failed Planspor; PostGraphile | SQL floor p50 unnamed / prepared |',
    '|---|---:|---|---|---:|---:|---|---|---|---|',
  );
  const keys = [...new Map(p.rows.map((x) => [`${x.workload}|${x.connections}`, x])).values()];
  const v = (x: number | null) => (x === null ? '-' : ms(x));
  for (const k of keys) {
    const a = p.rows.find((x) => x.workload === k.workload && x.connections === k.connections && x.server === 'Planspor');
    const b = p.rows.find((x) => x.workload === k.workload && x.connections === k.connections && x.server === 'PostGraphile');
    if (!a || !b) continue;
    const fu = p.floors.find((f) => f.workload === k.workload && f.connections === k.connections && !f.label.includes('prepared'));
    const fp = p.floors.find((f) => f.workload === k.workload && f.connections === k.connections && f.label.includes('prepared'));
    const q = a.latencyMs.p50 && b.latencyMs.p50 ? `${(a.latencyMs.p50 / b.latencyMs.p50).toFixed(2)} x` : '-';
    const range = (x: PeerRow) => (x.p50Range ? `${x.p50Range[0]}–${x.p50Range[1]}` : '-');
    push(
      `| ${k.workload} | ${k.connections} | ${v(a.latencyMs.p50)} / ${v(a.latencyMs.p99)} / ${a.reqPerSec} | ${v(b.latencyMs.p50)} / ${v(b.latencyMs.p99)} / ${b.reqPerSec} | ${q} | ${(a.reqPerSec / Math.max(0.1, b.reqPerSec)).toFixed(2)} x | ` +
        `${a.cpuMsPerRequest.server} / ${a.cpuMsPerRequest.postgres}; ${b.cpuMsPerRequest.server} / ${b.cpuMsPerRequest.postgres} | ${range(a)}; ${range(b)} ms | ${a.failed}; ${b.failed} | ${fu ? v(fu.p50) : '-'} / ${fp ? v(fp.p50) : '-'} |`,
    );
  }
  push('', `The harness's own summary and every round: ${p.runDir ? `\`summary.md\` and \`results.json\` in its run folder (${p.runDir.split('/').slice(-1)[0]})` : '-'}.`);
}

function writeMemory(r: BenchResults, push: (...l: string[]) => void): void {
  const peaks = [r.checks.appPeakRssMb, r.scaled?.checks.appPeakRssMb].filter((v): v is number => v !== undefined);
  if (!peaks.length && !r.embedded) return;
  push('', '### Memory (target 7)', '');
  if (r.checks.appPeakRssMb !== undefined) {
    push(`- **The timed app, national dataset**: peak RSS (VmHWM, start included) ${mb(r.checks.appPeakRssMb)} over every row above, the workbooks included.`);
  }
  if (r.scaled?.checks.appPeakRssMb !== undefined) push(`- **The timed app, ${r.scaled.dataset.plans} plans**: ${mb(r.scaled.checks.appPeakRssMb)}.`);
  const e = r.embedded;
  if (e) {
    push(
      `- **The embedded default** (\`node dist/src/main.js\` with no DATABASE_URL, NODE_ENV unset, a fresh data folder, the demo data: what \`npm start\` runs): ` +
        `up in ${e.startSeconds} s; steady RSS ${mb(e.steadyRssMb)} (median of ${e.samplesMb.length} one-second samples after a 5 s pause: ${e.samplesMb.join(', ')} MB); ` +
        `peak during start ${mb(e.peakRssMb)}; ${e.afterRequestsRssMb === null ? '' : `${mb(e.afterRequestsRssMb)} after 20 requests`}. PGlite runs PostgreSQL inside the app's process, so its memory is part of this RSS.`,
    );
  }
}
