import type { ReportStatus } from './report-cycle.js';

/**
 * A row of the view plan_reporting_periods joined with its latest submission, as the repositories
 * read it (`date` stays 'YYYY-MM-DD'); `is_late` is reporting_period_is_late() for the request's today.
 */
export interface ReportingPeriodRow {
  plan_id: string;
  year: number;
  start_date: string;
  end_date: string;
  due_date: string;
  status: ReportStatus;
  is_late: boolean;
  submitted_at: Date | null;
  submitted_by: string | null;
}

/** The columns of a ReportingPeriodRow, for statements over `plan_reporting_periods l` and `reporting_submissions s`. */
export function periodColumns(today: string): string {
  return `l.plan_id, l.year, l.start_date, l.end_date, l.due_date, l.status,
          reporting_period_is_late(l.plan_status, l.status, l.due_date, ${today}::date) AS is_late,
          s.submitted_at, s.submitted_by`;
}
