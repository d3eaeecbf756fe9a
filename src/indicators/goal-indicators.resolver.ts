import { ResolveField, Resolver } from '@nestjs/graphql';
import { GoalModel } from '../goals/goal.model.js';
import { IndicatorModel, toIndicatorModel } from './indicator.model.js';
import { IndicatorsLoaders } from './indicators.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => GoalModel)
export class GoalIndicatorsResolver {
  constructor(private readonly indicatorLoaders: IndicatorsLoaders) {}

  @ResolveField(() => [IndicatorModel])
  async indicators(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<IndicatorModel[]> {
    return (await this.indicatorLoaders.indicatorsOfGoal(loaders, goal)).map(toIndicatorModel);
  }
}
