import { Field, Float, ID, InputType } from '@nestjs/graphql';

@InputType()
export class LinkActivityInput {
  @Field(() => ID) activityId: string;
  @Field(() => ID) goalId: string;
  @Field(() => Float, { nullable: true, description: 'Positive; default 1' }) weight?: number | null;
  @Field(() => String, { nullable: true, description: 'Why this activity serves this goal' }) rationale?: string | null;
}
