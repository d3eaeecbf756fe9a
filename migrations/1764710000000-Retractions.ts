import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retractions of progress entries and measurements (issue 10), and each indicator's latest
 * measurement kept on its own row, as each activity's latest entry already is.
 *
 * A retraction marks one row as withdrawn (who, when, why); the row stays in the history and counts
 * in no figure. History is otherwise untouchable, and the database says so itself: a row may gain a
 * retraction once, and nothing else about it may ever change, nor may it be deleted.
 *
 * The latest pointers skip retracted rows. On insert the statement triggers of 1764600000000 (and
 * their new twin on measurements) move a pointer forward only; on a retraction a statement trigger
 * moves it back to the latest row that is not retracted. Both lock the owning row (the activity, the
 * indicator) before they read, so a retraction racing an insert for the same activity leaves the
 * right latest whichever commits first:
 * - the retraction's trigger locks the activity, then reads with a fresh snapshot (READ COMMITTED,
 *   a new snapshot per statement of a volatile function): an insert that committed before the lock
 *   was granted is seen; one that had not yet locked the row (logProgress locks it before it
 *   inserts) waits, and its own trigger then compares with the pointer as the retraction left it.
 * - for measurements the insert locks the indicator in its trigger (its UPDATE), after inserting:
 *   an insert whose trigger is still waiting is invisible to the retraction, and compares with the
 *   moved pointer once the retraction commits (an UPDATE re-checks its WHERE on the newest version).
 * The search back reads progress_entries_latest_idx and measurements_indicator_idx from the newest
 * end and stops at the first row not retracted: retractions are rare, so no index of their own.
 */
