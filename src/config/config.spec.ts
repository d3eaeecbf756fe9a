import { ConfigError, loadConfig } from './config.js';

function failure(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('configuration', () => {
  it('defaults to the embedded engine with demo data on port 3000', () => {
    expect(loadConfig({})).toMatchObject({ port: 3000, databaseUrl: undefined, demoData: true, dataDir: './data', production: false });
  });

  it('turns demo data off by default against a real server', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', JWT_SECRET: 'k'.repeat(32) });
    expect(config.demoData).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://x@localhost/db', JWT_SECRET: 'k'.repeat(32), DEMO_DATA: 'true' }).demoData).toBe(true);
  });

  it('prepares the hot statements unless told not to (a pooler that cannot keep them)', () => {
    expect(loadConfig({}).dbPreparedStatements).toBe(true);
    expect(loadConfig({ DB_PREPARED_STATEMENTS: 'false' }).dbPreparedStatements).toBe(false);
    expect(failure({ DB_PREPARED_STATEMENTS: 'sometimes' })).toMatch(/^DB_PREPARED_STATEMENTS: /);
  });

  it('reads the operations settings: LOG_LEVEL, METRICS_TOKEN and CORS_ORIGINS', () => {
    expect(loadConfig({})).toMatchObject({ logLevel: 'info', metricsToken: undefined, corsOrigins: [] });
    expect(loadConfig({ LOG_LEVEL: 'WARN', METRICS_TOKEN: 'm'.repeat(16), CORS_ORIGINS: 'https://a.example.org, http://localhost:5173' })).toMatchObject({
      logLevel: 'warn',
      metricsToken: 'm'.repeat(16),
      corsOrigins: ['https://a.example.org', 'http://localhost:5173'],
    });
    expect(failure({ LOG_LEVEL: 'loud' })).toMatch(/^LOG_LEVEL: /);
    expect(failure({ METRICS_TOKEN: 'short' })).toMatch(/^METRICS_TOKEN: /);
    for (const bad of ['*', 'https://a.example.org/', 'ftp://a.example.org', 'a.example.org', 'https://a.example.org,']) {
      expect(failure({ CORS_ORIGINS: bad })).toMatch(/^CORS_ORIGINS: /);
    }
  });

  it('names the variable in one line when a value is bad', () => {
    expect(failure({ PORT: 'eighty' })).toMatch(/^PORT: /);
    expect(failure({ PORT: '70000' })).toMatch(/^PORT: /);
    expect(failure({ DATABASE_URL: 'mysql://x' })).toMatch(/^DATABASE_URL: /);
    expect(failure({ DATABASE_URL: 'postgres://x@localhost/db' })).toMatch(/^JWT_SECRET: .*required/);
    expect(failure({ JWT_SECRET: 'short' })).toMatch(/^JWT_SECRET: /);
    expect(failure({ DEMO_DATA: 'maybe' })).toMatch(/^DEMO_DATA: /);
    expect(failure({ ADMIN_EMAIL: 'a@b.dk' })).toMatch(/^ADMIN_PASSWORD: /);
    expect(failure({ ADMIN_EMAIL: 'nope', ADMIN_PASSWORD: 'long enough' })).toMatch(/^ADMIN_EMAIL: /);
    expect(failure({ ADMIN_EMAIL: 'a@b.dk', ADMIN_PASSWORD: 'short' })).toMatch(/^ADMIN_PASSWORD: /);
  });
});
