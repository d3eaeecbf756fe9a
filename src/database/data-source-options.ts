import { Logger } from '@nestjs/common';
import pg from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { migrations } from '../../migrations/index.js';
import { entities } from './entities.js';
import { resilientClient } from './resilient-client.js';
import { CountingLogger } from './sql-statement-counter.js';

// `date` stays the YYYY-MM-DD string it is in SQL; a JS Date would shift it by the local offset.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);

export interface DatabaseTarget {
  url: string;
  /** The embedded engine serialises everything through one session: a pool of one. */
  embedded: boolean;
  poolSize?: number;
  /** Named prepared statements for the texts of prepared-statements.ts (real server; default on). */
  preparedStatements?: boolean;
  logSql?: boolean;
  /**
   * Server and client timeouts for a real server (default on). Off for migrations, which may run
   * long statements (src/database/migrate.ts; the TypeORM CLI should pass `false` too).
   */
  timeouts?: boolean;
}

/**
 * How long the database may take before a request fails instead of hanging. Requests take
 * milliseconds; the slowest legitimate query (a national roll-up over thousands of plans) about a
 * second. See docs/operations.md, "When the database goes away".
 */
export const DB_TIMEOUTS = {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: 2_000,
  /** The server cancels a statement that runs longer (SQLSTATE 57014). */
  statementMs: 8_000,
  /** The server ends a session left idle inside a transaction (a leaked transaction holds locks). */
  idleInTransactionMs: 30_000,
  /** The client drops a connection on which a query got no answer at all (a frozen or unreachable server). */
  queryDeadlineMs: 10_000,
  /** TCP keepalive probes start after this much silence, so a dead peer is noticed while idle. */
  keepAliveDelayMs: 10_000,
} as const;

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
    // node-postgres pools emit 'error' when an idle connection dies (the server restarted or went
    // away); without a listener that would crash the process. TypeORM always attaches one; this one
    // says in one line what happened. The pool drops the connection itself. (A connection that dies
    // between the pool and TypeORM is covered by src/database/resilient-client.ts.)
    poolErrorHandler: (error: Error) => new Logger('database').warn(`an idle connection failed and was dropped: ${error.message}`),
    extra: {
      max: target.embedded ? 1 : (target.poolSize ?? 10),
      // Fail fast while the database is away instead of queueing requests forever.
      connectionTimeoutMillis: DB_TIMEOUTS.connectMs,
      idleTimeoutMillis: 30000,
      application_name: 'planspor',
      // The embedded engine runs in this process and has one shared session: no startup options, and
      // dropping its only connection mid-transaction would leave the session inside the transaction.
      ...(target.embedded
        ? { Client: resilientClient() }
        : realServerOptions(target.timeouts ?? true, target.preparedStatements ?? true)),
    },
  };
}

/**
 * The same data source without statement timeouts or query deadlines, for migrations, whose
 * statements (an index on a large table) may legitimately run for minutes. Two connections: the
 * advisory lock's and the migrations'.
 */
export function withoutTimeouts(options: DataSourceOptions): DataSourceOptions {
  const extra = (options.extra ?? {}) as Record<string, unknown>;
  if (!('options' in extra)) return options; // the embedded engine: nothing to lift
  return { ...options, extra: { ...extra, max: 2, ...realServerOptions(false, false) } } as DataSourceOptions;
}

function realServerOptions(timeouts: boolean, prepare: boolean): Record<string, unknown> {
  // The planner overestimates the recursive goal-subtree queries; JIT compilation then costs more
  // than the query (2 s of 3 s at 2,000 plans). PGlite has no JIT.
  const settings = ['-c jit=off'];
  if (timeouts) {
    settings.push(`-c statement_timeout=${DB_TIMEOUTS.statementMs}`);
    settings.push(`-c idle_in_transaction_session_timeout=${DB_TIMEOUTS.idleInTransactionMs}`);
  }
  return {
    options: settings.join(' '),
    keepAlive: true,
    keepAliveInitialDelayMillis: DB_TIMEOUTS.keepAliveDelayMs,
    Client: resilientClient({ prepare, ...(timeouts ? { deadlineMs: DB_TIMEOUTS.queryDeadlineMs } : {}) }),
  };
}
