import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { EntityRows } from '../../database/entity-rows.js';
import { groupBy, type RequestLoaders } from '../../graphql/request-loaders.js';
import { CoordinationNoteEntity } from './coordination-note.entity.js';

@Injectable()
export class CoordinationNotesLoaders {
  private readonly byPlan: (planIds: readonly string[]) => Promise<CoordinationNoteEntity[]>;

  constructor(dataSource: DataSource) {
    this.byPlan = new EntityRows(dataSource, CoordinationNoteEntity).byIds('coordination_notes_by_plan', 'plan_id', 't.created_at DESC, t.id DESC');
  }

  /** Newest first, for every plan a request shows in one statement. The plan was scope-checked when it was read. */
  notesByPlan(loaders: RequestLoaders) {
    return loaders.get(
      'coordinationNotesByPlan',
      () => new DataLoader<string, CoordinationNoteEntity[]>(async (planIds) => groupBy(planIds, await this.byPlan(planIds), (n) => n.planId)),
    );
  }
}
