import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { SESSION_ENDED, SessionService } from '../auth/session.service.js';
import { todayUtc } from '../common/clock.js';
import { BadInputError, ConflictError, NotFoundError, UnauthenticatedError } from '../common/errors.js';
import { optionalText, requireIntRange, requireNonNegative, requireNotTooFarAhead, requireUuid } from '../common/validate.js';
import { ReportingPeriodLockedError } from '../reporting/reporting-lock.js';
import { RetractionsService } from '../retractions/retractions.service.js';
import type { LogProgressInput } from './dto/log-progress.input.js';
import { ProgressEntryEntity } from './progress-entry.entity.js';
import { requireLoggable, requireSameFigures } from './progress-rules.js';
import { type LoggedBy, type NewProgressEntry, ProgressRepository } from './progress.repository.js';

/**
 * How often logProgress reads again after its insert was refused. Each refusal means a change
 * committed between the read and the insert (a racing call with the same key, a cancellation, a new
 * start date, a submitted annual report), and the next read explains it; only a row that keeps changing gets this far.
 */
const MAX_ATTEMPTS = 3;

/** logProgress's input, checked and normalised as it would be stored (the checks that need no data). */
function validCall(input: LogProgressInput): Omit<NewProgressEntry, 'planId'> {
  const activityId = requireUuid(input.activityId, 'Activity', 'activityId');
  const percentComplete = requireIntRange('percentComplete', input.percentComplete, 0, 100);
  const participantsReached = input.participantsReached ?? null;
  if (participantsReached !== null) requireNonNegative('participantsReached', participantsReached);
  const spent = input.spent ?? null;
  if (spent !== null) requireNonNegative('spent', spent);
  const note = optionalText('note', input.note) ?? null;
  const idempotencyKey = input.idempotencyKey ?? null;
  if (idempotencyKey !== null && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
    throw new BadInputError('idempotencyKey', 'must be 1 to 200 characters');
  }
  requireNotTooFarAhead('reportedOn', input.reportedOn, todayUtc());
  const status = input.status ?? null;
  return { activityId, reportedOn: input.reportedOn, percentComplete, status, participantsReached, spent, note, idempotencyKey };
}

@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressRepository,
    private readonly access: AccessService,
    private readonly retractions: RetractionsService,
    private readonly sessions: SessionService,
  ) {}

  /**
   * Appends a progress entry. The hottest write of the system, so no transaction of its own: a read
   * (the activity, its plan's scope, the session, the entry already logged with the key) to check
   * access and input, then one statement that locks the activity, re-checks, inserts, changes the
   * status and writes the audit rows (ProgressRepository). A trigger moves the latest-entry pointer.
   * A repeated idempotency key stops at the read: the same figures return the first entry, other
   * figures are CONFLICT (requireSameFigures), decided on what the read returned.
   *
   * A project secretariat, the usual caller, may edit one plan, known from its token: its call goes to
   * the write first, which refuses on the locked row everything the read would refuse (an ended
   * session, another plan, a cancelled activity, a date before its start or in a locked year, a key
   * already used). Only when it stores nothing does the read follow, to say why or to return the first
   * entry, so the common case is one statement. The operation is @ChecksSessionItself: the session is
   * checked in these statements, and asked alone (SessionService) only where they do not tell, so an
   * ended session is UNAUTHENTICATED before any other answer, as from the guard.
   */
  async logProgress(auth: AuthUser, input: LogProgressInput, request: object): Promise<ProgressEntryEntity> {
    const by: LoggedBy = { id: auth.id, sessionVersion: auth.sessionVersion ?? 0 };
    const requireSession = async (current?: boolean) => {
      if (!(current ?? (await this.sessions.isCurrent(request, auth)))) throw new UnauthenticatedError(SESSION_ENDED);
    };
    let call: Omit<NewProgressEntry, 'planId'>;
    try {
      call = validCall(input);
    } catch (err) {
      await requireSession();
      throw err;
    }

    if (auth.planId && this.access.canEditPlanContent(auth, auth.planId)) {
      const stored = await this.progress.append({ ...call, planId: auth.planId }, by);
      if (stored) return stored;
    }
    for (let attempt = 1; ; attempt++) {
      const activity = await this.progress.activityForLogging(call.activityId, call.idempotencyKey, call.reportedOn, by);
      await requireSession(activity?.sessionCurrent);
      if (!activity || !this.access.canReadPlan(auth, { id: activity.planId, areaSecretariatId: activity.areaSecretariatId })) {
        throw new NotFoundError('Activity', input.activityId, 'activityId');
      }
      this.access.requireEditPlanContent(auth, activity.planId);
      const entry: NewProgressEntry = { ...call, planId: activity.planId };
      if (activity.previous) {
        requireSameFigures(activity.previous, entry);
        return activity.previous;
      }
      requireLoggable(activity, call.reportedOn);
      if (activity.periodLocked) throw new ReportingPeriodLockedError('reportedOn', call.reportedOn);

      const stored = await this.progress.append(entry, by);
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
