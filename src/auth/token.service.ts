import { createSecretKey, type KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import jwt from 'jsonwebtoken';
import { Role } from '../common/enums.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/config.js';
import type { AuthUser } from './auth-user.js';
import { VerifiedTokens } from './verified-tokens.js';

interface TokenClaims {
  sub: string;
  role: Role;
  plan?: string;
  area?: string;
  /** The user's session_version at issue (tokens from before this claim existed count as 0). */
  ver?: number;
}

/**
 * Short-lived HS256 access tokens, verified by any replica without the database; whether the token's
 * session is still current is checked once per request against the users row (session.service.ts).
 */
@Injectable()
export class TokenService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  sign(user: AuthUser): string {
    const claims: TokenClaims = { sub: user.id, role: user.role };
    if (user.planId) claims.plan = user.planId;
    if (user.areaSecretariatId) claims.area = user.areaSecretariatId;
    claims.ver = user.sessionVersion ?? 0;
    return jwt.sign(claims, this.secret, {
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: 'planspor',
    });
  }

  private readonly verified = new VerifiedTokens<AuthUser>();

  /** Undefined for a token that is malformed, forged or expired. Each token is checked once, then kept until it expires. */
  verify(token: string): AuthUser | undefined {
    return this.verified.get(token, (t) => this.check(t));
  }

  private check(token: string): { value: AuthUser; exp: number } | undefined {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'], issuer: 'planspor' }) as TokenClaims & { exp: number };
      if (!Object.values(Role).includes(claims.role)) return undefined;
      // Frozen: one object now serves every request that sends this token.
      const user: AuthUser = Object.freeze({ id: claims.sub, role: claims.role, planId: claims.plan ?? null, areaSecretariatId: claims.area ?? null, sessionVersion: claims.ver ?? 0 });
      return { value: user, exp: claims.exp };
    } catch {
      return undefined;
    }
  }

  // A KeyObject made once: given a string, jsonwebtoken first tries it as a public key on every
  // verify (about 0.5 ms, on every authenticated request).
  private key?: KeyObject;

  private get secret(): KeyObject {
    if (this.key) return this.key;
    if (!this.config.jwtSecret) throw new Error('JWT secret not configured');
    this.key = createSecretKey(Buffer.from(this.config.jwtSecret, 'utf8'));
    return this.key;
  }
}
