import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a correction is a new measurement, a mistake is retracted (never edited or deleted). */
@Entity('measurements')
export class MeasurementEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId: string;
  @Column({ name: 'measured_on', type: 'date' }) measuredOn: string;
  @Column({ type: 'double precision' }) value: number;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) recordedAt: Date;
  /** Set once, by a retraction (retractions/): the row then counts in no figure. Nothing else ever changes. */
  @Column({ name: 'retracted_at', type: 'timestamptz', nullable: true, insert: false, update: false }) retractedAt: Date | null;
  @Column({ name: 'retracted_by', type: 'uuid', nullable: true, insert: false, update: false }) retractedBy: string | null;
  @Column({ name: 'retraction_reason', type: 'text', nullable: true, insert: false, update: false }) retractionReason: string | null;
}
