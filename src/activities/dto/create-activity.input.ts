import { Field, ID, InputType } from '@nestjs/graphql';
import { ActivityStatus, ResponsibleParty } from '../../common/enums.js';
import { DateScalar } from '../../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../../graphql/scalars/money.scalar.js';

@InputType()
export class CreateActivityInput {
  @Field(() => ID) planId: string;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description?: string | null;
  @Field(() => String, { nullable: true }) targetGroup?: string | null;
  @Field(() => ResponsibleParty) responsibleParty: ResponsibleParty;
  @Field(() => ID, { nullable: true }) focusAreaId?: string | null;
  @Field(() => DateScalar) startDate: string;
  @Field(() => DateScalar) endDate: string;
  @Field(() => MoneyScalar) budget: number;
  @Field(() => ID, { nullable: true, description: 'From activityTypes' }) activityTypeId?: string | null;
  @Field(() => [ID], { nullable: true, description: 'From targetGroups' }) targetGroupIds?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'The organisations involved: at most 20, each 1-200 characters' })
  partners?: string[] | null;
  @Field(() => ActivityStatus, { nullable: true, description: 'Default PLANNED' }) status?: ActivityStatus | null;
}
