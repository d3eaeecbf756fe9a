import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { addDays, todayUtc } from '../common/clock.js';
import { ActivityStatus } from '../common/enums.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { optionalText, requireIntRange, requireNonNegative, requireUuid } from '../common/validate.js';
import type { LogProgressInput } from './dto/log-progress.input.js';
import { ProgressEntryEntity } from './progress-entry.entity.js';

const MAX_DAYS_AHEAD = 7;

interface LockedActivity {
  id: string;
  planId: string;
  status: ActivityStatus;
  version: number;
  startDate: string;
  areaSecretariatId: string | null;
}

@Injectable()
export class ProgressService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Appends a progress entry. The activity row is locked first (read with its plan's scope in the
   * same statement), so concurrent logs for one activity queue up: the idempotency check, the
   * latest-entry pointer and the status change then always see each other's committed work. The
   * hottest write of the system: six statements, seven with an idempotency key.
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
    const latestAllowed = addDays(todayUtc(), MAX_DAYS_AHEAD);
    if (input.reportedOn > latestAllowed) {
      throw new BadInputError('reportedOn', `${input.reportedOn} is more than ${MAX_DAYS_AHEAD} days ahead (latest ${latestAllowed})`);
    }

    return this.dataSource.transaction(async (m) => {
      const [activity]: LockedActivity[] = await m.query(
        `SELECT a.id, a.plan_id AS "planId", a.status, a.version, a.start_date AS "startDate",
                p.area_secretariat_id AS "areaSecretariatId"
           FROM activities a JOIN plans p ON p.id = a.plan_id
          WHERE a.id = $1
            FOR UPDATE OF a`,
        [activityId],
      );
      if (!activity || !this.access.canReadPlan(auth, { id: activity.planId, areaSecretariatId: activity.areaSecretariatId })) {
        throw new NotFoundError('Activity', input.activityId, 'activityId');
      }
      this.access.requireEditPlanContent(auth, activity.planId);
      if (key !== null) {
        // A statement of its own, after the lock: its snapshot sees what a racing log committed.
        const previous = await m.findOneBy(ProgressEntryEntity, { activityId, idempotencyKey: key });
        if (previous) return previous;
      }
      if (activity.status === ActivityStatus.CANCELLED) {
        throw new BadInputError('activityId', 'the activity is cancelled: progress can no longer be logged');
      }
      if (input.reportedOn < activity.startDate) {
        throw new BadInputError('reportedOn', `${input.reportedOn} is before the activity's startDate ${activity.startDate}`);
      }
      const status = input.status ?? activity.status;
      const entry = await m.save(
        m.create(ProgressEntryEntity, {
          planId: activity.planId,
          activityId: activity.id,
          reportedOn: input.reportedOn,
          percentComplete,
          status,
          participantsReached,
          spent,
          note,
          idempotencyKey: key,
          loggedBy: auth.id,
        }),
      );
      // The latest entry by reported_on, then by when it was logged: a back-dated entry may not be it.
      await m.query(
        `UPDATE activities
            SET latest_progress_id = (
                  SELECT e.id FROM progress_entries e WHERE e.activity_id = $1
                  ORDER BY e.reported_on DESC, e.logged_at DESC, e.id DESC LIMIT 1),
                status = $2,
                version = version + CASE WHEN status = $2 THEN 0 ELSE 1 END,
                updated_at = CASE WHEN status = $2 THEN updated_at ELSE now() END,
                updated_by = CASE WHEN status = $2 THEN updated_by ELSE $3::uuid END
          WHERE id = $1`,
        [activity.id, status, auth.id],
      );
      await this.audit.record(m, auth, { operation: 'logProgress', entity: 'ProgressEntry', entityId: entry.id, planId: activity.planId, after: entry });
      if (status !== activity.status) {
        await this.audit.record(m, auth, {
          operation: 'logProgress',
          entity: 'Activity',
          entityId: activity.id,
          planId: activity.planId,
          before: { status: activity.status, version: activity.version },
          after: { status, version: activity.version + 1 },
        });
      }
      return entry;
    });
  }
}
