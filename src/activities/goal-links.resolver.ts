import { ResolveField, Resolver } from '@nestjs/graphql';
import { GoalModel } from '../goals/goal.model.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivityGoalLinkModel } from './activity-goal-link.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => GoalModel)
export class GoalLinksResolver {
  constructor(private readonly activityLoaders: ActivitiesLoaders) {}

  @ResolveField(() => [ActivityGoalLinkModel], { description: 'Activities serving this goal directly' })
  links(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityGoalLinkModel[]> {
    return this.activityLoaders.linksByGoal(loaders).load(goal.id);
  }
}
