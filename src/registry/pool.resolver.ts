import { ResolveField, Resolver } from '@nestjs/graphql';
import { FocusAreaModel, toFocusAreaModel } from './focus-area.model.js';
import { PoolModel } from './pool.model.js';
import { RegistryLoaders } from './registry.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PoolModel)
export class PoolResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => [FocusAreaModel])
  async focusAreas(pool: PoolModel, _args: unknown, { loaders }: GraphQLContext): Promise<FocusAreaModel[]> {
    return (await this.registry.focusAreasByPool(loaders).load(pool.id)).map(toFocusAreaModel);
  }
}
