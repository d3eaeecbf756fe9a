import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayUtc } from '../common/clock.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { optionalText, requireIntRange, requireNonNegative, requireNotTooFarAhead, requireUuid } from '../common/validate.js';
import { RetractionsService } from '../retractions/retractions.service.js';
import type { LogProgressInput } from './dto/log-progress.input.js';
import { ProgressEntryEntity } from './progress-entry.entity.js';
import { requireLoggable, requireSameFigures } from './progress-rules.js';
import { type NewProgressEntry, ProgressRepository } from './progress.repository.js';

/**
 * How often logProgress reads again after its insert was refused. Each refusal means a change
 * committed between the read and the insert (a racing call with the same key, a cancellation, a new
 * start date), and the next read explains it; only a row that keeps changing gets this far.
 */
const MAX_ATTEMPTS = 3;

@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressRepository,
    private readonly access: AccessService,
    private readonly retractions: RetractionsService,
  ) {}

  /**
   * Appends a progress entry. The hottest write of the system, so two statements and no transaction
   * of its own: a read (the activity, its plan's scope, the entry already logged with the key) to
   * check access and input, then one statement that locks the activity, re-checks, inserts, changes
   * the status and writes the audit rows (ProgressRepository). A trigger moves the latest-entry
   * pointer. A repeated idempotency key costs the read alone: the same figures return the first
   * entry, other figures are CONFLICT (requireSameFigures), decided on what the read returned.
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
    requireNotTooFarAhead('reportedOn', input.reportedOn, todayUtc());
    const status = input.status ?? null;

    for (let attempt = 1; ; attempt++) {
      const activity = await this.progress.activityForLogging(activityId, key);
      if (!activity || !this.access.canReadPlan(auth, { id: activity.planId, areaSecretariatId: activity.areaSecretariatId })) {
        throw new NotFoundError('Activity', input.activityId, 'activityId');
      }
      this.access.requireEditPlanContent(auth, activity.planId);
      const entry: NewProgressEntry = {
        activityId,
        planId: activity.planId,
        reportedOn: input.reportedOn,
        percentComplete,
        status,
        participantsReached,
        spent,
        note,
        idempotencyKey: key,
        loggedBy: auth.id,
      };
      if (activity.previous) {
        requireSameFigures(activity.previous, entry);
        return activity.previous;
      }
      requireLoggable(activity, input.reportedOn);

      const stored = await this.progress.append(entry);
      if (stored) return stored;
      // Nothing stored: a change committed since the read. The next read finds out which.
      if (attempt === MAX_ATTEMPTS) {
        throw new ConflictError(`Activity "${input.activityId}" kept changing while progress was being logged; try again`);
      }
    }
  }

  /**
   * Withdraws an entry logged by mistake (ADMIN, the plan's project secretariat): it stays in
   * progressEntries with its retraction and counts in no figure; the activity's latest entry moves
   * back to the latest one not retracted. The activity's status stays as it is.
   */
  async retractProgressEntry(auth: AuthUser, id: string, reason: string): Promise<ProgressEntryEntity> {
    const entryId = requireUuid(id, 'ProgressEntry', 'id');
    const entry = await this.dataSource.manager.findOneBy(ProgressEntryEntity, { id: entryId });
    if (!entry) throw new NotFoundError('ProgressEntry', id, 'id');
    await this.access.requireReadableObject(auth, entry.planId, () => new NotFoundError('ProgressEntry', id, 'id'));
    this.access.requireEditPlanContent(auth, entry.planId);
    await this.retractions.retract(
      auth,
      { entity: 'ProgressEntry', id: entry.id, planId: entry.planId, datedOn: entry.reportedOn, retractedAt: entry.retractedAt },
      reason,
    );
    return this.dataSource.manager.findOneByOrFail(ProgressEntryEntity, { id: entry.id });
  }
}
