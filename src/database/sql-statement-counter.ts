import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger, QueryRunner } from 'typeorm';

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
    if (this.echo) console.log(`[sql] ${query}${parameters?.length ? ` -- ${JSON.stringify(parameters)}` : ''}`);
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.echo) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(time: number, query: string): void {
    console.warn(`[sql slow] ${time} ms: ${query.slice(0, 500)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    console.log(`[migration] ${message}`);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') console.warn(`[typeorm] ${String(message)}`);
  }
}
