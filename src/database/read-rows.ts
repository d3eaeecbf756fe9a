import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';

/** Same threshold as the data source's `maxQueryExecutionTime`. */
const SLOW_MS = 1000;

/**
 * A read straight through the pool TypeORM holds, for the statements a plan page sends: TypeORM's
 * `query()` creates and releases a query runner around each one, which costs as much client CPU as
 * the driver itself (bench/analysis.md: W1). The statement is still counted (X-SQL-Statements),
 * echoed with LOG_SQL, logged when slow, sent by name when registered in prepared-statements.ts,
 * and bounded by the pool client's deadline (resilient-client.ts); its errors are the driver's,
 * which format-error.ts reads the same way. Outside a transaction only: writes go through TypeORM.
 */
export async function readRows<T>(dataSource: DataSource, text: string, values: unknown[]): Promise<T[]> {
  const { logger } = dataSource;
  logger.logQuery(text, values);
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  // A client of its own rather than pool.query(), which calls the client with a callback: the
  // promise form is the one the resilient client names and bounds (resilient-client.ts). A broken
  // connection marks itself unqueryable, and the pool drops it on release.
  const client = await pool.connect();
  const began = performance.now();
  let result: pg.QueryResult;
  try {
    result = await client.query(text, values);
  } finally {
    client.release();
  }
  const ms = performance.now() - began;
  if (ms > SLOW_MS) logger.logQuerySlow(Math.round(ms), text);
  return result.rows as T[];
}
