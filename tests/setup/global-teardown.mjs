import pg from 'pg';

export default async function globalTeardown() {
  const handle = globalThis.__planspor_test_db__;
  if (!handle) return;
  if (handle.server) {
    await handle.server.stop();
    await handle.db.close();
    return;
  }
  const admin = new pg.Client({ connectionString: handle.serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${handle.name} WITH (FORCE)`);
  await admin.end();
}
