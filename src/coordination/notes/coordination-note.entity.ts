import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An area secretariat's note on a plan it coordinates: append-only (a trigger refuses changes). */
@Entity('coordination_notes')
export class CoordinationNoteEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ name: 'author_id', type: 'uuid' }) authorId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) createdAt: Date;
}
