import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest-progress pointer is moved by the database on every insert into progress_entries, so
 * logProgress needs no statement of its own for it (bench/results.md: W3), and every writer (the
 * app, the dataset generator, the demo loader) gets the same rule: the newest entry by
 * (reported_on, logged_at, id), where a back-dated entry logged later does not win.
 *
 * The insert trigger compares with the activity row's own copy of its latest entry's sort key
 * (latest_reported_on, latest_logged_at, latest_progress_id), not with a lookup in progress_entries:
 * an UPDATE re-checks its WHERE against the newest version of the row after waiting for a lock, so
 * two inserts for one activity can never both win, whichever commits first. The row trigger of
 * 1764500000000 still derives every latest_* column from the pointer, now latest_logged_at too.
 * Entries are append-only, so nothing has to move the pointer back.
 */
export class LatestProgressOnInsert1764600000000 implements MigrationInterface {
  name = 'LatestProgressOnInsert1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activities ADD COLUMN latest_logged_at timestamptz`);
    await q.query(`
      CREATE OR REPLACE FUNCTION activities_latest_progress_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT e.percent_complete, e.spent, e.reported_on, e.logged_at
          INTO NEW.latest_percent_complete, NEW.latest_spent, NEW.latest_reported_on, NEW.latest_logged_at
          FROM progress_entries e
         WHERE e.id = NEW.latest_progress_id;
        IF NEW.latest_progress_id IS NULL THEN
          NEW.latest_percent_complete := NULL;
          NEW.latest_spent := NULL;
          NEW.latest_reported_on := NULL;
          NEW.latest_logged_at := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    // Per statement, not per row: a bulk insert (the dataset generator's 750,000 entries) then
    // updates each activity once, to its newest new entry.
    await q.query(`
      CREATE FUNCTION progress_entries_latest_pointer() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`
      CREATE TRIGGER progress_entries_latest_pointer
        AFTER INSERT ON progress_entries
        REFERENCING NEW TABLE AS new_entries
        FOR EACH STATEMENT EXECUTE FUNCTION progress_entries_latest_pointer()`);
    // Setting each pointer to itself lets the row trigger fill latest_logged_at, and refill any
    // figures a writer bypassing triggers left empty.
    await q.query(`UPDATE activities SET latest_progress_id = latest_progress_id WHERE latest_progress_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER progress_entries_latest_pointer ON progress_entries`);
    await q.query(`DROP FUNCTION progress_entries_latest_pointer()`);
    await q.query(`
      CREATE OR REPLACE FUNCTION activities_latest_progress_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT e.percent_complete, e.spent, e.reported_on
          INTO NEW.latest_percent_complete, NEW.latest_spent, NEW.latest_reported_on
          FROM progress_entries e
         WHERE e.id = NEW.latest_progress_id;
        IF NEW.latest_progress_id IS NULL THEN
          NEW.latest_percent_complete := NULL;
          NEW.latest_spent := NULL;
          NEW.latest_reported_on := NULL;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`ALTER TABLE activities DROP COLUMN latest_logged_at`);
  }
}
