import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { Kroner } from '../database/transformers.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';

/** The coherence lists are resolved to goals and activities by PlanRollupResolver. */
@ObjectType('PlanRollup', { description: 'A plan’s totals and coherence warnings; see docs/rollups.md' })
export class PlanRollupModel {
  @Field(() => Int) activityCount: number;
  @Field(() => Float, { nullable: true }) progress: number | null;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => MoneyScalar) spent: Kroner;
  @Field(() => Float, { description: 'local / (LBF grant + local)' }) cofinancingShare: number;
  @Field() cofinancingBelowMinimum: boolean;
  planId: string;
  goalsWithoutActivityIds: string[];
  activitiesWithoutGoalIds: string[];
  goalsWithoutIndicatorIds: string[];
  staleActivityIds: string[];
}
