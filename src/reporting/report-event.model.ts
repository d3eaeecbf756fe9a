import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import { ReportAction } from './report-cycle.js';

/** A reporting_events row as raw SQL returns it. */
export interface ReportEventRow {
  plan_id: string;
  year: number;
  action: ReportAction;
  at: Date;
  actor_id: string;
  comment: string | null;
}

@ObjectType('ReportEvent', { description: 'A submission, approval or return of an annual report' })
export class ReportEventModel {
  @Field(() => ReportAction) action: ReportAction;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field(() => String, { nullable: true }) comment: string | null;
  byId: string;
}

export function toReportEventModel(row: ReportEventRow): ReportEventModel {
  return { action: row.action, at: row.at, comment: row.comment, byId: row.actor_id };
}
