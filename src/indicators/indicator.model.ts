import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { IndicatorDirection } from '../common/enums.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import type { IndicatorEntity } from './indicator.entity.js';

@ObjectType('Indicator', { description: 'A measurable sign of a goal (indikator / succeskriterium)' })
export class IndicatorModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() unit: string;
  @Field(() => IndicatorDirection) direction: IndicatorDirection;
  @Field(() => String, { nullable: true }) source: string | null;
  @Field(() => Float, { nullable: true }) baseline: number | null;
  @Field(() => DateScalar, { nullable: true }) baselineDate: string | null;
  @Field(() => Float) target: number;
  @Field(() => DateScalar) targetDate: string;
  goalId: string;
  planId: string;
}

export function toIndicatorModel(e: IndicatorEntity): IndicatorModel {
  return {
    id: e.id,
    name: e.name,
    unit: e.unit,
    direction: e.direction,
    source: e.source,
    baseline: e.baseline,
    baselineDate: e.baselineDate,
    target: e.target,
    targetDate: e.targetDate,
    goalId: e.goalId,
    planId: e.planId,
  };
}
