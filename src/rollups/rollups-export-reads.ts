import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import { toMoney } from '../database/transformers.js';
import {
  type ActivityFigures,
  planFiguresCtes,
  type PlanRollupFigures,
  type PlanRollupRow,
  toPlanRollupFigures,
} from './plan-figures.repository.js';
import { activityFiguresCte } from './rollup-sql.js';

/**
 * Hooks for the spreadsheet exports (src/spreadsheets/), which write every plan of a portfolio and
 * need only part of planFigures: the same CTEs, so the same figures, without the per-goal and
 * per-indicator JSON (or, for the activities, anything but their own figures). Many plans at once.
 */
const PLAN_ROLLUPS_MANY = prepared(
  'plan_rollups_many',
  `WITH RECURSIVE ${planFiguresCtes((column) => `${column} = ANY($1::uuid[])`, '$2', { details: false })} SELECT * FROM plan_rollups`,
);
const ACTIVITY_FIGURES_MANY = prepared(
  'activity_figures_many',
  `WITH ${activityFiguresCte('a.plan_id = ANY($1::uuid[])', '$2')}
   SELECT id, latest_progress_id, progress, spent::text AS spent, is_stale FROM activity_figures`,
);

/** Export reads of the plan figures (a class of their own keeps the repository's surface as it is). */
@Injectable()
export class RollupsExportReads {
  constructor(private readonly dataSource: DataSource) {}

  /** The roll-up of each plan, as planFigures(…).rollup gives it. */
  async planRollups(planIds: string[], today: string): Promise<Map<string, PlanRollupFigures>> {
    if (planIds.length === 0) return new Map();
    const rows = await readRows<PlanRollupRow>(this.dataSource, PLAN_ROLLUPS_MANY, [planIds, today]);
    return new Map(rows.map((r) => [r.plan_id, toPlanRollupFigures(r)]));
  }

  /** The figures of every activity of the plans, as planFigures(…).activities gives them. */
  async activityFigures(planIds: string[], today: string): Promise<Map<string, ActivityFigures>> {
    if (planIds.length === 0) return new Map();
    const rows = await readRows<{ id: string; latest_progress_id: string | null; progress: number | null; spent: string; is_stale: boolean }>(
      this.dataSource,
      ACTIVITY_FIGURES_MANY,
      [planIds, today],
    );
    return new Map(
      rows.map((r) => [r.id, { activityId: r.id, latestProgressId: r.latest_progress_id, progress: r.progress, spent: toMoney(r.spent), isStale: r.is_stale }]),
    );
  }
}
