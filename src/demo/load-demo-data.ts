import type { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadDemoData } from './demo-data.js';

/** DEMO_DATA=true: fills an empty database (no plans, no users) with the demo story. */
export async function loadDemoDataIfEmpty(dataSource: DataSource, logger: Logger): Promise<void> {
  const [{ plans, users }] = await dataSource.query(
    'SELECT (SELECT count(*) FROM plans)::int AS plans, (SELECT count(*) FROM users)::int AS users',
  );
  if (plans > 0 || users > 0) return;
  const today = new Date().toISOString().slice(0, 10);
  await dataSource.transaction((m) => loadDemoData(m, today));
  logger.log('Loaded demo data: log in with the demo accounts listed in the README');
}
