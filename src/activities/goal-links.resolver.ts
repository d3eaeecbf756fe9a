import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import { GoalModel } from '../goals/goal.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivityGoalLinkModel } from './activity-goal-link.model.js';

@Resolver(() => GoalModel)
export class GoalLinksResolver {
  constructor(private readonly activityLoaders: ActivitiesLoaders) {}

  @ResolveField(() => [ActivityGoalLinkModel], { description: 'Activities serving this goal directly' })
  links(@Parent() goal: GoalModel, @Loaders() loaders: RequestLoaders): Promise<ActivityGoalLinkModel[]> {
    return this.activityLoaders.linksByGoal(loaders).load(goal.id);
  }
}
