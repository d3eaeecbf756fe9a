import { Float, ResolveField, Resolver } from '@nestjs/graphql';
import { IndicatorStatus } from '../common/enums.js';
import { IndicatorModel } from '../indicators/indicator.model.js';
import { MeasurementModel } from '../indicators/measurement.model.js';
import { RollupsLoaders } from './rollups.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => IndicatorModel)
export class IndicatorRollupResolver {
  constructor(private readonly rollups: RollupsLoaders) {}

  @ResolveField(() => MeasurementModel, {
    nullable: true,
    description: 'By measuredOn, then by when it was recorded; retracted measurements are skipped',
  })
  async latest(indicator: IndicatorModel, _args: unknown, { loaders }: GraphQLContext): Promise<MeasurementModel | null> {
    const { latest } = await this.rollups.indicatorFigures(loaders, indicator);
    if (!latest) return null;
    const { recordedBy, ...measurement } = latest;
    // The latest measurement is never a retracted one.
    return { ...measurement, recordedById: recordedBy, indicatorId: indicator.id, retraction: null };
  }

  @ResolveField(() => Float, { nullable: true, description: '(latest − baseline) / (target − baseline), clamped to [0, 1]' })
  async attainment(indicator: IndicatorModel, _args: unknown, { loaders }: GraphQLContext): Promise<number | null> {
    return (await this.rollups.indicatorFigures(loaders, indicator)).attainment;
  }

  @ResolveField(() => IndicatorStatus)
  async status(indicator: IndicatorModel, _args: unknown, { loaders }: GraphQLContext): Promise<IndicatorStatus> {
    return (await this.rollups.indicatorFigures(loaders, indicator)).status;
  }
}
