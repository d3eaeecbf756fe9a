import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { FocusAreaModel, toFocusAreaModel } from '../registry/focus-area.model.js';
import { MunicipalityModel, toMunicipalityModel } from '../registry/municipality.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { FocusAreaRollupModel, MunicipalityRollupModel } from './portfolio-rollup.model.js';

/** The breakdown rows carry ids; their focus areas and municipalities come from the registry loaders. */
@Resolver(() => FocusAreaRollupModel)
export class FocusAreaRollupResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => FocusAreaModel)
  async focusArea(@Parent() row: FocusAreaRollupModel, @Loaders() loaders: RequestLoaders): Promise<FocusAreaModel> {
    return toFocusAreaModel((await this.registry.focusArea(loaders).load(row.focusAreaId))!);
  }
}

@Resolver(() => MunicipalityRollupModel)
export class MunicipalityRollupResolver {
  constructor(private readonly registry: RegistryLoaders) {}

  @ResolveField(() => MunicipalityModel)
  async municipality(@Parent() row: MunicipalityRollupModel, @Loaders() loaders: RequestLoaders): Promise<MunicipalityModel> {
    return toMunicipalityModel((await this.registry.municipality(loaders).load(row.municipalityId))!);
  }
}
