import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import { GoalModel } from '../goals/goal.model.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { IndicatorModel, toIndicatorModel } from './indicator.model.js';
import { IndicatorsLoaders } from './indicators.loaders.js';

@Resolver(() => GoalModel)
export class GoalIndicatorsResolver {
  constructor(private readonly indicatorLoaders: IndicatorsLoaders) {}

  @ResolveField(() => [IndicatorModel])
  async indicators(@Parent() goal: GoalModel, @Loaders() loaders: RequestLoaders): Promise<IndicatorModel[]> {
    return (await this.indicatorLoaders.indicatorsByGoal(loaders).load(goal.id)).map(toIndicatorModel);
  }
}
