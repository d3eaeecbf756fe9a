import { Field, Float, ObjectType } from '@nestjs/graphql';

/** "This activity serves that goal". `share` = weight / the sum of the weights of the activity's links. */
@ObjectType('ActivityGoalLink')
export class ActivityGoalLinkModel {
  @Field(() => Float) weight: number;
  @Field(() => Float) share: number;
  @Field(() => String, { nullable: true }) rationale: string | null;
  activityId: string;
  goalId: string;
  planId: string;
}
