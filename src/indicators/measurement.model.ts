import { Field, Float, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { RetractionModel, toRetractionModel } from '../retractions/retraction.model.js';
import type { MeasurementEntity } from './measurement.entity.js';

@ObjectType('Measurement', { description: 'A dated value of an indicator (måling); never edited, at most retracted' })
export class MeasurementModel {
  @Field(() => ID) id: string;
  @Field(() => DateScalar) measuredOn: string;
  @Field(() => Float) value: number;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime) recordedAt: Date;
  @Field(() => RetractionModel, { nullable: true, description: 'null unless retracted; a retracted measurement counts in no figure' })
  retraction: RetractionModel | null;
  recordedById: string;
  indicatorId: string;
}

export function toMeasurementModel(e: MeasurementEntity): MeasurementModel {
  return {
    id: e.id,
    measuredOn: e.measuredOn,
    value: e.value,
    note: e.note,
    recordedAt: e.recordedAt,
    retraction: toRetractionModel(e),
    recordedById: e.recordedBy,
    indicatorId: e.indicatorId,
  };
}
