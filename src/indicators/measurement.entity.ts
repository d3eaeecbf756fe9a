import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only: a correction is a new measurement. */
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
}
