import { Field, ID, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';

@InputType()
export class CreateMilestoneInput {
  @Field(() => ID) planId: string;
  @Field() title: string;
  @Field(() => DateScalar) dueDate: string;
  @Field(() => ID, { nullable: true, description: 'An activity of the same plan' }) activityId?: string | null;
  @Field(() => ID, { nullable: true, description: 'A goal of the same plan' }) goalId?: string | null;
}
