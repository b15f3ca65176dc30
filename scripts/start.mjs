#!/usr/bin/env node
// `npm start`: installs what is missing, brings up the seeded local Keystone + Glance,
// builds the bundle and serves it. `npm start -- --keystone https://cloud/v3 [--glance URL]`
// (or `--config loupe.json`) serves Loupe against another cloud instead, without the stack.
import { spawn } from 'node:child_process';
import { checkNode, ensureBuild, ensureNpmPackages, fail, log, parseFlags, readSeed, root, run } from './lib.mjs';

const argv = process.argv.slice(2);
const flags = parseFlags(argv, { port: 'value', host: 'value', keystone: 'value', glance: 'value', config: 'value' });
const local = !flags.keystone && !flags.config;
const started = Date.now();

checkNode();
ensureNpmPackages();
if (local) {
  // The stack script installs Debian's Keystone and Glance when root, or says what is missing.
  if (run('bash', ['scripts/stack.sh', 'up']) !== 0) fail('the local Keystone + Glance did not start; see the messages above.');
}
ensureBuild();

const server = spawn(process.execPath, ['scripts/serve.mjs', '--no-build', ...argv], { cwd: root, stdio: 'inherit' });
server.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));

setTimeout(() => {
  if (server.exitCode !== null) return;
  const port = flags.port ?? process.env.LOUPE_PORT ?? 8480;
  log(`ready in ${Math.round((Date.now() - started) / 1000)} s: open http://${flags.host ?? '127.0.0.1'}:${port}/`);
  const seed = local ? readSeed() : undefined;
  if (seed) {
    log('demo logins (domain Default):');
    for (const [name, user] of Object.entries(seed.users ?? {})) log(`  ${name.padEnd(6)} ${user.password ?? ''}  ${user.description ?? ''}`);
    const credential = seed.application_credential;
    if (credential) log(`  application credential: id ${credential.id}  secret ${credential.secret}`);
    log('stop with Ctrl-C (the stack keeps running: `npm run stack -- down` stops it)');
  }
}, 500);
