import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import { GoalModel } from '../goals/goal.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { GoalRollupModel } from './goal-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';

@Resolver(() => GoalModel)
export class GoalRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => GoalRollupModel)
  async rollup(@Parent() goal: GoalModel, @Loaders() loaders: RequestLoaders): Promise<GoalRollupModel> {
    const { goalId: _goalId, ...figures } = await this.rollups.goalRollup(loaders).load(goal.id);
    return figures;
  }
}
