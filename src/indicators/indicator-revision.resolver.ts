import { ResolveField, Resolver } from '@nestjs/graphql';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { IndicatorRevisionModel } from './indicator-revision.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => IndicatorRevisionModel)
export class IndicatorRevisionResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => UserModel)
  async by(revision: IndicatorRevisionModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(revision.revisedById))!);
  }
}
