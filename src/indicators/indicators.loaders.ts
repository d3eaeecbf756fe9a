import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityRows } from '../database/entity-rows.js';
import { DataSource, In } from 'typeorm';
import { rowsById, groupBy, RequestLoaders } from '../graphql/request-loaders.js';
import { IndicatorEntity } from './indicator.entity.js';
import { MeasurementEntity } from './measurement.entity.js';

@Injectable()
export class IndicatorsLoaders {
  private readonly byGoal: (goalIds: readonly string[]) => Promise<IndicatorEntity[]>;

  constructor(private readonly dataSource: DataSource) {
    this.byGoal = new EntityRows(dataSource, IndicatorEntity).byIds('indicators_by_goal', 'goal_id', 't.created_at, t.id');
  }

  indicatorsByGoal(loaders: RequestLoaders) {
    return loaders.get(
      'indicatorsByGoal',
      () =>
        new DataLoader<string, IndicatorEntity[]>(async (goalIds) => {
          const rows = await this.byGoal(goalIds);
          return groupBy(goalIds, rows, (i) => i.goalId);
        }),
    );
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
}
