import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { FocusAreaModel, toFocusAreaModel } from './focus-area.model.js';
import { PoolModel } from './pool.model.js';
import { RegistryLoaders } from './registry.loaders.js';

@Resolver(() => PoolModel)
export class PoolResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(@Parent() pool: PoolModel, @Loaders() loaders: RequestLoaders): Promise<FocusAreaModel[]> {
    return (await this.registry.focusAreasByPool(loaders).load(pool.id)).map(toFocusAreaModel);
  }
}
