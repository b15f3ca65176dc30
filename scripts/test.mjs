#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, and end-to-end tests against the real
// local Keystone + Glance (started if it is not up). Installs what is missing first.
// Every step runs even if an earlier one failed (e2e needs the stack and the build); the
// summary always prints, and ends with the line CI reads: `N passed, N failed`. The exit
// code is non-zero exactly when that line does not say "0 failed".
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, checkNode, e2eCounts, ensureDebianPackages, ensureNpmPackages, log, root, run, summarize } from './lib.mjs';

const started = Date.now();
checkNode();
ensureNpmPackages();
ensureDebianPackages(['chromium'], 'The end-to-end tests (headless Chromium)');

const steps = [];
function step(name, kind, action) {
  const begin = Date.now();
  log(`── ${name} ──`);
  const status = action();
  const entry = { name, kind, status: status === 0 ? 'ok' : 'failed', seconds: Math.round((Date.now() - begin) / 1000) };
  steps.push(entry);
  return entry;
}
function notRun(name, kind, reason, extra = {}) {
  log(`── ${name}: not run, ${reason} ──`);
  steps.push({ name, kind, status: 'not run', reason, ...extra });
}

/** A runner's JSON report under test-results/, if it wrote a readable one. */
function readReport(file) {
  const path = join(root, 'test-results', file);
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** How many e2e tests were due to run (for a run that could not start), if Playwright can list them. */
function e2eTestsDueToRun() {
  const listed = spawnSync('npx', ['playwright', 'test', '--list', '--reporter=json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const counts = e2eCounts(JSON.parse(listed.stdout));
    return counts.errors.length ? undefined : counts.didNotRun.length;
  } catch {
    return undefined;
  }
}

rmSync(join(root, 'test-results'), { recursive: true, force: true });
const stack = step('local Keystone + Glance', 'check', () => run('bash', ['scripts/stack.sh', 'up']));
step('typecheck', 'check', () => run('npx', ['tsc', '-b', '--noEmit']));
step('lint', 'check', () => run('npx', ['eslint', '.', '--max-warnings', '0']));
const unit = step('unit tests', 'unit', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']));
unit.report = readReport('unit.json');
const build = step('build', 'check', buildBundle);
if (stack.status !== 'ok' || build.status !== 'ok') {
  const reason = stack.status !== 'ok' ? 'the local Keystone + Glance did not start' : 'the build failed';
  notRun('end-to-end tests', 'e2e', reason, { dueToRun: e2eTestsDueToRun() });
} else {
  const e2e = step('end-to-end tests', 'e2e', () => run('npx', ['playwright', 'test']));
  e2e.report = readReport('e2e.json');
}

const summary = summarize(steps);
log('── summary ──');
for (const line of summary.lines) log(line);
log(`${Math.round((Date.now() - started) / 1000)} s in all`);
// The closing line CI reads: always the last line, always exactly this shape.
process.stdout.write(`${summary.closing}\n`);
process.exit(summary.failed > 0 ? 1 : 0);
