import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { PlanStatus } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../../graphql/scalars/money.scalar.js';

/** Absent fields stay as they are; `areaSecretariatId: null` detaches the plan from its secretariat. */
@InputType()
export class UpdatePlanInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => PlanStatus, { nullable: true }) status?: PlanStatus | null;
  @Field(() => ID, { nullable: true }) areaSecretariatId?: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) lbfGrant?: number | null;
  @Field(() => MoneyScalar, { nullable: true }) localCofinancing?: number | null;
  @Field(() => Int, { nullable: true }) reportingIntervalDays?: number | null;
}
