import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../config/config.js';
import { startServer } from '../server.js';

process.env.TZ = 'UTC';

/**
 * `npm run schema`: writes schema.gql into the current folder (the repository, under npm) without
 * touching ./data. A development start writes schema.gql as the code declares it (graphql-options.ts,
 * autoSchemaFile), so this starts the app once on an empty embedded engine in a temporary folder, with
 * no demo data and any free port, and stops it again.
 */
async function emitSchema(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'planspor-schema-'));
  try {
    const config = loadConfig({
      ...process.env,
      NODE_ENV: 'development',
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: '',
      ADMIN_PASSWORD: '',
      PORT: '0',
    });
    const server = await startServer(config, { logger: ['error', 'warn'] });
    await server.stop(0);
    console.log(`Wrote ${join(process.cwd(), 'schema.gql')}`);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

emitSchema().catch((error) => {
  console.error(`npm run schema failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
