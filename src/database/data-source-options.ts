import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';
import { CountingLogger } from './sql-statement-counter.js';

// `date` stays the YYYY-MM-DD string it is in SQL; a JS Date would shift it by the local offset.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DatabaseTarget {
  url: string;
  /** The embedded engine serialises everything through one session: a pool of one. */
  embedded: boolean;
  poolSize?: number;
  logSql?: boolean;
}

export function dataSourceOptions(target: DatabaseTarget): DataSourceOptions {
  return {
    type: 'postgres',
    url: target.url,
    entities,
    migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    logging: ['query', 'error', 'warn', 'migration'],
    logger: new CountingLogger(target.logSql ?? false),
    maxQueryExecutionTime: 1000,
    extra: {
      max: target.embedded ? 1 : (target.poolSize ?? 10),
      // Fail fast while the database is away instead of queueing requests forever.
      connectionTimeoutMillis: 2000,
      idleTimeoutMillis: 30000,
      application_name: 'planspor',
      // The planner overestimates the recursive goal-subtree queries; JIT compilation then costs more
      // than the query (2 s of 3 s at 2,000 plans). PGlite has no JIT and no startup options.
      ...(target.embedded ? {} : { options: '-c jit=off' }),
    },
  };
}
