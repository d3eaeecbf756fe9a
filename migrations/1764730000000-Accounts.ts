import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts and sessions (issue 13): a user can be deactivated; every access token carries its user's
 * `session_version`, which a deactivation, a change of role or scope, or a password change raises, so
 * that earlier tokens are refused on every replica (docs/security.md). Existing users stay active at
 * version 0.
 *
 * `login_failures` holds the login throttle's failures, shared by every replica of the database;
 * rows older than the window are deleted as new failures arrive. `refresh_tokens` holds the SHA-256
 * of each refresh token (never the token), its family (one login) and when it was used or revoked.
 */
export class Accounts1764730000000 implements MigrationInterface {
  name = 'Accounts1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE users ADD COLUMN session_version integer NOT NULL DEFAULT 0`);

    await q.query(`
      CREATE TABLE login_failures (
        key text NOT NULL,
        failed_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX login_failures_key_idx ON login_failures (key, failed_at DESC)`);
    await q.query(`CREATE INDEX login_failures_failed_at_idx ON login_failures (failed_at)`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        family_id uuid NOT NULL,
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        used_at timestamptz,
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE login_failures`);
    await q.query(`ALTER TABLE users DROP COLUMN session_version`);
    await q.query(`ALTER TABLE users DROP COLUMN active`);
  }
}
