import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kept per-plan figures (issue 15, targets 2-4): the portfolio roll-ups and plansNeedingAttention
 * read these instead of every activity row (docs/rollups.md, "Kept figures").
 *
 * - plan_figures: one row per (plan, focus area or none) with, over the group's non-cancelled
 *   activities, their count, summed budget, summed spent (the latest entries' spend, 0 without one),
 *   summed progress (the latest entries' percentComplete, 0 without one; whole numbers, so exact),
 *   how many serve no goal (goal_link_count = 0) and how many are overspent (spent > budget). A row
 *   whose count fell to 0 stays, with every column 0; readers skip it. Every logged entry updates
 *   one of these rows, so its pages are kept half empty (fillfactor 50): the new version then fits on
 *   the same page (a HOT update, no index entry), and the table stays a few hundred pages between
 *   vacuums.
 * - activities.stale_after: the day after which a PLANNED or ACTIVE activity is stale, the
 *   date-independent half of the stale rule (stale-activity-rule.ts): stale on `today` exactly when
 *   stale_after < today, with stale_after = greatest(start_date, latest_reported_on + the plan's
 *   reporting interval) (greatest ignores a NULL latest_reported_on). Indexed by plan for the
 *   statuses that can be stale, so "has this plan a stale activity today" is one index probe.
 * - goals.child_count and goals.indicator_count (its children, its own indicators): a leaf goal
 *   (child_count 0) without a live link or without an indicator is what the goal reasons ask about
 *   (rollup-sql.ts planAttentionCtes); two partial indexes hold exactly those goals.
 *
 * Every figure is moved by triggers, for every writer (the app, imports, retractions, the dataset
 * generator, the demo loader): all of them change an activity's row, and the row triggers here move
 * the figures from the old row to the new one. Links reach the row through goal_link_count, entries
 * and retractions through the latest_* columns (earlier migrations' triggers), so nothing else needs
 * a trigger of its own but the plan's reporting interval, goals (their parent) and indicators
 * (their goal). Each row of plan_figures moves by
 * increments (x = x + delta) under its row lock, so concurrent writers add up and never recompute;
 * a writer locks its activity row first and its group's row second, always in that order.
 */
export class PlanFigures1764800000000 implements MigrationInterface {
  name = 'PlanFigures1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plan_figures (
        plan_id uuid NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
        focus_area_id uuid REFERENCES focus_areas(id),
        activity_count int NOT NULL DEFAULT 0 CHECK (activity_count >= 0),
        budget bigint NOT NULL DEFAULT 0,
        spent bigint NOT NULL DEFAULT 0,
        progress_sum bigint NOT NULL DEFAULT 0,
        without_goals_count int NOT NULL DEFAULT 0 CHECK (without_goals_count >= 0),
        overspent_count int NOT NULL DEFAULT 0 CHECK (overspent_count >= 0),
        CONSTRAINT plan_figures_group UNIQUE NULLS NOT DISTINCT (plan_id, focus_area_id)
      ) WITH (fillfactor = 50)`);

    // One activity row's contribution to its group, or none when cancelled.
    await q.query(`
      CREATE FUNCTION activities_plan_figures() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_in boolean := TG_OP <> 'INSERT' AND OLD.status <> 'CANCELLED';
        new_in boolean := TG_OP <> 'DELETE' AND NEW.status <> 'CANCELLED';
      BEGIN
        IF old_in AND new_in AND OLD.plan_id = NEW.plan_id AND OLD.focus_area_id IS NOT DISTINCT FROM NEW.focus_area_id THEN
          UPDATE plan_figures f
             SET budget = f.budget + NEW.budget - OLD.budget,
                 spent = f.spent + coalesce(NEW.latest_spent, 0) - coalesce(OLD.latest_spent, 0),
                 progress_sum = f.progress_sum + coalesce(NEW.latest_percent_complete, 0) - coalesce(OLD.latest_percent_complete, 0),
                 without_goals_count = f.without_goals_count + (NEW.goal_link_count = 0)::int - (OLD.goal_link_count = 0)::int,
                 overspent_count = f.overspent_count
                   + (coalesce(NEW.latest_spent, 0) > NEW.budget)::int - (coalesce(OLD.latest_spent, 0) > OLD.budget)::int
           WHERE f.plan_id = NEW.plan_id AND f.focus_area_id IS NOT DISTINCT FROM NEW.focus_area_id;
          RETURN NULL;
        END IF;
        IF old_in THEN
          UPDATE plan_figures f
             SET activity_count = f.activity_count - 1,
                 budget = f.budget - OLD.budget,
                 spent = f.spent - coalesce(OLD.latest_spent, 0),
                 progress_sum = f.progress_sum - coalesce(OLD.latest_percent_complete, 0),
                 without_goals_count = f.without_goals_count - (OLD.goal_link_count = 0)::int,
                 overspent_count = f.overspent_count - (coalesce(OLD.latest_spent, 0) > OLD.budget)::int
           WHERE f.plan_id = OLD.plan_id AND f.focus_area_id IS NOT DISTINCT FROM OLD.focus_area_id;
        END IF;
        IF new_in THEN
          INSERT INTO plan_figures AS f
                 (plan_id, focus_area_id, activity_count, budget, spent, progress_sum, without_goals_count, overspent_count)
          VALUES (NEW.plan_id, NEW.focus_area_id, 1, NEW.budget, coalesce(NEW.latest_spent, 0),
                  coalesce(NEW.latest_percent_complete, 0), (NEW.goal_link_count = 0)::int,
                  (coalesce(NEW.latest_spent, 0) > NEW.budget)::int)
          ON CONFLICT (plan_id, focus_area_id) DO UPDATE
             SET activity_count = f.activity_count + 1,
                 budget = f.budget + EXCLUDED.budget,
                 spent = f.spent + EXCLUDED.spent,
                 progress_sum = f.progress_sum + EXCLUDED.progress_sum,
                 without_goals_count = f.without_goals_count + EXCLUDED.without_goals_count,
                 overspent_count = f.overspent_count + EXCLUDED.overspent_count;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER activities_plan_figures_insert_delete
        AFTER INSERT OR DELETE ON activities
        FOR EACH ROW EXECUTE FUNCTION activities_plan_figures()`);
    // Only the columns a figure reads: logProgress's version bump alone moves nothing.
    await q.query(`
      CREATE TRIGGER activities_plan_figures_update
        AFTER UPDATE ON activities
        FOR EACH ROW
        WHEN (OLD.status IS DISTINCT FROM NEW.status
              OR OLD.plan_id IS DISTINCT FROM NEW.plan_id
              OR OLD.focus_area_id IS DISTINCT FROM NEW.focus_area_id
              OR OLD.budget IS DISTINCT FROM NEW.budget
              OR OLD.latest_spent IS DISTINCT FROM NEW.latest_spent
              OR OLD.latest_percent_complete IS DISTINCT FROM NEW.latest_percent_complete
              OR OLD.goal_link_count IS DISTINCT FROM NEW.goal_link_count)
        EXECUTE FUNCTION activities_plan_figures()`);

    // stale_after: set on the row before it is written. The name sorts after
    // activities_latest_progress_figures, so latest_reported_on is already the new entry's.
    await q.query(`ALTER TABLE activities ADD COLUMN stale_after date`);
    await q.query(`
      CREATE FUNCTION activities_stale_after() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        SELECT greatest(NEW.start_date, NEW.latest_reported_on + p.reporting_interval_days)
          INTO NEW.stale_after
          FROM plans p
         WHERE p.id = NEW.plan_id;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER activities_stale_after
        BEFORE INSERT OR UPDATE OF start_date, latest_reported_on, latest_progress_id, plan_id, stale_after ON activities
        FOR EACH ROW EXECUTE FUNCTION activities_stale_after()`);
    await q.query(`
      CREATE FUNCTION plans_stale_after() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE activities SET stale_after = NULL WHERE plan_id = NEW.id;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER plans_stale_after
        AFTER UPDATE OF reporting_interval_days ON plans
        FOR EACH ROW
        WHEN (OLD.reporting_interval_days IS DISTINCT FROM NEW.reporting_interval_days)
        EXECUTE FUNCTION plans_stale_after()`);
    await q.query(`
      CREATE INDEX activities_stale_after_idx ON activities (plan_id, stale_after)
        WHERE status IN ('PLANNED', 'ACTIVE')`);

    // goals.child_count and goals.indicator_count: with live_link_count (1764711000000), whether a
    // goal is a leaf without a live link or without an indicator, the goal reasons' question.
    await q.query(`ALTER TABLE goals ADD COLUMN child_count int NOT NULL DEFAULT 0 CHECK (child_count >= 0)`);
    await q.query(`ALTER TABLE goals ADD COLUMN indicator_count int NOT NULL DEFAULT 0 CHECK (indicator_count >= 0)`);
    await q.query(`
      CREATE FUNCTION goals_child_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' AND OLD.parent_id IS NOT NULL THEN
          UPDATE goals SET child_count = child_count - 1 WHERE id = OLD.parent_id;
        END IF;
        IF TG_OP <> 'DELETE' AND NEW.parent_id IS NOT NULL THEN
          UPDATE goals SET child_count = child_count + 1 WHERE id = NEW.parent_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER goals_child_count_insert_delete AFTER INSERT OR DELETE ON goals
        FOR EACH ROW EXECUTE FUNCTION goals_child_count()`);
    await q.query(`
      CREATE TRIGGER goals_child_count_update AFTER UPDATE OF parent_id ON goals
        FOR EACH ROW WHEN (OLD.parent_id IS DISTINCT FROM NEW.parent_id) EXECUTE FUNCTION goals_child_count()`);
    await q.query(`
      CREATE FUNCTION indicators_goal_count() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          UPDATE goals SET indicator_count = indicator_count - 1 WHERE id = OLD.goal_id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          UPDATE goals SET indicator_count = indicator_count + 1 WHERE id = NEW.goal_id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER indicators_goal_count_insert_delete AFTER INSERT OR DELETE ON indicators
        FOR EACH ROW EXECUTE FUNCTION indicators_goal_count()`);
    await q.query(`
      CREATE TRIGGER indicators_goal_count_update AFTER UPDATE OF goal_id ON indicators
        FOR EACH ROW WHEN (OLD.goal_id IS DISTINCT FROM NEW.goal_id) EXECUTE FUNCTION indicators_goal_count()`);
    await q.query(`CREATE INDEX goals_leaf_without_activities_idx ON goals (plan_id) WHERE child_count = 0 AND live_link_count = 0`);
    await q.query(`CREATE INDEX goals_leaf_without_indicators_idx ON goals (plan_id) WHERE child_count = 0 AND indicator_count = 0`);

    // Backfill, from the rows as they are.
    await q.query(`
      UPDATE activities a SET stale_after = greatest(a.start_date, a.latest_reported_on + p.reporting_interval_days)
        FROM plans p WHERE p.id = a.plan_id`);
    await q.query(`
      INSERT INTO plan_figures (plan_id, focus_area_id, activity_count, budget, spent, progress_sum, without_goals_count, overspent_count)
      SELECT a.plan_id, a.focus_area_id, count(*), sum(a.budget), sum(coalesce(a.latest_spent, 0)),
             sum(coalesce(a.latest_percent_complete, 0)), count(*) FILTER (WHERE a.goal_link_count = 0),
             count(*) FILTER (WHERE coalesce(a.latest_spent, 0) > a.budget)
        FROM activities a
       WHERE a.status <> 'CANCELLED'
       GROUP BY a.plan_id, a.focus_area_id`);
    await q.query(`
      UPDATE goals g SET child_count = c.n
        FROM (SELECT parent_id, count(*)::int AS n FROM goals WHERE parent_id IS NOT NULL GROUP BY parent_id) c
       WHERE g.id = c.parent_id`);
    await q.query(`
      UPDATE goals g SET indicator_count = c.n
        FROM (SELECT goal_id, count(*)::int AS n FROM indicators GROUP BY goal_id) c
       WHERE g.id = c.goal_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER indicators_goal_count_update ON indicators`);
    await q.query(`DROP TRIGGER indicators_goal_count_insert_delete ON indicators`);
    await q.query(`DROP FUNCTION indicators_goal_count()`);
    await q.query(`DROP TRIGGER goals_child_count_update ON goals`);
    await q.query(`DROP TRIGGER goals_child_count_insert_delete ON goals`);
    await q.query(`DROP FUNCTION goals_child_count()`);
    await q.query(`ALTER TABLE goals DROP COLUMN indicator_count`);
    await q.query(`ALTER TABLE goals DROP COLUMN child_count`);
    await q.query(`DROP TRIGGER plans_stale_after ON plans`);
    await q.query(`DROP FUNCTION plans_stale_after()`);
    await q.query(`DROP TRIGGER activities_stale_after ON activities`);
    await q.query(`DROP FUNCTION activities_stale_after()`);
    await q.query(`ALTER TABLE activities DROP COLUMN stale_after`);
    await q.query(`DROP TRIGGER activities_plan_figures_update ON activities`);
    await q.query(`DROP TRIGGER activities_plan_figures_insert_delete ON activities`);
    await q.query(`DROP FUNCTION activities_plan_figures()`);
    await q.query(`DROP TABLE plan_figures`);
  }
}
