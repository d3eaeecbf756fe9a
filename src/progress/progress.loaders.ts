import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { rowsById, groupBy, RequestLoaders } from '../graphql/request-loaders.js';
import { ProgressEntryEntity } from './progress-entry.entity.js';

@Injectable()
export class ProgressLoaders {
  constructor(private readonly dataSource: DataSource) {}

  /** Oldest first: by reported date, then by when it was logged. */
  entriesByActivity(loaders: RequestLoaders) {
    return loaders.get(
      'progressEntriesByActivity',
      () =>
        new DataLoader<string, ProgressEntryEntity[]>(async (activityIds) => {
          const rows = await this.dataSource.manager.find(ProgressEntryEntity, {
            where: { activityId: In([...activityIds]) },
            order: { reportedOn: 'ASC', loggedAt: 'ASC', id: 'ASC' },
          });
          return groupBy(activityIds, rows, (e) => e.activityId);
        }),
    );
  }

  entry(loaders: RequestLoaders) {
    return loaders.get(
      'progressEntry',
      () =>
        rowsById(this.dataSource, ProgressEntryEntity),
    );
  }
}
