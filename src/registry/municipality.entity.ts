import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('municipalities')
export class MunicipalityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  /** The three-digit kommunekode, e.g. "101" for København. */
  @Column({ type: 'text' }) code: string;
}
