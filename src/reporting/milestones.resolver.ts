import { Args, ID, Mutation, ResolveField, Resolver } from '@nestjs/graphql';
import { ActivitiesLoaders } from '../activities/activities.loaders.js';
import { ActivityModel, toActivityModel } from '../activities/activity.model.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { GoalModel, toGoalModel } from '../goals/goal.model.js';
import { GoalsLoaders } from '../goals/goals.loaders.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { CreateMilestoneInput } from './dto/create-milestone.input.js';
import { MilestoneModel, toMilestoneModel } from './milestone.model.js';
import { MilestonesService } from './milestones.service.js';

@Resolver(() => MilestoneModel)
export class MilestonesResolver {
  constructor(
    private readonly milestones: MilestonesService,
    private readonly planLoaders: PlansLoaders,
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly goalLoaders: GoalsLoaders,
  ) {}

  @Mutation(() => MilestoneModel, { description: 'ADMIN, the plan’s project secretariat' })
  async createMilestone(@CurrentUser() auth: AuthUser, @Args('input') input: CreateMilestoneInput): Promise<MilestoneModel> {
    return toMilestoneModel(await this.milestones.createMilestone(auth, input));
  }

  @Mutation(() => MilestoneModel, { description: 'ADMIN, the plan’s project secretariat; once, on or before today' })
  async completeMilestone(
    @CurrentUser() auth: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('completedOn', { type: () => DateScalar }) completedOn: string,
  ): Promise<MilestoneModel> {
    return toMilestoneModel(await this.milestones.completeMilestone(auth, id, completedOn));
  }

  @ResolveField(() => PlanModel)
  async plan(milestone: MilestoneModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel> {
    return toPlanModel((await this.planLoaders.plan(loaders).load(milestone.planId))!);
  }

  @ResolveField(() => ActivityModel, { nullable: true })
  async activity(milestone: MilestoneModel, _args: unknown, { loaders }: GraphQLContext): Promise<ActivityModel | null> {
    if (!milestone.activityId) return null;
    return toActivityModel((await this.activityLoaders.activity(loaders).load(milestone.activityId))!);
  }

  @ResolveField(() => GoalModel, { nullable: true })
  async goal(milestone: MilestoneModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel | null> {
    if (!milestone.goalId) return null;
    return toGoalModel((await this.goalLoaders.goalsById(loaders, milestone.planId)).get(milestone.goalId)!);
  }
}
