import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { UnauthenticatedError } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** What a refresh token is exchanged for: its user (read in the same transaction) and the next token. */
export interface Rotation {
  userId: string;
  refreshToken: string;
}

const REFUSED = 'The refresh token is invalid, expired or revoked: log in again';

/** The database keeps only this: a leaked table gives nobody a working token. */
function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Rotating refresh tokens (docs/security.md, "Sessions"). A login starts a family that lasts
 * REFRESH_TOKEN_TTL_HOURS in all; each token is good once: using it revokes it and gives the next of
 * the family. Using a token a second time means that two parties hold it (one of them a thief), so
 * the whole family is revoked and both must log in again.
 */
@Injectable()
export class RefreshTokenService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  /** A new family for a login. */
  async start(userId: string, m: EntityManager = this.dataSource.manager): Promise<string> {
    const expiresAt = new Date(Date.now() + this.config.refreshTokenTtlHours * 3_600_000);
    return this.insert(m, userId, randomUUID(), expiresAt);
  }

  /**
   * Exchanges a refresh token for the next one. UNAUTHENTICATED for an unknown, expired or revoked
   * token and for a deactivated user; a token used before revokes its family first.
   */
  async rotate(token: string): Promise<Rotation> {
    const outcome = await this.dataSource.transaction(async (m): Promise<Rotation | 'refused'> => {
      const [row] = (await m.query(
        `SELECT t.id, t.user_id, t.family_id, t.expires_at, t.used_at, t.revoked_at, u.active
           FROM refresh_tokens t JOIN users u ON u.id = t.user_id
          WHERE t.token_hash = $1
            FOR UPDATE OF t`,
        [digest(token)],
      )) as { id: string; user_id: string; family_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null; active: boolean }[];
      if (!row) return 'refused';
      if (row.used_at) {
        // Reuse: revoke what is left of the family, and commit that before refusing.
        await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [row.family_id]);
        return 'refused';
      }
      if (row.revoked_at || !row.active || row.expires_at.getTime() <= Date.now()) return 'refused';
      await m.query(`UPDATE refresh_tokens SET used_at = now(), revoked_at = now() WHERE id = $1`, [row.id]);
      // The family keeps its end: rotating does not stretch a sign-in beyond REFRESH_TOKEN_TTL_HOURS.
      return { userId: row.user_id, refreshToken: await this.insert(m, row.user_id, row.family_id, row.expires_at) };
    });
    if (outcome === 'refused') throw new UnauthenticatedError(REFUSED);
    return outcome;
  }

  /** Logout: revokes the token's family (the sign-in it belongs to). False when there was none to revoke. */
  async revokeFamily(token: string): Promise<boolean> {
    const [, affected] = (await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL`,
      [digest(token)],
    )) as [unknown, number];
    return affected > 0;
  }

  /** Every sign-in of a user: deactivation, password changes, logout everywhere. */
  async revokeAll(m: EntityManager, userId: string): Promise<void> {
    await m.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [userId]);
  }

  private async insert(m: EntityManager, userId: string, familyId: string, expiresAt: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await m.query(`INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
      userId,
      familyId,
      digest(token),
      expiresAt,
    ]);
    return token;
  }
}
