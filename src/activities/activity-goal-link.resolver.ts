import { ResolveField, Resolver } from '@nestjs/graphql';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivityGoalLinkModel } from './activity-goal-link.model.js';
import { ActivityModel, toActivityModel } from './activity.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => ActivityGoalLinkModel)
export class ActivityGoalLinkResolver {
  constructor(
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly goalLoaders: GoalsLoaders,
  ) {}

  @ResolveField(() => ActivityModel)
  async activity(link: ActivityGoalLinkModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityModel> {
    return toActivityModel((await this.activityLoaders.activity(loaders).load(link.activityId))!);
  }

  @ResolveField(() => GoalModel)
  async goal(link: ActivityGoalLinkModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel> {
    return toGoalModel((await this.goalLoaders.goalsById(loaders, link.planId)).get(link.goalId)!);
  }
}
