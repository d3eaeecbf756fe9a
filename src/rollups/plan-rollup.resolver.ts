import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { PlanModel } from '../plans/plan.model.js';
import { PlanRollupModel } from './plan-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';

@Resolver(() => PlanModel)
export class PlanRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => PlanRollupModel)
  async rollup(@Parent() plan: PlanModel, @Loaders() loaders: RequestLoaders): Promise<PlanRollupModel> {
    const figures = await this.rollups.planRollup(loaders).load(plan.id);
    return {
      planId: plan.id,
      activityCount: figures.activityCount,
      progress: figures.progress,
      budget: figures.budget,
      spent: figures.spent,
      cofinancingShare: figures.cofinancingShare,
      cofinancingBelowMinimum: figures.cofinancingBelowMinimum,
      goalsWithoutActivityIds: figures.goalsWithoutActivities,
      activitiesWithoutGoalIds: figures.activitiesWithoutGoals,
      goalsWithoutIndicatorIds: figures.goalsWithoutIndicators,
      staleActivityIds: figures.staleActivities,
    };
  }
}
