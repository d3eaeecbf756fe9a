import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { AuthUser } from '../../auth/auth-user.js';
import { bearerAuth } from '../../auth/bearer-token.js';
import { SESSION_ENDED, SessionService } from '../../auth/session.service.js';
import { TokenService } from '../../auth/token.service.js';
import { BadInputError, UnauthenticatedError } from '../../common/errors.js';
import type { Lang } from '../sheets/sheet-layout.js';

/**
 * The spreadsheet endpoints' caller: the same Bearer token, read the same way, as GraphQL's context
 * (auth/bearer-token.ts) and refused the same way as the GraphQL auth guard refuses it. What the
 * caller may see is then decided by the services, through AccessService, as for GraphQL.
 */
@Injectable()
export class HttpAuth {
  constructor(
    private readonly tokens: TokenService,
    private readonly sessions: SessionService,
  ) {}

  async caller(req: Request): Promise<AuthUser> {
    const { auth, badToken } = bearerAuth(req.headers.authorization, this.tokens);
    if (badToken) throw new UnauthenticatedError('The access token is invalid or has expired: log in again');
    if (!auth) throw new UnauthenticatedError();
    if (!(await this.sessions.isCurrent(req, auth))) throw new UnauthenticatedError(SESSION_ENDED);
    return auth;
  }
}

/** `?lang=da` for Danish sheet names and headers; English otherwise. */
export function langOf(query: Record<string, unknown>): Lang {
  const lang = query.lang;
  if (lang === undefined || lang === 'en') return 'en';
  if (lang === 'da') return 'da';
  throw new BadInputError('lang', `must be "en" or "da", got ${JSON.stringify(lang)}`);
}
