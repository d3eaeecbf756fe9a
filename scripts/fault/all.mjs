#!/usr/bin/env node
// Runs every fault script in turn (outage, kill9, shutdown, fuzz), passes their output through, and
// ends with one line over all of them: `N passed, N failed` (non-zero exit when anything failed).
// With --json FILE it also writes { numPassedTests, numFailedTests } there (for .ci/run).
//
//   npm run build && node scripts/fault/all.mjs [--json results.json]
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SCRIPTS = ['outage', 'kill9', 'shutdown', 'fuzz', 'npm-start'];
const LIMIT_MS = 5 * 60_000; // each; together they take about two minutes

let passed = 0;
let failed = 0;
const lines = [];
const started = Date.now();
for (const name of SCRIPTS) {
  const { code, last } = await new Promise((resolveRun) => {
    const child = spawn(process.execPath, [join(here, `${name}.mjs`)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      tail = (tail + chunk).slice(-500);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), LIMIT_MS);
    child.on('exit', (exitCode, signal) => {
      clearTimeout(timer);
      resolveRun({ code: exitCode ?? signal, last: tail.trim().split('\n').pop() ?? '' });
    });
  });
  const m = last.match(/^(\d+) passed, (\d+) failed$/);
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  }
  // A script that crashed or was cut off counts as one failure more.
  if (!m || (code !== 0 && Number(m[2]) === 0)) failed += 1;
  lines.push(`${name}: ${m ? last : `no summary (exit ${code})`}`);
}
console.log(`== fault tests: ${((Date.now() - started) / 1000).toFixed(0)} s`);
for (const line of lines) console.log(`   ${line}`);
const jsonAt = process.argv.indexOf('--json');
if (jsonAt > 0) writeFileSync(process.argv[jsonAt + 1], JSON.stringify({ numPassedTests: passed, numFailedTests: failed, numFailedTestSuites: 0 }));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
