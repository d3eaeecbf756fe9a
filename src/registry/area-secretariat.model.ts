import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AreaSecretariatEntity } from './area-secretariat.entity.js';

@ObjectType('AreaSecretariat', { description: 'An områdesekretariat coordinating several plans' })
export class AreaSecretariatModel {
  @Field(() => ID) id: string;
  @Field() name: string;
}

export function toAreaSecretariatModel(e: AreaSecretariatEntity): AreaSecretariatModel {
  return { id: e.id, name: e.name };
}
