import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../../src/config/config.js';
import { startServer, type RunningServer } from '../../../src/server.js';

export const WEB_DIST = join(process.cwd(), 'web', 'dist');

export interface FreshApp {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real app with the built web app, on a database of its own filled with the demo data: a new
 * database on the server DATABASE_URL names, or an in-memory embedded engine when it is unset.
 */
export async function startFreshApp(): Promise<FreshApp> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('web/dist is not built: run the browser tests through `npm run test:browser`');
  const serverUrl = process.env.DATABASE_URL;
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    JWT_SECRET: 'browser-test-secret-browser-test-secret-0123',
    DEMO_DATA: 'true',
    WEB_DIR: WEB_DIST,
  });
  if (serverUrl) {
    const name = `planspor_web_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    let server: RunningServer;
    try {
      server = await startServer(config, { database: { url: url.toString(), embedded: false, poolSize: 5 }, logger: ['error'] });
    } catch (error) {
      await dropDatabase(serverUrl, name);
      throw error;
    }
    return {
      url: server.url,
      stop: async () => {
        await server.stop();
        await dropDatabase(serverUrl, name);
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const socket = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 2 });
  await socket.start();
  const server = await startServer(config, {
    database: { url: `postgres://postgres@${socket.getServerConn()}/postgres`, embedded: true },
    logger: ['error'],
  });
  return {
    url: server.url,
    stop: async () => {
      await server.stop();
      await socket.stop();
      await db.close();
    },
  };
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

/** A GraphQL call as a test's own setup step (ids the journey needs), never instead of the browser. */
export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!body.data || body.errors) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export async function tokenOf(url: string, email: string, password: string): Promise<string> {
  const data = await graphql<{ login: { accessToken: string } }>(
    url,
    'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: email, p: password },
  );
  return data.login.accessToken;
}

/** The demo's plans by title, read as LBF. */
export async function demoPlans(url: string): Promise<Array<{ id: string; title: string }>> {
  const token = await tokenOf(url, 'lbf@planspor.demo', 'demo-lbf-2026');
  const data = await graphql<{ plans: { edges: Array<{ node: { id: string; title: string } }> } }>(
    url,
    '{ plans(first: 50) { edges { node { id title } } } }',
    {},
    token,
  );
  return data.plans.edges.map((e) => e.node);
}
