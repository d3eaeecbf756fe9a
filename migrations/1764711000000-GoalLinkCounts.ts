import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How many goals each activity serves, and how many non-cancelled activities serve each goal
 * directly, kept on their own rows. Three attention reasons hang on them (activities without goals,
 * goals without activities), and with them on the rows the portfolio's one pass over its activities
 * and goals answers every plan's reasons without reading the links, the largest table after the
 * history (bench: 35,000 links nationally; docs/rollups.md, "Attention").
 *
 * - activities.goal_link_count: the activity's links.
 * - goals.live_link_count: the goal's links from activities that are not CANCELLED.
 *
 * Triggers keep both, for every writer (the app, the dataset generator, the demo loader, imports):
 * links inserted or deleted (per statement, each row moved once by the statement's total), and an
 * activity's status crossing CANCELLED (its goals move by one each). Each count moves by an
 * increment under the row's lock, so concurrent writers add up. A link trigger updates the activity
 * row (its goal_link_count) before it reads the activity's status for the goals' counts, so a status
 * change racing it either committed first (and is seen by that read: a new snapshot per statement)
 * or waits for the link's transaction and then sees the link when it moves the goals' counts.
 */
export class GoalLinkCounts1764711000000 implements MigrationInterface {
  name = 'GoalLinkCounts1764711000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activities ADD COLUMN goal_link_count int NOT NULL DEFAULT 0 CHECK (goal_link_count >= 0)`);
    await q.query(`ALTER TABLE goals ADD COLUMN live_link_count int NOT NULL DEFAULT 0 CHECK (live_link_count >= 0)`);
    await q.query(`
      CREATE FUNCTION activity_goal_links_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        step int := CASE TG_OP WHEN 'INSERT' THEN 1 ELSE -1 END;
      BEGIN
        UPDATE activities a
           SET goal_link_count = a.goal_link_count + step * c.n
          FROM (SELECT activity_id, count(*)::int AS n FROM changed_links GROUP BY activity_id) c
         WHERE a.id = c.activity_id;
        UPDATE goals g
           SET live_link_count = g.live_link_count + step * c.n
          FROM (SELECT l.goal_id, count(*)::int AS n
                  FROM changed_links l
                  JOIN activities a ON a.id = l.activity_id
                 WHERE a.status <> 'CANCELLED'
                 GROUP BY l.goal_id) c
         WHERE g.id = c.goal_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER activity_goal_links_counts_insert
        AFTER INSERT ON activity_goal_links
        REFERENCING NEW TABLE AS changed_links
        FOR EACH STATEMENT EXECUTE FUNCTION activity_goal_links_counts()`);
    await q.query(`
      CREATE TRIGGER activity_goal_links_counts_delete
        AFTER DELETE ON activity_goal_links
        REFERENCING OLD TABLE AS changed_links
        FOR EACH STATEMENT EXECUTE FUNCTION activity_goal_links_counts()`);
    await q.query(`
      CREATE FUNCTION activities_live_link_counts() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE goals g
           SET live_link_count = g.live_link_count + CASE WHEN NEW.status = 'CANCELLED' THEN -1 ELSE 1 END
          FROM activity_goal_links l
         WHERE l.activity_id = NEW.id AND g.id = l.goal_id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER activities_live_link_counts
        AFTER UPDATE OF status ON activities
        FOR EACH ROW
        WHEN ((OLD.status = 'CANCELLED') IS DISTINCT FROM (NEW.status = 'CANCELLED'))
        EXECUTE FUNCTION activities_live_link_counts()`);
    await q.query(`
      UPDATE activities a SET goal_link_count = c.n
        FROM (SELECT activity_id, count(*)::int AS n FROM activity_goal_links GROUP BY activity_id) c
       WHERE a.id = c.activity_id`);
    await q.query(`
      UPDATE goals g SET live_link_count = c.n
        FROM (SELECT l.goal_id, count(*)::int AS n
                FROM activity_goal_links l JOIN activities a ON a.id = l.activity_id
               WHERE a.status <> 'CANCELLED'
               GROUP BY l.goal_id) c
       WHERE g.id = c.goal_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER activities_live_link_counts ON activities`);
    await q.query(`DROP FUNCTION activities_live_link_counts()`);
    await q.query(`DROP TRIGGER activity_goal_links_counts_delete ON activity_goal_links`);
    await q.query(`DROP TRIGGER activity_goal_links_counts_insert ON activity_goal_links`);
    await q.query(`DROP FUNCTION activity_goal_links_counts()`);
    await q.query(`ALTER TABLE goals DROP COLUMN live_link_count`);
    await q.query(`ALTER TABLE activities DROP COLUMN goal_link_count`);
  }
}
