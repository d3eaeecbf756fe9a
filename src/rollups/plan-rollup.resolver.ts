import { ResolveField, Resolver } from '@nestjs/graphql';
import { PlanModel } from '../plans/plan.model.js';
import { PlanRollupModel } from './plan-rollup.model.js';

@Resolver(() => PlanModel)
export class PlanRollupResolver {
  @ResolveField(() => PlanRollupModel)
  rollup(plan: PlanModel): PlanRollupModel {
    return { planId: plan.id };
  }
}
