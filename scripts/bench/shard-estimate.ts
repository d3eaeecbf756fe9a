import { parseArgs } from 'node:util';
import { connect } from '../dataset/database.js';
import { summarise } from './load.js';

/*
 * `node dist/scripts/bench/shard-estimate.js [--shards 4,8,16]`: what W2 (the national roll-up) would
 * cost on Citus with every plan-owned table distributed by plan_id. Citus runs the aggregate on each
 * shard in parallel (one task per shard) and merges the partial results on the coordinator, so the
 * latency is about the slowest shard's partial aggregate plus the merge and a round trip.
 *
 * Citus is not installable here, so one shard is simulated on the benchmark database: temporary
 * tables holding 1/N of the plans (by hash of plan_id, as Citus places them), with the same indexes,
 * and the floor's partial aggregate timed on them. Reads BENCH_DATABASE_URL (default planspor_bench).
 */

const PARTIAL_POINTER = `
  SELECT a.focus_area_id, p.municipality_id,
         count(*) AS activities, sum(a.budget) AS budget, sum(coalesce(pe.spent, 0)) AS spent,
         sum(coalesce(pe.percent_complete, 0)) AS progress_sum
  FROM shard_activities a
  JOIN shard_plans p ON p.id = a.plan_id
  LEFT JOIN LATERAL (SELECT e.percent_complete, e.spent FROM shard_entries e WHERE e.id = a.latest_progress_id OFFSET 0) pe ON true
  WHERE a.status <> 'CANCELLED'
  GROUP BY GROUPING SETS ((a.focus_area_id), (p.municipality_id), ())`;

const PARTIAL_DENORMALISED = `
  SELECT a.focus_area_id, p.municipality_id,
         count(*) AS activities, sum(a.budget) AS budget, sum(coalesce(a.latest_spent, 0)) AS spent,
         sum(coalesce(a.latest_percent_complete, 0)) AS progress_sum
  FROM shard_activities a
  JOIN shard_plans p ON p.id = a.plan_id
  WHERE a.status <> 'CANCELLED'
  GROUP BY GROUPING SETS ((a.focus_area_id), (p.municipality_id), ())`;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { shards: { type: 'string', default: '1,4,8,16' }, seconds: { type: 'string', default: '4' } } });
  const url = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/planspor_bench';
  const seconds = Number(values.seconds);
  const db = await connect(url);
  const time = async (sql: string) => {
    await db.query(sql);
    const samples: number[] = [];
    const began = performance.now();
    while (performance.now() - began < seconds * 1000) {
      const t = performance.now();
      await db.query(sql);
      samples.push(performance.now() - t);
    }
    return summarise(samples);
  };
  try {
    const rows: string[] = [];
    for (const n of values.shards!.split(',').map(Number)) {
      for (const table of ['shard_plans', 'shard_activities', 'shard_entries']) await db.query(`DROP TABLE IF EXISTS ${table}`);
      // Shard 0 of n: plans whose hashed id falls in the first of n equal ranges, as Citus places rows.
      await db.query(`CREATE TEMP TABLE shard_plans AS SELECT * FROM plans WHERE abs(hashtext(id::text)) % ${n} = 0`);
      await db.query(`CREATE TEMP TABLE shard_activities AS
        SELECT a.*, pe.percent_complete AS latest_percent_complete, pe.spent AS latest_spent
        FROM activities a JOIN shard_plans p ON p.id = a.plan_id
        LEFT JOIN progress_entries pe ON pe.id = a.latest_progress_id`);
      await db.query(`CREATE TEMP TABLE shard_entries AS
        SELECT e.* FROM progress_entries e JOIN shard_plans p ON p.id = e.plan_id ORDER BY e.logged_at, e.id`);
      await db.query('ALTER TABLE shard_plans ADD PRIMARY KEY (id)');
      await db.query('ALTER TABLE shard_entries ADD PRIMARY KEY (id)');
      await db.query('ANALYZE shard_plans, shard_activities, shard_entries');
      const counts = (
        await db.query(`SELECT (SELECT count(*) FROM shard_plans)::int AS plans, (SELECT count(*) FROM shard_activities)::int AS activities,
                               (SELECT count(*) FROM shard_entries)::int AS entries`)
      ).rows[0];
      const pointer = await time(PARTIAL_POINTER);
      const denormalised = await time(PARTIAL_DENORMALISED);
      rows.push(
        `| ${n} | ${counts.plans} | ${counts.activities.toLocaleString('en')} | ${counts.entries.toLocaleString('en')} | ${pointer.p50} ms | ${denormalised.p50} ms |`,
      );
      process.stderr.write(`${n} shards: ${JSON.stringify(counts)} pointer ${pointer.p50} ms, denormalised ${denormalised.p50} ms\n`);
    }
    console.log('| shards | plans in shard 0 | activities | progress entries | partial aggregate p50, latest via pointer | … with latest figures on activities |');
    console.log('|---:|---:|---:|---:|---:|---:|');
    for (const row of rows) console.log(row);
  } finally {
    await db.end();
  }
}

main().catch((error) => {
  console.error(`shard-estimate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
