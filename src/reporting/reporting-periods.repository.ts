import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { readRows } from '../database/read-rows.js';
import type { ReportAction, ReportStatus } from './report-cycle.js';
import type { ReportEventRow } from './report-event.model.js';
import { periodColumns, type ReportingPeriodRow } from './reporting-period.row.js';

/** Plans matching every given condition (undefined: any); a portfolio roll-up's filter, scope included. */
export interface PlanSelection {
  poolId?: string;
  areaSecretariatId?: string;
  planId?: string;
}

const PERIODS_BY_PLAN = `
  SELECT ${periodColumns('$2')}
    FROM plan_reporting_periods l
    LEFT JOIN reporting_submissions s ON s.id = l.submission_id
   WHERE l.plan_id = ANY($1::uuid[])
   ORDER BY l.plan_id, l.year`;

const EVENTS_BY_PLAN = `
  SELECT e.plan_id, e.year, e.action, e.at, e.actor_id, e.comment
    FROM reporting_events e
   WHERE e.plan_id = ANY($1::uuid[])
   ORDER BY e.id`;

/**
 * The late periods of the plans each filter selects, all filters in one statement: filter k is
 * ($1[k], $2[k], $3[k], $4[k]) = (key, pool, area secretariat, plan), NULL meaning any. By due date,
 * then plan title. $5 today. late_reporting_periods is inlined, so this reads the filtered plans only.
 */
const LATE_BY_FILTER = `
  WITH filters AS (
    SELECT * FROM unnest($1::int[], $2::uuid[], $3::uuid[], $4::uuid[]) AS f(key, pool_id, area_secretariat_id, plan_id)
  )
  SELECT f.key, ${periodColumns('$5')}
    FROM filters f
    JOIN plans p ON (f.pool_id IS NULL OR p.pool_id = f.pool_id)
                AND (f.area_secretariat_id IS NULL OR p.area_secretariat_id = f.area_secretariat_id)
                AND (f.plan_id IS NULL OR p.id = f.plan_id)
    JOIN late_reporting_periods($5::date) l ON l.plan_id = p.id
    LEFT JOIN reporting_submissions s ON s.id = l.submission_id
   ORDER BY f.key, l.due_date, p.title, p.id, l.year`;

/** How many late periods each plan has, for the plans of $1 that have any. $2 today. */
const LATE_COUNTS = `
  SELECT l.plan_id, count(*)::int AS late
    FROM late_reporting_periods($2::date) l
   WHERE l.plan_id = ANY($1::uuid[])
   GROUP BY l.plan_id`;

/** One period with its latest submission, read inside a transition's transaction. $1 plan, $2 year, $3 today. */
const PERIOD = `
  SELECT ${periodColumns('$3')}
    FROM plan_reporting_periods l
    LEFT JOIN reporting_submissions s ON s.id = l.submission_id
   WHERE l.plan_id = $1::uuid AND l.year = $2::int`;

/** Reporting periods, their status rows and events: the reads behind the loaders and the transitions' writes. */
@Injectable()
export class ReportingPeriodsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every period of each plan, oldest first. */
  periodsOfPlans(planIds: readonly string[], today: string): Promise<ReportingPeriodRow[]> {
    return readRows<ReportingPeriodRow>(this.dataSource, PERIODS_BY_PLAN, [[...planIds], today]);
  }

  /** Every event of each plan's periods, oldest first. */
  eventsOfPlans(planIds: readonly string[]): Promise<ReportEventRow[]> {
    return readRows<ReportEventRow>(this.dataSource, EVENTS_BY_PLAN, [[...planIds]]);
  }

  /** The late periods of each filter's plans, in the filters' order. */
  async latePeriods(filters: readonly PlanSelection[], today: string): Promise<ReportingPeriodRow[][]> {
    const rows = await readRows<ReportingPeriodRow & { key: number }>(this.dataSource, LATE_BY_FILTER, [
      filters.map((_, i) => i),
      filters.map((f) => f.poolId ?? null),
      filters.map((f) => f.areaSecretariatId ?? null),
      filters.map((f) => f.planId ?? null),
      today,
    ]);
    const byFilter: ReportingPeriodRow[][] = filters.map(() => []);
    for (const { key, ...row } of rows) byFilter[key].push(row);
    return byFilter;
  }

  /** Each plan's number of late periods (0 for one without), e.g. a workbook's lateReports column. */
  async lateCounts(planIds: readonly string[], today: string): Promise<Map<string, number>> {
    const rows = await readRows<{ plan_id: string; late: number }>(this.dataSource, LATE_COUNTS, [[...planIds], today]);
    const counts = new Map(planIds.map((id) => [id, 0]));
    for (const row of rows) counts.set(row.plan_id, row.late);
    return counts;
  }

  /**
   * Starts a transition: locks the plan row FOR UPDATE, which waits for every write to the plan that
   * holds the reporting lock (reporting-lock.ts) and makes later ones wait for this transaction. Then
   * reads the period as it now is (a new statement: a fresh snapshot). Null when the year is not one
   * of the plan's (any more).
   */
  async lockPeriod(m: EntityManager, planId: string, year: number, today: string): Promise<ReportingPeriodRow | null> {
    await m.query(`SELECT 1 FROM plans WHERE id = $1::uuid FOR UPDATE`, [planId]);
    return this.period(m, planId, year, today);
  }

  async period(m: EntityManager, planId: string, year: number, today: string): Promise<ReportingPeriodRow | null> {
    const [row]: ReportingPeriodRow[] = await m.query(PERIOD, [planId, year, today]);
    return row ?? null;
  }

  /** The status row after a transition; a submission also points it at its new snapshot. */
  async setStatus(m: EntityManager, planId: string, year: number, status: ReportStatus, by: string, submissionId?: string): Promise<void> {
    if (submissionId) {
      await m.query(
        `INSERT INTO reporting_periods (plan_id, year, status, submission_id, updated_by)
         VALUES ($1::uuid, $2::int, $3::text, $4::uuid, $5::uuid)
         ON CONFLICT (plan_id, year) DO UPDATE
           SET status = EXCLUDED.status, submission_id = EXCLUDED.submission_id,
               updated_at = clock_timestamp(), updated_by = EXCLUDED.updated_by`,
        [planId, year, status, submissionId, by],
      );
    } else {
      await m.query(
        `UPDATE reporting_periods SET status = $3::text, updated_at = clock_timestamp(), updated_by = $4::uuid
          WHERE plan_id = $1::uuid AND year = $2::int`,
        [planId, year, status, by],
      );
    }
  }

  async insertEvent(
    m: EntityManager,
    event: { planId: string; year: number; action: ReportAction; by: string; comment: string | null; submissionId: string | null; at?: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO reporting_events (plan_id, year, action, actor_id, comment, submission_id, at)
       VALUES ($1::uuid, $2::int, $3::text, $4::uuid, $5::text, $6::uuid, coalesce($7::timestamptz, clock_timestamp()))`,
      [event.planId, event.year, event.action, event.by, event.comment, event.submissionId, event.at ?? null],
    );
  }
}
