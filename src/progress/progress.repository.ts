import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { currentSessionSql } from '../auth/session.service.js';
import { prepared } from '../database/prepared-statements.js';
import type { ActivityStatus } from '../common/enums.js';
import { lockedForWriteSql, lockedSql } from '../reporting/reporting-lock.js';
import type { ProgressEntryEntity } from './progress-entry.entity.js';
import { type ProgressEntryRow, toProgressEntryEntity } from './progress-entry.row.js';

/** What logProgress checks before it writes. */
export interface ActivityForLogging {
  planId: string;
  status: ActivityStatus;
  startDate: string;
  areaSecretariatId: string | null;
  /** The entry already logged on this activity with the idempotency key; null without a key. */
  previous: ProgressEntryEntity | null;
  /** reportedOn lies in a SUBMITTED or APPROVED reporting period of the plan (src/reporting/reporting-lock.ts). */
  periodLocked: boolean;
  /** The caller's session is current (currentSessionSql). */
  sessionCurrent: boolean;
}

/** Who logs: the user, and the session version of its token (the write refuses an ended session). */
export interface LoggedBy {
  id: string;
  sessionVersion: number;
}

export interface NewProgressEntry {
  activityId: string;
  /** The plan the caller was checked against: the entry is refused if the activity is no longer in it. */
  planId: string;
  reportedOn: string;
  percentComplete: number;
  /** null: the activity's status as it is when the entry is stored. */
  status: ActivityStatus | null;
  participantsReached: number | null;
  spent: number | null;
  note: string | null;
  idempotencyKey: string | null;
}

/** The activity's columns, and the entry's (every one of them NULL when `id` is: no entry with the key). */
interface ActivityForLoggingRow extends Omit<ProgressEntryRow, 'id'> {
  activity_plan_id: string;
  activity_status: ActivityStatus;
  activity_start_date: string;
  area_secretariat_id: string | null;
  period_locked: boolean;
  session_current: boolean;
  id: string | null;
}

// Statement 1, no lock: the activity with its plan's scope, whether $3 (reportedOn) lies in a locked
// reporting period, whether the session of $4 (user) and $5 (its version) is current, and the entry
// already logged with the key. Without a key ($2 NULL) the join matches nothing and the entry
// columns are NULL.
const ACTIVITY_FOR_LOGGING = prepared('activity_for_logging', `
  SELECT a.plan_id AS activity_plan_id, a.status AS activity_status, a.start_date AS activity_start_date,
         p.area_secretariat_id, ${lockedSql('a.plan_id', '$3')} AS period_locked,
         ${currentSessionSql('$4', '$5')} AS session_current,
         e.id, e.plan_id, e.activity_id, e.reported_on, e.percent_complete, e.status, e.participants_reached,
         e.spent, e.note, e.idempotency_key, e.logged_by, e.logged_at,
         e.retracted_at, e.retracted_by, e.retraction_reason
    FROM activities a
    JOIN plans p ON p.id = a.plan_id
    LEFT JOIN progress_entries e ON e.activity_id = a.id AND e.idempotency_key = $2::text
   WHERE a.id = $1::uuid`);

