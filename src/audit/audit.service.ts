import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';

export interface AuditRecord {
  operation: string;
  /** The GraphQL type name, e.g. "Activity". */
  entity: string;
  entityId: string;
  planId: string | null;
  before?: object | null;
  after?: object | null;
}

/**
 * Writes the audit trail. Always called with the mutation's own transaction, so a change and its
 * audit row commit or roll back together. (logProgress, the hottest write, writes the same rows in
 * its one insert statement instead: src/progress/progress.repository.ts; tests/progress.test.ts
 * holds the two to the same content.)
 */
@Injectable()
export class AuditService {
  async record(m: EntityManager, auth: AuthUser | null, record: AuditRecord): Promise<void> {
    await m.query(
      `INSERT INTO audit_events (actor_id, operation, entity, entity_id, plan_id, before, after)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb)`,
      [
        auth?.id ?? null,
        record.operation,
        record.entity,
        record.entityId,
        record.planId,
        toJson(record.before),
        toJson(record.after),
      ],
    );
  }

  /**
   * Many audit rows in few statements (an import creates thousands of objects): the same rows that
   * `record` writes, a multi-row INSERT per 500.
   */
  async recordMany(m: EntityManager, auth: AuthUser | null, records: AuditRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += 500) {
      const chunk = records.slice(start, start + 500);
      const values: unknown[] = [];
      const rows = chunk.map((record) => {
        values.push(auth?.id ?? null, record.operation, record.entity, record.entityId, record.planId, toJson(record.before), toJson(record.after));
        const n = values.length - 7;
        return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}, $${n + 6}::jsonb, $${n + 7}::jsonb)`;
      });
      await m.query(`INSERT INTO audit_events (actor_id, operation, entity, entity_id, plan_id, before, after) VALUES ${rows.join(', ')}`, values);
    }
  }

  /** An update's audit row: only the fields that changed, before and after. */
  async recordChanges<T extends object>(
    m: EntityManager,
    auth: AuthUser,
    record: Omit<AuditRecord, 'before' | 'after'>,
    before: T,
    after: T,
  ): Promise<void> {
    const changedBefore: Record<string, unknown> = {};
    const changedAfter: Record<string, unknown> = {};
    for (const key of Object.keys(after) as (keyof T & string)[]) {
      if (IGNORED.has(key)) continue;
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
        changedBefore[key] = before[key];
        changedAfter[key] = after[key];
      }
    }
    await this.record(m, auth, { ...record, before: changedBefore, after: changedAfter });
  }
}

// Bookkeeping columns say nothing the audit row does not say itself.
const IGNORED = new Set([
  'updatedAt',
  'updatedBy',
  'createdAt',
  'createdBy',
  'passwordHash',
  // Raised with every change that ends a user's sessions; the change itself is in the row.
  'sessionVersion',
  // Derived from the progress entries, which have audit rows of their own.
  'latestProgressId',
  'latestPercentComplete',
  'latestSpent',
  'latestReportedOn',
  // A retraction is an audit row of its own (operation retractProgressEntry / retractMeasurement).
  'retractedAt',
  'retractedBy',
  'retractionReason',
]);

function toJson(value: object | null | undefined): string | null {
  if (!value) return null;
  const copy: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(value)) {
    if (IGNORED.has(key) || field === undefined) continue;
    copy[key] = field instanceof Date ? field.toISOString() : field;
  }
  return JSON.stringify(copy);
}
