import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { isUniqueViolation } from '../common/database-errors.js';
import { ActivityStatus } from '../common/enums.js';
import { BadInputError, ConflictError, NotFoundError } from '../common/errors.js';
import { optionalText, requireDateOrder, requireFinite, requireNonNegative, requirePresent, requireText, requireUuid } from '../common/validate.js';
import { parseActivityTagging } from '../coordination/catalogues/activity-tagging.js';
import { ActivityTaggingService } from '../coordination/catalogues/activity-tagging.service.js';
import { GoalsService } from '../goals/goals.service.js';
import { RegistryService } from '../registry/registry.service.js';
import { lockedPlanDates, requireWithinPlan } from './activity-dates.js';
import { ActivityGoalLinkEntity } from './activity-goal-link.entity.js';
import { ActivityEntity } from './activity.entity.js';
import type { CreateActivityInput } from './dto/create-activity.input.js';
import type { LinkActivityInput } from './dto/link-activity.input.js';
import type { UpdateActivityInput } from './dto/update-activity.input.js';

@Injectable()
export class ActivitiesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registry: RegistryService,
    private readonly goals: GoalsService,
    private readonly audit: AuditService,
    private readonly tagging: ActivityTaggingService,
  ) {}

  /** NOT_FOUND alike for an absent activity and one outside the caller's scope. */
  async activity(auth: AuthUser, id: string, field?: string): Promise<ActivityEntity> {
    return (await this.activityWithPlan(auth, id, field)).activity;
  }

  /** The activity and its plan, read once, for changes that need both (editability, the pool). */
  private async activityWithPlan(auth: AuthUser, id: string, field?: string): Promise<{ activity: ActivityEntity; plan: PlanEntity }> {
    const activity = await this.dataSource.manager.findOneBy(ActivityEntity, { id: requireUuid(id, 'Activity', field) });
    if (!activity) throw new NotFoundError('Activity', id, field);
    const plan = await this.access.requireReadableObject(auth, activity.planId, () => new NotFoundError('Activity', id, field));
    return { activity, plan };
  }

  async createActivity(auth: AuthUser, input: CreateActivityInput): Promise<ActivityEntity> {
    const plan = await this.access.editablePlanContent(auth, input.planId, 'planId');
    const title = requireText('title', input.title);
    const description = optionalText('description', input.description) ?? null;
    const targetGroup = optionalText('targetGroup', input.targetGroup, 500) ?? null;
    requireDateOrder('startDate', input.startDate, 'endDate', input.endDate);
    requireNonNegative('budget', input.budget);
    const tagging = parseActivityTagging(input);
    return this.dataSource.transaction(async (m) => {
      requireWithinPlan(await lockedPlanDates(m, plan.id), { startDate: input.startDate, endDate: input.endDate });
      const focusAreaId = input.focusAreaId ? await this.registry.requireFocusAreaOfPool(m, input.focusAreaId, plan.poolId) : null;
      await this.tagging.requireCatalogueRows(m, tagging);
      const activity = await m.save(
        m.create(ActivityEntity, {
          planId: plan.id,
          version: 1,
          title,
          description,
          targetGroup,
          status: input.status ?? ActivityStatus.PLANNED,
          responsibleParty: input.responsibleParty,
          focusAreaId,
          startDate: input.startDate,
          endDate: input.endDate,
          budget: input.budget,
          activityTypeId: tagging.activityTypeId ?? null,
          partners: tagging.partners ?? [],
          createdBy: auth.id,
          updatedBy: auth.id,
        }),
      );
      const targetGroups = await this.tagging.replaceTargetGroups(m, activity, tagging.targetGroupIds ?? [], { isNew: true });
      await this.audit.record(m, auth, {
        operation: 'createActivity',
        entity: 'Activity',
        entityId: activity.id,
        planId: plan.id,
        after: { ...activity, targetGroupIds: targetGroups.after },
      });
      return activity;
    });
  }

  /** Optimistic concurrency: `UPDATE … WHERE version = expectedVersion`; no row updated means CONFLICT. */
  async updateActivity(auth: AuthUser, input: UpdateActivityInput): Promise<ActivityEntity> {
    const { activity: existing, plan } = await this.activityWithPlan(auth, input.id, 'id');
    this.access.requireEditPlanContent(auth, plan.id);
    const changes: Partial<ActivityEntity> = { updatedBy: auth.id };
    if (input.title !== undefined) changes.title = requireText('title', requirePresent('title', input.title));
    if (input.description !== undefined) changes.description = optionalText('description', input.description) ?? null;
    if (input.targetGroup !== undefined) changes.targetGroup = optionalText('targetGroup', input.targetGroup, 500) ?? null;
    if (input.responsibleParty !== undefined) changes.responsibleParty = requirePresent('responsibleParty', input.responsibleParty);
    if (input.status !== undefined) changes.status = requirePresent('status', input.status);
    if (input.startDate !== undefined) changes.startDate = requirePresent('startDate', input.startDate);
    if (input.endDate !== undefined) changes.endDate = requirePresent('endDate', input.endDate);
    requireDateOrder('startDate', changes.startDate ?? existing.startDate, 'endDate', changes.endDate ?? existing.endDate);
    if (input.budget !== undefined) changes.budget = requireNonNegative('budget', requirePresent('budget', input.budget));
    const tagging = parseActivityTagging(input);
    if (tagging.activityTypeId !== undefined) changes.activityTypeId = tagging.activityTypeId;
    if (tagging.partners !== undefined) changes.partners = tagging.partners;

    return this.dataSource.transaction(async (m) => {
      if (changes.startDate !== undefined || changes.endDate !== undefined) {
        requireWithinPlan(await lockedPlanDates(m, plan.id), { startDate: changes.startDate, endDate: changes.endDate });
      }
      if (input.focusAreaId !== undefined) {
        changes.focusAreaId = input.focusAreaId ? await this.registry.requireFocusAreaOfPool(m, input.focusAreaId, plan.poolId) : null;
      }
      await this.tagging.requireCatalogueRows(m, tagging);
      const result = await m
        .createQueryBuilder()
        .update(ActivityEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: existing.id, version: input.expectedVersion })
        .execute();
      if (!result.affected) {
        const current = await m.findOneByOrFail(ActivityEntity, { id: existing.id });
        throw new ConflictError(
          `expectedVersion: the activity is at version ${current.version}, not ${input.expectedVersion}; read it again and retry`,
        );
      }
      const updated = await m.findOneByOrFail(ActivityEntity, { id: existing.id });
      // Target groups are rows of their own; the audit row names them as one field, before and after.
      const groups = tagging.targetGroupIds && (await this.tagging.replaceTargetGroups(m, existing, tagging.targetGroupIds));
      await this.audit.recordChanges(
        m,
        auth,
        { operation: 'updateActivity', entity: 'Activity', entityId: existing.id, planId: plan.id },
        groups ? { ...existing, targetGroupIds: groups.before } : existing,
        groups ? { ...updated, targetGroupIds: groups.after } : updated,
      );
      return updated;
    });
  }

  async linkActivityToGoal(auth: AuthUser, input: LinkActivityInput): Promise<ActivityGoalLinkEntity> {
    const activity = await this.activity(auth, input.activityId, 'activityId');
    this.access.requireEditPlanContent(auth, activity.planId);
    const weight = input.weight === null || input.weight === undefined ? 1 : requireFinite('weight', input.weight);
    if (weight <= 0) throw new BadInputError('weight', `must be positive, got ${weight}`);
    if (weight > 1e6) throw new BadInputError('weight', `must be at most 1000000, got ${weight}`);
    const rationale = optionalText('rationale', input.rationale) ?? null;
    try {
      return await this.dataSource.transaction(async (m) => {
        const goal = await this.goals.goalOfPlan(auth, m, input.goalId, activity.planId, 'goalId');
        const existing = await m.existsBy(ActivityGoalLinkEntity, { activityId: activity.id, goalId: goal.id });
        if (existing) throw new ConflictError('goalId: the activity is already linked to this goal');
        const link = await m.save(
          m.create(ActivityGoalLinkEntity, {
            activityId: activity.id,
            goalId: goal.id,
            planId: activity.planId,
            weight,
            rationale,
            createdBy: auth.id,
          }),
        );
        await this.audit.record(m, auth, {
          operation: 'linkActivityToGoal',
          entity: 'ActivityGoalLink',
          entityId: linkId(link),
          planId: activity.planId,
          after: link,
        });
        return link;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('goalId: the activity is already linked to this goal');
      throw error;
    }
  }

  /** True when a link was removed; false when there was none. */
  async unlinkActivityFromGoal(auth: AuthUser, activityId: string, goalId: string): Promise<boolean> {
    const activity = await this.activity(auth, activityId, 'activityId');
    this.access.requireEditPlanContent(auth, activity.planId);
    return this.dataSource.transaction(async (m) => {
      const goal = await this.goals.goalOfPlan(auth, m, goalId, activity.planId, 'goalId');
      const link = await m.findOneBy(ActivityGoalLinkEntity, { activityId: activity.id, goalId: goal.id });
      if (!link) return false;
      await m.delete(ActivityGoalLinkEntity, { activityId: activity.id, goalId: goal.id });
      await this.audit.record(m, auth, {
        operation: 'unlinkActivityFromGoal',
        entity: 'ActivityGoalLink',
        entityId: linkId(link),
        planId: activity.planId,
        before: link,
      });
      return true;
    });
  }
}

/** A link has no id of its own: the audit trail names it by its two ends. */
function linkId(link: ActivityGoalLinkEntity): string {
  return `${link.activityId}:${link.goalId}`;
}
