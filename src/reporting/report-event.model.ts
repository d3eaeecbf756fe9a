import { Field, GraphQLISODateTime, ObjectType } from '@nestjs/graphql';
import type { UserModel } from '../users/user.model.js';
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
  /** The actor, when read with the event (annualReport), else undefined. */
  byUser?: UserModel;
}

export function toReportEventModel(row: ReportEventRow, usersById?: Map<string, UserModel>): ReportEventModel {
  return { action: row.action, at: row.at, comment: row.comment, byId: row.actor_id, byUser: usersById?.get(row.actor_id) };
}
