import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlanScope } from '../../auth/access.service.js';
import type { ActivityOverlapModel } from './activity-overlap.model.js';
import { areaPlansCte, readAreaRows } from './area-plans.js';

/**
 * The overlaps of docs/coordination.md ("Overlaps"), for several area secretariats in one
 * statement whatever their number of plans:
 *
 * - `candidates`: one row per target group of each non-cancelled activity with a type, of the area's
 *   readable plans;
 * - `buckets`: the candidates of one secretariat, type and target group, as arrays, where they come
 *   from two plans or more;
 * - `pairs`: two candidates of one bucket in different plans whose periods meet (start ≤ the other's
 *   end, both ways), grouped into one row per pair of activities with the target groups they share,
 *   by name; a pair without a shared group never forms. Each pair comes once, its first activity the
 *   one that comes first by plan title, then title (plan and activity ids break ties of equal titles).
 *
 * overlapStart is the later start, overlapEnd the earlier end, overlapDays end − start + 1 (both
 * counted). Ordered by overlapDays descending, the type's name, the first activity's title; then,
 * only to be deterministic, the plan titles, the second title and the ids. Reads each area's plans
 * (plans_area_secretariat_idx), their activities (activities_plan_idx) and their target groups
 * (activity_target_groups_pkey). The pairs are formed inside each bucket (two unnests of its arrays),
 * so the comparisons are the sum of the buckets' squares whatever join the planner would have chosen:
 * a self-join of the candidates was planned as a nested loop over all of them (the planner expects
 * almost no activity with a type), 540 × 540 comparisons and 65 ms for the benchmark's area of 20
 * plans, where the buckets take 7 ms.
 */
function overlapsSql(scope: PlanScope): string {
  return `WITH
   ${areaPlansCte(scope)},
   candidates AS (
     SELECT ap.area_secretariat_id, a.activity_type_id, atg.target_group_id,
            a.id, a.plan_id, ap.title AS plan_title, a.title, a.start_date, a.end_date
     FROM activities a
     JOIN area_plans ap ON ap.id = a.plan_id
     JOIN activity_target_groups atg ON atg.activity_id = a.id
     WHERE a.status <> 'CANCELLED' AND a.activity_type_id IS NOT NULL
   ),
   buckets AS (
     SELECT area_secretariat_id, activity_type_id, target_group_id,
            array_agg(id) AS ids, array_agg(plan_id) AS plan_ids, array_agg(plan_title) AS plan_titles,
            array_agg(title) AS titles, array_agg(start_date) AS starts, array_agg(end_date) AS ends
     FROM candidates
     GROUP BY area_secretariat_id, activity_type_id, target_group_id
     HAVING count(DISTINCT plan_id) >= 2
   ),
   pairs AS (
     SELECT b.area_secretariat_id, b.activity_type_id,
            x.id AS first_id, x.plan_id AS first_plan_id, x.title AS first_title, x.plan_title AS first_plan_title,
            y.id AS second_id, y.plan_id AS second_plan_id, y.title AS second_title, y.plan_title AS second_plan_title,
            greatest(x.start_date, y.start_date) AS overlap_start,
            least(x.end_date, y.end_date) AS overlap_end,
            json_agg(json_build_object('id', tg.id, 'name', tg.name) ORDER BY tg.name, tg.id) AS target_groups
     FROM buckets b
     CROSS JOIN LATERAL unnest(b.ids, b.plan_ids, b.plan_titles, b.titles, b.starts, b.ends)
       AS x(id, plan_id, plan_title, title, start_date, end_date)
     CROSS JOIN LATERAL unnest(b.ids, b.plan_ids, b.plan_titles, b.titles, b.starts, b.ends)
       AS y(id, plan_id, plan_title, title, start_date, end_date)
     JOIN target_groups tg ON tg.id = b.target_group_id
     WHERE y.plan_id <> x.plan_id
       AND x.start_date <= y.end_date
       AND y.start_date <= x.end_date
       AND (x.plan_title, x.title, x.plan_id, x.id) < (y.plan_title, y.title, y.plan_id, y.id)
     GROUP BY b.area_secretariat_id, b.activity_type_id, x.id, x.plan_id, x.title, x.plan_title, x.start_date, x.end_date,
              y.id, y.plan_id, y.title, y.plan_title, y.start_date, y.end_date
   )
   SELECT pr.area_secretariat_id,
          json_agg(json_build_object(
            'activityType', json_build_object('id', t.id, 'name', t.name),
            'targetGroups', pr.target_groups,
            'overlapStart', pr.overlap_start,
            'overlapEnd', pr.overlap_end,
            'overlapDays', pr.overlap_end - pr.overlap_start + 1,
            'activityRefs', json_build_array(json_build_object('id', pr.first_id, 'planId', pr.first_plan_id),
                                             json_build_object('id', pr.second_id, 'planId', pr.second_plan_id))
          ) ORDER BY pr.overlap_end - pr.overlap_start DESC, t.name, pr.first_title,
                     pr.first_plan_title, pr.second_plan_title, pr.second_title, pr.first_id, pr.second_id) AS overlaps
   FROM pairs pr
   JOIN activity_types t ON t.id = pr.activity_type_id
   GROUP BY pr.area_secretariat_id`;
}

@Injectable()
export class OverlapsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Every overlap of these secretariats among the plans `scope` lets the caller read, in
   * docs/coordination.md's order: one row per secretariat with any, its overlaps already shaped as
   * ActivityOverlapModel (one JSON document to parse rather than a row of columns per overlap).
   */
  async overlaps(secretariatIds: readonly string[], scope: PlanScope): Promise<Map<string, ActivityOverlapModel[]>> {
    const rows = await readAreaRows<{ area_secretariat_id: string; overlaps: ActivityOverlapModel[] }>(
      this.dataSource,
      'area_overlaps',
      overlapsSql(scope),
      scope,
      secretariatIds,
    );
    return new Map(rows.map((r) => [r.area_secretariat_id, r.overlaps]));
  }
}
