// Builds the web app (web/ → web/dist) unless web/dist was built from exactly the current sources:
// `npm start` runs this every time, and a start with nothing changed must not wait for a build.
// The sources are web/'s own files (without the generated src/gql/), the API's schema.gql it is typed
// against, and the lock file; their hash is kept in web/dist/.source-hash after a successful build.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const web = join(root, 'web');
const dist = join(web, 'dist');
const hashFile = join(dist, '.source-hash');
const skip = new Set(['node_modules', 'dist', 'gql']);

function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => !skip.has(e.name))
    .flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]))
    .filter((f) => !/\.test\.tsx?$/.test(f)) // component tests are not part of the build
    .sort();
}

function sourceHash() {
  const hash = createHash('sha256');
  for (const file of [...files(web), join(root, 'schema.gql'), join(root, 'package-lock.json')]) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const wanted = sourceHash();
const force = process.argv.includes('--force');
if (!force && existsSync(join(dist, 'index.html')) && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === wanted) {
  console.log('web/dist is up to date');
  process.exit(0);
}
console.log('Building the web app (web/ → web/dist)');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// A production bundle whatever NODE_ENV the caller runs under (CI exports NODE_ENV=test).
const env = { ...process.env, NODE_ENV: 'production' };
const result = spawnSync(npm, ['run', 'build', '--workspace', 'web'], { cwd: root, stdio: 'inherit', env });
if (result.status !== 0) {
  console.error('The web app failed to build');
  process.exit(result.status ?? 1);
}
writeFileSync(hashFile, `${wanted}\n`);
