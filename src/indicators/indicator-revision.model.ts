import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import type { IndicatorRevisionEntity } from './indicator-revision.entity.js';

@ObjectType('IndicatorRevision', { description: 'One change of an indicator’s definition, with who, when and why' })
export class IndicatorRevisionModel {
  @Field(() => GraphQLISODateTime) at: Date;
  @Field() reason: string;
  @Field({ description: 'JSON of the changed fields as they were' }) before: string;
  @Field({ description: 'JSON of the changed fields as they became' }) after: string;
  revisedById: string;
}

export function toIndicatorRevisionModel(e: IndicatorRevisionEntity): IndicatorRevisionModel {
  return {
    at: e.at,
    reason: e.reason,
    before: JSON.stringify(e.before),
    after: JSON.stringify(e.after),
    revisedById: e.revisedBy,
  };
}
