import { ResolveField, Resolver } from '@nestjs/graphql';
import { FocusAreaModel } from './focus-area.model.js';
import { PoolModel, toPoolModel } from './pool.model.js';
import { RegistryLoaders } from './registry.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => FocusAreaModel)
export class FocusAreaResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => PoolModel)
  async pool(focusArea: FocusAreaModel, _args: unknown, { loaders }: GraphQLContext): Promise<PoolModel> {
    return toPoolModel((await this.registry.pool(loaders).load(focusArea.poolId))!);
  }
}
