import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import { AccessService } from '../../auth/access.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { isUniqueViolation } from '../../common/database-errors.js';
import { Role } from '../../common/enums.js';
import { ConflictError } from '../../common/errors.js';
import { catalogueName } from './activity-tagging.js';
import { ActivityTypeEntity } from './activity-type.entity.js';
import type { CreateNamedInput } from './dto/create-named.input.js';
import { TargetGroupEntity } from './target-group.entity.js';

const CATALOGUE_EDITORS = [Role.ADMIN, Role.LBF];

type Catalogue = typeof ActivityTypeEntity | typeof TargetGroupEntity;

/** The national catalogues of activity types and target groups: read by everyone, extended by LBF. */
@Injectable()
export class CataloguesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** By name (the database's collation), then id. */
  activityTypes(): Promise<ActivityTypeEntity[]> {
    return this.dataSource.manager.find(ActivityTypeEntity, { order: { name: 'ASC', id: 'ASC' } });
  }

  targetGroups(): Promise<TargetGroupEntity[]> {
    return this.dataSource.manager.find(TargetGroupEntity, { order: { name: 'ASC', id: 'ASC' } });
  }

  createActivityType(auth: AuthUser, input: CreateNamedInput): Promise<ActivityTypeEntity> {
    return this.create(auth, ActivityTypeEntity, input, { operation: 'createActivityType', entity: 'ActivityType', what: 'activity type' });
  }

  createTargetGroup(auth: AuthUser, input: CreateNamedInput): Promise<TargetGroupEntity> {
    return this.create(auth, TargetGroupEntity, input, { operation: 'createTargetGroup', entity: 'TargetGroup', what: 'target group' });
  }

  /** A name already in the catalogue, ignoring case, is CONFLICT (the unique index on lower(name) decides). */
  private async create<T extends Catalogue>(
    auth: AuthUser,
    target: T,
    input: CreateNamedInput,
    describe: { operation: string; entity: string; what: string },
  ): Promise<InstanceType<T>> {
    this.access.requireRole(auth, CATALOGUE_EDITORS, `extend the ${describe.what} catalogue`);
    const name = catalogueName(input.name);
    try {
      return await this.dataSource.transaction(async (m) => {
        const row = (await m.save(m.create(target, { name, createdBy: auth.id }))) as InstanceType<T>;
        await this.audit.record(m, auth, { operation: describe.operation, entity: describe.entity, entityId: row.id, planId: null, after: row });
        return row;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError(`name: the ${describe.what} catalogue already has "${name}" (names are compared ignoring case)`);
      throw error;
    }
  }
}
