import { Field, ID, InputType } from '@nestjs/graphql';
import { GoalKind } from '../../common/enums.js';

@InputType()
export class CreateGoalInput {
  @Field(() => ID) planId: string;
  @Field(() => ID, { nullable: true, description: 'Required for EFFECT and SUB goals; OVERALL goals are roots' })
  parentId?: string | null;
  @Field(() => GoalKind) kind: GoalKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => ID, { nullable: true, description: 'A focus area of the plan’s pool' }) focusAreaId?: string | null;
}
