import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Loaders } from '../auth/current-user.decorator.js';
import { toGoalModel } from '../goals/goal.model.js';
import { pathTo } from '../goals/goal-tree.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { FocusAreaModel, toFocusAreaModel } from '../registry/focus-area.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { ActivitiesLoaders } from './activities.loaders.js';
import { ActivitiesService } from './activities.service.js';
import { ActivityGoalLinkModel } from './activity-goal-link.model.js';
import { ActivityModel, toActivityModel } from './activity.model.js';
import { CreateActivityInput } from './dto/create-activity.input.js';
import { LinkActivityInput } from './dto/link-activity.input.js';
import { UpdateActivityInput } from './dto/update-activity.input.js';
import { ServedGoalModel } from './served-goal.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => ActivityModel)
export class ActivitiesResolver {
  constructor(
    private readonly activities: ActivitiesService,
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly goalLoaders: GoalsLoaders,
    private readonly planLoaders: PlansLoaders,
    private readonly registry: RegistryLoaders,
  ) {}

  @Query(() => ActivityModel)
  async activity(@CurrentUser() auth: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ActivityModel> {
    return toActivityModel(await this.activities.activity(auth, id));
  }

  @Mutation(() => ActivityModel, { description: 'ADMIN, the plan’s project secretariat' })
  async createActivity(@CurrentUser() auth: AuthUser, @Args('input') input: CreateActivityInput): Promise<ActivityModel> {
    return toActivityModel(await this.activities.createActivity(auth, input));
  }

  @Mutation(() => ActivityModel, { description: 'ADMIN, the plan’s project secretariat; CONFLICT on a stale expectedVersion' })
  async updateActivity(@CurrentUser() auth: AuthUser, @Args('input') input: UpdateActivityInput): Promise<ActivityModel> {
    return toActivityModel(await this.activities.updateActivity(auth, input));
  }

  @Mutation(() => ActivityGoalLinkModel, { description: 'ADMIN, the plan’s project secretariat; CONFLICT when already linked' })
  async linkActivityToGoal(
    @CurrentUser() auth: AuthUser,
    @Args('input') input: LinkActivityInput,
    @Loaders() loaders: RequestLoaders,
  ): Promise<ActivityGoalLinkModel> {
    const link = await this.activities.linkActivityToGoal(auth, input);
    // The share depends on the activity's other links: read it back the way every reader sees it.
    const links = await this.activityLoaders.linksOfActivity(loaders, { id: link.activityId, planId: link.planId });
    return links.find((l) => l.goalId === link.goalId)!;
  }

  @Mutation(() => Boolean, { description: 'True when a link was removed, false when there was none' })
  unlinkActivityFromGoal(
    @CurrentUser() auth: AuthUser,
    @Args('activityId', { type: () => ID }) activityId: string,
    @Args('goalId', { type: () => ID }) goalId: string,
  ): Promise<boolean> {
    return this.activities.unlinkActivityFromGoal(auth, activityId, goalId);
  }

  @ResolveField(() => PlanModel)
  async plan(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel> {
    return toPlanModel((await this.planLoaders.plan(loaders).load(activity.planId))!);
  }

  @ResolveField(() => FocusAreaModel, { nullable: true })
  async focusArea(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<FocusAreaModel | null> {
    if (!activity.focusAreaId) return null;
    const focusArea = await this.registry.focusArea(loaders).load(activity.focusAreaId);
    return focusArea ? toFocusAreaModel(focusArea) : null;
  }

  @ResolveField(() => [ActivityGoalLinkModel])
  links(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityGoalLinkModel[]> {
    return this.activityLoaders.linksOfActivity(loaders, activity);
  }

  @ResolveField(() => [ServedGoalModel], { description: 'Each linked goal with the path from its root down to it' })
  async servedGoals(activity: ActivityModel, _args: unknown, { loaders }: GraphQLContext): Promise<ServedGoalModel[]> {
    const [links, goalsById] = await Promise.all([
      this.activityLoaders.linksOfActivity(loaders, activity),
      this.goalLoaders.goalsById(loaders, activity.planId),
    ]);
    return links.map((link) => ({
      goal: toGoalModel(goalsById.get(link.goalId)!),
      share: link.share,
      path: pathTo(goalsById, link.goalId).map(toGoalModel),
    }));
  }
}
