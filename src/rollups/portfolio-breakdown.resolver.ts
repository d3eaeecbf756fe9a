import { ResolveField, Resolver } from '@nestjs/graphql';
import { FocusAreaModel, toFocusAreaModel } from '../registry/focus-area.model.js';
import { MunicipalityModel, toMunicipalityModel } from '../registry/municipality.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { FocusAreaRollupModel, MunicipalityRollupModel } from './portfolio-rollup.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

/** The breakdown rows carry ids; their focus areas and municipalities come from the registry loaders. */
@Resolver(() => FocusAreaRollupModel)
export class FocusAreaRollupResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => FocusAreaModel)
  async focusArea(row: FocusAreaRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<FocusAreaModel> {
    return toFocusAreaModel((await this.registry.focusArea(loaders).load(row.focusAreaId))!);
  }
}

@Resolver(() => MunicipalityRollupModel)
export class MunicipalityRollupResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => MunicipalityModel)
  async municipality(row: MunicipalityRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<MunicipalityModel> {
    return toMunicipalityModel((await this.registry.municipality(loaders).load(row.municipalityId))!);
  }
}
