import { Args, ID, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { PortfolioRollupModel, toPortfolioModel } from './portfolio-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';
import { RollupsService } from './rollups.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PortfolioRollupModel)
export class PortfolioRollupResolver {
  constructor(
    private readonly rollups: RollupsService,
    private readonly planLoaders: PlansLoaders,
    private readonly rollupLoaders: RollupsLoaders,
  ) {}

  @Query(() => PortfolioRollupModel, { description: 'LBF and ADMIN: every plan, or those of one pool' })
  async nationalRollup(
    @CurrentUser() auth: AuthUser,
    @Args('poolId', { type: () => ID, nullable: true }) poolId: string | null,
  ): Promise<PortfolioRollupModel> {
    return toPortfolioModel(await this.rollups.nationalRollup(auth, poolId));
  }

  @ResolveField(() => [PlanModel], {
    description: 'Plans with at least one attention reason (their rollup.attentionReasons say which), by title',
  })
  async plansNeedingAttention(rollup: PortfolioRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel[]> {
    const attention = await this.rollups.attention(rollup);
    // Their reasons come with the list: asking for them costs no further statement.
    this.rollupLoaders.primeAttention(loaders, attention);
    const plans = await this.planLoaders.plan(loaders).loadMany(attention.map((p) => p.planId));
    return plans.filter((plan): plan is PlanEntity => Boolean(plan) && !(plan instanceof Error)).map(toPlanModel);
  }
}
