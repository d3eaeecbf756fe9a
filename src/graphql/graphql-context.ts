import type { Request, Response } from 'express';
import type { AuthUser } from '../auth/auth-user.js';
import { RequestLoaders } from './request-loaders.js';

export interface GraphQLContext {
  req: Request;
  res: Response;
  /** Null when no valid token came with the request; the auth guard refuses such calls. */
  auth: AuthUser | null;
  /** A token was sent but is malformed, forged or expired. */
  badToken: boolean;
  loaders: RequestLoaders;
}
