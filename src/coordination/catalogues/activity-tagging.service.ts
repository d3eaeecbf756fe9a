import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '../../common/errors.js';
import type { ActivityTagging } from './activity-tagging.js';

/**
 * The catalogue side of createActivity and updateActivity, inside their transaction: the named
 * catalogue rows exist, and an activity's target groups are replaced as a whole. Statements are
 * spent only on the fields a call names.
 */
@Injectable()
export class ActivityTaggingService {
  /** NOT_FOUND naming `activityTypeId` or `targetGroupIds` for a row that is not in its catalogue. */
  async requireCatalogueRows(m: EntityManager, tagging: ActivityTagging): Promise<void> {
    if (tagging.activityTypeId) {
      const [found] = await m.query(`SELECT 1 FROM activity_types WHERE id = $1`, [tagging.activityTypeId]);
      if (!found) throw new NotFoundError('ActivityType', tagging.activityTypeId, 'activityTypeId');
    }
    if (tagging.targetGroupIds?.length) {
      const rows: { id: string }[] = await m.query(`SELECT id FROM target_groups WHERE id = ANY($1::uuid[])`, [tagging.targetGroupIds]);
      const found = new Set(rows.map((r) => r.id));
      const missing = tagging.targetGroupIds.find((id) => !found.has(id));
      if (missing) throw new NotFoundError('TargetGroup', missing, 'targetGroupIds');
    }
  }

  /**
   * Replaces the activity's target groups with `ids` and returns the sets before and after, sorted,
   * for the audit row; a new activity has none before.
   */
  async replaceTargetGroups(
    m: EntityManager,
    activity: { id: string; planId: string },
    ids: string[],
    { isNew = false } = {},
  ): Promise<{ before: string[]; after: string[] }> {
    let before: string[] = [];
    if (!isNew) {
      // TypeORM answers a DELETE with [rows, count].
      const [deleted] = (await m.query(`DELETE FROM activity_target_groups WHERE activity_id = $1 RETURNING target_group_id`, [
        activity.id,
      ])) as [{ target_group_id: string }[], number];
      before = deleted.map((r) => r.target_group_id).sort();
    }
    if (ids.length) {
      await m.query(
        `INSERT INTO activity_target_groups (activity_id, target_group_id, plan_id) SELECT $1, unnest($2::uuid[]), $3`,
        [activity.id, ids, activity.planId],
      );
    }
    return { before, after: [...ids].sort() };
  }
}
