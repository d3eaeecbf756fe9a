import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActivityStatus } from '../common/enums.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import { RetractionModel, toRetractionModel } from '../retractions/retraction.model.js';
import type { ProgressEntryEntity } from './progress-entry.entity.js';

@ObjectType('ProgressEntry', { description: 'A dated report on an activity (statusregistrering); never edited, at most retracted' })
export class ProgressEntryModel {
  @Field(() => ID) id: string;
  @Field(() => DateScalar) reportedOn: string;
  @Field(() => Int) percentComplete: number;
  @Field(() => ActivityStatus, { description: 'The activity’s status as of this entry' }) status: ActivityStatus;
  @Field(() => Int, { nullable: true }) participantsReached: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: 'Spend to date' }) spent: number | null;
  @Field(() => String, { nullable: true }) note: string | null;
  @Field(() => GraphQLISODateTime) loggedAt: Date;
  @Field(() => RetractionModel, { nullable: true, description: 'null unless retracted; a retracted entry counts in no figure' })
  retraction: RetractionModel | null;
  activityId: string;
  loggedById: string;
}

export function toProgressEntryModel(e: ProgressEntryEntity): ProgressEntryModel {
  return {
    id: e.id,
    reportedOn: e.reportedOn,
    percentComplete: e.percentComplete,
    status: e.status,
    participantsReached: e.participantsReached,
    spent: e.spent,
    note: e.note,
    loggedAt: e.loggedAt,
    retraction: toRetractionModel(e),
    activityId: e.activityId,
    loggedById: e.loggedBy,
  };
}
