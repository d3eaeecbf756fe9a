import { connect } from '../dataset/database.js';
import { DATASET_EMAIL_DOMAIN, lbfEmail } from '../dataset/generate.js';

/*
 * What the new pages of issue 15 need and the generated dataset does not have, added once to the
 * benchmark's database, deterministically and idempotently (a rerun finds it and changes nothing):
 *
 * - an area secretariat of exactly 20 plans with an AREA_SECRETARIAT user, whose activities have
 *   types and target groups (the generator sets none, and without them the area has no overlaps);
 * - submitted annual reports (see submitReports in run.ts, which goes through the API).
 */

export const BENCH_AREA_NAME = 'Benchmark: områdesekretariat med 20 planer';
export const benchAreaEmail = (tag: string) => `omraade-bench-${tag}@${DATASET_EMAIL_DOMAIN}`;
export const BENCH_AREA_PLANS = 20;

export interface BenchArea {
  id: string;
  email: string;
  plans: number;
  typedActivities: number;
  createdThisRun: boolean;
}

/**
 * The benchmark's area secretariat: 20 current-pool plans of dataset run `tag` that had no area
 * secretariat (the first 20 by plan number), attached to a secretariat of their own; two of every
 * three of their non-cancelled activities get an activity type and one or two target groups from
 * the national catalogues, by position (so the same dataset gives the same area). The user logs in
 * with the dataset's password.
 */
export async function ensureBenchArea(url: string, tag: string): Promise<BenchArea> {
  const db = await connect(url);
  const email = benchAreaEmail(tag);
  try {
    const found = await db.query<{ id: string }>('SELECT id FROM area_secretariats WHERE name = $1', [BENCH_AREA_NAME]);
    let createdThisRun = false;
    if (found.rowCount === 0) {
      createdThisRun = true;
      await db.query('BEGIN');
      try {
        const area = await db.query<{ id: string }>('INSERT INTO area_secretariats (name) VALUES ($1) RETURNING id', [BENCH_AREA_NAME]);
        const areaId = area.rows[0].id;
        const attached = await db.query(
          `UPDATE plans SET area_secretariat_id = $1
            WHERE id IN (
              SELECT p.id FROM plans p
                JOIN users u ON u.plan_id = p.id AND u.role = 'PROJECT_SECRETARIAT'
                JOIN pools po ON po.id = p.pool_id
               WHERE u.email LIKE $2 AND p.area_secretariat_id IS NULL AND po.end_year >= 2026
               ORDER BY u.email
               LIMIT ${BENCH_AREA_PLANS})`,
          [areaId, `projekt-${tag}-%@${DATASET_EMAIL_DOMAIN}`],
        );
        if (attached.rowCount !== BENCH_AREA_PLANS) throw new Error(`only ${attached.rowCount} plans without an area secretariat for the benchmark's area`);
        await db.query(
          `WITH numbered AS (
             SELECT a.id, row_number() OVER (ORDER BY u.email, a.created_at, a.id) AS n
               FROM activities a
               JOIN plans p ON p.id = a.plan_id
               JOIN users u ON u.plan_id = p.id AND u.role = 'PROJECT_SECRETARIAT'
              WHERE p.area_secretariat_id = $1 AND a.status <> 'CANCELLED' AND a.activity_type_id IS NULL
           ),
           types AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k, count(*) OVER () AS n FROM activity_types)
           UPDATE activities a SET activity_type_id = t.id
             FROM numbered x JOIN types t ON t.k = x.n % t.n
            WHERE a.id = x.id AND x.n % 3 <> 0`,
          [areaId],
        );
        await db.query(
          `WITH numbered AS (
             SELECT a.id, a.plan_id, row_number() OVER (ORDER BY u.email, a.created_at, a.id) AS n
               FROM activities a
               JOIN plans p ON p.id = a.plan_id
               JOIN users u ON u.plan_id = p.id AND u.role = 'PROJECT_SECRETARIAT'
              WHERE p.area_secretariat_id = $1 AND a.activity_type_id IS NOT NULL
           ),
           groups AS (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k, count(*) OVER () AS n FROM target_groups)
           INSERT INTO activity_target_groups (activity_id, target_group_id, plan_id)
           SELECT DISTINCT x.id, g.id, x.plan_id
             FROM numbered x JOIN groups g ON g.k = x.n % g.n OR (x.n % 2 = 0 AND g.k = (x.n * 7 + 3) % g.n)
           ON CONFLICT DO NOTHING`,
          [areaId],
        );
        await db.query(
          `INSERT INTO users (email, name, password_hash, role, area_secretariat_id)
           SELECT $1, 'Benchmarkens områdesekretariat', password_hash, 'AREA_SECRETARIAT', $2 FROM users WHERE email = $3`,
          [email, areaId, lbfEmail(tag)],
        );
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK');
        throw error;
      }
    }
    const { rows } = await db.query<{ id: string; plans: number; typed: number }>(
      `SELECT s.id,
              (SELECT count(*)::int FROM plans p WHERE p.area_secretariat_id = s.id) AS plans,
              (SELECT count(*)::int FROM activities a JOIN plans p ON p.id = a.plan_id
                WHERE p.area_secretariat_id = s.id AND a.activity_type_id IS NOT NULL) AS typed
         FROM area_secretariats s WHERE s.name = $1`,
      [BENCH_AREA_NAME],
    );
    return { id: rows[0].id, email, plans: rows[0].plans, typedActivities: rows[0].typed, createdThisRun };
  } finally {
    await db.end();
  }
}

export interface ReportYears {
  planId: string;
  /** The OPEN period that contains today: its report is computed live. */
  liveYear: number | null;
  /** The latest period that has ended: submitted (and every second one approved) by the benchmark. */
  pastYear: number | null;
  pastStatus: string | null;
}

/** For each plan, its current (open) year and its latest ended year, with that year's status. */
export async function reportYears(url: string, planIds: string[], today: string): Promise<ReportYears[]> {
  const db = await connect(url);
  try {
    const { rows } = await db.query<{ plan_id: string; live_year: number | null; past_year: number | null; past_status: string | null }>(
      `SELECT p.id AS plan_id,
              (SELECT year FROM plan_reporting_periods r WHERE r.plan_id = p.id AND r.start_date <= $2::date AND r.end_date >= $2::date AND r.status = 'OPEN') AS live_year,
              past.year AS past_year, past.status AS past_status
         FROM unnest($1::uuid[]) WITH ORDINALITY AS s(id, i)
         JOIN plans p ON p.id = s.id
         LEFT JOIN LATERAL (SELECT year, status FROM plan_reporting_periods r WHERE r.plan_id = p.id AND r.end_date < $2::date ORDER BY year DESC LIMIT 1) past ON true
        ORDER BY s.i`,
      [planIds, today],
    );
    return rows.map((r) => ({ planId: r.plan_id, liveYear: r.live_year, pastYear: r.past_year, pastStatus: r.past_status }));
  } finally {
    await db.end();
  }
}
