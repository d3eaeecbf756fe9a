import { ResolveField, Resolver } from '@nestjs/graphql';
import { PlanModel } from '../plans/plan.model.js';
import { GoalModel, toGoalModel } from './goal.model.js';
import { GoalsLoaders } from './goals.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PlanModel)
export class PlanGoalsResolver {
  constructor(private readonly goalLoaders: GoalsLoaders) {}

  @ResolveField(() => [GoalModel], { description: 'Every goal of the plan, roots first' })
  async goals(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel[]> {
    return (await this.goalLoaders.goalsByPlan(loaders).load(plan.id)).map(toGoalModel);
  }
}
