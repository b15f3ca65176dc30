// Debian's nginx serving a copy of dist/ as the README tells an operator to: the reference
// config (loupe.nginx.conf) with its @…@ values filled in, <base href> edited in index.html and
// a config.json written for the cloud. Used by e2e/nginx.spec.ts and scripts/bench-wire.mjs.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../lib.mjs';

const TEMP_DIRS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];

/**
 * Starts nginx on 127.0.0.1:`port` with Loupe under `base` ("/" or "/loupe/"), proxying to
 * `keystoneUrl` (Keystone's root, no /v3) and `glanceUrl` (as the catalog lists it).
 * Resolves once config.json answers; `stop()` ends nginx and removes its files.
 */
export async function deployWithNginx({ port, base, keystoneUrl, glanceUrl }) {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-nginx-'));
  const dist = join(dir, 'dist');
  cpSync(join(root, 'dist'), dist, { recursive: true });
  // The one line an operator edits for a sub-path.
  const indexFile = join(dist, 'index.html');
  writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace('<base href="/"', `<base href="${base}"`));
  writeFileSync(join(dist, 'config.json'), JSON.stringify({ keystoneUrl: 'keystone/v3', endpointRewrites: [{ from: glanceUrl, to: 'glance' }], cloudName: 'nginx' }));

  const values = {
    LISTEN: `127.0.0.1:${port}`,
    BASE: base,
    DIST: dist,
    KEYSTONE: keystoneUrl.replace(/\/+$/, ''),
    GLANCE: glanceUrl.replace(/\/+$/, ''),
    HEADERS: join(root, 'scripts/deploy/loupe-security-headers.conf'),
  };
  const site = readFileSync(join(root, 'scripts/deploy/loupe.nginx.conf'), 'utf8').replace(/@([A-Z]+)@/g, (token, name) => values[name] ?? token);
  for (const temp of TEMP_DIRS) mkdirSync(join(dir, temp));
  writeFileSync(join(dir, 'site.conf'), site);
  // The main file a Debian host already has, reduced to these files and this port. Debian's
  // module snippets name modules relative to nginx's prefix, so the Brotli one is loaded by path.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'user root;',
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;',
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${dir}/access.log;`,
      ...TEMP_DIRS.map((temp) => `  ${temp}_temp_path ${dir}/${temp};`),
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const child = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (child.exitCode !== null) break;
    const ok = await fetch(`${url}${base}config.json`).then((response) => response.ok, () => false);
    if (ok) return { url, base, dist, stop };
    await new Promise((done) => setTimeout(done, 100));
  }
  let log = '';
  try {
    log = readFileSync(join(dir, 'error.log'), 'utf8');
  } catch {
    // nginx did not get as far as its log
  }
  stop();
  throw new Error(`nginx did not start on ${port}: ${stderr}${log}`);
}
