#!/usr/bin/env node
// `npm start`: builds what is out of date, then runs the server in this very process.
//
// - The server (tsc → dist/) is rebuilt only when its sources changed: their hash (src/, migrations/,
//   scripts/, the tsconfig files and the lock file) is kept in dist/.source-hash after a build (here,
//   or by `npm run build`, which runs this with --stamp).
// - The web app is left to scripts/build-web.mjs, which skips itself the same way; with WEB_DIR set the
//   server serves that folder instead and web/ is not built at all.
// - Then dist/src/main.js is imported here, so the server's own SIGTERM/SIGINT handlers are the ones
//   that run. package.json's `exec node scripts/start.mjs` makes npm's shell give way to this process,
//   and npm forwards the signals it gets to it: SIGTERM to `npm start` stops the server exactly as one
//   sent to `node dist/src/main.js` does (scripts/fault/npm-start.mjs checks it).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const dist = join(root, 'dist');
const main = join(dist, 'src', 'main.js');
const hashFile = join(dist, '.source-hash');

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? (e.name === 'node_modules' ? [] : files(join(dir, e.name))) : [join(dir, e.name)]))
    .filter((f) => /\.(ts|mts|cts|js|mjs|json|sql|md|txt)$/.test(f) && !/\.spec\.ts$/.test(f))
    .sort();
}

/** What tsc -p tsconfig.build.json compiles, and what decides how. */
export function serverSourceHash() {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(root, 'src')),
    ...files(join(root, 'migrations')),
    ...files(join(root, 'scripts')),
    join(root, 'tsconfig.json'),
    join(root, 'tsconfig.build.json'),
    join(root, 'package-lock.json'),
  ];
  for (const file of inputs) {
    if (!existsSync(file) || !statSync(file).isFile()) continue;
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

function run(label, args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`npm start: ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

const wanted = serverSourceHash();
// `npm run build` (tsc) ends with --stamp: what it just built counts as up to date.
if (process.argv.includes('--stamp')) {
  writeFileSync(hashFile, `${wanted}\n`);
  process.exit(0);
}
if (existsSync(main) && existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === wanted) {
  console.log('dist/ is up to date');
} else {
  console.log('Building the server (tsc → dist/)');
  run('the server build', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')]);
  writeFileSync(hashFile, `${wanted}\n`);
}
if (process.env.WEB_DIR) console.log(`Serving the web app from WEB_DIR (${process.env.WEB_DIR}); web/ is not built`);
else run('the web build', [join(root, 'scripts', 'build-web.mjs')]);

await import(pathToFileURL(main).href);
