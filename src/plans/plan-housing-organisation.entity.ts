import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('plan_housing_organisations')
export class PlanHousingOrganisationEntity {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId: string;
  @PrimaryColumn({ name: 'housing_organisation_id', type: 'uuid' }) housingOrganisationId: string;
  @Column({ type: 'int' }) position: number;
}
