import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { FocusAreaModel } from './focus-area.model.js';
import { PoolModel, toPoolModel } from './pool.model.js';
import { RegistryLoaders } from './registry.loaders.js';

@Resolver(() => FocusAreaModel)
export class FocusAreaResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => PoolModel)
  async pool(@Parent() focusArea: FocusAreaModel, @Loaders() loaders: RequestLoaders): Promise<PoolModel> {
    return toPoolModel((await this.registry.pool(loaders).load(focusArea.poolId))!);
  }
}
