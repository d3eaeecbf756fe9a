import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Role } from '../common/enums.js';
import { EntityRows } from '../database/entity-rows.js';
import { ForbiddenError, NotFoundError } from '../common/errors.js';
import { requireUuid } from '../common/validate.js';
import { PlanEntity } from '../plans/plan.entity.js';
import type { AuthUser } from './auth-user.js';

/** A SQL condition on a `plans` alias, with its named parameters (TypeORM query-builder style). */
export interface PlanScope {
  where: string;
  params: Record<string, unknown>;
}

const READ_ALL: Role[] = [Role.ADMIN, Role.LBF];

/**
 * Who may read and change what. Every service asks here first; lists and sums use `planScope` so
 * that filtering happens in SQL, before anything is loaded.
 */
@Injectable()
export class AccessService {
  private readonly planById: (ids: readonly string[]) => Promise<PlanEntity[]>;

  constructor(dataSource: DataSource) {
    this.planById = new EntityRows(dataSource, PlanEntity).byIds('plans_by_id', 'id', 't.id');
  }

  readsAllPlans(auth: AuthUser): boolean {
    return READ_ALL.includes(auth.role);
  }

  planScope(auth: AuthUser, alias: string): PlanScope {
    switch (auth.role) {
      case Role.ADMIN:
      case Role.LBF:
        return { where: 'TRUE', params: {} };
      case Role.AREA_SECRETARIAT:
        return { where: `${alias}.area_secretariat_id = :scopeAreaSecretariatId`, params: { scopeAreaSecretariatId: auth.areaSecretariatId } };
      case Role.PROJECT_SECRETARIAT:
      case Role.BOARD_MEMBER:
        return { where: `${alias}.id = :scopePlanId`, params: { scopePlanId: auth.planId } };
    }
  }

  /**
   * planScope for a statement with positional parameters: the condition on the `plans` alias, using
   * `param` (e.g. `$5`) for the one value it needs, if any. A caller of an area or plan role without
   * its area or plan reads nothing.
   */
  planScopeCondition(auth: AuthUser, alias: string, param: string): { where: string; values: string[] } {
    switch (auth.role) {
      case Role.ADMIN:
      case Role.LBF:
        return { where: 'TRUE', values: [] };
      case Role.AREA_SECRETARIAT:
        return auth.areaSecretariatId
          ? { where: `${alias}.area_secretariat_id = ${param}::uuid`, values: [auth.areaSecretariatId] }
          : { where: 'FALSE', values: [] };
      case Role.PROJECT_SECRETARIAT:
      case Role.BOARD_MEMBER:
        return auth.planId ? { where: `${alias}.id = ${param}::uuid`, values: [auth.planId] } : { where: 'FALSE', values: [] };
    }
  }

  canReadPlan(auth: AuthUser, plan: Pick<PlanEntity, 'id' | 'areaSecretariatId'>): boolean {
    switch (auth.role) {
      case Role.ADMIN:
      case Role.LBF:
        return true;
      case Role.AREA_SECRETARIAT:
        return plan.areaSecretariatId !== null && plan.areaSecretariatId === auth.areaSecretariatId;
      case Role.PROJECT_SECRETARIAT:
      case Role.BOARD_MEMBER:
        return plan.id === auth.planId;
    }
  }

  /** Plan content (goals, indicators, activities, progress) is edited by ADMIN and the plan's own secretariat. */
  canEditPlanContent(auth: AuthUser, planId: string): boolean {
    return auth.role === Role.ADMIN || (auth.role === Role.PROJECT_SECRETARIAT && auth.planId === planId);
  }

  /** The plan if the caller may read it; NOT_FOUND alike for absent and out-of-scope plans. */
  async readablePlan(auth: AuthUser, planId: string, field?: string): Promise<PlanEntity> {
    return this.requireReadableObject(auth, requireUuid(planId, 'Plan', field), () => new NotFoundError('Plan', planId, field));
  }

  /**
   * For an object of a plan (a goal, an activity, …): NOT_FOUND naming that object, alike when it is
   * absent and when its plan is outside the caller's scope. Other errors (an outage) pass through.
   */
  async requireReadableObject(auth: AuthUser, planId: string, notFound: () => NotFoundError): Promise<PlanEntity> {
    const [plan] = await this.planById([planId]);
    if (!plan || !this.canReadPlan(auth, plan)) throw notFound();
    return plan;
  }

  /** For goal, indicator, activity and progress changes. Outside scope: NOT_FOUND; readable but not editable: FORBIDDEN. */
  async editablePlanContent(auth: AuthUser, planId: string, field?: string): Promise<PlanEntity> {
    const plan = await this.readablePlan(auth, planId, field);
    this.requireEditPlanContent(auth, plan.id);
    return plan;
  }

  /** For a plan the caller is already known to be able to read. */
  requireEditPlanContent(auth: AuthUser, planId: string): void {
    if (!this.canEditPlanContent(auth, planId)) {
      throw new ForbiddenError(`Role ${auth.role} may read this plan but not change its content`);
    }
  }

  requireRole(auth: AuthUser, roles: Role[], action: string): void {
    if (!roles.includes(auth.role)) {
      throw new ForbiddenError(`Role ${auth.role} may not ${action} (allowed: ${roles.join(', ')})`);
    }
  }
}
