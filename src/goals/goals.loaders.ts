import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityRows } from '../database/entity-rows.js';
import { DataSource } from 'typeorm';
import { groupBy, RequestLoaders } from '../graphql/request-loaders.js';
import { GoalEntity } from './goal.entity.js';
import { rootsFirst } from './goal-tree.js';

@Injectable()
export class GoalsLoaders {
  private readonly byPlan: (planIds: readonly string[]) => Promise<GoalEntity[]>;

  constructor(dataSource: DataSource) {
    this.byPlan = new EntityRows(dataSource, GoalEntity).byIds('goals_by_plan', 'plan_id', 't.created_at, t.id');
  }

  /** Every goal of each plan, roots first: also the source of children, parents and paths. */
  goalsByPlan(loaders: RequestLoaders) {
    return loaders.get(
      'goalsByPlan',
      () =>
        new DataLoader<string, GoalEntity[]>(async (planIds) => {
          const rows = await this.byPlan(planIds);
          return groupBy(planIds, rows, (g) => g.planId).map(rootsFirst);
        }),
    );
  }

  /**
   * Goals by id within a plan whose goals are loaded anyway: no query beyond goalsByPlan, and one map
   * per plan and request (a plan page asks once per link and per goal's parent).
   */
  goalsById(loaders: RequestLoaders, planId: string): Promise<Map<string, GoalEntity>> {
    const maps = loaders.get('goalsById', () => new DataLoader<string, Map<string, GoalEntity>>(async (planIds) => {
      const goals = await this.goalsByPlan(loaders).loadMany(planIds);
      return goals.map((g) => (g instanceof Error ? g : new Map(g.map((goal) => [goal.id, goal]))));
    }));
    return maps.load(planId);
  }
}
