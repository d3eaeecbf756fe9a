import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../common/enums.js';
import { readRows } from '../database/read-rows.js';
import { indicatorCalcJoin, indicatorStatusSql, type LatestMeasurementSql } from '../rollups/indicator-status.sql.js';
import type { UserModel } from '../users/user.model.js';
import type { AnnualReportFigures } from './annual-report-figures.js';
import { milestoneColumns } from './milestone.row.js';
import type { ReportAction } from './report-cycle.js';
import type { ReportEventRow } from './report-event.model.js';
import { periodColumns, type ReportingPeriodRow } from './reporting-period.row.js';

/**
 * The annual report of plan $1 for year $2 as one JSON document (AnnualReportFigures), computed as of
 * the period's end E, from its start S (docs/reporting.md, "The report's figures"); $3 is today, for the
 * milestones' isOverdue. One expression, so that a live report and the snapshot a submission stores
 * are the same computation. Retracted entries and measurements count nowhere in it: every lookup
 * below skips them. A stored report is what counted when it was submitted; while its year is
 * SUBMITTED or APPROVED nothing dated in it can be retracted (retractions/retractions.service.ts):
 *
 * - indicators: every indicator of the plan, goals in tree order (depth first, siblings by creation),
 *   then by the indicator's creation; the latest measurement with measuredOn ≤ E (by measuredOn, then
 *   when it was recorded: one backward scan of measurements_indicator_idx each), and attainment and
 *   status by the roll-up rules (rollups/indicator-status.sql.ts) with E in place of today;
 * - activities: the non-cancelled ones whose period meets [S, E], by creation; the latest entry with
 *   reportedOn ≤ E and the latest with reportedOn < S (by reportedOn, then when it was logged: one
 *   probe of progress_entries_latest_idx each, read on past a retracted entry, which is rare), and
 *   the entries in [S, E] counted;
 * - finances: the plan's grant and co-financing, and the activities' sums;
 * - milestones: those due in year $2 + 1, by due date, then title.
 *
 * Its cost grows with the plan's size only in rows, never in statements.
 */
/** The latest measurement on or before the period's end: LIVE_REPORT's lateral `latest`. */
const LATEST_AT_END: LatestMeasurementSql = { value: 'latest.value', measuredOn: 'latest.measured_on' };

