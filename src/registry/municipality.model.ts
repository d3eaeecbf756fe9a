import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { MunicipalityEntity } from './municipality.entity.js';

@ObjectType('Municipality', { description: 'A kommune with its three-digit kommunekode' })
export class MunicipalityModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field() code: string;
}

export function toMunicipalityModel(e: MunicipalityEntity): MunicipalityModel {
  return { id: e.id, name: e.name, code: e.code };
}
