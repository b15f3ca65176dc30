#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, and end-to-end tests against the real
// local Keystone + Glance (started if it is not up). Installs what is missing first.
// Every step runs even if an earlier one failed; the exit code is non-zero if any failed.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { checkNode, ensureBuild, ensureDebianPackages, ensureNpmPackages, fail, log, root, run } from './lib.mjs';

const started = Date.now();
checkNode();
ensureNpmPackages();
ensureDebianPackages(['chromium'], 'The end-to-end tests (headless Chromium)');
if (run('bash', ['scripts/stack.sh', 'up']) !== 0) fail('the local Keystone + Glance did not start; see the messages above.');

const results = [];
function step(name, command, args, env) {
  const begin = Date.now();
  log(`── ${name} ──`);
  const status = run(command, args, env ? { env: { ...process.env, ...env } } : {});
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - begin) / 1000) });
}

rmSync(join(root, 'test-results'), { recursive: true, force: true });
step('typecheck', 'npx', ['tsc', '-b', '--noEmit']);
step('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']);
ensureBuild({ force: true });
step('end-to-end tests', 'npx', ['playwright', 'test']);

// Counts from the runners' own JSON reports.
function readJson(file) {
  const path = join(root, 'test-results', file);
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
}
const unit = readJson('unit.json');
const e2e = readJson('e2e.json');
const unitPassed = unit?.numPassedTests ?? 0;
const unitFailed = unit ? unit.numFailedTests : 1;
const e2ePassed = e2e ? e2e.stats.expected + e2e.stats.flaky : 0;
const e2eFailed = e2e ? e2e.stats.unexpected : 1;

log('── summary ──');
for (const result of results) log(`${result.ok ? 'ok  ' : 'FAIL'} ${result.name} (${result.seconds} s)`);
log(`unit ${unitPassed} passed, ${unitFailed} failed; e2e ${e2ePassed} passed, ${e2eFailed} failed; ${Math.round((Date.now() - started) / 1000)} s in all`);
// Typecheck and lint have no test counts: each failing one counts as one failure.
const failedChecks = results.filter((result) => !result.ok && (result.name === 'typecheck' || result.name === 'lint')).length;
const failedSteps = results.filter((result) => !result.ok).length;
// The closing line CI reads.
process.stdout.write(`${unitPassed + e2ePassed} passed, ${unitFailed + e2eFailed + failedChecks} failed\n`);
process.exit(failedSteps > 0 ? 1 : 0);
