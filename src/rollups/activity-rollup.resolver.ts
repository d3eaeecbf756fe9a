import { Float, ResolveField, Resolver } from '@nestjs/graphql';
import { ActivityModel } from '../activities/activity.model.js';
import type { Kroner } from '../database/transformers.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import { RollupsLoaders } from './rollups.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => ActivityModel)
export class ActivityRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => Float, { nullable: true, description: 'percentComplete of the latest entry; null without entries' })
  async progress(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<number | null> {
    return (await this.rollups.activityFigures(loaders, activity)).progress;
  }

  @ResolveField(() => MoneyScalar, { description: 'spent of the latest entry; 0 without one' })
  async spent(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<Kroner> {
    return (await this.rollups.activityFigures(loaders, activity)).spent;
  }

  @ResolveField(() => Boolean, {
    description: 'PLANNED or ACTIVE, started, and no entry within the plan’s reporting interval before today',
  })
  async isStale(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<boolean> {
    return (await this.rollups.activityFigures(loaders, activity)).isStale;
  }
}
