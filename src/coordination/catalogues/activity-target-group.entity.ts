import { Column, Entity, PrimaryColumn } from 'typeorm';

/** "This activity is for that target group". `plan_id` is the activity's, for reads by plan. */
@Entity('activity_target_groups')
export class ActivityTargetGroupEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' }) activityId: string;
  @PrimaryColumn({ name: 'target_group_id', type: 'uuid' }) targetGroupId: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
}
