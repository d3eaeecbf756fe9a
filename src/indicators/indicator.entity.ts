import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { IndicatorDirection } from '../common/enums.js';

@Entity('indicators')
export class IndicatorEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'goal_id', type: 'uuid' }) goalId: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) unit: string;
  @Column({ type: 'text' }) direction: IndicatorDirection;
  @Column({ type: 'text', nullable: true }) source: string | null;
  @Column({ type: 'double precision', nullable: true }) baseline: number | null;
  @Column({ name: 'baseline_date', type: 'date', nullable: true }) baselineDate: string | null;
  @Column({ type: 'double precision' }) target: number;
  @Column({ name: 'target_date', type: 'date' }) targetDate: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}
