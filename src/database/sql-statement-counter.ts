import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger as NestLogger } from '@nestjs/common';
import type { Logger, QueryRunner } from 'typeorm';

/** Through Nest's logger, i.e. the JSON log (docs/operations.md, "Logs"). */
const sqlLog = new NestLogger('database');
const typeormLog = new NestLogger('typeorm');

/**
 * Counts the SQL statements one request sends: the proof that nested fields are batched.
 * The count rides on the request's async context, so concurrent requests do not mix.
 */
export const sqlStatementCounter = new AsyncLocalStorage<{ statements: number }>();

export class CountingLogger implements Logger {
  constructor(private readonly echo: boolean) {}

  logQuery(query: string, parameters?: unknown[], _queryRunner?: QueryRunner): void {
    const store = sqlStatementCounter.getStore();
    if (store) store.statements++;
    if (this.echo) sqlLog.log(`[sql] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) sqlLog.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(time: number, query: string): void {
    sqlLog.warn(`[sql slow] ${time} ms: ${query.slice(0, 500)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    typeormLog.log(`[migration] ${message}`);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') typeormLog.warn(`[typeorm] ${String(message)}`);
  }
}
