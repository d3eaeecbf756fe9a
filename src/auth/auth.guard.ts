import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../common/errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { CHECKS_SESSION_ITSELF, IS_PUBLIC } from './current-user.decorator.js';
import { SESSION_ENDED, SessionService } from './session.service.js';

/**
 * Authentication only: every root operation but the public ones (`login`, `refreshSession`) needs a
 * valid token whose session is still current (SessionService: one lookup per request, or, for an
 * operation marked @ChecksSessionItself, part of the service's own statements). What the
 * caller may see or change is decided in the services (AccessService), where the data is.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (ctx.badToken) throw new UnauthenticatedError('The access token is invalid or has expired: log in again');
    if (!ctx.auth) throw new UnauthenticatedError();
    if (this.reflector.getAllAndOverride<boolean>(CHECKS_SESSION_ITSELF, [context.getHandler(), context.getClass()])) return true;
    if (!(await this.sessions.isCurrent(ctx.req, ctx.auth))) throw new UnauthenticatedError(SESSION_ENDED);
    return true;
  }
}
