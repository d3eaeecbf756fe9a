import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PlanStatus } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../../graphql/scalars/money.scalar.js';

@InputType()
export class CreatePlanInput {
  @Field() title: string;
  @Field(() => ID) poolId: string;
  @Field(() => ID) municipalityId: string;
  @Field(() => [ID]) housingOrganisationIds: string[];
  @Field(() => ID, { nullable: true }) areaSecretariatId?: string | null;
  @Field(() => [String], { nullable: true }) housingAreas?: string[] | null;
  @Field(() => DateScalar) startDate: string;
  @Field(() => DateScalar) endDate: string;
  @Field(() => MoneyScalar) lbfGrant: number;
  @Field(() => MoneyScalar) localCofinancing: number;
  @Field(() => Int, { nullable: true, description: 'Default 90' }) reportingIntervalDays?: number | null;
  @Field(() => PlanStatus, { nullable: true, description: 'Default DRAFT' }) status?: PlanStatus | null;
}
