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
import { HeavyReadGate } from './heavy-read-gate.js';
import { type PlanAttention, type PortfolioFigures, type PortfolioFilter, PortfolioRepository } from './portfolio.repository.js';

/** A portfolio's figures with the filter (scope included) and day they were computed for. */
export interface ScopedPortfolio {
  figures: PortfolioFigures;
  filter: PortfolioFilter;
  today: string;
}

/**
 * Portfolio roll-ups, with the caller's scope added to the SQL filter. Their statements pass the
 * process's HeavyReadGate (at most half the pool at once, the rest queued, bounded).
 */
@Injectable()
export class RollupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly registry: RegistryService,
    private readonly rollups: PortfolioRepository,
    private readonly gate: HeavyReadGate,
  ) {}

  async nationalRollup(auth: AuthUser, poolId?: string | null): Promise<ScopedPortfolio> {
    this.access.requireRole(auth, [Role.LBF, Role.ADMIN], 'read the national roll-up');
    const filter: PortfolioFilter = {};
    if (poolId) {
      filter.poolId = requireUuid(poolId, 'Pool', 'poolId');
      if (!(await this.dataSource.manager.existsBy(PoolEntity, { id: filter.poolId }))) throw new NotFoundError('Pool', poolId, 'poolId');
    }
    return this.portfolio(filter);
  }

  /** The secretariat's plans that the caller may read: a plan's own users see only their plan in it. */
  async areaSecretariatRollup(auth: AuthUser, areaSecretariatId: string): Promise<ScopedPortfolio> {
    const secretariat = await this.registry.areaSecretariat(auth, areaSecretariatId);
    const filter: PortfolioFilter = { areaSecretariatId: secretariat.id };
    if (auth.role === Role.PROJECT_SECRETARIAT || auth.role === Role.BOARD_MEMBER) filter.planId = auth.planId!;
    return this.portfolio(filter);
  }

  /**
   * The plans of a portfolio this service computed that need attention, with their reasons, by
   * title: its filter already holds the caller's scope.
   */
  attention(portfolio: { filter: PortfolioFilter; today: string }): Promise<PlanAttention[]> {
    return this.gate.run('plansNeedingAttention', () => this.rollups.plansNeedingAttention(portfolio.filter, portfolio.today));
  }

  /** The same plans' ids alone. */
  async plansNeedingAttention(portfolio: { filter: PortfolioFilter; today: string }): Promise<string[]> {
    return (await this.attention(portfolio)).map((p) => p.planId);
  }

  private async portfolio(filter: PortfolioFilter): Promise<ScopedPortfolio> {
    const today = todayUtc();
    const figures = await this.gate.run('the portfolio roll-up', () => this.rollups.portfolioRollup(filter));
    return { figures, filter, today };
  }
}
