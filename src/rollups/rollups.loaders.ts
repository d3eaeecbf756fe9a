import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { todayUtc } from '../common/clock.js';
import type { RequestLoaders } from '../graphql/request-loaders.js';
import {
  type ActivityFigures,
  type GoalRollupFigures,
  type IndicatorFigures,
  type PlanRollupFigures,
  RollupsRepository,
} from './rollups.repository.js';

/**
 * Every roll-up field of a request batches into one aggregate statement per kind, whatever the
 * number of plans, goals or activities on the page. "Today" is fixed once per request.
 */
@Injectable()
export class RollupsLoaders {
  constructor(private readonly rollups: RollupsRepository) {}

  activityFigures(loaders: RequestLoaders) {
    const today = todayUtc();
    return loaders.get(
      'rollups.activity',
      () => new DataLoader<string, ActivityFigures>(async (ids) => this.inOrder(ids, await this.rollups.activityFigures([...ids], today))),
    );
  }

  indicatorFigures(loaders: RequestLoaders) {
    const today = todayUtc();
    return loaders.get(
      'rollups.indicator',
      () => new DataLoader<string, IndicatorFigures>(async (ids) => this.inOrder(ids, await this.rollups.indicatorFigures([...ids], today))),
    );
  }

  goalRollup(loaders: RequestLoaders) {
    const today = todayUtc();
    return loaders.get(
      'rollups.goal',
      () => new DataLoader<string, GoalRollupFigures>(async (ids) => this.inOrder(ids, await this.rollups.goalRollups([...ids], today))),
    );
  }

  planRollup(loaders: RequestLoaders) {
    const today = todayUtc();
    return loaders.get(
      'rollups.plan',
      () => new DataLoader<string, PlanRollupFigures>(async (ids) => this.inOrder(ids, await this.rollups.planRollups([...ids], today))),
    );
  }

  private inOrder<T>(ids: readonly string[], figures: Map<string, T>): (T | Error)[] {
    return ids.map((id) => figures.get(id) ?? new Error(`no roll-up for ${id}`));
  }
}
