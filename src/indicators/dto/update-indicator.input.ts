import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';

/**
 * Absent fields stay as they are; source, baseline and baselineDate can be cleared with null. The
 * direction never changes. `reason` (1-500 characters) is kept with the revision.
 */
@InputType()
export class UpdateIndicatorInput {
  @Field(() => ID) id: string;
  @Field({ description: 'Why the indicator changes, 1-500 characters: kept in its revision history' }) reason: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) unit?: string | null;
  @Field(() => String, { nullable: true }) source?: string | null;
  @Field(() => Float, { nullable: true }) baseline?: number | null;
  @Field(() => DateScalar, { nullable: true, description: 'Without one, a baseline is dated at the plan’s start' })
  baselineDate?: string | null;
  @Field(() => Float, { nullable: true }) target?: number | null;
  @Field(() => DateScalar, { nullable: true }) targetDate?: string | null;
}
