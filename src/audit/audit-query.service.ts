import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { Role } from '../common/enums.js';
import { NotFoundError } from '../common/errors.js';
import { isUuid } from '../common/validate.js';
import { decodeCursor, encodeCursor, requirePageSize } from '../graphql/cursor.js';
import { AuditEventEntity } from './audit-event.entity.js';
import type { AuditFilter } from './dto/audit-filter.input.js';

export interface AuditPage {
  totalCount: number;
  edges: { cursor: string; node: AuditEventEntity }[];
  hasNextPage: boolean;
}

/** Reading the trail: ADMIN and LBF everything, a project secretariat its own plan's events. */
@Injectable()
export class AuditQueryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async auditEvents(auth: AuthUser, filter: AuditFilter | null | undefined, first: number, after?: string | null): Promise<AuditPage> {
    this.access.requireRole(auth, [Role.ADMIN, Role.LBF, Role.PROJECT_SECRETARIAT], 'read the audit trail');
    requirePageSize(first);
    const qb = this.dataSource.manager.createQueryBuilder(AuditEventEntity, 'e');
    if (auth.role === Role.PROJECT_SECRETARIAT) {
      if (filter?.planId && filter.planId.toLowerCase() !== auth.planId) throw new NotFoundError('Plan', filter.planId, 'filter.planId');
      qb.where('e.plan_id = :ownPlan', { ownPlan: auth.planId });
    }
    const empty: AuditPage = { totalCount: 0, edges: [], hasNextPage: false };
    if (filter?.planId) {
      if (!isUuid(filter.planId)) return empty;
      qb.andWhere('e.plan_id = :planId', { planId: filter.planId.toLowerCase() });
    }
    if (filter?.actorId) {
      if (!isUuid(filter.actorId)) return empty;
      qb.andWhere('e.actor_id = :actorId', { actorId: filter.actorId.toLowerCase() });
    }
    // Entity names are GraphQL type names and entity ids uuids (or two joined by ':'): anything else matches nothing.
    if (filter?.entity) {
      if (!/^[A-Za-z]{1,64}$/.test(filter.entity)) return empty;
      qb.andWhere('e.entity = :entity', { entity: filter.entity });
    }
    if (filter?.entityId) {
      if (!/^[0-9a-fA-F:-]{1,80}$/.test(filter.entityId)) return empty;
      qb.andWhere('e.entity_id = :entityId', { entityId: filter.entityId.toLowerCase() });
    }
    if (filter?.since) qb.andWhere('e.at >= :since', { since: filter.since });

    const totalCount = await qb.clone().getCount();
    if (after) {
      const [id] = decodeCursor('after', after, 1);
      if (!/^\d+$/.test(id)) decodeCursor('after', '', 1);
      qb.andWhere('e.id < :afterId', { afterId: id });
    }
    const rows = await qb.orderBy('e.id', 'DESC').take(first + 1).getMany();
    const page = rows.slice(0, first);
    return {
      totalCount,
      edges: page.map((node) => ({ cursor: encodeCursor([String(node.id)]), node })),
      hasNextPage: rows.length > first,
    };
  }
}
