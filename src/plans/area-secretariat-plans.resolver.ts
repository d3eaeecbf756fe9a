import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { AreaSecretariatModel } from '../registry/area-secretariat.model.js';
import { PlanModel, toPlanModel } from './plan.model.js';
import { PlansLoaders } from './plans.loaders.js';

@Resolver(() => AreaSecretariatModel)
export class AreaSecretariatPlansResolver {
  constructor(private readonly planLoaders: PlansLoaders) {}

  @ResolveField(() => [PlanModel], { description: 'Its plans that the caller may read' })
  async plans(
    @Parent() secretariat: AreaSecretariatModel,
    @CurrentUser() auth: AuthUser,
    @Loaders() loaders: RequestLoaders,
  ): Promise<PlanModel[]> {
    return (await this.planLoaders.plansByAreaSecretariat(loaders, auth).load(secretariat.id)).map(toPlanModel);
  }
}
