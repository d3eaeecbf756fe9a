import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: one row per data-changing mutation, written in the mutation's own transaction.
 * Append-only in the database itself: triggers refuse UPDATE, DELETE and TRUNCATE.
 */
export class AuditTrail1764400000000 implements MigrationInterface {
  name = 'AuditTrail1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid REFERENCES users(id),
        operation text NOT NULL,
        entity text NOT NULL,
        entity_id text NOT NULL,
        plan_id uuid REFERENCES plans(id),
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_events_plan_idx ON audit_events (plan_id, id DESC)`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity, entity_id, id DESC)`);
    await q.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, id DESC)`);
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
  }
}
