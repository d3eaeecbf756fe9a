import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { PlanModel } from '../plans/plan.model.js';
import { MilestoneModel, toMilestoneModel } from './milestone.model.js';
import { ReportingPeriodModel, toReportingPeriodModel } from './reporting-period.model.js';
import { ReportingLoaders } from './reporting.loaders.js';

@Resolver(() => PlanModel)
export class PlanReportingResolver {
  constructor(private readonly reporting: ReportingLoaders) {}

  @ResolveField(() => [ReportingPeriodModel], { description: 'One per calendar year of the plan, oldest first' })
  async reportingPeriods(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<ReportingPeriodModel[]> {
    return (await this.reporting.periodsByPlan(loaders).load(plan.id)).map(toReportingPeriodModel);
  }

  @ResolveField(() => [MilestoneModel], { description: 'By due date, then title' })
  async milestones(plan: PlanModel, _args: unknown, { loaders }: GraphQLContext): Promise<MilestoneModel[]> {
    return (await this.reporting.milestonesByPlan(loaders).load(plan.id)).map(toMilestoneModel);
  }
}
