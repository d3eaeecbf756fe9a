import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { ActivityModel, toActivityModel } from '../activities/activity.model.js';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { IndicatorModel, toIndicatorModel } from '../indicators/indicator.model.js';
import { IndicatorsLoaders } from '../indicators/indicators.loaders.js';
import { FocusAreaModel, toFocusAreaModel } from '../registry/focus-area.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { AnnualActivityRowModel, AnnualIndicatorRowModel } from './annual-report.model.js';

/** A row's indicator, goal, activity and focus area as they are now, through the plan page's loaders. */
@Resolver(() => AnnualIndicatorRowModel)
export class AnnualIndicatorRowResolver {
  constructor(
    private readonly indicatorLoaders: IndicatorsLoaders,
    private readonly goalLoaders: GoalsLoaders,
  ) {}

  @ResolveField(() => IndicatorModel)
  async indicator(row: AnnualIndicatorRowModel, _args: unknown, { loaders }: GraphQLContext): Promise<IndicatorModel> {
    const ofGoal = await this.indicatorLoaders.indicatorsOfGoal(loaders, { id: row.goalId, planId: row.planId });
    return toIndicatorModel(ofGoal.find((i) => i.id === row.indicatorId)!);
  }

  @ResolveField(() => GoalModel)
  async goal(row: AnnualIndicatorRowModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel> {
    return toGoalModel((await this.goalLoaders.goalsById(loaders, row.planId)).get(row.goalId)!);
  }
}

@Resolver(() => AnnualActivityRowModel)
export class AnnualActivityRowResolver {
  constructor(
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly registry: RegistryLoaders,
  ) {}

  @ResolveField(() => ActivityModel)
  async activity(row: AnnualActivityRowModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityModel> {
    return toActivityModel((await this.activityLoaders.activity(loaders).load(row.activityId))!);
  }

  @ResolveField(() => FocusAreaModel, { nullable: true })
  async focusArea(row: AnnualActivityRowModel, _args: unknown, { loaders }: GraphQLContext): Promise<FocusAreaModel | null> {
    if (!row.focusAreaId) return null;
    return toFocusAreaModel((await this.registry.focusArea(loaders).load(row.focusAreaId))!);
  }
}
