import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { toUserModel, UserModel } from '../users/user.model.js';
import { UsersLoaders } from '../users/users.loaders.js';
import { MeasurementModel } from './measurement.model.js';

@Resolver(() => MeasurementModel)
export class MeasurementResolver {
  constructor(private readonly userLoaders: UsersLoaders) {}

  @ResolveField(() => UserModel)
  async recordedBy(@Parent() measurement: MeasurementModel, @Loaders() loaders: RequestLoaders): Promise<UserModel> {
    return toUserModel((await this.userLoaders.user(loaders).load(measurement.recordedById))!);
  }
}
