import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordination across plans (issue 12): the national catalogues of activity types and target groups,
 * an activity's type, target groups and partners, and the area secretariats' coordination notes.
 *
 * Catalogue names are unique case-insensitively (an index on lower(name)); the app trims them and
 * makes runs of white space one space before they get here. A catalogue row is never changed or
 * deleted by the app, so each process may keep the rows it has read. Coordination notes are
 * append-only, like the audit trail: a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export class Coordination1764720000000 implements MigrationInterface {
  name = 'Coordination1764720000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['activity_types', 'target_groups']) {
      await q.query(`
        CREATE TABLE ${table} (
          id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
          name text NOT NULL CHECK (name = btrim(name) AND name <> ''),
          created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
          created_by uuid REFERENCES users(id)
        )`);
      await q.query(`CREATE UNIQUE INDEX ${table}_name_key ON ${table} (lower(name))`);
    }
    // The starting lists: the core activities of the field (in the spirit of LBF's catalogue of
    // core activities) and target groups by age and by situation. LBF extends both.
    await q.query(`INSERT INTO activity_types (name) SELECT unnest($1::text[])`, [ACTIVITY_TYPES]);
    await q.query(`INSERT INTO target_groups (name) SELECT unnest($1::text[])`, [TARGET_GROUPS]);

    await q.query(`ALTER TABLE activities ADD COLUMN activity_type_id uuid REFERENCES activity_types(id)`);
    await q.query(`ALTER TABLE activities ADD COLUMN partners text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE activity_target_groups (
        activity_id uuid NOT NULL REFERENCES activities(id),
        target_group_id uuid NOT NULL REFERENCES target_groups(id),
        plan_id uuid NOT NULL REFERENCES plans(id),
        PRIMARY KEY (activity_id, target_group_id)
      )`);
    // Activity.targetGroups is read by plan, like the links.
    await q.query(`CREATE INDEX activity_target_groups_plan_idx ON activity_target_groups (plan_id)`);

    await q.query(`
      CREATE TABLE coordination_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plans(id),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 5000),
        author_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    // Plan.coordinationNotes: newest first.
    await q.query(`CREATE INDEX coordination_notes_plan_idx ON coordination_notes (plan_id, created_at DESC, id DESC)`);
    await q.query(`
      CREATE FUNCTION coordination_notes_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'coordination_notes is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER coordination_notes_no_change BEFORE UPDATE OR DELETE ON coordination_notes
        FOR EACH ROW EXECUTE FUNCTION coordination_notes_append_only()`);
    await q.query(`
      CREATE TRIGGER coordination_notes_no_truncate BEFORE TRUNCATE ON coordination_notes
        FOR EACH STATEMENT EXECUTE FUNCTION coordination_notes_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE coordination_notes`);
    await q.query(`DROP FUNCTION coordination_notes_append_only()`);
    await q.query(`DROP TABLE activity_target_groups`);
    await q.query(`ALTER TABLE activities DROP COLUMN partners`);
    await q.query(`ALTER TABLE activities DROP COLUMN activity_type_id`);
    await q.query(`DROP TABLE target_groups`);
    await q.query(`DROP TABLE activity_types`);
  }
}

/** Exported for the tests and the demo, which name seeded rows. */
export const ACTIVITY_TYPES = [
  'Lektiecafé',
  'Læse- og sprogstøtte',
  'Forældrenetværk',
  'Familieindsats',
  'Brobygning til uddannelse',
  'Uddannelsesvejledning',
  'Mentorordning',
  'Fritidsjob',
  'Jobcafé',
  'Virksomhedssamarbejde',
  'Jobrettet forløb',
  'Gælds- og økonomirådgivning',
  'Beboerrådgivning',
  'Værested',
  'Klub- og fritidstilbud',
  'Gadeplansarbejde',
  'Tryghedsvandring',
  'Natteravne',
  'Frivillighed og foreningsliv',
  'Beboerdemokrati',
  'Fællesskabsarrangementer',
  'Velkomst af nye beboere',
  'Sundhedsfremme',
  'Beboerundersøgelse',
];

export const TARGET_GROUPS = [
  'Børn 0-5 år',
  'Børn 6-12 år',
  'Unge 13-17 år',
  'Unge 18-29 år',
  'Forældre',
  'Familier med børn',
  'Voksne uden for arbejdsmarkedet',
  'Ledige',
  'Kriminalitetstruede unge',
  'Nytilflyttede beboere',
  'Beboere med gæld eller økonomiske problemer',
  'Sårbare og ensomme beboere',
  'Ældre',
  'Frivillige',
  'Alle beboere',
];
