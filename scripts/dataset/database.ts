import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { runMigrations } from '../../src/database/migrate.js';

/** Brings the database at `url` to the app's schema with the app's own migrations (and lock). */
export async function migrate(url: string, embedded = false): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions({ url, embedded }));
  await dataSource.initialize();
  try {
    await runMigrations(dataSource, embedded);
  } finally {
    await dataSource.destroy();
  }
}

/** Creates the database that `url` names on its server, unless it exists. Returns whether it did. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`database name "${name}": letters, digits and _ only`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE ${name}`);
    return true;
  } finally {
    await client.end();
  }
}

/** A connection that never uses JIT (as the app's), for the generator and the SQL floors. */
export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'planspor-dataset' });
  await client.connect();
  await client.query('SET jit = off').catch(() => undefined);
  return client;
}
