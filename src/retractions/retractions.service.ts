import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { ConflictError } from '../common/errors.js';
import { requireText } from '../common/validate.js';
import { requireUnlockedHistory } from './reporting-lock.js';

export const MAX_REASON = 500;

/** What can be retracted: the GraphQL type, with the table behind it. */
const TABLES = { ProgressEntry: 'progress_entries', Measurement: 'measurements' } as const;

export interface RetractionTarget {
  entity: keyof typeof TABLES;
  id: string;
  planId: string;
  /** The date a reporting period may lock: an entry's reportedOn, a measurement's measuredOn. */
  datedOn: string;
  retractedAt: Date | null;
}

/**
 * Retractions of history (progress entries, measurements). The caller has checked access to the
 * row's plan; this checks the reason and the row's state, then marks the row in one transaction with
 * its audit row. The database moves the latest-entry pointers back (migrations/1764710000000-Retractions.ts).
 */
@Injectable()
export class RetractionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async retract(auth: AuthUser, target: RetractionTarget, reason: string): Promise<void> {
    const why = requireText('reason', reason, MAX_REASON);
    if (target.retractedAt) throw alreadyRetracted(target);
    await this.dataSource.transaction(async (m) => {
      await requireUnlockedHistory(m, target.planId, target.datedOn);
      // `retracted_at IS NULL` in the WHERE: of two racing retractions the second updates nothing.
      // TypeORM answers an UPDATE with [rows, affected].
      const [[row]]: [{ retracted_at: Date; retracted_by: string; retraction_reason: string }[], number] = await m.query(
        `UPDATE ${TABLES[target.entity]}
            SET retracted_at = clock_timestamp(), retracted_by = $2, retraction_reason = $3
          WHERE id = $1 AND retracted_at IS NULL
          RETURNING retracted_at, retracted_by, retraction_reason`,
        [target.id, auth.id, why],
      );
      if (!row) throw alreadyRetracted(target);
      await this.audit.record(m, auth, {
        operation: `retract${target.entity}`,
        entity: target.entity,
        entityId: target.id,
        planId: target.planId,
        before: { retraction: null },
        after: { retraction: { at: row.retracted_at.toISOString(), by: row.retracted_by, reason: row.retraction_reason } },
      });
    });
  }
}

function alreadyRetracted(target: RetractionTarget): ConflictError {
  return new ConflictError(`id: ${target.entity} "${target.id}" is already retracted`, 'id');
}
