import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { EntityRows } from '../database/entity-rows.js';
import { prepared } from '../database/prepared-statements.js';
import { readRows } from '../database/read-rows.js';
import { DataSource } from 'typeorm';
import { rowsById, groupBy, groupedBy, RequestLoaders } from '../graphql/request-loaders.js';
import { ActivityGoalLinkModel } from './activity-goal-link.model.js';
import { ActivityEntity } from './activity.entity.js';

/**
 * share = weight / the sum of the weights of all links of the same activity (alias `l`), computed in
 * SQL. The weights are doubles, whose sum depends on its order: they are added in the order of their
 * goals' ids, so every statement that shows a share (this file's, the plan page's) gets the same one.
 */
export function linkShareSql(l: string): string {
  return `${l}.weight / sum(${l}.weight) OVER (PARTITION BY ${l}.activity_id ORDER BY ${l}.goal_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;
}

// A link's plan is its activity's and its goal's (the app links only within a plan), so the links of
// whole plans carry every weight their shares need.
const LINKS_COLUMNS = `SELECT l.activity_id, l.goal_id, l.plan_id, l.weight, l.rationale,
         ${linkShareSql('l')} AS share
    FROM activity_goal_links l`;
const LINKS_BY_PLAN_ONE = prepared('links_by_plan_one', `${LINKS_COLUMNS} WHERE l.plan_id = $1::uuid ORDER BY l.created_at, l.goal_id`);
const LINKS_BY_PLAN_MANY = prepared('links_by_plan_many', `${LINKS_COLUMNS} WHERE l.plan_id = ANY($1::uuid[]) ORDER BY l.created_at, l.goal_id`);
const LINKS_BY_GOAL = prepared(
  'links_by_goal',
  `${LINKS_COLUMNS}
   WHERE l.activity_id IN (SELECT activity_id FROM activity_goal_links WHERE goal_id = ANY($1::uuid[]))
   ORDER BY l.created_at, l.goal_id`,
);

interface LinkRow {
  activity_id: string;
  goal_id: string;
  plan_id: string;
  weight: number;
  rationale: string | null;
  share: number;
}

function toLinkModel(row: LinkRow): ActivityGoalLinkModel {
  return {
    activityId: row.activity_id,
    goalId: row.goal_id,
    planId: row.plan_id,
    weight: Number(row.weight),
    share: Number(row.share),
    rationale: row.rationale,
  };
}

@Injectable()
export class ActivitiesLoaders {
  private readonly byPlan: (planIds: readonly string[]) => Promise<ActivityEntity[]>;

  constructor(private readonly dataSource: DataSource) {
    this.byPlan = new EntityRows(dataSource, ActivityEntity).byIds('activities_by_plan', 'plan_id', 't.created_at, t.id');
  }

  activitiesByPlan(loaders: RequestLoaders) {
    return loaders.get(
      'activitiesByPlan',
      () =>
        new DataLoader<string, ActivityEntity[]>(async (planIds) => {
          const rows = await this.byPlan(planIds);
          return groupBy(planIds, rows, (a) => a.planId);
        }),
    );
  }

  activity(loaders: RequestLoaders) {
    return loaders.get(
      'activity',
      () =>
        rowsById(this.dataSource, ActivityEntity),
    );
  }

  /**
   * An activity's links, from the links of its whole plan: one statement for a plan page's activities,
   * by plan (`= $1` for one plan, which PostgreSQL keeps a generic plan for).
   */
  async linksOfActivity(loaders: RequestLoaders, activity: { id: string; planId: string }): Promise<ActivityGoalLinkModel[]> {
    const byActivity = loaders.get(
      'linksByPlan',
      () =>
        new DataLoader<string, Map<string, ActivityGoalLinkModel[]>>(async (planIds) => {
          const rows =
            planIds.length === 1
              ? await readRows<LinkRow>(this.dataSource, LINKS_BY_PLAN_ONE, [planIds[0]])
              : await readRows<LinkRow>(this.dataSource, LINKS_BY_PLAN_MANY, [[...planIds]]);
          return groupBy(planIds, rows.map(toLinkModel), (l) => l.planId).map((links) => groupedBy(links, (l) => l.activityId));
        }),
    );
    return (await byActivity.load(activity.planId)).get(activity.id) ?? [];
  }

  /** Links made directly to each goal (not to its descendants). */
  linksByGoal(loaders: RequestLoaders) {
    return loaders.get(
      'linksByGoal',
      () =>
        new DataLoader<string, ActivityGoalLinkModel[]>(async (goalIds) => {
          const rows: LinkRow[] = await readRows<LinkRow>(this.dataSource, LINKS_BY_GOAL, [goalIds]);
          return groupBy(goalIds, rows.map(toLinkModel), (l) => l.goalId);
        }),
    );
  }
}
