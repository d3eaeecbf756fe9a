import { Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class ReviewAnnualReportInput {
  @Field(() => ID) planId: string;
  @Field(() => Int) year: number;
  @Field(() => String, { nullable: true, description: 'LBF’s comment; required when returning a report' }) comment?: string | null;
}