// Statement 2, one autocommitted statement: the entry, the status change and their audit rows, all
// or nothing. The activity row is locked first, so calls on one activity queue up here, and the
// conditions statement 1 checked are checked again on the row as it now is: an ended session, another
// plan, a cancellation, a new start date, a racing call with the same key (ON CONFLICT) or a
// submission of the year's annual report that committed in between inserts nothing, and the caller
// reads to say why (a project secretariat's call comes here first, ProgressService). The
// reporting lock (reporting_period_locked_for_write, src/reporting/reporting-lock.ts) is taken on the
// plan row after the activity's, and decides on what committed until then: a submission racing this
// statement either waits for it and has the entry in its snapshot, or has committed and refuses it. The latest-entry pointer is not set here: the
// trigger progress_entries_latest_pointer moves it (migrations/1764600000000-LatestProgressOnInsert.ts).
// The audit rows carry what AuditService.record() writes for the same change: camelCase keys, the
// entry's columns as the entity holds them, loggedAt as Date.toISOString() gives it (milliseconds,
// truncated, as node-postgres reads timestamptz). The entry's row is inserted first.
// $1 activity, $2 plan, $3 reported_on, $4 percent_complete, $5 status or NULL, $6 participants_reached,
// $7 spent, $8 note, $9 idempotency key, $10 the user, $11 its token's session version.
const APPEND_ENTRY = prepared('append_progress_entry', `
  WITH activity AS MATERIALIZED (
    SELECT a.id, a.plan_id, a.status, a.version
      FROM activities a
     WHERE a.id = $1::uuid AND a.plan_id = $2::uuid AND a.status <> 'CANCELLED' AND a.start_date <= $3::date
       AND ${currentSessionSql('$10', '$11')}
       FOR UPDATE
  ),
  entry AS (
    INSERT INTO progress_entries
           (plan_id, activity_id, reported_on, percent_complete, status, participants_reached, spent, note, idempotency_key, logged_by)
    SELECT a.plan_id, a.id, $3::date, $4::smallint, coalesce($5::text, a.status), $6::int, $7::bigint, $8::text, $9::text, $10::uuid
      FROM activity a
     WHERE NOT ${lockedForWriteSql('a.plan_id', '$3')}
        ON CONFLICT (activity_id, idempotency_key) DO NOTHING
    RETURNING id, plan_id, activity_id, reported_on, percent_complete, status, participants_reached,
              spent, note, idempotency_key, logged_by, logged_at, retracted_at, retracted_by, retraction_reason
  ),
  status_change AS (
    UPDATE activities t
       SET status = e.status, version = t.version + 1, updated_at = now(), updated_by = e.logged_by
      FROM entry e JOIN activity a ON a.id = e.activity_id
     WHERE t.id = a.id AND e.status <> a.status
    RETURNING t.id, t.plan_id, a.status AS status_before, a.version AS version_before, t.status, t.version
  ),
  audit AS (
    INSERT INTO audit_events (actor_id, operation, entity, entity_id, plan_id, before, after)
    SELECT e.logged_by, 'logProgress', 'ProgressEntry', e.id::text, e.plan_id, NULL::jsonb,
           jsonb_build_object(
             'id', e.id, 'planId', e.plan_id, 'activityId', e.activity_id, 'reportedOn', e.reported_on,
             'percentComplete', e.percent_complete, 'status', e.status, 'participantsReached', e.participants_reached,
             'spent', e.spent, 'note', e.note, 'idempotencyKey', e.idempotency_key, 'loggedBy', e.logged_by,
             'loggedAt', to_char(e.logged_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM entry e
    UNION ALL
    SELECT $10::uuid, 'logProgress', 'Activity', s.id::text, s.plan_id,
           jsonb_build_object('status', s.status_before, 'version', s.version_before),
           jsonb_build_object('status', s.status, 'version', s.version)
      FROM status_change s
  )
  SELECT * FROM entry`);

/** logProgress's SQL: the read that decides, and the one statement that writes. */
@Injectable()
export class ProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  async activityForLogging(activityId: string, idempotencyKey: string | null, reportedOn: string, by: LoggedBy): Promise<ActivityForLogging | null> {
    const [row]: ActivityForLoggingRow[] = await this.dataSource.query(ACTIVITY_FOR_LOGGING, [activityId, idempotencyKey, reportedOn, by.id, by.sessionVersion]);
    if (!row) return null;
    return {
      planId: row.activity_plan_id,
      status: row.activity_status,
      startDate: row.activity_start_date,
      areaSecretariatId: row.area_secretariat_id,
      periodLocked: row.period_locked,
      sessionCurrent: row.session_current,
      previous: row.id === null ? null : toProgressEntryEntity({ ...row, id: row.id }),
    };
  }

  /** The stored entry, or null when nothing was stored (see APPEND_ENTRY for why that can happen). */
  async append(entry: NewProgressEntry, by: LoggedBy): Promise<ProgressEntryEntity | null> {
    const [row]: ProgressEntryRow[] = await this.dataSource.query(APPEND_ENTRY, [
      entry.activityId,
      entry.planId,
      entry.reportedOn,
      entry.percentComplete,
      entry.status,
      entry.participantsReached,
      entry.spent,
      entry.note,
      entry.idempotencyKey,
      by.id,
      by.sessionVersion,
    ]);
    return row ? toProgressEntryEntity(row) : null;
  }
}
