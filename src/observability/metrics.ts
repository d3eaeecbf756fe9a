import { createHash, timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { graphqlFactsOf } from './request-facts.js';

/** What the pool gauges read (pg's Pool has exactly these). */
export interface PoolLike {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/**
 * Operation names are the client's choice: past this many distinct ones, further names are counted as
 * `other`, so a client inventing names cannot grow the metrics without bound.
 */
export const MAX_OPERATION_LABELS = 200;

/** The paths the histogram tells apart; every other path counts as `other`. */
function routeOf(path: string): string {
  if (path === '/graphql') return 'graphql';
  if (path === '/health') return 'health';
  if (path === '/metrics') return 'metrics';
  if (path.startsWith('/spreadsheets') || path.startsWith('/exports') || path.startsWith('/imports')) return 'spreadsheets';
  return 'other';
}

/**
 * Planspor's Prometheus metrics, one registry per app (docs/operations.md, "Metrics"):
 * request durations by route and GraphQL operation, GraphQL errors by code, the connection pool's
 * use, and Node's process metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly duration: Histogram<'route' | 'operation' | 'status'>;
  private readonly errors: Counter<'code' | 'operation'>;

  constructor(pool: () => PoolLike | undefined) {
    collectDefaultMetrics({ register: this.registry });
    this.duration = new Histogram({
      name: 'planspor_http_request_duration_seconds',
      help: 'HTTP requests by route, GraphQL operation name (- when not GraphQL) and status class',
      labelNames: ['route', 'operation', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    this.errors = new Counter({
      name: 'planspor_graphql_errors_total',
      help: 'Errors in GraphQL responses by extensions.code and operation name',
      labelNames: ['code', 'operation'],
      registers: [this.registry],
    });
    const gauge = (name: string, help: string, read: (p: PoolLike) => number | undefined) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        collect() {
          const p = pool();
          const value = p ? read(p) : undefined;
          this.set(value ?? 0);
        },
      });
    gauge('planspor_db_pool_connections_total', 'Connections the database pool holds (busy and idle)', (p) => p.totalCount);
    gauge('planspor_db_pool_connections_idle', 'Idle connections in the database pool', (p) => p.idleCount);
    gauge('planspor_db_pool_waiting_requests', 'Queries waiting for a free connection', (p) => p.waitingCount);
    gauge('planspor_db_pool_connections_max', 'The pool size limit', (p) => p.options?.max);
  }

  private operationLabel(name: string | undefined): string {
    if (name === undefined) return '-';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_LABELS) return 'other';
    this.operations.add(name);
    return name;
  }

  /** Express middleware: times every request and, for GraphQL, counts its errors. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const facts = graphqlFactsOf(res);
      const route = routeOf((req.originalUrl ?? req.url).split('?')[0]);
      const operation = route === 'graphql' && facts ? this.operationLabel(facts.operationName ?? 'unparsed') : '-';
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.duration.observe({ route, operation, status: `${Math.floor(res.statusCode / 100)}xx` }, seconds);
      for (const code of facts?.errorCodes ?? []) this.errors.inc({ code, operation });
    });
    next();
  };

  /** GET /metrics: the Prometheus text format; with a token configured, only for `Bearer <token>`. */
  handler(token: string | undefined) {
    const wanted = token ? digest(token) : undefined;
    return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
      if ((req.method !== 'GET' && req.method !== 'HEAD') || req.path !== '/') return next();
      res.setHeader('Cache-Control', 'no-store');
      if (wanted) {
        const given = req.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
        if (!given || !timingSafeEqual(digest(given), wanted)) {
          res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
          res.status(401).type('text/plain').send('401: GET /metrics wants Authorization: Bearer <METRICS_TOKEN>\n');
          return;
        }
      }
      try {
        res.type(this.registry.contentType).send(await this.registry.metrics());
      } catch (error) {
        next(error);
      }
    };
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