const LIVE_REPORT = `(WITH RECURSIVE
  period AS (
    SELECT l.start_date, l.end_date FROM plan_reporting_periods l WHERE l.plan_id = $1::uuid AND l.year = $2::int
  ),
  sibling_order AS (
    SELECT g.id, g.parent_id, row_number() OVER (PARTITION BY g.parent_id ORDER BY g.created_at, g.id)::int AS ordinal
      FROM goals g
     WHERE g.plan_id = $1::uuid
  ),
  goal_order (id, path) AS (
    SELECT s.id, ARRAY[s.ordinal] FROM sibling_order s WHERE s.parent_id IS NULL
    UNION ALL
    SELECT s.id, o.path || s.ordinal FROM goal_order o JOIN sibling_order s ON s.parent_id = o.id
  ),
  indicator_rows AS (
    SELECT i.id, i.goal_id, i.name, i.unit, i.direction, i.baseline, i.baseline_date, i.target, i.target_date,
           i.created_at, o.path, latest.value, latest.measured_on, calc.attainment,
           ${indicatorStatusSql(LATEST_AT_END)} AS status
      FROM indicators i
      JOIN goal_order o ON o.id = i.goal_id
     CROSS JOIN period pe
      LEFT JOIN LATERAL (
        SELECT m.value, m.measured_on
          FROM measurements m
         WHERE m.indicator_id = i.id AND m.measured_on <= pe.end_date AND m.retracted_at IS NULL
         ORDER BY m.measured_on DESC, m.recorded_at DESC, m.id DESC
         LIMIT 1
      ) latest ON true
     ${indicatorCalcJoin(LATEST_AT_END, 'pe.end_date')}
     WHERE i.plan_id = $1::uuid
  ),
  activity_rows AS (
    SELECT a.id, a.title, a.responsible_party, a.focus_area_id, a.budget, a.created_at,
           at_end.percent_complete::float8 AS progress,
           coalesce(at_end.spent, 0) AS spent,
           at_end.participants_reached,
           coalesce(at_end.spent, 0) - coalesce(before_start.spent, 0) AS spent_in_year,
           (SELECT count(*) FROM progress_entries e
             WHERE e.activity_id = a.id AND e.reported_on BETWEEN pe.start_date AND pe.end_date
               AND e.retracted_at IS NULL)::int AS entries_in_year
      FROM activities a
     CROSS JOIN period pe
      LEFT JOIN LATERAL (
        SELECT e.percent_complete, e.spent, e.participants_reached
          FROM progress_entries e
         WHERE e.activity_id = a.id AND e.reported_on <= pe.end_date AND e.retracted_at IS NULL
         ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC
         LIMIT 1
      ) at_end ON true
      LEFT JOIN LATERAL (
        SELECT e.spent
          FROM progress_entries e
         WHERE e.activity_id = a.id AND e.reported_on < pe.start_date AND e.retracted_at IS NULL
         ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC
         LIMIT 1
      ) before_start ON true
     WHERE a.plan_id = $1::uuid AND a.status <> 'CANCELLED'
       AND a.start_date <= pe.end_date AND a.end_date >= pe.start_date
  ),
  milestone_rows AS (
    SELECT ${milestoneColumns('$3')}
      FROM milestones m
     WHERE m.plan_id = $1::uuid
       AND m.due_date BETWEEN make_date($2::int + 1, 1, 1) AND make_date($2::int + 1, 12, 31)
  )
  SELECT json_build_object(
    'asOf', (SELECT end_date FROM period),
    'indicators', (SELECT coalesce(json_agg(json_build_object(
        'indicatorId', id, 'goalId', goal_id, 'name', name, 'unit', unit, 'direction', direction,
        'baseline', baseline, 'baselineDate', baseline_date, 'target', target, 'targetDate', target_date,
        'value', value, 'measuredOn', measured_on, 'attainment', attainment, 'status', status)
        ORDER BY path, created_at, id), '[]'::json) FROM indicator_rows),
    'activities', (SELECT coalesce(json_agg(json_build_object(
        'activityId', id, 'title', title, 'responsibleParty', responsible_party, 'focusAreaId', focus_area_id,
        'budget', budget::text, 'progress', progress, 'spent', spent::text, 'spentInYear', spent_in_year::text,
        'participantsReached', participants_reached, 'entriesInYear', entries_in_year)
        ORDER BY created_at, id), '[]'::json) FROM activity_rows),
    'finances', (SELECT json_build_object(
        'lbfGrant', p.lbf_grant::text, 'localCofinancing', p.local_cofinancing::text,
        'budget', coalesce(t.budget, 0)::text, 'spent', coalesce(t.spent, 0)::text, 'spentInYear', coalesce(t.spent_in_year, 0)::text)
        FROM plans p
        CROSS JOIN (SELECT sum(budget) AS budget, sum(spent) AS spent, sum(spent_in_year) AS spent_in_year FROM activity_rows) t
       WHERE p.id = $1::uuid),
    'milestones', (SELECT coalesce(json_agg(json_build_object(
        'id', id, 'title', title, 'dueDate', due_date, 'completedOn', completed_on,
        'activityId', activity_id, 'goalId', goal_id, 'isOverdue', is_overdue)
        ORDER BY due_date, title, id), '[]'::json) FROM milestone_rows)
  ))`;

/**
 * annualReport's one statement: the period with its latest submission, its events (oldest first, as
 * parallel arrays, so that the driver parses each value as it parses EVENTS_BY_PLAN's columns), the
 * users its submitter and events show (the columns of a UserModel, the same way), and
 * by status either the figures that submission stored or the live ones (a CASE branch not taken is
 * never computed). $1 plan, $2 year, $3 today.
 */
const ANNUAL_REPORT = `
  SELECT ${periodColumns('$3')},
         s.comment, s.indicator_comments,
         CASE WHEN l.status IN ('SUBMITTED', 'APPROVED') THEN s.report END AS stored_report,
         CASE WHEN l.status IN ('SUBMITTED', 'APPROVED') THEN NULL ELSE ${LIVE_REPORT} END AS live_report,
         ev.actions AS event_actions, ev.ats AS event_ats, ev.actor_ids AS event_actor_ids, ev.comments AS event_comments,
         us.ids AS user_ids, us.emails AS user_emails, us.names AS user_names, us.roles AS user_roles,
         us.plan_ids AS user_plan_ids, us.area_secretariat_ids AS user_area_secretariat_ids, us.actives AS user_actives
    FROM plan_reporting_periods l
    LEFT JOIN reporting_submissions s ON s.id = l.submission_id
   CROSS JOIN LATERAL (
     SELECT array_agg(e.action ORDER BY e.id) AS actions, array_agg(e.at ORDER BY e.id) AS ats,
            array_agg(e.actor_id ORDER BY e.id) AS actor_ids, array_agg(e.comment ORDER BY e.id) AS comments
       FROM reporting_events e
      WHERE e.plan_id = l.plan_id AND e.year = l.year
   ) ev
   CROSS JOIN LATERAL (
     SELECT array_agg(u.id) AS ids, array_agg(u.email) AS emails, array_agg(u.name) AS names, array_agg(u.role) AS roles,
            array_agg(u.plan_id) AS plan_ids, array_agg(u.area_secretariat_id) AS area_secretariat_ids, array_agg(u.active) AS actives
       FROM users u
      WHERE u.id = s.submitted_by OR u.id = ANY(ev.actor_ids)
   ) us
   WHERE l.plan_id = $1::uuid AND l.year = $2::int`;

