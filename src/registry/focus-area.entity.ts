import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('focus_areas')
export class FocusAreaEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'pool_id', type: 'uuid' }) poolId: string;
  @Column({ type: 'text' }) name: string;
  /** Order within the pool's catalogue, as given at creation. */
  @Column({ type: 'int' }) position: number;
}
