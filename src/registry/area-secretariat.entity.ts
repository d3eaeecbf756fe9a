import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('area_secretariats')
export class AreaSecretariatEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
}
