import { ResolveField, Resolver } from '@nestjs/graphql';
import { PlanModel } from '../plans/plan.model.js';
import { PlanRollupModel } from './plan-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PlanModel)
export class PlanRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => PlanRollupModel)
  async rollup(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanRollupModel> {
    const figures = await this.rollups.planRollup(loaders, plan.id);
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