/**
 * The submission with the report as computed now. $1 plan, $2 year, $3 today, $4 user, $5 comment,
 * $6 indicator comments, $7 when (NULL: now; the demo data back-dates its submissions).
 */
const INSERT_SUBMISSION = `
  INSERT INTO reporting_submissions (plan_id, year, submitted_by, comment, indicator_comments, report, submitted_at)
  SELECT $1::uuid, $2::int, $4::uuid, $5::text, $6::jsonb, ${LIVE_REPORT}::jsonb, coalesce($7::timestamptz, clock_timestamp())
  RETURNING id, submitted_at, report`;

interface AnnualReportRow extends ReportingPeriodRow {
  comment: string | null;
  indicator_comments: Record<string, string> | null;
  stored_report: AnnualReportFigures | null;
  live_report: AnnualReportFigures | null;
  /** Null when the period has no events (array_agg of no rows). */
  event_actions: ReportAction[] | null;
  event_ats: Date[] | null;
  event_actor_ids: string[] | null;
  event_comments: (string | null)[] | null;
  /** Null when there is neither a submitter nor an event. */
  user_ids: string[] | null;
  user_emails: string[] | null;
  user_names: string[] | null;
  user_roles: Role[] | null;
  user_plan_ids: (string | null)[] | null;
  user_area_secretariat_ids: (string | null)[] | null;
  user_actives: boolean[] | null;
}

export interface StoredOrLiveReport {
  period: ReportingPeriodRow;
  figures: AnnualReportFigures;
  /** The period's latest submission; null if it was never submitted. */
  submission: { comment: string | null; indicatorComments: Record<string, string> } | null;
  /** The period's events, oldest first, read in the same statement. */
  events: ReportEventRow[];
  /** The submitter and the events' actors by id, read in the same statement. */
  users: Map<string, UserModel>;
}

export interface NewSubmission {
  planId: string;
  year: number;
  today: string;
  submittedBy: string;
  comment: string | null;
  indicatorComments: Record<string, string>;
  /** Default: now. */
  submittedAt?: string;
}

export interface StoredSubmission {
  id: string;
  submittedAt: Date;
  report: AnnualReportFigures;
}

/**
 * Stores a submission with the report computed in the same statement. `m` is the submitting
 * transaction, which holds the plan row FOR UPDATE: every write dated in the period that committed
 * before is in the figures, and every later one is refused (reporting-lock.ts). Also the demo
 * loader's way to store its submissions, so that they hold exactly what the app would have stored.
 */
export async function insertSubmission(m: EntityManager, s: NewSubmission): Promise<StoredSubmission> {
  const [row]: { id: string; submitted_at: Date; report: AnnualReportFigures }[] = await m.query(INSERT_SUBMISSION, [
    s.planId,
    s.year,
    s.today,
    s.submittedBy,
    s.comment,
    JSON.stringify(s.indicatorComments),
    s.submittedAt ?? null,
  ]);
  return { id: row.id, submittedAt: row.submitted_at, report: row.report };
}

/** The annual report's SQL: the read (stored or live) and the snapshot a submission stores. */
@Injectable()
export class AnnualReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when the year is not one of the plan's. */
  async report(planId: string, year: number, today: string): Promise<StoredOrLiveReport | null> {
    const [row] = await readRows<AnnualReportRow>(this.dataSource, ANNUAL_REPORT, [planId, year, today]);
    if (!row) return null;
    const { comment, indicator_comments, stored_report, live_report, event_actions, event_ats, event_actor_ids, event_comments, ...rest } = row;
    const { user_ids, user_emails, user_names, user_roles, user_plan_ids, user_area_secretariat_ids, user_actives, ...period } = rest;
    const events = (event_actions ?? []).map(
      (action, i): ReportEventRow => ({ plan_id: period.plan_id, year: period.year, action, at: event_ats![i], actor_id: event_actor_ids![i], comment: event_comments![i] }),
    );
    const users = new Map(
      (user_ids ?? []).map((id, i): [string, UserModel] => [
        id,
        { id, email: user_emails![i], name: user_names![i], role: user_roles![i], active: user_actives![i], planId: user_plan_ids![i], areaSecretariatId: user_area_secretariat_ids![i] },
      ]),
    );
    return {
      period,
      figures: (stored_report ?? live_report)!,
      submission: row.submitted_at === null ? null : { comment, indicatorComments: indicator_comments ?? {} },
      events,
      users,
    };
  }

  /** See insertSubmission. */
  insertSubmission(m: EntityManager, s: NewSubmission): Promise<StoredSubmission> {
    return insertSubmission(m, s);
  }
}
