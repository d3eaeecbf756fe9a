import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { HousingOrganisationEntity } from './housing-organisation.entity.js';

@ObjectType('HousingOrganisation', { description: 'A non-profit housing organisation (boligorganisation)' })
export class HousingOrganisationModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

export function toHousingOrganisationModel(e: HousingOrganisationEntity): HousingOrganisationModel {
  return { id: e.id, name: e.name };
}
