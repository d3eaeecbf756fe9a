import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { groupBy, rowsById, type RequestLoaders } from '../../graphql/request-loaders.js';
import { IndicatorEntity } from '../../indicators/indicator.entity.js';
import { type AreaOverlap, OverlapsRepository } from './overlaps.repository.js';
import { type AreaSharedIndicator, SharedIndicatorsRepository } from './shared-indicators.repository.js';

/**
 * An area secretariat's overlaps and shared indicators: one statement each for all the secretariats
 * a request shows, with the caller's scope in the SQL. Whoever reaches an AreaSecretariat (its own,
 * or a plan user through the plan's secretariat) sees only pairs and groups of plans it may read.
 */
@Injectable()
export class AreaCoordinationLoaders {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly overlapsRepository: OverlapsRepository,
    private readonly sharedIndicatorsRepository: SharedIndicatorsRepository,
  ) {}

  overlaps(loaders: RequestLoaders, auth: AuthUser) {
    return loaders.get(
      'areaOverlaps',
      () =>
        new DataLoader<string, AreaOverlap[]>(async (ids) =>
          groupBy(ids, await this.overlapsRepository.overlaps(ids, this.access.planScope(auth, 'p')), (o) => o.areaSecretariatId),
        ),
    );
  }

  sharedIndicators(loaders: RequestLoaders, auth: AuthUser) {
    return loaders.get(
      'areaSharedIndicators',
      () =>
        new DataLoader<string, AreaSharedIndicator[]>(async (ids) =>
          groupBy(ids, await this.sharedIndicatorsRepository.sharedIndicators(ids, this.access.planScope(auth, 'p')), (s) => s.areaSecretariatId),
        ),
    );
  }

  /** The indicators of shared indicators, by id: they come from plans the statement above let through. */
  indicator(loaders: RequestLoaders) {
    return loaders.get('coordinationIndicator', () => rowsById(this.dataSource, IndicatorEntity));
  }
}
