import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PlanStatus } from '../common/enums.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import type { PlanEntity } from './plan.entity.js';

@ObjectType('Plan', { description: 'A boligsocial helhedsplan' })
export class PlanModel {
  @Field(() => ID) id: string;
  @Field() title: string;
  @Field(() => PlanStatus) status: PlanStatus;
  @Field(() => [String]) housingAreas: string[];
  @Field(() => DateScalar) startDate: string;
  @Field(() => DateScalar) endDate: string;
  @Field(() => MoneyScalar) lbfGrant: number;
  @Field(() => MoneyScalar) localCofinancing: number;
  @Field(() => Int) reportingIntervalDays: number;
  poolId: string;
  municipalityId: string;
  areaSecretariatId: string | null;
}

export function toPlanModel(e: PlanEntity): PlanModel {
  return {
    id: e.id,
    title: e.title,
    status: e.status,
    housingAreas: e.housingAreas,
    startDate: e.startDate,
    endDate: e.endDate,
    lbfGrant: e.lbfGrant,
    localCofinancing: e.localCofinancing,
    reportingIntervalDays: e.reportingIntervalDays,
    poolId: e.poolId,
    municipalityId: e.municipalityId,
    areaSecretariatId: e.areaSecretariatId,
  };
}
