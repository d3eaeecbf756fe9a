import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { GraphQLClient } from './graphql-client.js';

export interface DemoApp {
  server: RunningServer;
  client: GraphQLClient;
  stop(): Promise<void>;
}

/**
 * The real app with DEMO_DATA=true on a database of its own, on the engine the run uses: the demo data
 * fills only an empty database, and the test database is shared by every file of a run. On a server
 * (DATABASE_URL), a new database beside the run's, dropped at stop; on the embedded engine, a fresh
 * data folder, as `npm start` uses on a new machine.
 */
export async function startDemoApp(): Promise<DemoApp> {
  const base = { NODE_ENV: 'test', PORT: '0', JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789', DEMO_DATA: 'true' };
  const runUrl = process.env.TEST_DATABASE_URL;
  if (!runUrl) throw new Error('TEST_DATABASE_URL is not set: run the tests through `npm test`');
  if (process.env.TEST_DATABASE_EMBEDDED === 'true') {
    const dataDir = mkdtempSync(join(tmpdir(), 'planspor-demo-app-'));
    const server = await startServer(loadConfig({ ...base, DATA_DIR: dataDir }), { logger: ['error'] });
    return {
      server,
      client: new GraphQLClient(server.url),
      stop: async () => {
        await server.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const url = new URL(runUrl);
  const name = `${url.pathname.slice(1)}_demo_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: runUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  const server = await startServer(loadConfig(base), { database: { url: url.toString(), embedded: false, poolSize: 5 }, logger: ['error'] });
  return {
    server,
    client: new GraphQLClient(server.url),
    stop: async () => {
      await server.stop();
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
