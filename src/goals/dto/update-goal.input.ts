import { Field, ID, InputType } from '@nestjs/graphql';

/** Absent fields stay as they are; `description: null` and `focusAreaId: null` clear them. */
@InputType()
export class UpdateGoalInput {
  @Field(() => ID) id: string;
  @Field(() => ID, { nullable: true, description: 'Moves the goal under another goal of the same plan' })
  parentId?: string | null;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true }) focusAreaId?: string | null;
}
