// Small helpers shared by the start/test/serve scripts (Node built-ins only: these run
// before `npm ci` may have happened).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const defaults = {
  port: Number(process.env.LOUPE_PORT ?? 8480),
  keystonePort: Number(process.env.LOUPE_KEYSTONE_PORT ?? 15000),
  glancePort: Number(process.env.LOUPE_GLANCE_PORT ?? 19292),
};

export function log(message) {
  process.stdout.write(`\x1b[36mloupe\x1b[0m ${message}\n`);
}

export function fail(message) {
  process.stderr.write(`\x1b[31mloupe: ${message}\x1b[0m\n`);
  process.exit(1);
}

/** Runs a command with inherited output; returns its exit status. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) return 127;
  return result.status ?? 1;
}

export function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    fail(`Node ${process.versions.node} is too old: Loupe needs Node 20.19 or newer (the build uses Vite 8).`);
  }
}

/**
 * Installs npm packages when node_modules is missing or older than package-lock.json.
 * `npm install` (not `npm ci`): it installs the locked versions too, and unlike `npm ci` it
 * accepts a lock written without other platforms' optional packages (tailwind's oxide builds).
 */
export function ensureNpmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  const lock = join(root, 'package-lock.json');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  log('installing npm packages (npm install)…');
  if (run('npm', ['install', '--no-audit', '--no-fund']) !== 0) fail('npm install failed; see the output above.');
}

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the bundle into dist/; returns the exit status. */
export function buildBundle() {
  return run('npx', ['vite', 'build', '--logLevel', 'warn']);
}

