import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { numericTransformer } from '../database/transformers.js';

@Entity('pools')
export class PoolEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'start_year', type: 'int' }) startYear: number;
  @Column({ name: 'end_year', type: 'int' }) endYear: number;
  @Column({ name: 'min_cofinancing_share', type: 'numeric', precision: 5, scale: 4, transformer: numericTransformer })
  minCofinancingShare: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
