import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('housing_organisations')
export class HousingOrganisationEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
}
