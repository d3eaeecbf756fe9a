import { randomBytes } from 'node:crypto';

/** Everything Planspor reads from the environment, validated once at boot. */
export interface AppConfig {
  port: number;
  /** A PostgreSQL server; undefined means the embedded engine in `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  jwtSecret?: string;
  accessTokenTtlSeconds: number;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  production: boolean;
  /** Pool size against a real server (the embedded engine always uses 1). */
  dbPoolSize: number;
  logSql: boolean;
  /** Largest accepted request body, in bytes. */
  bodyLimitBytes: number;
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

function boolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
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
    adminEmail,
    adminPassword,
    demoData: boolean(env, 'DEMO_DATA', !databaseUrl),
    production: nodeEnv === 'production',
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    logSql: boolean(env, 'LOG_SQL', false),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
  };
}

export function generateSecret(): string {
  return randomBytes(48).toString('base64url');
}
