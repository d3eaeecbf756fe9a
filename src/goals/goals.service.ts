import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { GoalKind } from '../common/enums.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { optionalText, requireText, requireUuid } from '../common/validate.js';
import { PlanEntity } from '../plans/plan.entity.js';
import { RegistryService } from '../registry/registry.service.js';
import type { CreateGoalInput } from './dto/create-goal.input.js';
import type { UpdateGoalInput } from './dto/update-goal.input.js';
import { GoalEntity } from './goal.entity.js';
import { isInSubtree } from './goal-tree.js';

@Injectable()
export class GoalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registry: RegistryService,
    private readonly audit: AuditService,
  ) {}

  async goal(auth: AuthUser, id: string, field?: string): Promise<GoalEntity> {
    return (await this.goalWithPlan(auth, id, field)).goal;
  }

  /** The goal and its plan, read once, for changes that need both (editability, the pool). */
  async goalWithPlan(auth: AuthUser, id: string, field?: string): Promise<{ goal: GoalEntity; plan: PlanEntity }> {
    const goal = await this.dataSource.manager.findOneBy(GoalEntity, { id: requireUuid(id, 'Goal', field) });
    if (!goal) throw new NotFoundError('Goal', id, field);
    const plan = await this.access.requireReadableObject(auth, goal.planId, () => new NotFoundError('Goal', id, field));
    return { goal, plan };
  }

  /**
   * A goal referenced from input (a parent, a link target): NOT_FOUND unless it exists in a plan the
   * caller may read; BAD_USER_INPUT when it is readable but belongs to another plan.
   */
  async goalOfPlan(auth: AuthUser, m: EntityManager, goalId: string, planId: string, field: string): Promise<GoalEntity> {
    const goal = await m.findOneBy(GoalEntity, { id: requireUuid(goalId, 'Goal', field) });
    if (!goal) throw new NotFoundError('Goal', goalId, field);
    if (goal.planId !== planId) {
      const other = await m.findOneBy(PlanEntity, { id: goal.planId });
      if (!other || !this.access.canReadPlan(auth, other)) throw new NotFoundError('Goal', goalId, field);
      throw new BadInputError(field, 'the goal belongs to another plan');
    }
    return goal;
  }

  async createGoal(auth: AuthUser, input: CreateGoalInput): Promise<GoalEntity> {
    const plan = await this.access.editablePlanContent(auth, input.planId, 'planId');
    const title = requireText('title', input.title);
    const description = optionalText('description', input.description) ?? null;
    if (input.kind === GoalKind.OVERALL && input.parentId) {
      throw new BadInputError('parentId', 'an OVERALL goal (formål) is a root and has no parent');
    }
    if (input.kind !== GoalKind.OVERALL && !input.parentId) {
      throw new BadInputError('parentId', `is required for a ${input.kind} goal: it sits below an OVERALL goal`);
    }
    return this.dataSource.transaction(async (m) => {
      const parent = input.parentId ? await this.goalOfPlan(auth, m, input.parentId, plan.id, 'parentId') : null;
      const focusAreaId = input.focusAreaId ? await this.registry.requireFocusAreaOfPool(m, input.focusAreaId, plan.poolId) : null;
      const goal = await m.save(
        m.create(GoalEntity, {
          planId: plan.id,
          parentId: parent?.id ?? null,
          kind: input.kind,
          title,
          description,
          focusAreaId,
          createdBy: auth.id,
          updatedBy: auth.id,
        }),
      );
      await this.audit.record(m, auth, { operation: 'createGoal', entity: 'Goal', entityId: goal.id, planId: plan.id, after: goal });
      return goal;
    });
  }

  async updateGoal(auth: AuthUser, input: UpdateGoalInput): Promise<GoalEntity> {
    const { goal: existing, plan } = await this.goalWithPlan(auth, input.id, 'id');
    this.access.requireEditPlanContent(auth, plan.id);
    const changes: Partial<GoalEntity> = { updatedBy: auth.id };
    if (input.title !== undefined) {
      if (input.title === null) throw new BadInputError('title', 'must not be null');
      changes.title = requireText('title', input.title);
    }
    if (input.description !== undefined) changes.description = optionalText('description', input.description) ?? null;

    return this.dataSource.transaction(async (m) => {
      // Serialise tree changes per plan, so two concurrent moves cannot close a cycle together.
      await m.query('SELECT id FROM plans WHERE id = $1 FOR UPDATE', [plan.id]);
      if (input.parentId !== undefined) {
        if (input.parentId === null) {
          if (existing.kind !== GoalKind.OVERALL) {
            throw new BadInputError('parentId', `a ${existing.kind} goal must stay below another goal`);
          }
          changes.parentId = null;
        } else {
          if (existing.kind === GoalKind.OVERALL) {
            throw new BadInputError('parentId', 'an OVERALL goal (formål) is a root and has no parent');
          }
          const parent = await this.goalOfPlan(auth, m, input.parentId, plan.id, 'parentId');
          const goals = await m.findBy(GoalEntity, { planId: plan.id });
          if (isInSubtree(new Map(goals.map((g) => [g.id, g])), existing.id, parent.id)) {
            throw new BadInputError('parentId', 'the new parent is the goal itself or lies below it: that would make a cycle');
          }
          changes.parentId = parent.id;
        }
      }
      if (input.focusAreaId !== undefined) {
        changes.focusAreaId = input.focusAreaId ? await this.registry.requireFocusAreaOfPool(m, input.focusAreaId, plan.poolId) : null;
      }
      await m.update(GoalEntity, { id: existing.id }, changes);
      const updated = await m.findOneByOrFail(GoalEntity, { id: existing.id });
      await this.audit.recordChanges(m, auth, { operation: 'updateGoal', entity: 'Goal', entityId: existing.id, planId: plan.id }, existing, updated);
      return updated;
    });
  }
}
