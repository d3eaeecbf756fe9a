import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import { CreateIndicatorInput } from './dto/create-indicator.input.js';
import { RecordMeasurementInput } from './dto/record-measurement.input.js';
import { IndicatorModel, toIndicatorModel } from './indicator.model.js';
import { IndicatorsLoaders } from './indicators.loaders.js';
import { IndicatorsService } from './indicators.service.js';
import { MeasurementModel, toMeasurementModel } from './measurement.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => IndicatorModel)
export class IndicatorsResolver {
  constructor(
    private readonly indicators: IndicatorsService,
    private readonly indicatorLoaders: IndicatorsLoaders,
    private readonly goalLoaders: GoalsLoaders,
  ) {}

  @Mutation(() => IndicatorModel, { description: 'ADMIN, the plan’s project secretariat' })
  async createIndicator(@CurrentUser() auth: AuthUser, @Args('input') input: CreateIndicatorInput): Promise<IndicatorModel> {
    return toIndicatorModel(await this.indicators.createIndicator(auth, input));
  }

  @Mutation(() => MeasurementModel, { description: 'ADMIN, the plan’s project secretariat; appended, never edited' })
  async recordMeasurement(@CurrentUser() auth: AuthUser, @Args('input') input: RecordMeasurementInput): Promise<MeasurementModel> {
    return toMeasurementModel(await this.indicators.recordMeasurement(auth, input));
  }

  @Mutation(() => MeasurementModel, {
    description: 'ADMIN, the plan’s project secretariat: withdraws a measurement recorded by mistake; it stays in the history and counts in no figure',
  })
  async retractMeasurement(
    @CurrentUser() auth: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', { description: '1-500 characters' }) reason: string,
  ): Promise<MeasurementModel> {
    return toMeasurementModel(await this.indicators.retractMeasurement(auth, id, reason));
  }

  @ResolveField(() => GoalModel)
  async goal(indicator: IndicatorModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel> {
    return toGoalModel((await this.goalLoaders.goalsById(loaders, indicator.planId)).get(indicator.goalId)!);
  }

  @ResolveField(() => [MeasurementModel], { description: 'Oldest first' })
  async measurements(indicator: IndicatorModel, _args: unknown, { loaders }: GraphQLContext): Promise<MeasurementModel[]> {
    return (await this.indicatorLoaders.measurementsByIndicator(loaders).load(indicator.id)).map(toMeasurementModel);
  }
}
