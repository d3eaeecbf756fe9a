import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { PlanScope } from '../../auth/access.service.js';
import { areaPlansCte, readAreaRows } from './area-plans.js';
import type { SharedIndicatorModel } from './shared-indicator.model.js';

/**
 * The shared indicators of docs/coordination.md ("Shared indicators"), for several area secretariats
 * in one statement whatever their number of plans: the indicators of the area's readable plans,
 * grouped by name (trimmed, lower-cased, runs of white space made one space) and unit (trimmed),
 * the groups that span at least two plans. Within a group the indicators go by plan title, then
 * name (plan id, creation and id break ties); the group's name and unit are its first indicator's.
 * The groups go by that name, then unit. `\s` is PostgreSQL's white-space class, and lower() folds
 * case by the database's ctype (C.UTF-8 on both engines, which folds Æ, Ø and Å too).
 */
function sharedIndicatorsSql(scope: PlanScope): string {
  return `WITH
   ${areaPlansCte(scope)},
   area_indicators AS (
     SELECT i.id, i.plan_id, ap.title AS plan_title, ap.area_secretariat_id, i.name, i.unit, i.created_at,
            lower(regexp_replace(regexp_replace(i.name, '^\\s+|\\s+$', '', 'g'), '\\s+', ' ', 'g')) AS name_key,
            regexp_replace(i.unit, '^\\s+|\\s+$', '', 'g') AS unit_key
     FROM indicators i
     JOIN area_plans ap ON ap.id = i.plan_id
   ),
   shared AS (
     SELECT area_secretariat_id, name_key, unit_key,
            array_agg(id ORDER BY plan_title, name, plan_id, created_at, id) AS indicator_ids,
            (array_agg(name ORDER BY plan_title, name, plan_id, created_at, id))[1] AS name,
            (array_agg(unit ORDER BY plan_title, name, plan_id, created_at, id))[1] AS unit
     FROM area_indicators
     GROUP BY area_secretariat_id, name_key, unit_key
     HAVING count(DISTINCT plan_id) >= 2
   )
   SELECT area_secretariat_id, name, unit, indicator_ids
   FROM shared
   ORDER BY area_secretariat_id, name, unit, name_key, unit_key`;
}

export type AreaSharedIndicator = SharedIndicatorModel & { areaSecretariatId: string };

@Injectable()
export class SharedIndicatorsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sharedIndicators(secretariatIds: readonly string[], scope: PlanScope): Promise<AreaSharedIndicator[]> {
    const rows = await readAreaRows<{ area_secretariat_id: string; name: string; unit: string; indicator_ids: string[] }>(
      this.dataSource,
      'area_shared_indicators',
      sharedIndicatorsSql(scope),
      scope,
      secretariatIds,
    );
    return rows.map((r) => ({ areaSecretariatId: r.area_secretariat_id, name: r.name, unit: r.unit, indicatorIds: r.indicator_ids }));
  }
}
