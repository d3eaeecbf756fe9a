import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connect, migrate } from './database.js';
import { DATASET_ANCHOR, DATASET_PASSWORD, type DatasetRun, generateDataset, resetPlanData, secretariatEmail } from './generate.js';
import { ProgressBar } from './progress-bar.js';

const USAGE = `Usage: npm run dataset -- [--plans N] [--seed S] [--chunk C] [--reset --yes]

Writes a deterministic national dataset into the PostgreSQL server that DATABASE_URL names
(migrating it first): 4 pools, 98 municipalities and N plans (default 700, about 750,000 progress
entries), each with 8 goals, 10 indicators x 12 measurements, 30 activities x 36 monthly entries.
The same seed gives the same values. Each run adds another dataset; --reset --yes first empties the
plan tables (every plan and what it owns, and plan users; the registry stays).

Example: createdb -h 127.0.0.1 -U postgres planspor_bench
         DATABASE_URL=postgres://postgres@127.0.0.1:5432/planspor_bench npm run dataset -- --plans 700 --seed 1`;

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    console.error(`--${name}: must be a whole number of at least ${min}, got "${raw}"`);
    process.exit(2);
  }
  return Number(raw);
}

export function printSummary(run: DatasetRun, out: (line: string) => void = console.log): void {
  const s = run.summary;
  const kr = (v: string) => `${BigInt(v).toLocaleString('da-DK')} kr.`;
  const n = (v: number) => v.toLocaleString('da-DK');
  out(`Dataset ${run.tag} (seed ${run.seed}) written in ${run.seconds.toFixed(1)} s`);
  out(`  plans                ${n(s.plans)} in ${s.pools} pools and ${s.municipalities} municipalities (${s.plansBelowMinimum} below the co-financing minimum)`);
  out(`  goals                ${n(s.goals)}`);
  out(`  indicators           ${n(s.indicators)} with ${n(s.measurements)} measurements`);
  out(`  activities           ${n(s.activities)} (${n(s.nonCancelledActivities)} not cancelled), ${n(s.links)} goal links`);
  out(`  progress entries     ${n(s.progressEntries)} (latest pointer set on ${n(s.latestPointersSet)} activities)`);
  out(`  users                ${n(s.users)}`);
  out(`  LBF grant            ${kr(s.lbfGrant)}`);
  out(`  local co-financing   ${kr(s.localCofinancing)}`);
  out(`  budget (live)        ${kr(s.budget)}`);
  out(`  spent (live, latest) ${kr(s.spent)}`);
  out(`  progress (mean)      ${s.progress} %`);
  out(`  log in as            ${run.lbfEmail} (LBF) or ${secretariatEmail(run.tag, 1)} (plan 1), password ${DATASET_PASSWORD}`);
  out(`  dates                up to ${DATASET_ANCHOR} (fixed, whatever the clock says)`);
}

async function main(): Promise<void> {
  process.env.TZ = 'UTC';
  const { values } = parseArgs({
    options: {
      plans: { type: 'string' },
      seed: { type: 'string' },
      chunk: { type: 'string' },
      reset: { type: 'boolean', default: false },
      yes: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error(
      'DATABASE_URL is not set: the dataset generator writes to a PostgreSQL server, not to the embedded engine ' +
        '(PGlite holds one session and is not what the national numbers are measured on).\n\n' +
        USAGE,
    );
    process.exit(2);
  }
  const plans = wholeNumber('plans', values.plans, 700, 1);
  const seed = wholeNumber('seed', values.seed, 1, 0);
  const chunkSize = wholeNumber('chunk', values.chunk, 25, 1);
  if (values.reset && !values.yes) {
    console.error('--reset deletes every plan in the database and everything it owns: add --yes to confirm.');
    process.exit(2);
  }

  await migrate(url);
  const client = await connect(url);
  try {
    if (values.reset) {
      await resetPlanData(client);
      console.error('Reset: the plan tables are empty.');
    }
    const bar = new ProgressBar('dataset');
    const run = await generateDataset(client, {
      plans,
      seed,
      chunkSize,
      onProgress: (p) => bar.update(p.fraction, `${p.phase}: ${p.detail}`, p.phase),
    });
    bar.done();
    printSummary(run);
  } finally {
    await client.end();
  }
}

// Run only as a program, not when imported (the bench imports printSummary).
if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(`dataset: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
