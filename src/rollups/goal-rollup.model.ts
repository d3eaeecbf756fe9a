import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { Kroner } from '../database/transformers.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';

@ObjectType('GoalRollup', { description: 'The goal and all its descendants; see docs/rollups.md' })
export class GoalRollupModel {
  @Field(() => Int, { description: 'Non-cancelled activities linked into the subtree' }) activityCount: number;
  @Field(() => Float, { nullable: true, description: 'sum(s_a × progress_a) / sum(s_a); null without activities' })
  progress: number | null;
  @Field(() => MoneyScalar, { description: 'sum(s_a × budget_a), rounded to whole kroner' }) budget: Kroner;
  @Field(() => MoneyScalar, { description: 'sum(s_a × spent_a), rounded to whole kroner' }) spent: Kroner;
  @Field(() => Int) indicatorCount: number;
  @Field(() => Int) indicatorsOnTrack: number;
}
