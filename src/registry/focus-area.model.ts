import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { FocusAreaEntity } from './focus-area.entity.js';

@ObjectType('FocusArea', { description: 'A theme of a pool (indsatsområde)' })
export class FocusAreaModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  poolId: string;
}

export function toFocusAreaModel(e: FocusAreaEntity): FocusAreaModel {
  return { id: e.id, name: e.name, poolId: e.poolId };
}
