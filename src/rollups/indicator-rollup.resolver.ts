import { Float, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Loaders } from '../auth/current-user.decorator.js';
import { IndicatorStatus } from '../common/enums.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { IndicatorModel } from '../indicators/indicator.model.js';
import { IndicatorsLoaders } from '../indicators/indicators.loaders.js';
import { MeasurementModel, toMeasurementModel } from '../indicators/measurement.model.js';
import { RollupsLoaders } from './rollups.loaders.js';

@Resolver(() => IndicatorModel)
export class IndicatorRollupResolver {
  constructor(
    private readonly rollups: RollupsLoaders,
    private readonly indicatorLoaders: IndicatorsLoaders,
  ) {}

  @ResolveField(() => MeasurementModel, { nullable: true, description: 'By measuredOn, then by when it was recorded' })
  async latest(@Parent() indicator: IndicatorModel, @Loaders() loaders: RequestLoaders): Promise<MeasurementModel | null> {
    const { latestMeasurementId } = await this.rollups.indicatorFigures(loaders).load(indicator.id);
    if (!latestMeasurementId) return null;
    const measurement = await this.indicatorLoaders.measurement(loaders).load(latestMeasurementId);
    return measurement ? toMeasurementModel(measurement) : null;
  }

  @ResolveField(() => Float, { nullable: true, description: '(latest − baseline) / (target − baseline), clamped to [0, 1]' })
  async attainment(@Parent() indicator: IndicatorModel, @Loaders() loaders: RequestLoaders): Promise<number | null> {
    return (await this.rollups.indicatorFigures(loaders).load(indicator.id)).attainment;
  }

  @ResolveField(() => IndicatorStatus)
  async status(@Parent() indicator: IndicatorModel, @Loaders() loaders: RequestLoaders): Promise<IndicatorStatus> {
    return (await this.rollups.indicatorFigures(loaders).load(indicator.id)).status;
  }
}
