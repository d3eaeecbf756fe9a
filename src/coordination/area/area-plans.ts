import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PlanScope } from '../../auth/access.service.js';

/**
 * `area_plans`: the plans attached to the area secretariats `:secretariatIds` that the caller may
 * read, with the caller's scope (AccessService.planScope on alias p) in the SQL. Everything the area
 * statements compare comes from these plans only, so a pair or a group that involves a plan outside
 * the caller's scope never forms, and is not even counted.
 */
export function areaPlansCte(scope: PlanScope): string {
  return `area_plans AS (
     SELECT p.id, p.title, p.area_secretariat_id
     FROM plans p
     WHERE p.area_secretariat_id = ANY(:secretariatIds::uuid[]) AND (${scope.where})
   )`;
}

/** A statement with TypeORM-style `:name` parameters (those of planScope among them) as `$n` ones. */
export function positional(dataSource: DataSource, sql: string, params: Record<string, unknown>): [string, unknown[]] {
  return (dataSource.driver as PostgresDriver).escapeQueryWithParameters(sql, params);
}
