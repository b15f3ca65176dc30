import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seed } from './stack';

// Debian's nginx serving a copy of dist/ as the README tells an operator to: the reference
// config (scripts/deploy/loupe.nginx.conf) with its @…@ values filled in, <base href> edited in
// index.html, and a config.json written for the local stack. `npm test` installs nginx.

export interface NginxDeployment {
  url: string;
  base: string;
  dist: string;
  stop: () => void;
}

export async function deployWithNginx(port: number, base: string): Promise<NginxDeployment> {
  const dir = mkdtempSync(join(tmpdir(), 'loupe-nginx-'));
  const dist = join(dir, 'dist');
  cpSync('dist', dist, { recursive: true });
  // The one line an operator edits for a sub-path.
  const indexFile = join(dist, 'index.html');
  writeFileSync(indexFile, readFileSync(indexFile, 'utf8').replace('<base href="/"', `<base href="${base}"`));
  writeFileSync(join(dist, 'config.json'), JSON.stringify({ keystoneUrl: 'keystone/v3', endpointRewrites: [{ from: seed().glance_url, to: 'glance' }], cloudName: 'nginx' }));

  const values: Record<string, string> = {
    LISTEN: `127.0.0.1:${port}`,
    BASE: base,
    DIST: dist,
    KEYSTONE: new URL(seed().keystone_url).origin,
    GLANCE: seed().glance_url.replace(/\/+$/, ''),
    HEADERS: resolve('scripts/deploy/loupe-security-headers.conf'),
  };
  const site = readFileSync('scripts/deploy/loupe.nginx.conf', 'utf8').replace(/@([A-Z]+)@/g, (token, name: string) => values[name] ?? token);
  for (const temp of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, temp));
  writeFileSync(join(dir, 'site.conf'), site);
  // The main file a Debian host already has, reduced to this test's own files and ports.
  writeFileSync(
    join(dir, 'nginx.conf'),
    [
      'user root;',
      'worker_processes 1;',
      'daemon off;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      // Debian's module snippets name modules relative to nginx's prefix; this one has its own.
      'load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;',
      'events { worker_connections 256; }',
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      `  access_log ${dir}/access.log;`,
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((temp) => `  ${temp === 'body' ? 'client_body' : temp}_temp_path ${dir}/${temp};`),
      `  include ${dir}/site.conf;`,
      '}',
    ].join('\n'),
  );
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill();
    rmSync(dir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 50; attempt += 1) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${url}${base}config.json`)).ok) return { url, base, dist, stop };
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  const log = (() => {
    try {
      return readFileSync(join(dir, 'error.log'), 'utf8');
    } catch {
      return '';
    }
  })();
  stop();
  throw new Error(`nginx did not start on ${port}: ${stderr}${log}`);
}
