#!/usr/bin/env node
// `npm start` as a service manager runs it (issue 13, item 10): a start with nothing changed builds
// nothing, and SIGTERM sent to the npm process stops the server as cleanly as one sent to node: the
// same shutdown in order, exit code 0 (npm's too), the embedded engine's lock released, and no server
// process left behind.
//
//   npm run build && node scripts/fault/npm-start.mjs
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, Checks, JWT_SECRET, ROOT, deadline, fmt, health, now, onCleanup, requireBuild, tempDir } from './lib.mjs';

const checks = new Checks('npm start: no needless rebuild, SIGTERM to npm stops the server cleanly');
deadline(300, checks);
requireBuild();

const dataDir = join(tempDir('npm-start'), 'data');
// A stand-in web build (WEB_DIR): this is about the server; scripts/build-web.mjs skips by hash alike.
const webDir = tempDir('npm-start-web');
mkdirSync(join(webDir, 'assets'), { recursive: true });
writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Planspor</title><div id="root"></div>\n');

/** The children of a process (Linux /proc). */
function childrenOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function npmStart(name) {
  // Production: nothing is written into the repository (no schema.gql); the embedded engine in a temporary folder.
  const env = { PATH: process.env.PATH, HOME: process.env.HOME ?? dataDir, TZ: 'UTC', NODE_ENV: 'production', PORT: '0', DATA_DIR: dataDir, WEB_DIR: webDir, JWT_SECRET };
  const started = now();
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const app = new App(child, ROOT, name);
  checks.keepLogOf(app);
  onCleanup(() => {
    for (const pid of childrenOf(child.pid)) if (alive(pid)) process.kill(pid, 'SIGKILL');
    if (app.exitCode === undefined) child.kill('SIGKILL');
  });
  const match = await app.waitForOutput(/Planspor is serving (http:\/\/[^\s/"]+)\/graphql/, 180_000);
  app.url = match[1];
  return { app, startedMs: now() - started };
}

const ORDER = ['SIGTERM: refusing new requests', 'Stopping: no new connections', 'Stopping: HTTP and database connections closed', 'Stopping: embedded engine stopped, lock released', 'Stopped in'];

async function sigtermToNpm(label, app) {
  const servers = childrenOf(app.pid);
  checks.info(`${label}: npm is ${app.pid}, the server ${servers.join(', ') || '(none found)'}`);
  checks.check(`${label}: the server answers /health`, (await health(app.url)).status === 200);
  const t0 = now();
  app.signal('SIGTERM'); // to npm, not to node
  const exit = await app.waitExit(15_000);
  const ms = exit ? app.exitedAt - t0 : undefined;
  checks.check(`${label}: npm exits with code 0 within 10 s of SIGTERM`, exit?.code === 0 && ms <= 10_000, exit ? `code ${exit.code ?? exit.signal} after ${fmt(ms)}` : 'still running');
  let position = -1;
  const missing = [];
  for (const line of ORDER) {
    const at = app.output.indexOf(line, position + 1);
    if (at < 0) missing.push(line);
    else position = at;
  }
  checks.check(`${label}: the server's own clean shutdown ran, in order`, missing.length === 0, missing.length ? `missing or out of order: ${missing.join('; ')}` : '');
  checks.check(`${label}: no server process is left behind`, servers.length > 0 && servers.every((pid) => !alive(pid)), servers.filter(alive).join(', '));
  checks.check(`${label}: the embedded engine's lock is released`, !existsSync(join(dataDir, 'planspor.lock')));
}

checks.section('1. A first start (builds whatever is out of date)');
{
  const { app, startedMs } = await npmStart('npm-start-1');
  checks.info(`serving after ${fmt(startedMs)}; ${/Building the server/.test(app.output) ? 'built the server first' : 'nothing to build'}`);
  await sigtermToNpm('first', app);
}

checks.section('2. A second start with nothing changed');
{
  const { app, startedMs } = await npmStart('npm-start-2');
  checks.check('second: the server is not rebuilt', /dist\/ is up to date/.test(app.output) && !/Building the server/.test(app.output), `serving after ${fmt(startedMs)}`);
  await sigtermToNpm('second', app);
}

process.exit(checks.summary());
