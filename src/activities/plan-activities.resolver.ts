import { ResolveField, Resolver } from '@nestjs/graphql';
import { PlanModel } from '../plans/plan.model.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivityModel, toActivityModel } from './activity.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => PlanModel)
export class PlanActivitiesResolver {
  constructor(private readonly activityLoaders: ActivitiesLoaders) {}

  @ResolveField(() => [ActivityModel])
  async activities(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityModel[]> {
    return (await this.activityLoaders.activitiesByPlan(loaders).load(plan.id)).map(toActivityModel);
  }
}
