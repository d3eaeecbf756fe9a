import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { ActivityModel, toActivityModel } from '../activities/activity.model.js';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import type { PlanRollupFigures } from './plan-figures.repository.js';
import { PlanRollupModel } from './plan-rollup.model.js';
import { RollupsLoaders } from './rollups.loaders.js';

type IdList = 'goalsWithoutActivities' | 'activitiesWithoutGoals' | 'goalsWithoutIndicators' | 'staleActivities' | 'overspentActivities';

/** The coherence lists name goals and activities of the plan, which the plan's loaders hold already. */
@Resolver(() => PlanRollupModel)
export class PlanRollupListsResolver {
  constructor(
    private readonly rollups: RollupsLoaders,
    private readonly goalLoaders: GoalsLoaders,
    private readonly activityLoaders: ActivitiesLoaders,
  ) {}

  @ResolveField(() => [GoalModel], { description: 'Goals whose subtree no non-cancelled activity serves' })
  goalsWithoutActivities(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.goals(loaders, rollup.planId, 'goalsWithoutActivities');
  }

  @ResolveField(() => [ActivityModel], { description: 'Non-cancelled activities that serve no goal' })
  activitiesWithoutGoals(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.activities(loaders, rollup.planId, 'activitiesWithoutGoals');
  }

  @ResolveField(() => [GoalModel], { description: 'Goals whose subtree has no indicator' })
  goalsWithoutIndicators(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.goals(loaders, rollup.planId, 'goalsWithoutIndicators');
  }

  @ResolveField(() => [ActivityModel])
  staleActivities(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.activities(loaders, rollup.planId, 'staleActivities');
  }

  @ResolveField(() => [ActivityModel], { description: 'Non-cancelled activities whose spent exceeds their budget: a warning, not a refusal' })
  overspentActivities(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.activities(loaders, rollup.planId, 'overspentActivities');
  }

  private async goals(loaders: RequestLoaders, planId: string, list: IdList): Promise<GoalModel[]> {
    const [ids, byId] = await Promise.all([this.ids(loaders, planId, list), this.goalLoaders.goalsById(loaders, planId)]);
    return ids.map((id) => toGoalModel(byId.get(id)!));
  }

  private async activities(loaders: RequestLoaders, planId: string, list: IdList): Promise<ActivityModel[]> {
    const [ids, all] = await Promise.all([this.ids(loaders, planId, list), this.activityLoaders.activitiesByPlan(loaders).load(planId)]);
    const byId = new Map(all.map((a) => [a.id, a]));
    return ids.map((id) => toActivityModel(byId.get(id)!));
  }

  private async ids(loaders: RequestLoaders, planId: string, list: IdList): Promise<string[]> {
    const figures: PlanRollupFigures = await this.rollups.planRollup(loaders, planId);
    return figures[list];
  }
}
