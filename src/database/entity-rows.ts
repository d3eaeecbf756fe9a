import type { DataSource, EntityTarget, ValueTransformer } from 'typeorm';
import { prepared } from './prepared-statements.js';
import { readRows } from './read-rows.js';

/**
 * The hottest reads of an entity (a plan page's plan, goals, indicators and activities) as fixed
 * statements: `SELECT <every column> FROM <table> WHERE …`, mapped to the entity's properties with
 * the entity's own column transformers (what TypeORM's `find` returns) without building the query on
 * every call, and read without a query runner (read-rows.ts; bench/analysis.md: W1). The texts never
 * vary, so a real server keeps them prepared.
 */
export class EntityRows<T> {
  private readonly columns: { property: string; transformers: ValueTransformer[] }[];
  private readonly selectFrom: string;

  constructor(
    private readonly dataSource: DataSource,
    entity: EntityTarget<T>,
  ) {
    const meta = dataSource.getMetadata(entity);
    this.columns = meta.columns.map((c) => ({
      property: c.propertyName,
      transformers: c.transformer === undefined ? [] : Array.isArray(c.transformer) ? c.transformer : [c.transformer],
    }));
    const list = meta.columns.map((c) => `t."${c.databaseName}" AS "${c.propertyName}"`).join(', ');
    this.selectFrom = `SELECT ${list} FROM "${meta.tableName}" t`;
  }

  /**
   * A statement of this entity's rows: `condition` and `orderBy` are SQL on alias t with `$n`
   * parameters (constants of the caller, never input); `name` names the prepared statement.
   */
  private statement(name: string, condition: string, orderBy: string): (params: unknown[]) => Promise<T[]> {
    const text = prepared(name, `${this.selectFrom} WHERE ${condition} ORDER BY ${orderBy}`);
    return async (params) => {
      const rows = await readRows<Record<string, unknown>>(this.dataSource, text, params);
      for (const row of rows) {
        for (const { property, transformers } of this.columns) {
          for (const transformer of transformers) row[property] = transformer.from(row[property]);
        }
      }
      return rows as T[];
    };
  }

  /**
   * The rows whose uuid `column` is one of `ids`, for a DataLoader. One id (a plan page's usual
   * batch) goes as `= $1`, for which PostgreSQL settles on a generic plan and stops planning;
   * several go as `= ANY($1)`, planned each time for their number.
   */
  byIds(name: string, column: string, orderBy: string): (ids: readonly string[]) => Promise<T[]> {
    const one = this.statement(`${name}_one`, `t.${column} = $1::uuid`, orderBy);
    const many = this.statement(`${name}_many`, `t.${column} = ANY($1::uuid[])`, orderBy);
    return (ids) => (ids.length === 1 ? one([ids[0]]) : many([[...ids]]));
  }
}
