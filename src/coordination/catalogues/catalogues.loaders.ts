import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { prepared } from '../../database/prepared-statements.js';
import { readRows } from '../../database/read-rows.js';
import { groupBy, groupedBy, type RequestLoaders } from '../../graphql/request-loaders.js';
import { ImmutableRows } from '../../registry/immutable-rows.js';
import { ActivityTypeEntity } from './activity-type.entity.js';
import type { TargetGroupModel } from './target-group.model.js';

// An activity's target groups, by name: read for the activities of whole plans at once, like links.
const TARGET_GROUPS_COLUMNS = `SELECT atg.activity_id, atg.plan_id, tg.id, tg.name
    FROM activity_target_groups atg
    JOIN target_groups tg ON tg.id = atg.target_group_id`;
const TARGET_GROUPS_BY_PLAN_ONE = prepared(
  'target_groups_by_plan_one',
  `${TARGET_GROUPS_COLUMNS} WHERE atg.plan_id = $1::uuid ORDER BY tg.name, tg.id`,
);
const TARGET_GROUPS_BY_PLAN_MANY = prepared(
  'target_groups_by_plan_many',
  `${TARGET_GROUPS_COLUMNS} WHERE atg.plan_id = ANY($1::uuid[]) ORDER BY tg.name, tg.id`,
);

interface TargetGroupRow {
  activity_id: string;
  plan_id: string;
  id: string;
  name: string;
}

/**
 * Catalogue rows never change once created (the API has no operation that updates or deletes them),
 * so each process keeps the activity types it has read, like pools and municipalities.
 */
@Injectable()
export class CataloguesLoaders {
  private readonly activityTypes: ImmutableRows<ActivityTypeEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.activityTypes = new ImmutableRows(dataSource, ActivityTypeEntity);
  }

  activityType(loaders: RequestLoaders) {
    return loaders.get('activityType', () => this.activityTypes.loader());
  }

  /** One statement for the activities of every plan a request shows. */
  async targetGroupsOfActivity(loaders: RequestLoaders, activity: { id: string; planId: string }): Promise<TargetGroupModel[]> {
    const byActivity = loaders.get(
      'targetGroupsByPlan',
      () =>
        new DataLoader<string, Map<string, TargetGroupModel[]>>(async (planIds) => {
          const rows =
            planIds.length === 1
              ? await readRows<TargetGroupRow>(this.dataSource, TARGET_GROUPS_BY_PLAN_ONE, [planIds[0]])
              : await readRows<TargetGroupRow>(this.dataSource, TARGET_GROUPS_BY_PLAN_MANY, [[...planIds]]);
          return groupBy(planIds, rows, (r) => r.plan_id).map((planRows) => {
            const groups = groupedBy(planRows, (r) => r.activity_id);
            return new Map([...groups].map(([activityId, list]) => [activityId, list.map((r) => ({ id: r.id, name: r.name }))]));
          });
        }),
    );
    return (await byActivity.load(activity.planId)).get(activity.id) ?? [];
  }
}
