import type { EntityManager } from 'typeorm';
import { ConflictError } from '../common/errors.js';

/**
 * Locked history (docs/reporting.md): while a period is SUBMITTED or APPROVED, nothing dated inside it may be
 * added or withdrawn (progress entries, measurements, retractions) until LBF returns the report.
 *
 * The rule lives in the database (migrations/1764700000000-AnnualReporting.ts), so that a write can
 * decide it in the same statement as its insert:
 *
 * - `reporting_period_locked(plan, day)`: whether `day` lies in a SUBMITTED or APPROVED period of the
 *   plan. No lock; for reads that explain a refusal.
 * - `reporting_period_locked_for_write(plan, day)`: takes the plan row FOR KEY SHARE first, the lock
 *   that conflicts with submitAnnualReport's FOR UPDATE, then answers the same question on a fresh
 *   snapshot. A write that calls it before inserting, in the same transaction or statement, either
 *   commits before a racing submission reads its figures (and is in its snapshot) or is refused.
 */
export class ReportingPeriodLockedError extends ConflictError {
  constructor(field: string, date: string) {
    const year = Number(date.slice(0, 4));
    super(
      `${field}: ${date} lies in the reporting period ${year}, whose annual report is submitted or approved; ` +
        `LBF must return the ${year} report before anything dated in it can change`,
    );
    this.details.field = field;
    this.details.year = year;
  }
}

/**
 * The lock check as a SQL condition for a writer's own statement: true when the write must be refused.
 * `plan` and `day` are SQL expressions (columns or `$n` parameters), never input.
 */
export function lockedForWriteSql(plan: string, day: string): string {
  return `reporting_period_locked_for_write(${plan}::uuid, ${day}::date)`;
}

/** The same condition without the lock, for a read that only explains. */
export function lockedSql(plan: string, day: string): string {
  return `reporting_period_locked(${plan}::uuid, ${day}::date)`;
}

/**
 * For a write in a transaction (recordMeasurement, a retraction): takes the lock and refuses a date
 * inside a locked period. `m` must be the transaction's manager: the lock is held until it ends, so
 * that a submission waits for this write to commit.
 */
export async function requireUnlockedForWrite(m: EntityManager, planId: string, day: string, field: string): Promise<void> {
  const [{ locked }]: { locked: boolean }[] = await m.query(`SELECT ${lockedForWriteSql('$1', '$2')} AS locked`, [planId, day]);
  if (locked) throw new ReportingPeriodLockedError(field, day);
}
