import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { ReportStatus } from './report-cycle.js';
import type { UserModel } from '../users/user.model.js';
import type { ReportEventRow } from './report-event.model.js';
import type { ReportingPeriodRow } from './reporting-period.row.js';

@ObjectType('ReportingPeriod', { description: 'A plan’s reporting period: one calendar year, reported to LBF by 30 June of the next' })
export class ReportingPeriodModel {
  @Field(() => Int) year: number;
  @Field(() => DateScalar, { description: 'The later of the plan’s start and 1 January' }) startDate: string;
  @Field(() => DateScalar, { description: 'The earlier of the plan’s end and 31 December' }) endDate: string;
  @Field(() => DateScalar, { description: '30 June of the next year' }) dueDate: string;
  @Field(() => ReportStatus) status: ReportStatus;
  @Field({ description: 'The plan is ACTIVE or COMPLETED, the report OPEN or RETURNED, and today is after the due date' })
  isLate: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Of the latest submission; null if never submitted' })
  submittedAt: Date | null;
  planId: string;
  submittedById: string | null;
  /** The period's events when the statement that read the period read them too (annualReport), else undefined. */
  eventRows?: ReportEventRow[];
  /** The submitter and the events' actors, when read with the period (annualReport), else undefined. */
  usersById?: Map<string, UserModel>;
}

export function toReportingPeriodModel(row: ReportingPeriodRow): ReportingPeriodModel {
  return {
    planId: row.plan_id,
    year: row.year,
    startDate: row.start_date,
    endDate: row.end_date,
    dueDate: row.due_date,
    status: row.status,
    isLate: row.is_late,
    submittedAt: row.submitted_at,
    submittedById: row.submitted_by,
  };
}
