import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GoalKind } from '../common/enums.js';
import type { GoalEntity } from './goal.entity.js';

@ObjectType('Goal', { description: 'A node of a plan’s goal tree: formål (OVERALL), effektmål (EFFECT), delmål (SUB)' })
export class GoalModel {
  @Field(() => ID) id: string;
  @Field(() => GoalKind) kind: GoalKind;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  planId: string;
  parentId: string | null;
  focusAreaId: string | null;
}

export function toGoalModel(e: GoalEntity): GoalModel {
  return {
    id: e.id,
    kind: e.kind,
    title: e.title,
    description: e.description,
    planId: e.planId,
    parentId: e.parentId,
    focusAreaId: e.focusAreaId,
  };
}
