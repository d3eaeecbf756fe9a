import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IndicatorDirection } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';

@InputType()
export class CreateIndicatorInput {
  @Field(() => ID) goalId: string;
  @Field() name: string;
  @Field() unit: string;
  @Field(() => IndicatorDirection) direction: IndicatorDirection;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => Float, { nullable: true }) baseline?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Default: the plan’s start date, when a baseline is given' })
  baselineDate?: string | null;
  @Field(() => Float, { description: 'Not below the baseline for INCREASE, not above it for DECREASE' }) target: number;
  @Field(() => DateScalar) targetDate: string;
}
