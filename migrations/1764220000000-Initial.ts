import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registry, the plan model and accounts. Every plan-owned table carries plan_id: it is the
 * key to shard on (Citus) and the first column of the indexes that serve a plan page.
 */
export class Initial1764220000000 implements MigrationInterface {
  name = 'Initial1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pools (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        start_year int NOT NULL,
        end_year int NOT NULL,
        min_cofinancing_share numeric(5,4) NOT NULL DEFAULT 0.25
          CHECK (min_cofinancing_share >= 0 AND min_cofinancing_share <= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_year >= start_year)
      )`);
    await q.query(`
      CREATE TABLE focus_areas (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        pool_id uuid NOT NULL REFERENCES pools(id),
        name text NOT NULL,
        position int NOT NULL,
        UNIQUE (pool_id, name)
      )`);
    await q.query(`
      CREATE TABLE municipalities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9]{3}$')
      )`);
    await q.query(`
      CREATE TABLE housing_organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE area_secretariats (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        status text NOT NULL CHECK (status IN ('DRAFT','ACTIVE','COMPLETED','CANCELLED')),
        pool_id uuid NOT NULL REFERENCES pools(id),
        municipality_id uuid NOT NULL REFERENCES municipalities(id),
        area_secretariat_id uuid REFERENCES area_secretariats(id),
        housing_areas text[] NOT NULL DEFAULT '{}',
        start_date date NOT NULL,
        end_date date NOT NULL,
        lbf_grant bigint NOT NULL CHECK (lbf_grant >= 0),
        local_cofinancing bigint NOT NULL CHECK (local_cofinancing >= 0),
        reporting_interval_days int NOT NULL DEFAULT 90 CHECK (reporting_interval_days > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX plans_pool_idx ON plans (pool_id)`);
    await q.query(`CREATE INDEX plans_municipality_idx ON plans (municipality_id)`);
    await q.query(`CREATE INDEX plans_area_secretariat_idx ON plans (area_secretariat_id)`);
    await q.query(`CREATE INDEX plans_title_idx ON plans (title, id)`);
    await q.query(`
      CREATE TABLE plan_housing_organisations (
        plan_id uuid NOT NULL REFERENCES plans(id),
        housing_organisation_id uuid NOT NULL REFERENCES housing_organisations(id),
        position int NOT NULL,
        PRIMARY KEY (plan_id, housing_organisation_id)
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL CHECK (role IN ('ADMIN','LBF','AREA_SECRETARIAT','PROJECT_SECRETARIAT','BOARD_MEMBER')),
        plan_id uuid REFERENCES plans(id),
        area_secretariat_id uuid REFERENCES area_secretariats(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role IN ('PROJECT_SECRETARIAT','BOARD_MEMBER')) = (plan_id IS NOT NULL)),
        CHECK ((role = 'AREA_SECRETARIAT') = (area_secretariat_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE goals (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        parent_id uuid REFERENCES goals(id),
        kind text NOT NULL CHECK (kind IN ('OVERALL','EFFECT','SUB')),
        title text NOT NULL,
        description text,
        focus_area_id uuid REFERENCES focus_areas(id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CHECK (parent_id IS DISTINCT FROM id)
      )`);
    await q.query(`CREATE INDEX goals_plan_idx ON goals (plan_id, created_at)`);
    await q.query(`CREATE INDEX goals_parent_idx ON goals (parent_id)`);
    await q.query(`
      CREATE TABLE indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        goal_id uuid NOT NULL REFERENCES goals(id),
        name text NOT NULL,
        unit text NOT NULL,
        direction text NOT NULL CHECK (direction IN ('INCREASE','DECREASE')),
        source text,
        baseline double precision,
        baseline_date date,
        target double precision NOT NULL,
        target_date date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid
      )`);
    await q.query(`CREATE INDEX indicators_plan_idx ON indicators (plan_id)`);
    await q.query(`CREATE INDEX indicators_goal_idx ON indicators (goal_id, created_at)`);
    await q.query(`
      CREATE TABLE measurements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        indicator_id uuid NOT NULL REFERENCES indicators(id),
        measured_on date NOT NULL,
        value double precision NOT NULL,
        note text,
        recorded_by uuid NOT NULL REFERENCES users(id),
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX measurements_indicator_idx ON measurements (indicator_id, measured_on, recorded_at)`);
    await q.query(`
      CREATE TABLE activities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        version int NOT NULL DEFAULT 1,
        title text NOT NULL,
        description text,
        target_group text,
        status text NOT NULL CHECK (status IN ('PLANNED','ACTIVE','PAUSED','COMPLETED','CANCELLED')),
        responsible_party text NOT NULL
          CHECK (responsible_party IN ('HOUSING_ORGANISATION','MUNICIPALITY','JOINT','OTHER')),
        focus_area_id uuid REFERENCES focus_areas(id),
        start_date date NOT NULL,
        end_date date NOT NULL,
        budget bigint NOT NULL CHECK (budget >= 0),
        latest_progress_id uuid,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid,
        CHECK (end_date >= start_date)
      )`);
    await q.query(`CREATE INDEX activities_plan_idx ON activities (plan_id, created_at)`);
    await q.query(`CREATE INDEX activities_focus_area_idx ON activities (focus_area_id)`);
    await q.query(`
      CREATE TABLE activity_goal_links (
        activity_id uuid NOT NULL REFERENCES activities(id),
        goal_id uuid NOT NULL REFERENCES goals(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        weight double precision NOT NULL CHECK (weight > 0),
        rationale text,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        created_by uuid,
        PRIMARY KEY (activity_id, goal_id)
      )`);
    await q.query(`CREATE INDEX activity_goal_links_goal_idx ON activity_goal_links (goal_id)`);
    await q.query(`CREATE INDEX activity_goal_links_plan_idx ON activity_goal_links (plan_id)`);
    await q.query(`
      CREATE TABLE progress_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        activity_id uuid NOT NULL REFERENCES activities(id),
        reported_on date NOT NULL,
        percent_complete smallint NOT NULL CHECK (percent_complete BETWEEN 0 AND 100),
        status text NOT NULL CHECK (status IN ('PLANNED','ACTIVE','PAUSED','COMPLETED','CANCELLED')),
        participants_reached int CHECK (participants_reached >= 0),
        spent bigint CHECK (spent >= 0),
        note text,
        idempotency_key text,
        logged_by uuid NOT NULL REFERENCES users(id),
        logged_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        UNIQUE (activity_id, idempotency_key)
      )`);
    await q.query(
      `CREATE INDEX progress_entries_latest_idx ON progress_entries (activity_id, reported_on DESC, logged_at DESC)`,
    );
    await q.query(`CREATE INDEX progress_entries_plan_idx ON progress_entries (plan_id)`);
    await q.query(
      `ALTER TABLE activities ADD CONSTRAINT activities_latest_progress_fk
         FOREIGN KEY (latest_progress_id) REFERENCES progress_entries(id)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activities DROP CONSTRAINT activities_latest_progress_fk`);
    for (const table of [
      'progress_entries',
      'activity_goal_links',
      'activities',
      'measurements',
      'indicators',
      'goals',
      'users',
      'plan_housing_organisations',
      'plans',
      'area_secretariats',
      'housing_organisations',
      'municipalities',
      'focus_areas',
      'pools',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
