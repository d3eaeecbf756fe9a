import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActivityModel } from '../../activities/activity.model.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import { ActivityTypeModel, toActivityTypeModel } from './activity-type.model.js';
import { CataloguesLoaders } from './catalogues.loaders.js';
import { TargetGroupModel } from './target-group.model.js';

/** Activity.activityType and Activity.targetGroups: the catalogue owns the target types. */
@Resolver(() => ActivityModel)
export class ActivityCatalogueResolver {
  constructor(private readonly catalogues: CataloguesLoaders) {}

  @ResolveField(() => ActivityTypeModel, { nullable: true })
  async activityType(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityTypeModel | null> {
    if (!activity.activityTypeId) return null;
    const type = await this.catalogues.activityType(loaders).load(activity.activityTypeId);
    return type ? toActivityTypeModel(type) : null;
  }

  @ResolveField(() => [TargetGroupModel], { description: 'From the national catalogue, by name; beside the free-text targetGroup' })
  targetGroups(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<TargetGroupModel[]> {
    return this.catalogues.targetGroupsOfActivity(loaders, activity);
  }
}
