import 'reflect-metadata';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import { type AppConfig, generateSecret } from './config/config.js';
import type { DatabaseTarget } from './database/data-source-options.js';
import { EmbeddedPostgres } from './database/embedded-postgres.js';
import { runMigrations } from './database/migrate.js';
import { sqlStatementCounter } from './database/sql-statement-counter.js';
import { loadDemoDataIfEmpty } from './demo/load-demo-data.js';
import { serveExplorer } from './explorer/explorer.js';
import { corsOptions } from './observability/cors.js';
import { createLogger, httpLogger, type Logger as RootLogger } from './observability/logger.js';
import { Metrics, type PoolLike } from './observability/metrics.js';
import { UsersService } from './users/users.service.js';
import { serveWebApp } from './web/web-app.js';

export interface RunningServer {
  app: INestApplication;
  url: string;
  /**
   * Graceful stop: refuse new requests, let those in flight finish (at most `graceMs`, default
   * SHUTDOWN_GRACE_MS), close the HTTP connections, then the app (its connection pool), then the
   * embedded engine. Safe to call more than once.
   */
  stop(graceMs?: number): Promise<void>;
}

/** How long requests in flight may take to finish after a stop begins; main.ts exits at 10 s regardless. */
export const SHUTDOWN_GRACE_MS = 7_000;

export interface ServerOptions {
  /** Use this database instead of DATABASE_URL or the embedded engine (tests). */
  database?: DatabaseTarget;
  /** Nest's levels, mapped onto LOG_LEVEL: without 'log' only warnings (or only errors) are written; false is silent. */
  logger?: false | ('log' | 'error' | 'warn')[];
  /** Where the JSON log goes (default stdout); tests read it. */
  logStream?: DestinationStream;
}

/** The pino level: LOG_LEVEL, narrowed by ServerOptions.logger (the tests keep quiet that way). */
function logLevelOf(config: AppConfig, levels: ServerOptions['logger']): AppConfig['logLevel'] {
  if (levels === false || config.logLevel === 'silent') return 'silent';
  if (levels === undefined || levels.includes('log')) return config.logLevel;
  if (config.logLevel === 'fatal') return 'fatal';
  return levels.includes('warn') && config.logLevel !== 'error' ? 'warn' : 'error';
}

/**
 * Starts Planspor: the database (embedded unless configured), migrations, the bootstrap admin and
 * demo data, then HTTP. Used by main.ts and by the integration tests alike.
 */
