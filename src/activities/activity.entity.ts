import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ActivityStatus, ResponsibleParty } from '../common/enums.js';
import { moneyTransformer } from '../database/transformers.js';

@Entity('activities')
export class ActivityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  /** Optimistic concurrency: guarded by `UPDATE … WHERE version = $expected`, not by TypeORM. */
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'target_group', type: 'text', nullable: true }) targetGroup: string | null;
  @Column({ type: 'text' }) status: ActivityStatus;
  @Column({ name: 'responsible_party', type: 'text' }) responsibleParty: ResponsibleParty;
  @Column({ name: 'focus_area_id', type: 'uuid', nullable: true }) focusAreaId: string | null;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column({ type: 'bigint', transformer: moneyTransformer }) budget: number;
  /** Coordination (src/coordination/): a national activity type, and the organisations involved. */
  @Column({ name: 'activity_type_id', type: 'uuid', nullable: true }) activityTypeId: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) partners: string[];
  /** The latest progress entry (by reported_on, then logged_at), kept up to date on every log. */
  @Column({ name: 'latest_progress_id', type: 'uuid', nullable: true }) latestProgressId: string | null;
  /** Copied from the latest entry by a database trigger whenever latest_progress_id is set: read-only here. */
  @Column({ name: 'latest_percent_complete', type: 'smallint', nullable: true, insert: false, update: false })
  latestPercentComplete: number | null;
  @Column({ name: 'latest_spent', type: 'bigint', nullable: true, insert: false, update: false, transformer: moneyTransformer })
  latestSpent: number | null;
  @Column({ name: 'latest_reported_on', type: 'date', nullable: true, insert: false, update: false })
  latestReportedOn: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
}