/** Builds the bundle unless dist/ is newer than every source file. */
export function ensureBuild({ force = false } = {}) {
  const built = join(root, 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  if (!force && existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  log('building the bundle (vite build)…');
  if (buildBundle() !== 0) fail('the build failed; see the output above.');
}

export function readSeed() {
  const file = join(root, '.stack', 'seed.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

/** Debian packages (dpkg names) that are not installed. */
export function missingDebianPackages(names) {
  return names.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

/** Installs Debian packages when root; otherwise prints exactly what is missing and exits. */
export function ensureDebianPackages(names, why) {
  if (!existsSync('/usr/bin/dpkg-query')) {
    fail(`${why} needs Debian packages (${names.join(' ')}), and this is not a Debian system. Install their equivalents by hand.`);
  }
  const missing = missingDebianPackages(names);
  if (missing.length === 0) return;
  if (!isRoot()) fail(`${why} needs these Debian packages: ${missing.join(' ')}\n  Install them with: sudo apt-get install -y ${missing.join(' ')}`);
  log(`installing Debian packages: ${missing.join(' ')}…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-q'], { env }) !== 0) fail('apt-get update failed.');
  if (run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env }) !== 0) fail('apt-get install failed.');
}

/** Parses --flag value / --flag=value / --switch. */
export function parseFlags(argv, known) {
  const flags = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) fail(`unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!(name in known)) fail(`unknown option --${name}. Known: ${Object.keys(known).map((k) => `--${k}`).join(' ')}`);
    if (known[name] === 'switch') flags[name] = true;
    else {
      const value = inline ?? argv[++i];
      if (value === undefined) fail(`--${name} needs a value`);
      flags[name] = value;
    }
  }
  return flags;
}

// ── The `npm test` summary ────────────────────────────────────────────────────────────────
// Pure functions: the steps' outcomes and the runners' JSON reports in, lines and counts out
// (tested in scripts/lib.test.mjs). Every failed step counts as at least one failure, so the
// closing line says "0 failed" exactly when the run succeeded.

const firstLine = (text) => String(text ?? '').trim().split('\n', 1)[0].slice(0, 200);

/**
 * Counts from vitest's JSON report. A file that failed without a failed test (it did not
 * import, or a hook threw) has no test to count, so it counts as one failure itself.
 */
export function unitCounts(report) {
  const brokenFiles = (report.testResults ?? [])
    .filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((test) => test.status === 'failed'))
    .map((file) => ({ file: file.name, message: firstLine(file.message) }));
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    brokenFiles,
  };
}

/**
 * Counts from Playwright's JSON report. A test that was due to run and did not (after a
 * failure earlier in a serial file, or when the run was interrupted) counts as failed; one
 * skipped on purpose (test.skip, test.fixme) does not. An error outside any test (a spec file
 * that did not load, a web server that did not start) counts as one failure.
 */
export function e2eCounts(report) {
  const counts = { passed: 0, flaky: 0, failedTests: 0, skipped: 0, didNotRun: [], errors: [] };
  const visit = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        switch (test.status) {
          case 'flaky': // failed, then passed on a retry
            counts.flaky += 1;
          // falls through
          case 'expected':
            counts.passed += 1;
            break;
          case 'unexpected':
            counts.failedTests += 1;
            break;
          default: // 'skipped': on purpose, or never reached
            if (test.expectedStatus === 'skipped') counts.skipped += 1;
            else counts.didNotRun.push([...titles, spec.title].join(' › '));
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, [...titles, child.title]);
  };
  for (const file of report.suites ?? []) visit(file, [file.title]);
  counts.errors = (report.errors ?? []).map((error) => firstLine(error.message));
  return { ...counts, failed: counts.failedTests + counts.didNotRun.length + counts.errors.length };
}

function testStepLines(step, label, counts) {
  if (step.kind === 'unit') {
    const lines = [`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`];
    for (const { file, message } of counts.brokenFiles) lines.push(`  failed outside any test (did not load, or a hook threw): ${file}: ${message}`);
    return lines;
  }
  const flaky = counts.flaky ? ` (${counts.flaky} flaky)` : '';
  const lines = [`${label}: ${counts.passed} passed${flaky}, ${counts.failedTests} failed, ${counts.didNotRun.length} did not run, ${counts.skipped} skipped`];
  const shown = counts.didNotRun.slice(0, 20);
  for (const title of shown) lines.push(`  did not run (counted as failed): ${title}`);
  if (counts.didNotRun.length > shown.length) lines.push(`  … and ${counts.didNotRun.length - shown.length} more that did not run`);
  for (const message of counts.errors) lines.push(`  error outside any test (counted as failed): ${message}`);
  return lines;
}

/**
 * The summary of a test run.
 * steps: [{ name, kind: 'check' | 'unit' | 'e2e', status: 'ok' | 'failed' | 'not run',
 *           seconds?, reason?, label? (names its counts line; default unit/e2e), report? (the runner's JSON), dueToRun? (tests a step that did
 *           not run would have run, when known) }]
 * Returns the lines to print, the totals, and the closing line CI reads.
 */
export function summarize(steps) {
  const lines = [];
  let passed = 0;
  let failed = 0;
  for (const step of steps) {
    if (step.status === 'not run') lines.push(`--   ${step.name}: did not run (${step.reason ?? 'an earlier step failed'})`);
    else lines.push(`${step.status === 'ok' ? 'ok  ' : 'FAIL'} ${step.name}${step.seconds === undefined ? '' : ` (${step.seconds} s)`}`);
  }
  for (const step of steps) {
    if (step.kind === 'check') {
      if (step.status !== 'ok') failed += 1;
      continue;
    }
    const label = step.label ?? (step.kind === 'unit' ? 'unit' : 'e2e');
    if (step.status === 'not run') {
      const due = step.dueToRun ?? 0;
      failed += Math.max(due, 1);
      lines.push(due > 0 ? `${label}: did not run; its ${due} tests count as failed` : `${label}: did not run; counted as 1 failure`);
      continue;
    }
    if (!step.report) {
      failed += 1;
      lines.push(`${label}: the runner wrote no report${step.status === 'ok' ? '' : ' (it exited with an error)'}; counted as 1 failure`);
      continue;
    }
    const counts = step.kind === 'unit' ? unitCounts(step.report) : e2eCounts(step.report);
    passed += counts.passed;
    failed += counts.failed;
    lines.push(...testStepLines(step, label, counts));
    if (step.status !== 'ok' && counts.failed === 0) {
      failed += 1;
      lines.push(`  the runner exited with an error although no test failed (see its output); counted as 1 failure`);
    }
  }
  return { lines, passed, failed, closing: `${passed} passed, ${failed} failed` };
}

/** A project-scoped token for one of the local stack's seeded users (their password is `<user>-secret`). */
export async function seedUserToken(seed, user, project) {
  const response = await fetch(`${seed.keystone_url}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, domain: { id: 'default' }, password: `${user}-secret` } } },
        scope: { project: { name: project, domain: { id: 'default' } } },
      },
    }),
  });
  if (!response.ok) throw new Error(`Keystone refused ${user} in ${project}: ${response.status}`);
  return response.headers.get('x-subject-token');
}
