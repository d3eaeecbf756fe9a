import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each activity's latest progress figures, kept on the activity row itself: the national roll-up
 * then reads 21,000 activities instead of joining 750,000 entries (bench/results.md: W2).
 * A trigger derives them from latest_progress_id whenever that pointer is set, by whoever sets it
 * (the app, the dataset generator, the demo loader), so the two can never disagree.
 */
export class LatestProgressFigures1764500000000 implements MigrationInterface {
  name = 'LatestProgressFigures1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE activities
        ADD COLUMN latest_percent_complete smallint,
        ADD COLUMN latest_spent bigint,
        ADD COLUMN latest_reported_on date`);
    await q.query(`
      CREATE FUNCTION activities_latest_progress_figures() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await q.query(`
      CREATE TRIGGER activities_latest_progress_figures
        BEFORE INSERT OR UPDATE OF latest_progress_id ON activities
        FOR EACH ROW EXECUTE FUNCTION activities_latest_progress_figures()`);
    await q.query(`
      UPDATE activities a
         SET latest_percent_complete = e.percent_complete, latest_spent = e.spent, latest_reported_on = e.reported_on
        FROM progress_entries e
       WHERE e.id = a.latest_progress_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER activities_latest_progress_figures ON activities`);
    await q.query(`DROP FUNCTION activities_latest_progress_figures()`);
    await q.query(`
      ALTER TABLE activities
        DROP COLUMN latest_percent_complete,
        DROP COLUMN latest_spent,
        DROP COLUMN latest_reported_on`);
  }
}
