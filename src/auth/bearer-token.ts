import type { AuthUser } from './auth-user.js';
import type { TokenService } from './token.service.js';

/** What an `Authorization` header says about the caller: GraphQL's context and the spreadsheet endpoints read it alike. */
export interface BearerAuth {
  /** Null when no valid token came with the request. */
  auth: AuthUser | null;
  /** A header was sent but holds no valid token (malformed, forged or expired). */
  badToken: boolean;
}

export function bearerAuth(header: string | undefined, tokens: TokenService): BearerAuth {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const auth = token ? (tokens.verify(token) ?? null) : null;
  return { auth, badToken: Boolean(header) && !auth };
}
