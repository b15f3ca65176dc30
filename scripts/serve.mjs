#!/usr/bin/env node
// Serves the built bundle with a same-origin proxy to Keystone and Glance, a strict
// Content-Security-Policy, and a /config.json generated from the flags.
//
//   node scripts/serve.mjs [--port 8480] [--host 127.0.0.1] [--keystone URL] [--glance URL] [--config FILE] [--no-build]
//
// --keystone is Keystone's v3 URL (https://cloud.example:5000/v3); it is proxied at /keystone.
// --glance is the image endpoint URL as the catalog lists it; it is proxied at /glance and the
// catalog URL is rewritten to that path. Without --glance, the browser calls the catalog URL
// directly (the cloud must then allow CORS from Loupe's origin).
// --config FILE serves that file as config.json instead (no proxying but what it names).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { extname, join, normalize, resolve } from 'node:path';
import { defaults, ensureBuild, fail, log, parseFlags, readSeed, root } from './lib.mjs';

const flags = parseFlags(process.argv.slice(2), {
  port: 'value',
  host: 'value',
  keystone: 'value',
  glance: 'value',
  config: 'value',
  'no-build': 'switch',
  quiet: 'switch',
});

const port = Number(flags.port ?? defaults.port);
const host = flags.host ?? '127.0.0.1';
const local = !flags.keystone && !flags.config;
const keystoneUrl = (flags.keystone ?? `http://127.0.0.1:${defaults.keystonePort}/v3`).replace(/\/+$/, '');
const glanceUrl = (flags.glance ?? (local ? `http://127.0.0.1:${defaults.glancePort}` : '')).replace(/\/+$/, '');
const dist = join(root, 'dist');

if (!/^https?:\/\//.test(keystoneUrl)) fail(`--keystone must be an http(s) URL, got "${keystoneUrl}"`);
if (!/\/v3$/.test(keystoneUrl)) fail(`--keystone must be Keystone's v3 URL, ending in /v3 (got "${keystoneUrl}")`);

// Path prefix → upstream base URL.
const upstreams = new Map();
let config;
if (flags.config) {
  const file = resolve(flags.config);
  if (!existsSync(file)) fail(`config file ${file} does not exist`);
  config = JSON.parse(readFileSync(file, 'utf8'));
} else {
  upstreams.set('/keystone', keystoneUrl.replace(/\/v3$/, ''));
  if (glanceUrl) upstreams.set('/glance', glanceUrl);
  config = {
    keystoneUrl: '/keystone/v3',
    defaultDomain: 'Default',
    region: null,
    endpointRewrites: glanceUrl ? [{ from: glanceUrl, to: '/glance' }] : [],
    cloudName: local ? 'the local stack' : new URL(keystoneUrl).hostname,
  };
  if (local) {
    const seed = readSeed();
    if (seed) config.loginHint = 'Demo users (domain Default): alice, bob, rita, admin — password <name>-secret';
  }
}

if (!flags['no-build']) ensureBuild();
if (!existsSync(join(dist, 'index.html'))) fail('dist/index.html is missing: run `npx vite build` (or drop --no-build).');

// The browser only ever talks to this origin, unless config.json points elsewhere (CORS mode).
function connectSources() {
  const sources = new Set(["'self'"]);
  for (const url of [config.keystoneUrl, ...(config.endpointRewrites ?? []).map((rule) => rule.to)]) {
    if (/^https?:\/\//.test(url ?? '')) sources.add(new URL(url).origin);
  }
  if (!(config.endpointRewrites ?? []).length && !local) sources.add('https:'); // catalog URLs are unknown in advance
  return [...sources].join(' ');
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src ${connectSources()}`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

function proxy(request, response, prefix, upstream) {
  const target = new URL(upstream + request.url.slice(prefix.length));
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  delete headers.origin; // same-origin for the browser; the upstream needs no CORS
  delete headers.cookie;
  const client = target.protocol === 'https:' ? https : http;
  const outgoing = client.request(target, { method: request.method, headers }, (upstreamResponse) => {
    const out = {};
    for (const [name, value] of Object.entries(upstreamResponse.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
    response.writeHead(upstreamResponse.statusCode ?? 502, out);
    upstreamResponse.pipe(response);
  });
  outgoing.on('error', (error) => {
    if (response.headersSent) return response.destroy(error);
    const service = prefix === '/keystone' ? 'Keystone' : 'Glance';
    response.writeHead(502, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify({ error: { code: 502, title: 'Bad Gateway', message: `${service} at ${upstream} is not reachable (${error.code ?? error.message}).` } }));
  });
  request.on('aborted', () => outgoing.destroy());
  request.pipe(outgoing);
}

function serveFile(response, file, { immutable }) {
  const stat = statSync(file);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  createReadStream(file).pipe(response);
}

const server = http.createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  for (const [prefix, upstream] of upstreams) {
    if (path === prefix || path.startsWith(`${prefix}/`)) return proxy(request, response, prefix, upstream);
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' });
    return response.end();
  }
  if (path === '/config.json') {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
    return response.end(JSON.stringify(config, null, 2));
  }
  const file = normalize(join(dist, path));
  if (file.startsWith(dist) && existsSync(file) && statSync(file).isFile()) {
    return serveFile(response, file, { immutable: path.startsWith('/assets/') });
  }
  if (path.startsWith('/assets/') || extname(path)) {
    response.writeHead(404, { 'Content-Type': 'text/plain' });
    return response.end('Not found');
  }
  // Client-side routes all get the app.
  serveFile(response, join(dist, 'index.html'), { immutable: false });
});

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use: stop what runs there or pass --port N.`);
  fail(error.message);
});

server.listen(port, host, () => {
  if (flags.quiet) return;
  log(`serving Loupe at http://${host}:${port}/`);
  for (const [prefix, upstream] of upstreams) log(`  ${prefix} → ${upstream}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
