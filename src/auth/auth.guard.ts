import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { UnauthenticatedError } from '../common/errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { IS_PUBLIC } from './current-user.decorator.js';

/**
 * Authentication only: every root operation but `login` needs a valid token. What the caller may
 * see or change is decided in the services (AccessService), where the data is.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const ctx = GqlExecutionContext.create(context).getContext<GraphQLContext>();
    if (ctx.badToken) throw new UnauthenticatedError('The access token is invalid or has expired: log in again');
    if (!ctx.auth) throw new UnauthenticatedError();
    return true;
  }
}