export async function startServer(config: AppConfig, options: ServerOptions = {}): Promise<RunningServer> {
  const logger = new Logger('Planspor');
  const log: RootLogger = createLogger(logLevelOf(config, options.logger), options.logStream);
  let embedded: EmbeddedPostgres | undefined;
  let database = options.database;
  if (!database) {
    if (config.databaseUrl) {
      database = {
        url: config.databaseUrl,
        embedded: false,
        poolSize: config.dbPoolSize,
        preparedStatements: config.dbPreparedStatements,
        logSql: config.logSql,
      };
    } else {
      embedded = await EmbeddedPostgres.start(config.dataDir);
      database = { url: embedded.url, embedded: true, logSql: config.logSql };
      config = { ...config, jwtSecret: config.jwtSecret ?? keptSecret(config.dataDir) };
      log.info({ context: 'Planspor' }, `Embedded PostgreSQL (PGlite) with data in ${resolve(config.dataDir)}`);
    }
  }
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, database, log), {
      bufferLogs: true,
      bodyParser: false,
      // A failed start rejects (main.ts exits with 1; a test sees the error) instead of Nest's process.exit(1).
      abortOnError: false,
    });
    // Nest's own messages go to the same JSON log (nestjs-pino).
    app.useLogger(app.get(PinoNestLogger));
    app.flushLogs();
    // First of all middleware: the request id and the request's log line, then its metrics
    // (docs/operations.md), so that even a refusal below is logged and counted.
    const metrics = new Metrics(() => poolOf(app.get(DataSource)));
    app.use(httpLogger(log));
    app.use(metrics.middleware);
    // Count requests in flight, and refuse new ones once stopping.
    const drain = new Drain();
    app.use(drain.middleware);
    // CORS only for the origins in CORS_ORIGINS; without them no cross-origin browser may read an answer.
    const cors = corsOptions(config.corsOrigins);
    if (cors) app.enableCors(cors);
    app.use('/metrics', metrics.handler(config.metricsToken));
    if (config.production && !config.metricsToken) logger.warn('METRICS_TOKEN is not set: GET /metrics answers anyone who can reach it');
    // Behind a reverse proxy, which hops may set X-Forwarded-For (req.ip, the login throttle's address).
    app.set('trust proxy', config.trustProxy);
    // No ETag made by hashing every body res.send() writes: an API answer is never revalidated, and the
    // plan page's hash cost 2 % of its CPU. Static files keep theirs (serve-static), index.html its own.
    app.set('etag', false);
    app.useBodyParser('json', { limit: config.bodyLimitBytes });
    // Outside production, GET /graphql from a browser opens the GraphQL explorer (GraphiQL).
    serveExplorer(app, config.production, logger);
    // The browser app (web/) at / and its routes; the API's paths are untouched.
    serveWebApp(app, config.webDir, logger);
    // The per-request SQL statement count (X-SQL-Statements) is for tests and benchmarks; in production
    // nobody reads it, and the async context it needs costs about 1 ms on a plan page.
    if (!config.production) {
      app.use((_req: Request, _res: Response, next: NextFunction) => sqlStatementCounter.run({ statements: 0 }, next));
    }
    // No app.enableShutdownHooks(): main.ts owns the signals and runs stop() below, which drains HTTP
    // before app.close() destroys the pool. Nest's own handler would close the pool under requests in flight.
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
      stop: (graceMs = SHUTDOWN_GRACE_MS) =>
        (stopped ??= (async () => {
          await drain.drain(app.getHttpServer() as Server, graceMs, logger);
          await app.close(); // Nest's shutdown hooks, then TypeORM closes the pool
          logger.log('Stopping: HTTP and database connections closed');
          if (embedded) {
            await embedded.stop(); // the socket server, then PGlite, then the lock file
            logger.log('Stopping: embedded engine stopped, lock released');
          }
        })()),
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Graceful HTTP shutdown. Once draining: the listening socket is closed (new connections are
 * refused), a request arriving on a kept-alive connection gets 503 SERVICE_UNAVAILABLE with
 * `Connection: close`, responses still in flight go out with `Connection: close`, idle keep-alive
 * connections are closed at once, and whatever is still open after the grace period is cut.
 */
class Drain {
  private draining = false;
  private readonly inFlight = new Set<ServerResponse>();
  private idle?: () => void;

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '5');
      res.status(503).json({
        errors: [{ message: 'The server is shutting down; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      return;
    }
    this.inFlight.add(res);
    res.once('close', () => {
      this.inFlight.delete(res);
      if (this.inFlight.size === 0) this.idle?.();
    });
    next();
  };

  async drain(server: Server, graceMs: number, logger: Logger): Promise<void> {
    this.draining = true;
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.close(); // stop listening; Node also closes the idle keep-alive connections
    server.closeIdleConnections();
    logger.log(`Stopping: no new connections; ${this.inFlight.size} request(s) in flight`);
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.idle = resolve;
        timer = setTimeout(resolve, graceMs);
      });
      clearTimeout(timer);
      if (this.inFlight.size > 0) logger.warn(`Stopping: ${this.inFlight.size} request(s) still running after ${graceMs} ms are cut off`);
    }
    server.closeAllConnections();
  }
}

/** The pg Pool behind TypeORM's PostgreSQL driver, for the pool metrics. */
function poolOf(dataSource: DataSource): PoolLike | undefined {
  return dataSource.isInitialized ? ((dataSource.driver as unknown as { master?: PoolLike }).master ?? undefined) : undefined;
}

/** The embedded default keeps a generated signing key in its data folder, so tokens survive restarts. */
function keptSecret(dataDir: string): string {
  const file = join(resolve(dataDir), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = generateSecret();
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
