// Plain .mjs: Jest's globalSetup gets no moduleNameMapper or TS transform.
// Gives the integration tests a fresh, empty database: a new database on the server that
// DATABASE_URL names, or an in-memory embedded engine when it is unset.
import pg from 'pg';

export default async function globalSetup() {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `planspor_test_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    process.env.TEST_DATABASE_URL = url.toString();
    globalThis.__planspor_test_db__ = { serverUrl, name };
    console.log(`\n[tests] PostgreSQL server, database ${name}`);
  } else {
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 });
    await server.start();
    process.env.TEST_DATABASE_URL = `postgres://postgres@${server.getServerConn()}/postgres`;
    process.env.TEST_DATABASE_EMBEDDED = 'true';
    globalThis.__planspor_test_db__ = { db, server };
    console.log(`\n[tests] embedded engine (PGlite) at ${server.getServerConn()}`);
  }
}
