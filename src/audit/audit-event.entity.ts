import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only (database triggers refuse UPDATE, DELETE and TRUNCATE). */
@Entity('audit_events')
export class AuditEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'clock_timestamp()' }) at: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @Column({ type: 'text' }) operation: string;
  @Column({ type: 'text' }) entity: string;
  @Column({ name: 'entity_id', type: 'text' }) entityId: string;
  @Column({ name: 'plan_id', type: 'uuid', nullable: true }) planId: string | null;
  @Column({ type: 'jsonb', nullable: true }) before: Record<string, unknown> | null;
  @Column({ type: 'jsonb', nullable: true }) after: Record<string, unknown> | null;
}
