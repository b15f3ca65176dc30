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

/** Builds the bundle unless dist/ is newer than every source file. */
export function ensureBuild({ force = false } = {}) {
  const built = join(root, 'dist', 'index.html');
  const sources = ['src', 'public', 'index.html', 'vite.config.ts', 'package-lock.json'].map((p) => newestMtime(join(root, p)));
  if (!force && existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources)) return;
  log('building the bundle (vite build)…');
  if (run('npx', ['vite', 'build', '--logLevel', 'warn']) !== 0) fail('the build failed; see the output above.');
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
