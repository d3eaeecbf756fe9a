import { Args, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser } from '../auth/current-user.decorator.js';
import { PlanModel, toPlanModel } from '../plans/plan.model.js';
import { PlansLoaders } from '../plans/plans.loaders.js';
import { FocusAreaModel, toFocusAreaModel } from '../registry/focus-area.model.js';
import { RegistryLoaders } from '../registry/registry.loaders.js';
import { CreateGoalInput } from './dto/create-goal.input.js';
import { UpdateGoalInput } from './dto/update-goal.input.js';
import { GoalModel, toGoalModel } from './goal.model.js';
import { GoalsLoaders } from './goals.loaders.js';
import { GoalsService } from './goals.service.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';

@Resolver(() => GoalModel)
export class GoalsResolver {
  constructor(
    private readonly goals: GoalsService,
    private readonly goalLoaders: GoalsLoaders,
    private readonly planLoaders: PlansLoaders,
    private readonly registry: RegistryLoaders,
  ) {}

  @Query(() => GoalModel)
  async goal(@CurrentUser() auth: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<GoalModel> {
    return toGoalModel(await this.goals.goal(auth, id));
  }

  @Mutation(() => GoalModel, { description: 'ADMIN, the plan’s project secretariat' })
  async createGoal(@CurrentUser() auth: AuthUser, @Args('input') input: CreateGoalInput): Promise<GoalModel> {
    return toGoalModel(await this.goals.createGoal(auth, input));
  }

  @Mutation(() => GoalModel, { description: 'ADMIN, the plan’s project secretariat' })
  async updateGoal(@CurrentUser() auth: AuthUser, @Args('input') input: UpdateGoalInput): Promise<GoalModel> {
    return toGoalModel(await this.goals.updateGoal(auth, input));
  }

  @ResolveField(() => PlanModel)
  async plan(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<PlanModel> {
    return toPlanModel((await this.planLoaders.plan(loaders).load(goal.planId))!);
  }

  @ResolveField(() => GoalModel, { nullable: true })
  async parent(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel | null> {
    if (!goal.parentId) return null;
    const parent = (await this.goalLoaders.goalsById(loaders, goal.planId)).get(goal.parentId);
    return parent ? toGoalModel(parent) : null;
  }

  @ResolveField(() => [GoalModel])
  async children(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<GoalModel[]> {
    const goals = await this.goalLoaders.goalsByPlan(loaders).load(goal.planId);
    return goals.filter((g) => g.parentId === goal.id).map(toGoalModel);
  }

  @ResolveField(() => FocusAreaModel, { nullable: true })
  async focusArea(goal: GoalModel, _args: unknown, { loaders }: GraphQLContext): Promise<FocusAreaModel | null> {
    if (!goal.focusAreaId) return null;
    const focusArea = await this.registry.focusArea(loaders).load(goal.focusAreaId);
    return focusArea ? toFocusAreaModel(focusArea) : null;
  }
}
