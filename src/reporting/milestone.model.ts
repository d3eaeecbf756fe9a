import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import type { MilestoneRow } from './milestone.row.js';

/** The shape a stored annual report keeps its milestones in (camelCase, as computed then). */
export interface MilestoneSnapshot {
  id: string;
  title: string;
  dueDate: string;
  completedOn: string | null;
  activityId: string | null;
  goalId: string | null;
  isOverdue: boolean;
}

@ObjectType('Milestone', { description: 'A step of the plan’s milestone plan (milepælsplan)' })
export class MilestoneModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => DateScalar) dueDate: string;
  @Field(() => DateScalar, { nullable: true }) completedOn: string | null;
  @Field({ description: 'Not completed and its due date is before today' }) isOverdue: boolean;
  planId: string;
  activityId: string | null;
  goalId: string | null;
}

export function toMilestoneModel(row: MilestoneRow): MilestoneModel {
  return {
    id: row.id,
    planId: row.plan_id,
    title: row.title,
    dueDate: row.due_date,
    completedOn: row.completed_on,
    isOverdue: row.is_overdue,
    activityId: row.activity_id,
    goalId: row.goal_id,
  };
}

export function milestoneFromSnapshot(planId: string, m: MilestoneSnapshot): MilestoneModel {
  return { ...m, planId };
}
