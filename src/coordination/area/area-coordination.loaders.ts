import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { ActivitiesLoaders } from '../../activities/activities.loaders.js';
import type { ActivityEntity } from '../../activities/activity.entity.js';
import { type ActivityModel, toActivityModel } from '../../activities/activity.model.js';
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
   * The activities of an overlap, from the activities of their plans (the statement a page's plan
   * roll-ups read too): the plans come from the overlaps' statement, so they are ones the caller may
   * read. An activity in several overlaps becomes one model per request.
   */
  async overlapActivities(loaders: RequestLoaders, refs: readonly ActivityRef[]): Promise<ActivityModel[]> {
    const plans = loaders.get(
      'areaPlanActivities',
      () =>
        new DataLoader<string, PlanActivities>(async (planIds) =>
          (await this.activityLoaders.activitiesByPlan(loaders).loadMany(planIds)).map((rows) => (rows instanceof Error ? rows : new PlanActivities(rows))),
        ),
    );
    const found = await plans.loadMany(refs.map((ref) => ref.planId));
    return refs.map((ref, i) => {
      const plan = found[i];
      if (plan instanceof Error) throw plan;
      return plan.model(ref.id);
    });
  }

  /** The indicators of shared indicators, by id: they come from plans the statement above let through. */
  indicator(loaders: RequestLoaders) {
    return loaders.get(
      'coordinationIndicator',
      () => new DataLoader<string, IndicatorEntity | undefined>(async (ids) => byKey(ids, await this.indicatorsById(ids), (i) => i.id)),
    );
  }
}

/** A plan's activities by id, each made a model once. */
class PlanActivities {
  private readonly rows: Map<string, ActivityEntity>;
  private readonly models = new Map<string, ActivityModel>();

  constructor(rows: ActivityEntity[]) {
    this.rows = new Map(rows.map((a) => [a.id, a]));
  }

  model(id: string): ActivityModel {
    let model = this.models.get(id);
    if (!model) {
      const row = this.rows.get(id);
      // Only an activity deleted between the overlaps' statement and its plan's read.
      if (!row) throw new Error('a row named by this request is gone');
      model = toActivityModel(row);
      this.models.set(id, model);
    }
    return model;
  }
}
