import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { PortfolioRollupModel, toPortfolioModel } from './portfolio-rollup.model.js';
import { RollupsService } from './rollups.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PortfolioRollupModel)
export class PortfolioRollupResolver {
  constructor(
    private readonly rollups: RollupsService,
    private readonly planLoaders: PlansLoaders,
  ) {}

  @Query(() => PortfolioRollupModel, { description: 'LBF and ADMIN: every plan, or those of one pool' })
  async nationalRollup(
    @CurrentUser() auth: AuthUser,
    @Args('poolId', { type: () => ID, nullable: true }) poolId: string | null,
  ): Promise<PortfolioRollupModel> {
    return toPortfolioModel(await this.rollups.nationalRollup(auth, poolId));
  }

  @ResolveField(() => [PlanModel], { description: 'Plans with any coherence warning or a stale activity' })
  async plansNeedingAttention(rollup: PortfolioRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel[]> {
    const ids = await this.rollups.plansNeedingAttention(rollup);
    const plans = await this.planLoaders.plan(loaders).loadMany(ids);
    return plans.filter((plan): plan is PlanEntity => Boolean(plan) && !(plan instanceof Error)).map(toPlanModel);
  }
}
