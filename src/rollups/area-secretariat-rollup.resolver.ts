import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { AreaSecretariatModel } from '../registry/area-secretariat.model.js';
import { PortfolioRollupModel, toPortfolioModel } from './portfolio-rollup.model.js';
import { RollupsService } from './rollups.service.js';

@Resolver(() => AreaSecretariatModel)
export class AreaSecretariatRollupResolver {
  constructor(private readonly rollups: RollupsService) {}

  @ResolveField(() => PortfolioRollupModel, { description: 'Over its plans that the caller may read' })
  async rollup(@Parent() secretariat: AreaSecretariatModel, @CurrentUser() auth: AuthUser): Promise<PortfolioRollupModel> {
    return toPortfolioModel(await this.rollups.areaSecretariatRollup(auth, secretariat.id));
  }
}
