import { Field, ID, InputType } from '@nestjs/graphql';
import { PlanStatus } from '../../common/enums.js';

@InputType()
export class PlanFilter {
  @Field(() => ID, { nullable: true }) poolId?: string | null;
  @Field(() => ID, { nullable: true }) municipalityId?: string | null;
  @Field(() => ID, { nullable: true }) areaSecretariatId?: string | null;
  @Field(() => PlanStatus, { nullable: true }) status?: PlanStatus | null;
}
