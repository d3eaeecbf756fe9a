import { ResolveField, Resolver } from '@nestjs/graphql';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { MeasurementModel } from './measurement.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => MeasurementModel)
export class MeasurementResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => UserModel)
  async recordedBy(measurement: MeasurementModel, _args: unknown, { loaders }: GraphQLContext): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(measurement.recordedById))!);
  }
}
