import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { PlanStatus, Role } from '../common/enums.js';
import { BadInputError, ForbiddenError, NotFoundError } from '../common/errors.js';
import { isUuid, requireDateOrder, requireIntRange, requireNonNegative, requirePresent, requireText, requireUuid } from '../common/validate.js';
import { decodeCursor, encodeCursor, requirePageSize } from '../graphql/cursor.js';
import { AreaSecretariatEntity } from '../registry/area-secretariat.entity.js';
import { HousingOrganisationEntity } from '../registry/housing-organisation.entity.js';
import { MunicipalityEntity } from '../registry/municipality.entity.js';
import { PoolEntity } from '../registry/pool.entity.js';
import type { CreatePlanInput } from './dto/create-plan.input.js';
import type { PlanFilter } from './dto/plan-filter.input.js';
import type { UpdatePlanInput } from './dto/update-plan.input.js';
import { PlanHousingOrganisationEntity } from './plan-housing-organisation.entity.js';
import { PlanEntity } from './plan.entity.js';

export interface PlanPage {
  totalCount: number;
  edges: { cursor: string; node: PlanEntity }[];
  hasNextPage: boolean;
}

const PLAN_MANAGERS = [Role.ADMIN, Role.LBF];

/**
 * The fields of UpdatePlanInput that are LBF's: the grant, co-financing, reporting interval, dates,
 * status and area secretariat. A plan's own project secretariat may change its title only.
 */
const LBF_FIELDS = ['status', 'areaSecretariatId', 'endDate', 'lbfGrant', 'localCofinancing', 'reportingIntervalDays'] as const;

