import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';

@InputType()
export class RecordMeasurementInput {
  @Field(() => ID) indicatorId: string;
  @Field(() => DateScalar, { description: 'At most a week ahead' }) measuredOn: string;
  @Field(() => Float) value: number;
  @Field(() => String, { nullable: true }) note?: string | null;
}
