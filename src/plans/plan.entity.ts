import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { PlanStatus } from '../common/enums.js';
import { moneyTransformer } from '../database/transformers.js';

@Entity('plans')
export class PlanEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text' }) status: PlanStatus;
  @Column({ name: 'pool_id', type: 'uuid' }) poolId: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId: string;
  @Column({ name: 'area_secretariat_id', type: 'uuid', nullable: true }) areaSecretariatId: string | null;
  @Column({ name: 'housing_areas', type: 'text', array: true }) housingAreas: string[];
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'end_date', type: 'date' }) endDate: string;
  @Column({ name: 'lbf_grant', type: 'bigint', transformer: moneyTransformer }) lbfGrant: number;
  @Column({ name: 'local_cofinancing', type: 'bigint', transformer: moneyTransformer }) localCofinancing: number;
  @Column({ name: 'reporting_interval_days', type: 'int' }) reportingIntervalDays: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy: string | null;
}