export class Retractions1764710000000 implements MigrationInterface {
  name = 'Retractions1764710000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['progress_entries', 'measurements']) {
      await q.query(`
        ALTER TABLE ${table}
          ADD COLUMN retracted_at timestamptz,
          ADD COLUMN retracted_by uuid REFERENCES users(id),
          ADD COLUMN retraction_reason text,
          ADD CONSTRAINT ${table}_retraction_complete CHECK (
            (retracted_at IS NULL) = (retracted_by IS NULL) AND (retracted_at IS NULL) = (retraction_reason IS NULL))`);
    }

    // History is appended, never edited or deleted: the one change a row may see is its retraction.
    await q.query(`
      CREATE FUNCTION history_row_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION '% is history: its rows are never deleted', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.retracted_at IS NOT NULL THEN
          RAISE EXCEPTION '% %: already retracted', TG_TABLE_NAME, OLD.id USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF (to_jsonb(NEW) - ARRAY['retracted_at', 'retracted_by', 'retraction_reason'])
             IS DISTINCT FROM (to_jsonb(OLD) - ARRAY['retracted_at', 'retracted_by', 'retraction_reason']) THEN
          RAISE EXCEPTION '% is history: only a retraction may change a row', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    for (const table of ['progress_entries', 'measurements']) {
      await q.query(`
        CREATE TRIGGER ${table}_history_guard BEFORE UPDATE OR DELETE ON ${table}
          FOR EACH ROW EXECUTE FUNCTION history_row_guard()`);
    }

    // --- progress entries: the insert trigger skips retracted rows; a retraction moves the pointer back.
    await q.query(`
      CREATE OR REPLACE FUNCTION progress_entries_latest_pointer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE activities a
           SET latest_progress_id = n.id
          FROM (SELECT DISTINCT ON (activity_id) activity_id, id, reported_on, logged_at
                  FROM new_entries
                 WHERE retracted_at IS NULL
                 ORDER BY activity_id, reported_on DESC, logged_at DESC, id DESC) n
         WHERE a.id = n.activity_id
           AND (a.latest_progress_id IS NULL
                OR (n.reported_on, n.logged_at, n.id) > (a.latest_reported_on, a.latest_logged_at, a.latest_progress_id));
        RETURN NULL;
      END $$`);
    // An UPDATE of progress_entries is a retraction (history_row_guard refuses anything else). A
    // transition table rules out a column list (UPDATE OF retracted_at), hence the filter on NEW.
    await q.query(`
      CREATE FUNCTION progress_entries_retraction_pointer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM activities a
          WHERE a.id IN (SELECT r.activity_id FROM retracted r WHERE r.retracted_at IS NOT NULL)
          ORDER BY a.id
          FOR UPDATE;
        UPDATE activities a
           SET latest_progress_id = (
                 SELECT e.id FROM progress_entries e
                  WHERE e.activity_id = a.id AND e.retracted_at IS NULL
                  ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC
                  LIMIT 1)
         WHERE a.latest_progress_id IN (SELECT r.id FROM retracted r WHERE r.retracted_at IS NOT NULL);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER progress_entries_retraction_pointer
        AFTER UPDATE ON progress_entries
        REFERENCING NEW TABLE AS retracted
        FOR EACH STATEMENT EXECUTE FUNCTION progress_entries_retraction_pointer()`);

    // --- measurements: each indicator's latest one, on the indicator row, the same way.
    await q.query(`
      ALTER TABLE indicators
        ADD COLUMN latest_measurement_id uuid REFERENCES measurements(id),
        ADD COLUMN latest_value double precision,
        ADD COLUMN latest_measured_on date,
        ADD COLUMN latest_recorded_at timestamptz`);
    await q.query(`
      CREATE FUNCTION indicators_latest_measurement_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT m.value, m.measured_on, m.recorded_at
          INTO NEW.latest_value, NEW.latest_measured_on, NEW.latest_recorded_at
          FROM measurements m
         WHERE m.id = NEW.latest_measurement_id;
        IF NEW.latest_measurement_id IS NULL THEN
          NEW.latest_value := NULL;
          NEW.latest_measured_on := NULL;
          NEW.latest_recorded_at := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER indicators_latest_measurement_figures
        BEFORE INSERT OR UPDATE OF latest_measurement_id ON indicators
        FOR EACH ROW EXECUTE FUNCTION indicators_latest_measurement_figures()`);
    await q.query(`
      CREATE FUNCTION measurements_latest_pointer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE indicators i
           SET latest_measurement_id = n.id
          FROM (SELECT DISTINCT ON (indicator_id) indicator_id, id, measured_on, recorded_at
                  FROM new_measurements
                 WHERE retracted_at IS NULL
                 ORDER BY indicator_id, measured_on DESC, recorded_at DESC, id DESC) n
         WHERE i.id = n.indicator_id
           AND (i.latest_measurement_id IS NULL
                OR (n.measured_on, n.recorded_at, n.id) > (i.latest_measured_on, i.latest_recorded_at, i.latest_measurement_id));
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER measurements_latest_pointer
        AFTER INSERT ON measurements
        REFERENCING NEW TABLE AS new_measurements
        FOR EACH STATEMENT EXECUTE FUNCTION measurements_latest_pointer()`);
    await q.query(`
      CREATE FUNCTION measurements_retraction_pointer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM 1 FROM indicators i
          WHERE i.id IN (SELECT r.indicator_id FROM retracted r WHERE r.retracted_at IS NOT NULL)
          ORDER BY i.id
          FOR UPDATE;
        UPDATE indicators i
           SET latest_measurement_id = (
                 SELECT m.id FROM measurements m
                  WHERE m.indicator_id = i.id AND m.retracted_at IS NULL
                  ORDER BY m.measured_on DESC, m.recorded_at DESC, m.id DESC
                  LIMIT 1)
         WHERE i.latest_measurement_id IN (SELECT r.id FROM retracted r WHERE r.retracted_at IS NOT NULL);
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER measurements_retraction_pointer
        AFTER UPDATE ON measurements
        REFERENCING NEW TABLE AS retracted
        FOR EACH STATEMENT EXECUTE FUNCTION measurements_retraction_pointer()`);
    await q.query(`
      UPDATE indicators i
         SET latest_measurement_id = (
               SELECT m.id FROM measurements m
                WHERE m.indicator_id = i.id
                ORDER BY m.measured_on DESC, m.recorded_at DESC, m.id DESC
                LIMIT 1)
       WHERE EXISTS (SELECT 1 FROM measurements m WHERE m.indicator_id = i.id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER measurements_retraction_pointer ON measurements`);
    await q.query(`DROP FUNCTION measurements_retraction_pointer()`);
    await q.query(`DROP TRIGGER measurements_latest_pointer ON measurements`);
    await q.query(`DROP FUNCTION measurements_latest_pointer()`);
    await q.query(`DROP TRIGGER indicators_latest_measurement_figures ON indicators`);
    await q.query(`DROP FUNCTION indicators_latest_measurement_figures()`);
    await q.query(`
      ALTER TABLE indicators
        DROP COLUMN latest_measurement_id,
        DROP COLUMN latest_value,
        DROP COLUMN latest_measured_on,
        DROP COLUMN latest_recorded_at`);
    await q.query(`DROP TRIGGER progress_entries_retraction_pointer ON progress_entries`);
    await q.query(`DROP FUNCTION progress_entries_retraction_pointer()`);
    // Back to 1764600000000's insert trigger, which knew no retractions.
    await q.query(`
      CREATE OR REPLACE FUNCTION progress_entries_latest_pointer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE activities a
           SET latest_progress_id = n.id
          FROM (SELECT DISTINCT ON (activity_id) activity_id, id, reported_on, logged_at
                  FROM new_entries
                 ORDER BY activity_id, reported_on DESC, logged_at DESC, id DESC) n
         WHERE a.id = n.activity_id
           AND (a.latest_progress_id IS NULL
                OR (n.reported_on, n.logged_at, n.id) > (a.latest_reported_on, a.latest_logged_at, a.latest_progress_id));
        RETURN NULL;
      END $$`);
    for (const table of ['progress_entries', 'measurements']) {
      await q.query(`DROP TRIGGER ${table}_history_guard ON ${table}`);
    }
    await q.query(`DROP FUNCTION history_row_guard()`);
    for (const table of ['progress_entries', 'measurements']) {
      await q.query(`
        ALTER TABLE ${table}
          DROP CONSTRAINT ${table}_retraction_complete,
          DROP COLUMN retracted_at,
          DROP COLUMN retracted_by,
          DROP COLUMN retraction_reason`);
    }
  }
}
