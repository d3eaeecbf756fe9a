import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

@Entity('activity_goal_links')
export class ActivityGoalLinkEntity {
  @PrimaryColumn({ name: 'activity_id', type: 'uuid' }) activityId: string;
  @PrimaryColumn({ name: 'goal_id', type: 'uuid' }) goalId: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ type: 'double precision' }) weight: number;
  @Column({ type: 'text', nullable: true }) rationale: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}
