import { ResolveField, Resolver } from '@nestjs/graphql';
import { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { ActivityModel, toActivityModel } from '../activities/activity.model.js';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { PlanRollupModel } from './plan-rollup.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

/** The coherence lists name goals and activities of the plan, which the plan's loaders hold already. */
@Resolver(() => PlanRollupModel)
export class PlanRollupListsResolver {
  constructor(
    private readonly goalLoaders: GoalsLoaders,
    private readonly activityLoaders: ActivitiesLoaders,
  ) {}

  @ResolveField(() => [GoalModel], { description: 'Goals whose subtree no non-cancelled activity serves' })
  goalsWithoutActivities(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.goals(loaders, rollup.planId, rollup.goalsWithoutActivityIds);
  }

  @ResolveField(() => [ActivityModel], { description: 'Non-cancelled activities that serve no goal' })
  activitiesWithoutGoals(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.activities(loaders, rollup.planId, rollup.activitiesWithoutGoalIds);
  }

  @ResolveField(() => [GoalModel], { description: 'Goals whose subtree has no indicator' })
  goalsWithoutIndicators(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.goals(loaders, rollup.planId, rollup.goalsWithoutIndicatorIds);
  }

  @ResolveField(() => [ActivityModel])
  staleActivities(rollup: PlanRollupModel, _args: unknown, { loaders }: GraphQLContext) {
    return this.activities(loaders, rollup.planId, rollup.staleActivityIds);
  }

  private async goals(loaders: RequestLoaders, planId: string, ids: string[]): Promise<GoalModel[]> {
    const byId = await this.goalLoaders.goalsById(loaders, planId);
    return ids.map((id) => toGoalModel(byId.get(id)!));
  }

  private async activities(loaders: RequestLoaders, planId: string, ids: string[]): Promise<ActivityModel[]> {
    const all = await this.activityLoaders.activitiesByPlan(loaders).load(planId);
    const byId = new Map(all.map((a) => [a.id, a]));
    return ids.map((id) => toActivityModel(byId.get(id)!));
  }
}
