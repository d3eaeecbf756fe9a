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
/** An operation anyone may call without a token (only `login`). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
