import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { GraphQLClient } from './graphql-client.js';

export const ADMIN_EMAIL = 'admin@tests.planspor';
export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestApp {
  server: RunningServer;
  client: GraphQLClient;
  adminToken: string;
  stop(): Promise<void>;
}

/**
 * The real app on the test database (a fresh database on the server DATABASE_URL names, or the
 * embedded engine): see tests/setup/global-setup.mjs. Every test file starts its own and stops it.
 * `poolSize` is the connections to a real server (the embedded engine always uses one).
 */
export async function startTestApp(env: Record<string, string> = {}, { poolSize = 5 }: { poolSize?: number } = {}): Promise<TestApp> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: run the tests through `npm test`');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    DEMO_DATA: 'false',
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    // Every test file logs in from 127.0.0.1, and the throttle's counts are in the database that the
    // whole run shares: a file's wrong passwords must not use up another's allowance per address.
    // tests/login-throttle.test.ts sets its own limits.
    LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
    // `GRAPHQL_JIT=always npm test` runs every query of the suite through compiled execution.
    ...(process.env.GRAPHQL_JIT ? { GRAPHQL_JIT: process.env.GRAPHQL_JIT } : {}),
    ...env,
  });
  const server = await startServer(config, {
    database: { url, embedded: process.env.TEST_DATABASE_EMBEDDED === 'true', poolSize },
    logger: ['error'],
  });
  const client = new GraphQLClient(server.url);
  const adminToken = await client.login(ADMIN_EMAIL, ADMIN_PASSWORD);
  return { server, client, adminToken, stop: () => server.stop() };
}
