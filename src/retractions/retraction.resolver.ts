import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { RetractionModel } from './retraction.model.js';

@Resolver(() => RetractionModel)
export class RetractionResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => UserModel)
  async by(retraction: RetractionModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(retraction.byId))!);
  }
}
