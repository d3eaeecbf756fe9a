import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PoolEntity } from './pool.entity.js';

@ObjectType('Pool', { description: 'A funding round (pulje) with its catalogue of focus areas' })
export class PoolModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => Int) startYear: number;
  @Field(() => Int) endYear: number;
  @Field(() => Float) minCofinancingShare: number;
}

export function toPoolModel(e: PoolEntity): PoolModel {
  return { id: e.id, name: e.name, startYear: e.startYear, endYear: e.endYear, minCofinancingShare: e.minCofinancingShare };
}
