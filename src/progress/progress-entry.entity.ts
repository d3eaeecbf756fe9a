import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { ActivityStatus } from '../common/enums.js';
import { moneyTransformer } from '../database/transformers.js';

/** Append-only history: a correction is a new entry, a mistake is retracted (never edited or deleted). */
@Entity('progress_entries')
export class ProgressEntryEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'activity_id', type: 'uuid' }) activityId: string;
  @Column({ name: 'reported_on', type: 'date' }) reportedOn: string;
  @Column({ name: 'percent_complete', type: 'smallint' }) percentComplete: number;
  /** The activity's status as of this entry (the one given, or the activity's status then). */
  @Column({ type: 'text' }) status: ActivityStatus;
  @Column({ name: 'participants_reached', type: 'int', nullable: true }) participantsReached: number | null;
  @Column({ type: 'bigint', nullable: true, transformer: moneyTransformer }) spent: number | null;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'idempotency_key', type: 'text', nullable: true }) idempotencyKey: string | null;
  @Column({ name: 'logged_by', type: 'uuid' }) loggedBy: string;
  @Column({ name: 'logged_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) loggedAt: Date;
  /** Set once, by a retraction (retractions/): the row then counts in no figure. Nothing else ever changes. */
  @Column({ name: 'retracted_at', type: 'timestamptz', nullable: true, insert: false, update: false }) retractedAt: Date | null;
  @Column({ name: 'retracted_by', type: 'uuid', nullable: true, insert: false, update: false }) retractedBy: string | null;
  @Column({ name: 'retraction_reason', type: 'text', nullable: true, insert: false, update: false }) retractionReason: string | null;
}
