import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityRows } from '../database/entity-rows.js';
import { DataSource, In } from 'typeorm';
import { rowsById, groupBy, groupedBy, RequestLoaders } from '../graphql/request-loaders.js';
import { IndicatorRevisionEntity } from './indicator-revision.entity.js';
import { IndicatorEntity } from './indicator.entity.js';
import { MeasurementEntity } from './measurement.entity.js';

@Injectable()
export class IndicatorsLoaders {
  private readonly byPlan: (planIds: readonly string[]) => Promise<IndicatorEntity[]>;

  constructor(private readonly dataSource: DataSource) {
    this.byPlan = new EntityRows(dataSource, IndicatorEntity).byIds('indicators_by_plan', 'plan_id', 't.created_at, t.id');
  }

  /**
   * A goal's indicators, from the indicators of its whole plan: one statement for a plan page's goals,
   * by plan (`= $1` for one plan, which PostgreSQL keeps a generic plan for).
   */
  async indicatorsOfGoal(loaders: RequestLoaders, goal: { id: string; planId: string }): Promise<IndicatorEntity[]> {
    const byGoal = loaders.get(
      'indicatorsByPlan',
      () =>
        new DataLoader<string, Map<string, IndicatorEntity[]>>(async (planIds) => {
          const rows = await this.byPlan(planIds);
          return groupBy(planIds, rows, (i) => i.planId).map((indicators) => groupedBy(indicators, (i) => i.goalId));
        }),
    );
    return (await byGoal.load(goal.planId)).get(goal.id) ?? [];
  }

  /** Oldest first: by measurement date, then by when it was recorded. */
  measurementsByIndicator(loaders: RequestLoaders) {
    return loaders.get(
      'measurementsByIndicator',
      () =>
        new DataLoader<string, MeasurementEntity[]>(async (indicatorIds) => {
          const rows = await this.dataSource.manager.find(MeasurementEntity, {
            where: { indicatorId: In([...indicatorIds]) },
            order: { measuredOn: 'ASC', recordedAt: 'ASC', id: 'ASC' },
          });
          return groupBy(indicatorIds, rows, (m) => m.indicatorId);
        }),
    );
  }

  measurement(loaders: RequestLoaders) {
    return loaders.get(
      'measurement',
      () =>
        rowsById(this.dataSource, MeasurementEntity),
    );
  }

  /** Oldest first. */
  revisionsByIndicator(loaders: RequestLoaders) {
    return loaders.get(
      'revisionsByIndicator',
      () =>
        new DataLoader<string, IndicatorRevisionEntity[]>(async (indicatorIds) => {
          const rows = await this.dataSource.manager.find(IndicatorRevisionEntity, {
            where: { indicatorId: In([...indicatorIds]) },
            order: { at: 'ASC', id: 'ASC' },
          });
          return groupBy(indicatorIds, rows, (r) => r.indicatorId);
        }),
    );
  }
}
