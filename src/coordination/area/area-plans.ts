import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PlanScope } from '../../auth/access.service.js';
import { preparedVariant } from '../../database/prepared-statements.js';
import { readRows } from '../../database/read-rows.js';

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

/**
 * Runs a statement built on areaPlansCte for these secretariats: its TypeORM-style `:name`
 * parameters (planScope's among them) become `$n` ones. The text varies only with the caller's role,
 * so each variant is registered as a prepared statement (`name`_0, _1, …): a real server then parses
 * it once per connection (about 1.5 ms of the overlaps' 10 ms on the benchmark's area). PostgreSQL
 * still plans it for each call's parameters (custom plans), the buckets keeping that plan's cost
 * to the buckets' own.
 */
export function readAreaRows<T>(dataSource: DataSource, name: string, sql: string, scope: PlanScope, secretariatIds: readonly string[]): Promise<T[]> {
  const [text, params] = (dataSource.driver as PostgresDriver).escapeQueryWithParameters(sql, {
    ...scope.params,
    secretariatIds: [...secretariatIds],
  });
  return readRows<T>(dataSource, preparedVariant(name, text), params);
}
