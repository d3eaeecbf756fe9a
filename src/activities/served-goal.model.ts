import { Field, Float, ObjectType } from '@nestjs/graphql';
import { GoalModel } from '../goals/goal.model.js';

@ObjectType('ServedGoal', { description: 'A goal an activity serves, with the path from its root down to it' })
export class ServedGoalModel {
  @Field(() => GoalModel) goal: GoalModel;
  @Field(() => Float) share: number;
  @Field(() => [GoalModel]) path: GoalModel[];
}
