import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Milestones (milepælsplan): dated steps of a plan, optionally of one of its activities or goals.
 * milestone_is_overdue(...) is DOMAIN.md's "overdue", written once for every statement that shows one.
 */
export class Milestones1764700100000 implements MigrationInterface {
  name = 'Milestones1764700100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE milestones (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        title text NOT NULL,
        due_date date NOT NULL,
        completed_on date,
        activity_id uuid REFERENCES activities(id),
        goal_id uuid REFERENCES goals(id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid REFERENCES users(id),
        completed_at timestamptz,
        completed_by uuid REFERENCES users(id),
        CHECK ((completed_on IS NULL) = (completed_at IS NULL))
      )`);
    await q.query(`CREATE INDEX milestones_plan_idx ON milestones (plan_id, due_date)`);
    await q.query(`
      CREATE FUNCTION milestone_is_overdue(completed_on date, due_date date, today date)
      RETURNS boolean LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT completed_on IS NULL AND due_date < today
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION milestone_is_overdue(date, date, date)`);
    await q.query(`DROP TABLE milestones`);
  }
}
