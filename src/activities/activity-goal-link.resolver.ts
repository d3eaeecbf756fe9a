import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivityGoalLinkModel } from './activity-goal-link.model.js';
import { ActivityModel, toActivityModel } from './activity.model.js';

@Resolver(() => ActivityGoalLinkModel)
export class ActivityGoalLinkResolver {
  constructor(
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly goalLoaders: GoalsLoaders,
  ) {}

  @ResolveField(() => ActivityModel)
  async activity(@Parent() link: ActivityGoalLinkModel, @Loaders() loaders: RequestLoaders): Promise<ActivityModel> {
    return toActivityModel((await this.activityLoaders.activity(loaders).load(link.activityId))!);
  }

  @ResolveField(() => GoalModel)
  async goal(@Parent() link: ActivityGoalLinkModel, @Loaders() loaders: RequestLoaders): Promise<GoalModel> {
    return toGoalModel((await this.goalLoaders.goalsById(loaders, link.planId)).get(link.goalId)!);
  }
}
