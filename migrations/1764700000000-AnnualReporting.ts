import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Annual reporting (årlig afrapportering): a plan's reporting periods, their status per plan and year,
 * the submissions with the report as it was computed then, and the history of every transition.
 *
 * - reporting_submissions: append-only; `report` is the annual report's figures at the moment of
 *   submission (what a SUBMITTED or APPROVED report shows, whatever changes later).
 * - reporting_periods: the status row of a plan and year, created by its first submission. No row
 *   means OPEN. A row of a year that is no longer in the plan (its dates changed) is kept, unused,
 *   and counts again if the year comes back.
 * - reporting_events: append-only; who submitted, approved or returned which year, when, with what comment.
 *
 * The rules other statements share, each written once:
 * - plan_reporting_periods (view): every period of every plan, derived from the plan's dates, with its status.
 * - reporting_period_is_late(plan status, period status, due date, today): DOMAIN.md's "late".
 * - late_reporting_periods(today): the late periods, for roll-ups to join by plan_id.
 * - reporting_period_locked(plan, day): whether `day` lies in a SUBMITTED or APPROVED period of the plan.
 * - reporting_period_locked_for_write(plan, day): the same, for a writer: it first takes the plan row
 *   FOR KEY SHARE, the lock that conflicts with submitAnnualReport's FOR UPDATE, and then decides on a
 *   fresh snapshot. A write dated in a period either commits before a submission reads its figures
 *   or is refused once the submission has committed.
 */
export class AnnualReporting1764700000000 implements MigrationInterface {
  name = 'AnnualReporting1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_submissions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        year int NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        submitted_by uuid NOT NULL REFERENCES users(id),
        comment text,
        indicator_comments jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(indicator_comments) = 'object'),
        report jsonb NOT NULL CHECK (jsonb_typeof(report) = 'object')
      )`);
    await q.query(`CREATE INDEX reporting_submissions_period_idx ON reporting_submissions (plan_id, year, submitted_at)`);
    await q.query(`
      CREATE TABLE reporting_periods (
        plan_id uuid NOT NULL REFERENCES plans(id),
        year int NOT NULL,
        status text NOT NULL CHECK (status IN ('SUBMITTED','RETURNED','APPROVED')),
        submission_id uuid NOT NULL REFERENCES reporting_submissions(id),
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_by uuid NOT NULL REFERENCES users(id),
        PRIMARY KEY (plan_id, year)
      )`);
    await q.query(`
      CREATE TABLE reporting_events (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans(id),
        year int NOT NULL,
        action text NOT NULL CHECK (action IN ('SUBMITTED','RETURNED','APPROVED')),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid NOT NULL REFERENCES users(id),
        comment text,
        submission_id uuid REFERENCES reporting_submissions(id)
      )`);
    await q.query(`CREATE INDEX reporting_events_period_idx ON reporting_events (plan_id, year, id)`);
    await q.query(`
      CREATE FUNCTION reporting_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['reporting_submissions', 'reporting_events']) {
      await q.query(`
        CREATE TRIGGER ${table}_no_change BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION reporting_append_only()`);
      await q.query(`
        CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table}
          FOR EACH STATEMENT EXECUTE FUNCTION reporting_append_only()`);
    }

    // One period per calendar year from the plan's start year to its end year, clamped to the plan's dates.
    await q.query(`
      CREATE VIEW plan_reporting_periods AS
      SELECT p.id AS plan_id,
             p.status AS plan_status,
             y.year,
             greatest(p.start_date, make_date(y.year, 1, 1)) AS start_date,
             least(p.end_date, make_date(y.year, 12, 31)) AS end_date,
             make_date(y.year + 1, 6, 30) AS due_date,
             coalesce(r.status, 'OPEN') AS status,
             r.submission_id
        FROM plans p
       CROSS JOIN LATERAL generate_series(extract(year FROM p.start_date)::int, extract(year FROM p.end_date)::int) AS y(year)
        LEFT JOIN reporting_periods r ON r.plan_id = p.id AND r.year = y.year`);
    await q.query(`
      CREATE FUNCTION reporting_period_is_late(plan_status text, period_status text, due_date date, today date)
      RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT plan_status IN ('ACTIVE', 'COMPLETED') AND period_status IN ('OPEN', 'RETURNED') AND today > due_date
      $$`);
    // A plain SQL function over the view: PostgreSQL inlines it, so a caller's condition on plan_id
    // reaches the plans scan.
    await q.query(`
      CREATE FUNCTION late_reporting_periods(today date) RETURNS SETOF plan_reporting_periods
      LANGUAGE sql STABLE AS $$
        SELECT l.* FROM plan_reporting_periods l
         WHERE reporting_period_is_late(l.plan_status, l.status, l.due_date, today)
      $$`);
    await q.query(`
      CREATE FUNCTION reporting_period_locked(for_plan uuid, on_day date) RETURNS boolean
      LANGUAGE sql STABLE AS $$
        SELECT EXISTS (
          SELECT 1
            FROM plans p
            JOIN reporting_periods r ON r.plan_id = p.id
           WHERE p.id = for_plan
             AND r.year = extract(year FROM on_day)::int
             AND r.status IN ('SUBMITTED', 'APPROVED')
             AND on_day BETWEEN p.start_date AND p.end_date)
      $$`);
    // VOLATILE, so that the check after the lock sees what committed while it waited (a volatile
    // function takes a fresh snapshot for each statement it runs, even inside a larger statement).
    await q.query(`
      CREATE FUNCTION reporting_period_locked_for_write(for_plan uuid, on_day date) RETURNS boolean
      LANGUAGE plpgsql VOLATILE AS $$
      BEGIN
        PERFORM 1 FROM plans WHERE id = for_plan FOR KEY SHARE;
        RETURN reporting_period_locked(for_plan, on_day);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION reporting_period_locked_for_write(uuid, date)`);
    await q.query(`DROP FUNCTION reporting_period_locked(uuid, date)`);
    await q.query(`DROP FUNCTION late_reporting_periods(date)`);
    await q.query(`DROP FUNCTION reporting_period_is_late(text, text, date, date)`);
    await q.query(`DROP VIEW plan_reporting_periods`);
    await q.query(`DROP TABLE reporting_events`);
    await q.query(`DROP TABLE reporting_periods`);
    await q.query(`DROP TABLE reporting_submissions`);
    await q.query(`DROP FUNCTION reporting_append_only()`);
  }
}
