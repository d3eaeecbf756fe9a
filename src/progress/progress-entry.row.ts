import type { ActivityStatus } from '../common/enums.js';
import { moneyTransformer } from '../database/transformers.js';
import type { ProgressEntryEntity } from './progress-entry.entity.js';

/** A progress_entries row as raw SQL returns it (`date` stays 'YYYY-MM-DD', `bigint` is a string). */
export interface ProgressEntryRow {
  id: string;
  plan_id: string;
  activity_id: string;
  reported_on: string;
  percent_complete: number;
  status: ActivityStatus;
  participants_reached: number | null;
  spent: string | null;
  note: string | null;
  idempotency_key: string | null;
  logged_by: string;
  logged_at: Date;
  retracted_at: Date | null;
  retracted_by: string | null;
  retraction_reason: string | null;
}

/** The entity TypeORM would have read for the same row: money through the same transformer. */
export function toProgressEntryEntity(row: ProgressEntryRow): ProgressEntryEntity {
  return {
    id: row.id,
    planId: row.plan_id,
    activityId: row.activity_id,
    reportedOn: row.reported_on,
    percentComplete: row.percent_complete,
    status: row.status,
    participantsReached: row.participants_reached,
    spent: moneyTransformer.from(row.spent),
    note: row.note,
    idempotencyKey: row.idempotency_key,
    loggedBy: row.logged_by,
    loggedAt: row.logged_at,
    retractedAt: row.retracted_at,
    retractedBy: row.retracted_by,
    retractionReason: row.retraction_reason,
  };
}
