import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { PlanModel } from '../plans/plan.model.js';
import { GoalModel, toGoalModel } from './goal.model.js';
import { GoalsLoaders } from './goals.loaders.js';

@Resolver(() => PlanModel)
export class PlanGoalsResolver {
  constructor(private readonly goalLoaders: GoalsLoaders) {}

  @ResolveField(() => [GoalModel], { description: 'Every goal of the plan, roots first' })
  async goals(@Parent() plan: PlanModel, @Loaders() loaders: RequestLoaders): Promise<GoalModel[]> {
    return (await this.goalLoaders.goalsByPlan(loaders).load(plan.id)).map(toGoalModel);
  }
}
