import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { type AppConfig, generateSecret } from './config/config.js';
import type { DatabaseTarget } from './database/data-source-options.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';
import { sqlStatementCounter } from './database/sql-statement-counter.js';
import { loadDemoDataIfEmpty } from './demo/load-demo-data.js';
import { UsersService } from './users/users.service.js';

export interface RunningServer {
  app: INestApplication;
  url: string;
  stop(): Promise<void>;
}

export interface ServerOptions {
  /** Use this database instead of DATABASE_URL or the embedded engine (tests). */
  database?: DatabaseTarget;
  logger?: false | ('log' | 'error' | 'warn')[];
}

/**
 * Starts Planspor: the database (embedded unless configured), migrations, the bootstrap admin and
 * demo data, then HTTP. Used by main.ts and by the integration tests alike.
 */
export async function startServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = new Logger('Planspor');
  let embedded: EmbeddedPostgres | undefined;
  let database = options.database;
  if (!database) {
    if (config.databaseUrl) {
      database = { url: config.databaseUrl, embedded: false, poolSize: config.dbPoolSize, logSql: config.logSql };
    } else {
      embedded = await EmbeddedPostgres.start(config.dataDir);
      database = { url: embedded.url, embedded: true, logSql: config.logSql };
      config = { ...config, jwtSecret: config.jwtSecret ?? keptSecret(config.dataDir) };
      logger.log(`Embedded PostgreSQL (PGlite) with data in ${resolve(config.dataDir)}`);
    }
  }
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database), {
      logger: options.logger ?? ['log', 'error', 'warn'],
      bodyParser: false,
    });
    app.useBodyParser('json', { limit: config.bodyLimitBytes });
    app.use((_req: Request, _res: Response, next: NextFunction) => sqlStatementCounter.run({ statements: 0 }, next));
    app.enableShutdownHooks();
    const dataSource = app.get(DataSource);
    await runMigrations(dataSource, database.embedded);
    // Demo data first: it only fills an empty database, and the bootstrap admin would make it non-empty.
    if (config.demoData) await loadDemoDataIfEmpty(dataSource, logger);
    if (config.adminEmail && config.adminPassword) await app.get(UsersService).ensureAdmin(config.adminEmail, config.adminPassword);
    await app.listen(config.port, '0.0.0.0');
    const address = app.getHttpServer().address() as { port: number };
    const url = `http://127.0.0.1:${address.port}`;
    let stopped: Promise<void> | undefined;
    return {
      app,
      url,
      stop: () =>
        (stopped ??= (async () => {
          await app.close();
          await embedded?.stop();
        })()),
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** The embedded default keeps a generated signing key in its data folder, so tokens survive restarts. */
function keptSecret(dataDir: string): string {
  const file = join(resolve(dataDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generateSecret();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
