import { Injectable } from '@nestjs/common';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayUtc } from '../common/clock.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { optionalText, requireIntRange, requireNonNegative, requireUuid } from '../common/validate.js';
import { ReportingPeriodLockedError } from '../reporting/reporting-lock.js';
import type { LogProgressInput } from './dto/log-progress.input.js';
import type { ProgressEntryEntity } from './progress-entry.entity.js';
import { requireLoggable, requireNotTooFarAhead } from './progress-rules.js';
import { type NewProgressEntry, ProgressRepository } from './progress.repository.js';

/**
 * How often logProgress reads again after its insert was refused. Each refusal means a change
 * committed between the read and the insert (a racing call with the same key, a cancellation, a new
 * start date, a submitted annual report), and the next read explains it; only a row that keeps changing gets this far.
 */
const MAX_ATTEMPTS = 3;

@Injectable()
export class ProgressService {
  constructor(
    private readonly progress: ProgressRepository,
    private readonly access: AccessService,
  ) {}

  /**
   * Appends a progress entry. The hottest write of the system, so two statements and no transaction
   * of its own: a read (the activity, its plan's scope, the entry already logged with the key) to
   * check access and input, then one statement that locks the activity, re-checks, inserts, changes
   * the status and writes the audit rows (ProgressRepository). A trigger moves the latest-entry
   * pointer. A repeated idempotency key costs the read alone.
   */
  async logProgress(auth: AuthUser, input: LogProgressInput): Promise<ProgressEntryEntity> {
    const activityId = requireUuid(input.activityId, 'Activity', 'activityId');
    const percentComplete = requireIntRange('percentComplete', input.percentComplete, 0, 100);
    const participantsReached = input.participantsReached ?? null;
    if (participantsReached !== null) requireNonNegative('participantsReached', participantsReached);
    const spent = input.spent ?? null;
    if (spent !== null) requireNonNegative('spent', spent);
    const note = optionalText('note', input.note) ?? null;
    const key = input.idempotencyKey ?? null;
    if (key !== null && (key.length === 0 || key.length > 200)) {
      throw new BadInputError('idempotencyKey', 'must be 1 to 200 characters');
    }
    requireNotTooFarAhead(input.reportedOn, todayUtc());

    for (let attempt = 1; ; attempt++) {
      const activity = await this.progress.activityForLogging(activityId, key, input.reportedOn);
      if (!activity || !this.access.canReadPlan(auth, { id: activity.planId, areaSecretariatId: activity.areaSecretariatId })) {
        throw new NotFoundError('Activity', input.activityId, 'activityId');
      }
      this.access.requireEditPlanContent(auth, activity.planId);
      if (activity.previous) return activity.previous;
      requireLoggable(activity, input.reportedOn);
      if (activity.periodLocked) throw new ReportingPeriodLockedError('reportedOn', input.reportedOn);

      const entry: NewProgressEntry = {
        activityId,
        planId: activity.planId,
        reportedOn: input.reportedOn,
        percentComplete,
        status: input.status ?? null,
        participantsReached,
        spent,
        note,
        idempotencyKey: key,
        loggedBy: auth.id,
      };
      const stored = await this.progress.append(entry);
      if (stored) return stored;
      // Nothing stored: a change committed since the read. The next read finds out which.
      if (attempt === MAX_ATTEMPTS) {
        throw new ConflictError(`Activity "${input.activityId}" kept changing while progress was being logged; try again`);
      }
    }
  }
}
