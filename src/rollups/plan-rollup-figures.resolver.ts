import { Float, Int, ResolveField, Resolver } from '@nestjs/graphql';
import { AttentionReason } from '../common/enums.js';
import type { Kroner } from '../database/transformers.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import type { PlanRollupFigures } from './plan-figures.repository.js';
import { PlanRollupModel } from './plan-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';

/** The plan roll-up's numbers, from the figures of the plans the request shows (one statement). */
@Resolver(() => PlanRollupModel)
export class PlanRollupFiguresResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => Int, { description: 'Non-cancelled activities' })
  activityCount(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<number> {
    return this.figure(loaders, rollup, (f) => f.activityCount);
  }

  @ResolveField(() => Float, { nullable: true, description: 'Mean progress of the non-cancelled activities, no entries counting 0' })
  progress(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<number | null> {
    return this.figure(loaders, rollup, (f) => f.progress);
  }

  @ResolveField(() => MoneyScalar)
  budget(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<Kroner> {
    return this.figure(loaders, rollup, (f) => f.budget);
  }

  @ResolveField(() => MoneyScalar)
  spent(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<Kroner> {
    return this.figure(loaders, rollup, (f) => f.spent);
  }

  @ResolveField(() => Float, { description: 'local / (LBF grant + local)' })
  cofinancingShare(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<number> {
    return this.figure(loaders, rollup, (f) => f.cofinancingShare);
  }

  @ResolveField(() => Boolean)
  cofinancingBelowMinimum(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<boolean> {
    return this.figure(loaders, rollup, (f) => f.cofinancingBelowMinimum);
  }

  @ResolveField(() => [AttentionReason], { description: 'Why the plan needs attention, in the enum’s order; empty when it needs none' })
  attentionReasons(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext): Promise<AttentionReason[]> {
    return this.rollups.attentionReasons(loaders, rollup.planId);
  }

  private async figure<T>(loaders: GraphQLContext['loaders'], rollup: PlanRollupModel, pick: (f: PlanRollupFigures) => T): Promise<T> {
    return pick(await this.rollups.planRollup(loaders, rollup.planId));
  }
}
