import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ActivitiesLoaders } from '../../activities/activities.loaders.js';
import type { ActivityEntity } from '../../activities/activity.entity.js';
import { AccessService } from '../../auth/access.service.js';
import type { AuthUser } from '../../auth/auth-user.js';
import { EntityRows } from '../../database/entity-rows.js';
import { byKey, groupBy, type RequestLoaders } from '../../graphql/request-loaders.js';
import { IndicatorEntity } from '../../indicators/indicator.entity.js';
import type { ActivityOverlapModel, ActivityRef } from './activity-overlap.model.js';
import { OverlapsRepository } from './overlaps.repository.js';
import { type AreaSharedIndicator, SharedIndicatorsRepository } from './shared-indicators.repository.js';

/**
 * An area secretariat's overlaps and shared indicators: one statement each for all the secretariats
 * a request shows, with the caller's scope in the SQL. Whoever reaches an AreaSecretariat (its own,
 * or a plan user through the plan's secretariat) sees only pairs and groups of plans it may read.
 */
@Injectable()
export class AreaCoordinationLoaders {
  private readonly indicatorsById: (ids: readonly string[]) => Promise<IndicatorEntity[]>;

  constructor(
    dataSource: DataSource,
    private readonly access: AccessService,
    private readonly activityLoaders: ActivitiesLoaders,
    private readonly overlapsRepository: OverlapsRepository,
    private readonly sharedIndicatorsRepository: SharedIndicatorsRepository,
  ) {
    this.indicatorsById = new EntityRows(dataSource, IndicatorEntity).byIds('area_indicators_by_id', 'id', 't.id');
  }

  overlaps(loaders: RequestLoaders, auth: AuthUser) {
    return loaders.get(
      'areaOverlaps',
      () =>
        new DataLoader<string, ActivityOverlapModel[]>(async (ids) => {
          const overlaps = await this.overlapsRepository.overlaps(ids, this.access.planScope(auth, 'p'));
          return ids.map((id) => overlaps.get(id) ?? []);
        }),
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

  /**
   * An activity of an overlap, from the activities of its plan (the statement a page's plan roll-ups
   * read too): the plan comes from the overlaps' statement, so it is one the caller may read.
   */
  async activity(loaders: RequestLoaders, ref: ActivityRef): Promise<ActivityEntity | undefined> {
    const byPlan = loaders.get(
      'areaActivitiesById',
      () =>
        new DataLoader<string, Map<string, ActivityEntity>>(async (planIds) =>
          (await this.activityLoaders.activitiesByPlan(loaders).loadMany(planIds)).map((rows) =>
            rows instanceof Error ? rows : new Map(rows.map((a) => [a.id, a])),
          ),
        ),
    );
    return (await byPlan.load(ref.planId)).get(ref.id);
  }

  /** The indicators of shared indicators, by id: they come from plans the statement above let through. */
  indicator(loaders: RequestLoaders) {
    return loaders.get(
      'coordinationIndicator',
      () => new DataLoader<string, IndicatorEntity | undefined>(async (ids) => byKey(ids, await this.indicatorsById(ids), (i) => i.id)),
    );
  }
}
