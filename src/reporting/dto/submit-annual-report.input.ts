import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class IndicatorCommentInput {
  @Field(() => ID) indicatorId: string;
  @Field({ description: '1-5,000 characters' }) comment: string;
}

@InputType()
export class SubmitAnnualReportInput {
  @Field(() => ID) planId: string;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true, description: 'The secretariat’s comment on the year' }) comment?: string | null;
  @Field(() => [IndicatorCommentInput], { nullable: true, description: 'At most one per indicator of the plan' })
  indicatorComments?: IndicatorCommentInput[] | null;
}
