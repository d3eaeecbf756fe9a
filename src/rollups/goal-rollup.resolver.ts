import { ResolveField, Resolver } from '@nestjs/graphql';
import { GoalModel } from '../goals/goal.model.js';
import { GoalRollupModel } from './goal-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => GoalModel)
export class GoalRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => GoalRollupModel)
  async rollup(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalRollupModel> {
    const { goalId: _goalId, ...figures } = await this.rollups.goalRollup(loaders, goal);
    return figures;
  }
}
