import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActivityModel } from '../../activities/activity.model.js';
import type { GraphQLContext } from '../../graphql/graphql-context.js';
import type { IndicatorEntity } from '../../indicators/indicator.entity.js';
import { IndicatorModel, toIndicatorModel } from '../../indicators/indicator.model.js';
import { AreaSecretariatModel } from '../../registry/area-secretariat.model.js';
import { ActivityOverlapModel } from './activity-overlap.model.js';
import { AreaCoordinationLoaders } from './area-coordination.loaders.js';
import { SharedIndicatorModel } from './shared-indicator.model.js';

@Resolver(() => AreaSecretariatModel)
export class AreaSecretariatCoordinationResolver {
  constructor(private readonly area: AreaCoordinationLoaders) {}

  @ResolveField(() => [ActivityOverlapModel], {
    description: 'Pairs of activities in two of its plans that may duplicate each other or work together; only plans the caller may read',
  })
  overlaps(secretariat: AreaSecretariatModel, _args: unknown, { loaders, auth }: GraphQLContext): Promise<ActivityOverlapModel[]> {
    return this.area.overlaps(loaders, auth!).load(secretariat.id);
  }

  @ResolveField(() => [SharedIndicatorModel], {
    description: 'Indicators of two or more of its plans that measure the same thing, by name; only plans the caller may read',
  })
  sharedIndicators(secretariat: AreaSecretariatModel, _args: unknown, { loaders, auth }: GraphQLContext): Promise<SharedIndicatorModel[]> {
    return this.area.sharedIndicators(loaders, auth!).load(secretariat.id);
  }
}

@Resolver(() => ActivityOverlapModel)
export class ActivityOverlapResolver {
  constructor(private readonly area: AreaCoordinationLoaders) {}

  @ResolveField(() => [ActivityModel], { description: 'The two, by plan title, then title' })
  activities(overlap: ActivityOverlapModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityModel[]> {
    return this.area.overlapActivities(loaders, overlap.activityRefs);
  }
}

@Resolver(() => SharedIndicatorModel)
export class SharedIndicatorResolver {
  constructor(private readonly area: AreaCoordinationLoaders) {}

  @ResolveField(() => [IndicatorModel], { description: 'By plan title, then name' })
  async indicators(shared: SharedIndicatorModel, _args: unknown, { loaders }: GraphQLContext): Promise<IndicatorModel[]> {
    const rows = await this.area.indicator(loaders).loadMany(shared.indicatorIds);
    return rows.map((row) => toIndicatorModel(present(row)));
  }
}

/** Rows named by a statement of this request: only a failed read leaves one out. */
function present<T extends IndicatorEntity>(row: T | undefined | Error): T {
  if (row instanceof Error) throw row;
  if (!row) throw new Error('a row named by this request is gone');
  return row;
}
