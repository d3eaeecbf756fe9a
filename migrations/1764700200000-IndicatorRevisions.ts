import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Why and how an indicator's definition changed (updateIndicator): one row per change, append-only,
 * with the changed fields before and after. Targets change during a four-year plan; LBF sees when and why.
 */
export class IndicatorRevisions1764700200000 implements MigrationInterface {
  name = 'IndicatorRevisions1764700200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE indicator_revisions (
        id bigserial PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans(id),
        indicator_id uuid NOT NULL REFERENCES indicators(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        revised_by uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
        before jsonb NOT NULL,
        after jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX indicator_revisions_indicator_idx ON indicator_revisions (indicator_id, id)`);
    await q.query(`CREATE INDEX indicator_revisions_plan_idx ON indicator_revisions (plan_id)`);
    await q.query(`
      CREATE TRIGGER indicator_revisions_no_change BEFORE UPDATE OR DELETE ON indicator_revisions
        FOR EACH ROW EXECUTE FUNCTION reporting_append_only()`);
    await q.query(`
      CREATE TRIGGER indicator_revisions_no_truncate BEFORE TRUNCATE ON indicator_revisions
        FOR EACH STATEMENT EXECUTE FUNCTION reporting_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE indicator_revisions`);
  }
}
