import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from '../common/enums.js';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** Stored lower-case; unique. */
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'password_hash', type: 'text' }) passwordHash: string;
  @Column({ type: 'text' }) role: Role;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ name: 'area_secretariat_id', type: 'uuid', nullable: true }) areaSecretariatId: string | null;
  /** A deactivated user can neither log in nor use a token issued before. */
  @Column({ type: 'boolean', default: true }) active: boolean;
  /** Carried by every access token; raised to end all earlier tokens (docs/security.md). */
  @Column({ name: 'session_version', type: 'integer', default: 0 }) sessionVersion: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
