#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, build, and end-to-end tests against the real
// local Keystone + Glance (started if it is not up). Installs what is missing first.
// Two stacks start side by side: the default one, and the multi-store one (stack.sh up
// --multi) that *.multi.spec.ts runs against (Playwright project multi-store).
// The long unit tests (LOUPE_LONG_TESTS=1: serve.mjs carrying an upload past Node's 300 s
// requestTimeout) run in the background from the start and are collected at the end, so
// their six minutes overlap the rest instead of adding to it.
// Every step runs even if an earlier one failed (e2e needs the stack and the build); the
// summary always prints, and ends with the line CI reads: `N passed, N failed`. The exit
// code is non-zero exactly when that line does not say "0 failed".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle, checkNode, e2eCounts, ensureDebianPackages, ensureNpmPackages, log, root, run, summarize } from './lib.mjs';

const started = Date.now();
checkNode();
ensureNpmPackages();
ensureDebianPackages(
  ['chromium', 'nginx', 'libnginx-mod-http-brotli-static'],
  'The end-to-end tests (headless Chromium, and the reference nginx deployment of e2e/nginx.spec.ts)',
);

const steps = [];
function step(name, kind, action) {
  const begin = Date.now();
  log(`── ${name} ──`);
  const status = action();
  const entry = { name, kind, status: status === 0 ? 'ok' : 'failed', seconds: Math.round((Date.now() - begin) / 1000) };
  steps.push(entry);
  return entry;
}
/** Runs commands side by side (output interleaved), one step each; resolves when all ended. */
async function parallelSteps(entries) {
  const begin = Date.now();
  log(`── ${entries.map(([name]) => name).join(' and ')} (side by side) ──`);
  const statuses = await Promise.all(
    entries.map(
      ([, , command, args]) =>
        new Promise((resolve) => {
          const child = spawn(command, args, { stdio: 'inherit', cwd: root });
          child.on('error', () => resolve(127));
          child.on('exit', (code) => resolve(code ?? 1));
        }),
    ),
  );
  const seconds = Math.round((Date.now() - begin) / 1000);
  return entries.map(([name, kind], index) => {
    const entry = { name, kind, status: statuses[index] === 0 ? 'ok' : 'failed', seconds };
    steps.push(entry);
    return entry;
  });
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
function e2eTestsDueToRun(projectArgs = []) {
  const listed = spawnSync('npx', ['playwright', 'test', '--list', '--reporter=json', ...projectArgs], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  try {
    const counts = e2eCounts(JSON.parse(listed.stdout));
    return counts.errors.length ? undefined : counts.didNotRun.length;
  } catch {
    return undefined;
  }
}

/** Starts a command in the background with its output captured; `finish()` waits, prints the output, records the step. */
function backgroundStep(name, kind, command, args, env) {
  const begin = Date.now();
  let output = '';
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const status = new Promise((resolve) => {
    child.on('error', () => resolve(127));
    child.on('exit', (code) => resolve(code ?? 1));
  });
  log(`── ${name}: started in the background ──`);
  return {
    async finish() {
      const code = await status;
      log(`── ${name} (ran in the background) ──`);
      process.stdout.write(output);
      const entry = { name, kind, status: code === 0 ? 'ok' : 'failed', seconds: Math.round((Date.now() - begin) / 1000) };
      steps.push(entry);
      return entry;
    },
  };
}

rmSync(join(root, 'test-results'), { recursive: true, force: true });
const longUnit = backgroundStep(
  'long unit tests',
  'unit',
  'npx',
  ['vitest', 'run', 'scripts/serve.long.test.mjs', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit-long.json'],
  { LOUPE_LONG_TESTS: '1' },
);
const [stack, multiStack] = await parallelSteps([
  ['local Keystone + Glance', 'check', 'bash', ['scripts/stack.sh', 'up']],
  ['multi-store Keystone + Glance', 'check', 'bash', ['scripts/stack.sh', 'up', '--multi']],
]);
step('typecheck', 'check', () => run('npx', ['tsc', '-b', '--noEmit']));
step('lint', 'check', () => run('npx', ['eslint', '.', '--max-warnings', '0']));
const unit = step('unit tests', 'unit', () => run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json']));
unit.report = readReport('unit.json');
const build = step('build', 'check', buildBundle);
if (stack.status !== 'ok' || build.status !== 'ok') {
  const reason = stack.status !== 'ok' ? 'the local Keystone + Glance did not start' : 'the build failed';
  notRun('end-to-end tests', 'e2e', reason, { dueToRun: e2eTestsDueToRun() });
} else if (multiStack.status !== 'ok') {
  // The single-store specs can still run; the multi-store ones count as not run.
  notRun('end-to-end tests (multi-store)', 'e2e', 'the multi-store Keystone + Glance did not start', { dueToRun: e2eTestsDueToRun(['--project', 'multi-store']) });
  const e2e = step('end-to-end tests (single-store)', 'e2e', () => run('npx', ['playwright', 'test', '--project', 'single-store']));
  e2e.report = readReport('e2e.json');
} else {
  const e2e = step('end-to-end tests', 'e2e', () => run('npx', ['playwright', 'test']));
  e2e.report = readReport('e2e.json');
}

/** After a failed e2e run: the services' own complaints, so a CI log says what the stack saw. */
function printStackTrouble() {
  for (const stackDir of ['.stack', '.stack-multi']) {
    for (const service of ['keystone', 'glance']) {
      const path = join(root, stackDir, 'logs', `${service}.log`);
      if (!existsSync(path)) continue;
      const trouble = readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => /ERROR|CRITICAL|Traceback|WORKER TIMEOUT|database is locked/.test(line));
      if (trouble.length === 0) continue;
      log(`── ${stackDir}/logs/${service}.log: last of ${String(trouble.length)} error lines ──`);
      for (const line of trouble.slice(-25)) console.log(line.slice(0, 400));
    }
    const access = join(root, stackDir, 'logs', 'keystone-access.log');
    if (!existsSync(access)) continue;
    const slow = readFileSync(access, 'utf8')
      .split('\n')
      .filter((line) => Number(/ (\d+)ms$/.exec(line)?.[1] ?? 0) >= 5000);
    if (slow.length > 0) log(`── ${stackDir}: ${String(slow.length)} Keystone requests took 5 s or more ──\n${slow.slice(-25).join('\n')}`);
  }
}
if (steps.some((entry) => entry.kind === 'e2e' && entry.status === 'failed')) printStackTrouble();

const long = await longUnit.finish();
long.report = readReport('unit-long.json');
long.label = 'unit (long, in the background)';

const summary = summarize(steps);
log('── summary ──');
for (const line of summary.lines) log(line);
log(`${Math.round((Date.now() - started) / 1000)} s in all`);
// The closing line CI reads: always the last line, always exactly this shape.
process.stdout.write(`${summary.closing}\n`);
process.exit(summary.failed > 0 ? 1 : 0);
