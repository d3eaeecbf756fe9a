import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { ActivityStatus, ResponsibleParty } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../../graphql/scalars/money.scalar.js';

/**
 * Absent fields stay as they are; description, targetGroup, focusAreaId and activityTypeId can be cleared
 * with null; targetGroupIds and partners replace the whole set (null or [] clears it).
 */
@InputType()
export class UpdateActivityInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'The version you read; a stale one fails with CONFLICT and changes nothing' })
  expectedVersion: number;
  @Field(() => String, { nullable: true }) title?: string | null;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) targetGroup?: string | null;
  @Field(() => ResponsibleParty, { nullable: true }) responsibleParty?: ResponsibleParty | null;
  @Field(() => ID, { nullable: true }) focusAreaId?: string | null;
  @Field(() => DateScalar, { nullable: true }) startDate?: string | null;
  @Field(() => DateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => MoneyScalar, { nullable: true }) budget?: number | null;
  @Field(() => ID, { nullable: true, description: 'From activityTypes' }) activityTypeId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'From targetGroups: the whole set' }) targetGroupIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'The organisations involved: at most 20, each 1-200 characters: the whole list' })
  partners?: string[] | null;
  @Field(() => ActivityStatus, { nullable: true }) status?: ActivityStatus | null;
}
