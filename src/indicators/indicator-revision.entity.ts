import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One change of an indicator's definition: the changed fields before and after. Append-only. */
@Entity('indicator_revisions')
export class IndicatorRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'indicator_id', type: 'uuid' }) indicatorId: string;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at: Date;
  @Column({ name: 'revised_by', type: 'uuid' }) revisedBy: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'jsonb' }) before: Record<string, unknown>;
  @Column({ type: 'jsonb' }) after: Record<string, unknown>;
}
