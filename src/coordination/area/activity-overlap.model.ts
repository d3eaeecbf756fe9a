import { Field, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';
import { ActivityTypeModel } from '../catalogues/activity-type.model.js';
import { TargetGroupModel } from '../catalogues/target-group.model.js';

export interface ActivityRef {
  id: string;
  planId: string;
}

@ObjectType('ActivityOverlap', {
  description: 'Two non-cancelled activities in different plans of an area with the same type, a shared target group and overlapping periods',
})
export class ActivityOverlapModel {
  @Field(() => ActivityTypeModel) activityType: ActivityTypeModel;
  @Field(() => [TargetGroupModel], { description: 'The shared ones, by name' }) targetGroups: TargetGroupModel[];
  @Field(() => DateScalar, { description: 'The later start' }) overlapStart: string;
  @Field(() => DateScalar, { description: 'The earlier end' }) overlapEnd: string;
  @Field(() => Int, { description: 'Days from overlapStart to overlapEnd, both counted' }) overlapDays: number;
  /** The two (id and plan), by plan title, then title: resolved by ActivityOverlapResolver from their plans' activities. */
  activityRefs: [ActivityRef, ActivityRef];
}
