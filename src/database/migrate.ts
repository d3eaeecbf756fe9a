import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { withoutTimeouts } from './data-source-options.js';

// Any constant: replicas starting together take turns at the migrations.
const MIGRATION_LOCK = 7_201_164_220;

/**
 * Runs pending migrations at start, one replica at a time (an advisory lock on a real server).
 * On a real server they run on a connection of their own without the app's statement timeout and
 * query deadline (src/database/data-source-options.ts): a migration may legitimately run long.
 */
export async function runMigrations(dataSource: DataSource, embedded: boolean): Promise<void> {
  const logger = new Logger('Migrations');
  // The embedded engine has one connection and one process (its lock file): no lock needed, and a
  // second connection would wait forever.
  if (embedded) {
    await report(logger, await dataSource.runMigrations({ transaction: 'each' }));
    return;
  }
  const migrator = new DataSource(withoutTimeouts(dataSource.options));
  await migrator.initialize();
  try {
    const runner = migrator.createQueryRunner();
    try {
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await report(logger, await migrator.runMigrations({ transaction: 'each' }));
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await runner.release();
    }
  } finally {
    await migrator.destroy();
  }
}

async function report(logger: Logger, applied: { name: string }[]): Promise<void> {
  for (const migration of applied) logger.log(`Applied ${migration.name}`);
}
