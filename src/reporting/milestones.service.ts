import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayUtc } from '../common/clock.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { isUuid, requireText, requireUuid } from '../common/validate.js';
import type { CreateMilestoneInput } from './dto/create-milestone.input.js';
import type { MilestoneRow } from './milestone.row.js';
import { MilestonesRepository } from './milestones.repository.js';

/** The milestone plan (milepælsplan): ADMIN and the plan's project secretariat create and complete milestones. */
@Injectable()
export class MilestonesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly milestones: MilestonesRepository,
  ) {}

  async createMilestone(auth: AuthUser, input: CreateMilestoneInput): Promise<MilestoneRow> {
    const plan = await this.access.editablePlanContent(auth, input.planId, 'planId');
    const title = requireText('title', input.title);
    const activityId = input.activityId ? await this.ofPlan('activities', 'activity', input.activityId, plan.id, 'activityId') : null;
    const goalId = input.goalId ? await this.ofPlan('goals', 'goal', input.goalId, plan.id, 'goalId') : null;
    const today = todayUtc();
    return this.dataSource.transaction(async (m) => {
      const row = await this.milestones.insert(m, { planId: plan.id, title, dueDate: input.dueDate, activityId, goalId, createdBy: auth.id }, today);
      await this.audit.record(m, auth, {
        operation: 'createMilestone',
        entity: 'Milestone',
        entityId: row.id,
        planId: plan.id,
        after: { id: row.id, planId: plan.id, title, dueDate: row.due_date, activityId, goalId },
      });
      return row;
    });
  }

  /** Once: completing a completed milestone is CONFLICT, and the first completion stands. */
  async completeMilestone(auth: AuthUser, id: string, completedOn: string): Promise<MilestoneRow> {
    const today = todayUtc();
    const milestone = await this.milestones.byId(requireUuid(id, 'Milestone', 'id'), today);
    if (!milestone) throw new NotFoundError('Milestone', id, 'id');
    await this.access.requireReadableObject(auth, milestone.plan_id, () => new NotFoundError('Milestone', id, 'id'));
    this.access.requireEditPlanContent(auth, milestone.plan_id);
    if (completedOn > today) throw new BadInputError('completedOn', `${completedOn} is after today (${today})`);
    if (milestone.completed_on) throw alreadyCompleted(milestone);
    return this.dataSource.transaction(async (m) => {
      const row = await this.milestones.complete(m, milestone.id, completedOn, auth.id, today);
      // Completed by a racing call since it was read.
      if (!row) throw new ConflictError(`Milestone "${milestone.title}" has just been completed by someone else`);
      await this.audit.record(m, auth, {
        operation: 'completeMilestone',
        entity: 'Milestone',
        entityId: row.id,
        planId: row.plan_id,
        before: { completedOn: null },
        after: { completedOn: row.completed_on },
      });
      return row;
    });
  }

  /** An activity's or goal's id that must name one of this plan's: BAD_USER_INPUT otherwise, whether or not it exists. */
  private async ofPlan(table: 'activities' | 'goals', what: string, id: string, planId: string, field: string): Promise<string> {
    const refused = () => new BadInputError(field, `"${id}" is not ${what === 'activity' ? 'an activity' : 'a goal'} of this plan`);
    if (!isUuid(id)) throw refused();
    const [row]: { plan_id: string }[] = await this.dataSource.query(`SELECT plan_id FROM ${table} WHERE id = $1::uuid`, [id]);
    if (row?.plan_id !== planId) throw refused();
    return id.toLowerCase();
  }
}

function alreadyCompleted(milestone: MilestoneRow): ConflictError {
  return new ConflictError(`Milestone "${milestone.title}" was already completed on ${milestone.completed_on}`);
}
