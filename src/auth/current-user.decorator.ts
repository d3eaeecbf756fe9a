import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { AuthUser } from './auth-user.js';

/** The authenticated caller; the global guard has already refused anonymous calls. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    GqlExecutionContext.create(context).getContext<GraphQLContext>().auth as AuthUser,
);

/** The request's DataLoaders. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => GqlExecutionContext.create(context).getContext<GraphQLContext>().loaders,
);

export const IS_PUBLIC = 'planspor:isPublic';

export const CHECKS_SESSION_ITSELF = 'planspor:checksSessionItself';
/**
 * An operation whose service puts the session check into its own statements (currentSessionSql), so
 * the guard checks the token but does not ask for the session first. The service must then refuse an
 * ended session with SESSION_ENDED before it reads or changes anything; only logProgress does this.
 */
export const ChecksSessionItself = () => SetMetadata(CHECKS_SESSION_ITSELF, true);
/** An operation anyone may call without a token (only `login`). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
