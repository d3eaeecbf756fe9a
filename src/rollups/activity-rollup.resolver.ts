import { Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { ActivityModel } from '../activities/activity.model.js';
import { Loaders } from '../auth/current-user.decorator.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import type { Kroner } from '../database/transformers.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import { RollupsLoaders } from './rollups.loaders.js';

@Resolver(() => ActivityModel)
export class ActivityRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => Float, { nullable: true, description: 'percentComplete of the latest entry; null without entries' })
  async progress(@Parent() activity: ActivityModel, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.rollups.activityFigures(loaders).load(activity.id)).progress;
  }

  @ResolveField(() => MoneyScalar, { description: 'spent of the latest entry; 0 without one' })
  async spent(@Parent() activity: ActivityModel, @Loaders() loaders: RequestLoaders): Promise<Kroner> {
    return (await this.rollups.activityFigures(loaders).load(activity.id)).spent;
  }

  @ResolveField(() => Boolean, {
    description: 'PLANNED or ACTIVE, started, and no entry within the plan’s reporting interval before today',
  })
  async isStale(@Parent() activity: ActivityModel, @Loaders() loaders: RequestLoaders): Promise<boolean> {
    return (await this.rollups.activityFigures(loaders).load(activity.id)).isStale;
  }
}
