import { ResolveField, Resolver } from '@nestjs/graphql';
import { AreaSecretariatModel, toAreaSecretariatModel } from '../registry/area-secretariat.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { UserModel } from '../users/user.model.js';
import { PlanModel, toPlanModel } from './plan.model.js';
import { PlansLoaders } from './plans.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

/** A user is only ever shown to itself (`me`) or to ADMIN (`users`), who may read its plan. */
@Resolver(() => UserModel)
export class UserPlanResolver {
  constructor(
    private readonly planLoaders: PlansLoaders,
    private readonly registry: RegistryLoaders,
  ) {}

  @ResolveField(() => PlanModel, { nullable: true })
  async plan(user: UserModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel | null> {
    if (!user.planId) return null;
    const plan = await this.planLoaders.plan(loaders).load(user.planId);
    return plan ? toPlanModel(plan) : null;
  }

  @ResolveField(() => AreaSecretariatModel, { nullable: true })
  async areaSecretariat(user: UserModel, _args: unknown, { loaders }: GraphQLContext) {
    if (!user.areaSecretariatId) return null;
    const found = await this.registry.areaSecretariat(loaders).load(user.areaSecretariatId);
    return found ? toAreaSecretariatModel(found) : null;
  }
}
