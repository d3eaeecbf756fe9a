import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { PlanModel } from '../plans/plan.model.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivityModel, toActivityModel } from './activity.model.js';

@Resolver(() => PlanModel)
export class PlanActivitiesResolver {
  constructor(private readonly activityLoaders: ActivitiesLoaders) {}

  @ResolveField(() => [ActivityModel])
  async activities(@Parent() plan: PlanModel, @Loaders() loaders: RequestLoaders): Promise<ActivityModel[]> {
    return (await this.activityLoaders.activitiesByPlan(loaders).load(plan.id)).map(toActivityModel);
  }
}
