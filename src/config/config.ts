import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import type { JitMode } from '../graphql/jit/compiled-operations.js';

/** Everything Planspor reads from the environment, validated once at boot. */
export interface AppConfig {
  port: number;
  /** A PostgreSQL server; undefined means the embedded engine in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  /** How long one sign-in's refresh tokens last, in all (docs/security.md, "Sessions"). */
  refreshTokenTtlHours: number;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  production: boolean;
  /** Pool size against a real server (the embedded engine always uses 1). */
  dbPoolSize: number;
  /** Send the hot statements as named prepared statements (real server only; off behind an old PgBouncer). */
  dbPreparedStatements: boolean;
  /** GRAPHQL_JIT: compiled execution of queries (off, hot: from a document's second use, always). */
  graphqlJit: JitMode;
  logSql: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
  /** What one GraphQL operation may ask for (docs/security.md, "Limits"). */
  queryLimits: QueryLimits;
  /** Failed logins allowed per account and per address within a sliding window. */
  loginThrottle: LoginThrottleLimits;
  /** Express's `trust proxy`: which proxies may set X-Forwarded-For, i.e. where `req.ip` comes from. */
  trustProxy: boolean | number | string;
  /** The built web app (web/dist), served at /. */
  webDir: string;
  /** pino's level for the JSON log (docs/operations.md, "Logs"). */
  logLevel: LogLevel;
  /** When set, GET /metrics wants `Authorization: Bearer <metricsToken>`. */
  metricsToken?: string;
  /** Browser origins allowed to call the API from elsewhere (CORS); empty means CORS is off. */
  corsOrigins: string[];
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface QueryLimits {
  /** Fields on the longest nested path: `{ me { id } }` has depth 2. */
  maxDepth: number;
  maxAliases: number;
  /** Every field counts 1, times the page size (`first`, else `defaultListSize`) of each list around it. */
  maxCost: number;
  /** Lexical tokens of the document; parsing stops beyond this. */
  maxTokens: number;
  maxDirectives: number;
  /** The assumed length of a list field without a `first` argument. */
  defaultListSize: number;
}

export interface LoginThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowSeconds: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
  }
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

/** `true`, `false`, a number of proxy hops, or a comma-separated list of addresses, subnets and Express's names for them. */
function trustProxy(env: NodeJS.ProcessEnv): boolean | number | string {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || /^false$/i.test(raw)) return false;
  if (/^true$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const [address, bits, extra] = entry.split('/');
    const known = ['loopback', 'linklocal', 'uniquelocal'].includes(entry);
    const version = isIP(address ?? '');
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (version === 6 ? 128 : 32));
    if (!known && (!version || !prefixOk || extra !== undefined)) {
      throw new ConfigError(
        'TRUST_PROXY',
        'must be true, false, a number of hops, or a comma-separated list of addresses and subnets ' +
          `(or loopback, linklocal, uniquelocal), got "${entry}"`,
      );
    }
  }
  return raw;
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!allowed.includes(raw as T)) throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (raw === undefined || raw === '') return 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  return raw as LogLevel;
}

/** A comma-separated list of origins (`https://tools.example.org`, scheme and host, port if not the default). */
function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const raw = env.CORS_ORIGINS?.trim();
  if (!raw) return [];
  return raw.split(',').map((entry) => {
    const origin = entry.trim();
    let url: URL | undefined;
    try {
      url = new URL(origin);
    } catch {
      url = undefined;
    }
    // An origin is exactly scheme://host[:port]: no path, no wildcard, no trailing slash.
    if (!url || !/^https?:$/.test(url.protocol) || url.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `must be a comma-separated list of origins such as https://tools.example.org, got "${origin}"`);
    }
    return origin;
  });
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must start with postgres:// or postgresql://');
  }
  const jwtSecret = env.JWT_SECRET || undefined;
  if (databaseUrl && !jwtSecret) {
    throw new ConfigError('JWT_SECRET', 'is required when DATABASE_URL is set (at least 32 characters)');
  }
  if (jwtSecret && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET', 'must be at least 32 characters long');
  }
  const adminEmail = env.ADMIN_EMAIL || undefined;
  const adminPassword = env.ADMIN_PASSWORD || undefined;
  if (adminEmail && !adminPassword) throw new ConfigError('ADMIN_PASSWORD', 'is required when ADMIN_EMAIL is set');
  if (adminPassword && !adminEmail) throw new ConfigError('ADMIN_EMAIL', 'is required when ADMIN_PASSWORD is set');
  if (adminEmail && !/^[^\s@]+@[^\s@]+$/.test(adminEmail)) {
    throw new ConfigError('ADMIN_EMAIL', `is not an email address: "${adminEmail}"`);
  }
  if (adminPassword && adminPassword.length < 8) {
    throw new ConfigError('ADMIN_PASSWORD', 'must be at least 8 characters long');
  }
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: env.DATA_DIR || './data',
    jwtSecret,
    accessTokenTtlSeconds: integer(env, 'ACCESS_TOKEN_TTL_SECONDS', 3600, 60, 86400),
    refreshTokenTtlHours: integer(env, 'REFRESH_TOKEN_TTL_HOURS', 12, 1, 720),
    adminEmail,
    adminPassword,
    demoData: boolean(env, 'DEMO_DATA', !databaseUrl),
    production: nodeEnv === 'production',
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    dbPreparedStatements: boolean(env, 'DB_PREPARED_STATEMENTS', true),
    graphqlJit: oneOf(env, 'GRAPHQL_JIT', ['off', 'hot', 'always'] as const, 'hot'),
    logSql: boolean(env, 'LOG_SQL', false),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    // Defaults: the demo's largest real queries with headroom (measured in docs/security.md).
    queryLimits: {
      maxDepth: integer(env, 'QUERY_MAX_DEPTH', 12, 2, 100),
      maxAliases: integer(env, 'QUERY_MAX_ALIASES', 30, 0, 10_000),
      maxCost: integer(env, 'QUERY_MAX_COST', 10_000_000, 1, 1_000_000_000),
      maxTokens: integer(env, 'QUERY_MAX_TOKENS', 2000, 100, 1_000_000),
      maxDirectives: integer(env, 'QUERY_MAX_DIRECTIVES', 50, 0, 10_000),
      defaultListSize: integer(env, 'QUERY_DEFAULT_LIST_SIZE', 20, 1, 10_000),
    },
    loginThrottle: {
      maxFailuresPerAccount: integer(env, 'LOGIN_MAX_FAILURES_PER_ACCOUNT', 10, 1, 10_000),
      maxFailuresPerAddress: integer(env, 'LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100_000),
      windowSeconds: integer(env, 'LOGIN_WINDOW_SECONDS', 900, 1, 86_400),
    },
    trustProxy: trustProxy(env),
    webDir: env.WEB_DIR || './web/dist',
    logLevel: logLevel(env),
    metricsToken: metricsToken(env),
    corsOrigins: corsOrigins(env),
  };
}

function metricsToken(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.METRICS_TOKEN || undefined;
  if (raw !== undefined && (raw.length < 16 || /\s/.test(raw))) {
    throw new ConfigError('METRICS_TOKEN', 'must be at least 16 characters without spaces');
  }
  return raw;
}

export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}