@Injectable()
export class PlansService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  plan(auth: AuthUser, id: string): Promise<PlanEntity> {
    return this.access.readablePlan(auth, id);
  }

  /** Keyset pagination by (title, id); scope and filter in SQL, so totalCount counts only what the caller may read. */
  async plans(auth: AuthUser, filter: PlanFilter | null | undefined, first: number, after?: string | null): Promise<PlanPage> {
    requirePageSize(first);
    const scope = this.access.planScope(auth, 'p');
    const qb = this.dataSource.manager.createQueryBuilder(PlanEntity, 'p').where(scope.where, scope.params);
    for (const [field, column] of [
      ['poolId', 'pool_id'],
      ['municipalityId', 'municipality_id'],
      ['areaSecretariatId', 'area_secretariat_id'],
    ] as const) {
      const value = filter?.[field];
      if (value === undefined || value === null) continue;
      // An id that cannot exist matches no plan.
      if (!isUuid(value)) return { totalCount: 0, edges: [], hasNextPage: false };
      qb.andWhere(`p.${column} = :${field}`, { [field]: value.toLowerCase() });
    }
    if (filter?.status) qb.andWhere('p.status = :status', { status: filter.status });

    const totalCount = await qb.clone().getCount();
    if (after) {
      const [title, id] = decodeCursor('after', after, 2);
      qb.andWhere('(p.title, p.id) > (:afterTitle, :afterId)', { afterTitle: title, afterId: isUuid(id) ? id : '00000000-0000-0000-0000-000000000000' });
    }
    const rows = await qb.orderBy('p.title', 'ASC').addOrderBy('p.id', 'ASC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    return {
      totalCount,
      edges: page.map((node) => ({ cursor: encodeCursor([node.title, node.id]), node })),
      hasNextPage: rows.length > first,
    };
  }

  async createPlan(auth: AuthUser, input: CreatePlanInput): Promise<PlanEntity> {
    this.access.requireRole(auth, PLAN_MANAGERS, 'create plans');
    const title = requireText('title', input.title);
    const poolId = requireUuid(input.poolId, 'Pool', 'poolId');
    const municipalityId = requireUuid(input.municipalityId, 'Municipality', 'municipalityId');
    const areaSecretariatId = input.areaSecretariatId
      ? requireUuid(input.areaSecretariatId, 'AreaSecretariat', 'areaSecretariatId')
      : null;
    const housingOrganisationIds = input.housingOrganisationIds.map((id) =>
      requireUuid(id, 'HousingOrganisation', 'housingOrganisationIds'),
    );
    if (housingOrganisationIds.length === 0) {
      throw new BadInputError('housingOrganisationIds', 'a plan needs at least one housing organisation');
    }
    if (new Set(housingOrganisationIds).size !== housingOrganisationIds.length) {
      throw new BadInputError('housingOrganisationIds', 'lists the same housing organisation twice');
    }
    const housingAreas = (input.housingAreas ?? []).map((area, i) => requireText(`housingAreas[${i}]`, area));
    requireDateOrder('startDate', input.startDate, 'endDate', input.endDate);
    requireNonNegative('lbfGrant', input.lbfGrant);
    requireNonNegative('localCofinancing', input.localCofinancing);
    const reportingIntervalDays = requireIntRange('reportingIntervalDays', input.reportingIntervalDays ?? 90, 1, 3650);

    return this.dataSource.transaction(async (m) => {
      await this.requireExists(m, PoolEntity, poolId, 'Pool', 'poolId');
      await this.requireExists(m, MunicipalityEntity, municipalityId, 'Municipality', 'municipalityId');
      if (areaSecretariatId) await this.requireExists(m, AreaSecretariatEntity, areaSecretariatId, 'AreaSecretariat', 'areaSecretariatId');
      const found = await m.countBy(HousingOrganisationEntity, { id: In(housingOrganisationIds) });
      if (found !== housingOrganisationIds.length) {
        const existing = new Set((await m.findBy(HousingOrganisationEntity, { id: In(housingOrganisationIds) })).map((h) => h.id));
        const missing = housingOrganisationIds.find((id) => !existing.has(id));
        throw new NotFoundError('HousingOrganisation', missing, 'housingOrganisationIds');
      }
      const plan = await m.save(
        m.create(PlanEntity, {
          title,
          status: input.status ?? PlanStatus.DRAFT,
          poolId,
          municipalityId,
          areaSecretariatId,
          housingAreas,
          startDate: input.startDate,
          endDate: input.endDate,
          lbfGrant: input.lbfGrant,
          localCofinancing: input.localCofinancing,
          reportingIntervalDays,
          createdBy: auth.id,
          updatedBy: auth.id,
        }),
      );
      await m.insert(
        PlanHousingOrganisationEntity,
        housingOrganisationIds.map((housingOrganisationId, position) => ({ planId: plan.id, housingOrganisationId, position })),
      );
      await this.audit.record(m, auth, {
        operation: 'createPlan',
        entity: 'Plan',
        entityId: plan.id,
        planId: plan.id,
        after: { ...plan, housingOrganisationIds },
      });
      return plan;
    });
  }

  async updatePlan(auth: AuthUser, input: UpdatePlanInput): Promise<PlanEntity> {
    const plan = await this.access.readablePlan(auth, input.id, 'id');
    const isOwnSecretariat = auth.role === Role.PROJECT_SECRETARIAT && auth.planId === plan.id;
    if (!PLAN_MANAGERS.includes(auth.role) && !isOwnSecretariat) {
      throw new ForbiddenError(`Role ${auth.role} may not update plans`);
    }
    if (isOwnSecretariat) {
      const refused = LBF_FIELDS.filter((field) => input[field] !== undefined);
      if (refused.length > 0) {
        throw new ForbiddenError(
          `${refused[0]}: a project secretariat may change its plan's title only; ${refused.join(', ')} ${refused.length === 1 ? 'is' : 'are'} Landsbyggefonden's`,
          refused[0],
        );
      }
    }
    const changes: Partial<PlanEntity> = { updatedBy: auth.id };
    if (input.title !== undefined) changes.title = requireText('title', requirePresent('title', input.title));
    if (input.status !== undefined) changes.status = requirePresent('status', input.status);
    if (input.endDate !== undefined) {
      changes.endDate = requirePresent('endDate', input.endDate);
      requireDateOrder('startDate', plan.startDate, 'endDate', changes.endDate);
    }
    if (input.lbfGrant !== undefined) changes.lbfGrant = requireNonNegative('lbfGrant', requirePresent('lbfGrant', input.lbfGrant));
    if (input.localCofinancing !== undefined) {
      changes.localCofinancing = requireNonNegative('localCofinancing', requirePresent('localCofinancing', input.localCofinancing));
    }
    if (input.reportingIntervalDays !== undefined) {
      changes.reportingIntervalDays = requireIntRange(
        'reportingIntervalDays',
        requirePresent('reportingIntervalDays', input.reportingIntervalDays),
        1,
        3650,
      );
    }
    if (input.areaSecretariatId !== undefined) {
      // Attaching a plan to a secretariat widens who may read it: that is LBF's decision (LBF_FIELDS).
      changes.areaSecretariatId = input.areaSecretariatId
        ? requireUuid(input.areaSecretariatId, 'AreaSecretariat', 'areaSecretariatId')
        : null;
    }
    return this.dataSource.transaction(async (m) => {
      if (changes.areaSecretariatId) {
        await this.requireExists(m, AreaSecretariatEntity, changes.areaSecretariatId, 'AreaSecretariat', 'areaSecretariatId');
      }
      // The update locks the plan row first: an activity moved at the same time waits for it (its
      // dates are checked against the locked row: activities/activity-dates.ts), or committed already.
      await m.update(PlanEntity, { id: plan.id }, changes);
      if (changes.endDate !== undefined) await this.requireActivitiesEndBy(m, plan.id, changes.endDate);
      const updated = await m.findOneByOrFail(PlanEntity, { id: plan.id });
      await this.audit.recordChanges(m, auth, { operation: 'updatePlan', entity: 'Plan', entityId: plan.id, planId: plan.id }, plan, updated);
      return updated;
    });
  }

  /**
   * An activity's dates lie within its plan's (docs/api.md), so a plan is not shortened past a running
   * activity: its dates move first. Cancelled activities do not hold a plan back.
   */
  private async requireActivitiesEndBy(m: EntityManager, planId: string, endDate: string): Promise<void> {
    const [beyond]: { title: string; end_date: string }[] = await m.query(
      `SELECT title, end_date::text AS end_date FROM activities
        WHERE plan_id = $1 AND status <> 'CANCELLED' AND end_date > $2::date
        ORDER BY end_date DESC, created_at, id LIMIT 1`,
      [planId, endDate],
    );
    if (beyond) {
      throw new BadInputError('endDate', `${endDate} is before the end ${beyond.end_date} of the activity "${beyond.title}": move its dates first`);
    }
  }

  private async requireExists(m: EntityManager, entity: new () => unknown, id: string, type: string, field: string) {
    if (!(await m.existsBy(entity as never, { id } as never))) throw new NotFoundError(type, id, field);
  }
}
