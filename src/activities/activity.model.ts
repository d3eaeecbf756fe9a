import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActivityStatus, ResponsibleParty } from '../common/enums.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import type { ActivityEntity } from './activity.entity.js';

@ObjectType('Activity', { description: 'Concrete work of a plan (aktivitet)' })
export class ActivityModel {
  @Field(() => ID) id: string;
  @Field(() => Int, { description: 'Incremented by every update; pass it as expectedVersion' }) version: number;
  @Field() title: string;
  @Field(() => String, { nullable: true }) description: string | null;
  @Field(() => String, { nullable: true, description: 'Målgruppe' }) targetGroup: string | null;
  @Field(() => ActivityStatus) status: ActivityStatus;
  @Field(() => ResponsibleParty) responsibleParty: ResponsibleParty;
  @Field(() => DateScalar) startDate: string;
  @Field(() => DateScalar) endDate: string;
  @Field(() => MoneyScalar) budget: number;
  @Field(() => [String], { description: 'The organisations involved (free text), in the order given' }) partners: string[];
  planId: string;
  focusAreaId: string | null;
  latestProgressId: string | null;
  activityTypeId: string | null;
}

export function toActivityModel(e: ActivityEntity): ActivityModel {
  return {
    id: e.id,
    version: e.version,
    title: e.title,
    description: e.description,
    targetGroup: e.targetGroup,
    status: e.status,
    responsibleParty: e.responsibleParty,
    startDate: e.startDate,
    endDate: e.endDate,
    budget: e.budget,
    partners: e.partners,
    planId: e.planId,
    focusAreaId: e.focusAreaId,
    latestProgressId: e.latestProgressId,
    activityTypeId: e.activityTypeId,
  };
}
