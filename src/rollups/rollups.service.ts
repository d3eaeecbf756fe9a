import { Injectable } from '@nestjs/common';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayUtc } from '../common/clock.js';
import { Role } from '../common/enums.js';
import { NotFoundError } from '../common/errors.js';
import { requireUuid } from '../common/validate.js';
import { PoolEntity } from '../registry/pool.entity.js';
import { RegistryService } from '../registry/registry.service.js';
import { DataSource } from 'typeorm';
import type { PortfolioFigures, PortfolioFilter } from './rollups.repository.js';
import { RollupsRepository } from './rollups.repository.js';

/** Portfolio roll-ups, with the caller's scope added to the SQL filter. */
@Injectable()
export class RollupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registry: RegistryService,
    private readonly rollups: RollupsRepository,
  ) {}

  async nationalRollup(auth: AuthUser, poolId?: string | null): Promise<PortfolioFigures> {
    this.access.requireRole(auth, [Role.LBF, Role.ADMIN], 'read the national roll-up');
    const filter: PortfolioFilter = {};
    if (poolId) {
      filter.poolId = requireUuid(poolId, 'Pool', 'poolId');
      if (!(await this.dataSource.manager.existsBy(PoolEntity, { id: filter.poolId }))) throw new NotFoundError('Pool', poolId, 'poolId');
    }
    return this.rollups.portfolioRollup(filter, todayUtc());
  }

  /** The secretariat's plans that the caller may read: a plan's own users see only their plan in it. */
  async areaSecretariatRollup(auth: AuthUser, areaSecretariatId: string): Promise<PortfolioFigures> {
    const secretariat = await this.registry.areaSecretariat(auth, areaSecretariatId);
    const filter: PortfolioFilter = { areaSecretariatId: secretariat.id };
    if (auth.role === Role.PROJECT_SECRETARIAT || auth.role === Role.BOARD_MEMBER) filter.planId = auth.planId!;
    return this.rollups.portfolioRollup(filter, todayUtc());
  }
}
