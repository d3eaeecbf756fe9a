import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

/**
 * For the TypeORM CLI (`npm run migration:run`): needs DATABASE_URL. The app itself builds its data
 * source from the validated config, and runs migrations at start on its own.
 */
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL: required for the migration CLI (the app migrates the embedded engine at start)');
  process.exit(1);
}
// Migrations may run longer than a request's statement timeout.
export default new DataSource(dataSourceOptions({ url, embedded: false, timeouts: false }));
