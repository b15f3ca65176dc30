#!/usr/bin/env node
// Serves the built bundle with a same-origin proxy to Keystone and Glance, a strict
// Content-Security-Policy, and a /config.json generated from the flags.
//
//   node scripts/serve.mjs [--port 8480] [--host 127.0.0.1] [--keystone URL] [--glance URL] [--config FILE] [--no-build] [--dist DIR] [--base /PATH/]
//
// --base /loupe/ serves Loupe under that path (default /): the app, config.json and the proxies
// all live below it, index.html is sent with its <base href> set to it, and / redirects there.
// --keystone is Keystone's v3 URL (https://cloud.example:5000/v3); it is proxied at /keystone.
// --glance is the image endpoint URL as the catalog lists it; it is proxied at /glance and the
// catalog URL is rewritten to that path. Without --glance, the browser calls the catalog URL
// directly (the cloud must then allow CORS from Loupe's origin).
// --glance-upstream URL sends the /glance proxy there instead of to --glance (when the catalog's
// URL is not how this server reaches Glance, e.g. an internal address; the e2e fault drills put a
// proxy they can stop there).
// --config FILE serves that file as config.json instead (no proxying but what it names).
// --dist DIR serves another built bundle (the server's tests use a small fixture); no build.
// --port 0 picks a free port; the "serving Loupe at" line names the one it got.
// --request-timeout SECONDS caps how long one whole request may take (default 0: no cap; see
// the timeouts below). The "timeouts:" line at start-up says what the server runs with.
//
// No request may take the server down: a path it cannot decode gets a 400, an exception in
// the handler a 500, and every stream (file, client, upstream) has its errors handled.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { defaults, ensureBuild, fail, log, parseFlags, readSeed, root } from './lib.mjs';
import { COMPRESSIBLE } from './precompress.mjs';

const flags = parseFlags(process.argv.slice(2), {
  port: 'value',
  host: 'value',
  keystone: 'value',
  glance: 'value',
  config: 'value',
  'no-build': 'switch',
  dist: 'value',
  quiet: 'switch',
  'request-timeout': 'value',
  base: 'value',
  'glance-upstream': 'value',
});
const base = `/${(flags.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base)) fail(`--base must be a path such as /loupe/, got "${flags.base}"`);

const port = Number(flags.port ?? defaults.port);
const host = flags.host ?? '127.0.0.1';
const local = !flags.keystone && !flags.config;
const keystoneUrl = (flags.keystone ?? `http://127.0.0.1:${defaults.keystonePort}/v3`).replace(/\/+$/, '');
const glanceUrl = (flags.glance ?? (local ? `http://127.0.0.1:${defaults.glancePort}` : '')).replace(/\/+$/, '');
const dist = flags.dist ? resolve(flags.dist) : join(root, 'dist');

// Timeouts for transfers. Image data goes through the proxy: a multi-GiB upload over a slow
// link takes as long as it takes, and Node's default requestTimeout (300 s for a whole
// request, body included) would cut it. So there is no cap on a request's duration unless
// --request-timeout asks for one. What is limited is silence and slowness where no transfer
// happens: headers must arrive within a minute (slowloris), an idle keep-alive connection
// closes after 65 s (longer than browsers' and load balancers' usual 60 s, so it is the client
// that closes first), and a connection on which nothing moves either way for 10 minutes,
// to the client or to the upstream, is dropped (a transfer moves bytes all the time).
const requestTimeoutSeconds = Number(flags['request-timeout'] ?? 0);
if (!Number.isFinite(requestTimeoutSeconds) || requestTimeoutSeconds < 0) fail(`--request-timeout must be a number of seconds ≥ 0, got "${flags['request-timeout']}"`);
const REQUEST_TIMEOUT_MS = Math.round(requestTimeoutSeconds * 1000);
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
// Node refuses a headers timeout longer than a (non-zero) request timeout.
const HEADERS_TIMEOUT_MS = REQUEST_TIMEOUT_MS > 0 ? Math.min(60_000, REQUEST_TIMEOUT_MS) : 60_000;
const IDLE_TIMEOUT_MS = 600_000;
// Node checks the request and headers timeouts on this interval (its default is 30 s): a cap
// shorter than that is checked often enough to hold.
const CHECK_INTERVAL_MS = REQUEST_TIMEOUT_MS > 0 ? Math.min(30_000, Math.max(50, Math.round(REQUEST_TIMEOUT_MS / 4))) : 30_000;

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
  if (glanceUrl) upstreams.set('/glance', (flags['glance-upstream'] ?? glanceUrl).replace(/\/+$/, ''));
  // Relative URLs: the app resolves them against its base, so this works under any --base.
  config = {
    keystoneUrl: 'keystone/v3',
    defaultDomain: 'Default',
    region: null,
    endpointRewrites: glanceUrl ? [{ from: glanceUrl, to: 'glance' }] : [],
    cloudName: local ? 'the local stack' : new URL(keystoneUrl).hostname,
  };
  if (local) {
    const seed = readSeed();
    if (seed) config.loginHint = 'Demo users (domain Default): alice, bob, rita, admin — password <name>-secret';
  }
}

if (!flags['no-build'] && !flags.dist) ensureBuild();
if (!existsSync(join(dist, 'index.html'))) {
  fail(flags.dist ? `${dist}/index.html is missing.` : 'dist/index.html is missing: run `npx vite build` (or drop --no-build).');
}

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
  // The hash worker compiles WebAssembly (hash-wasm): that needs 'wasm-unsafe-eval', which allows
  // WebAssembly.compile and nothing else (no eval, no inline script). Workers come from the bundle.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src ${connectSources()}`,
  "object-src 'none'",
  // The app's own <base href> says where it is mounted; nothing else may set one.
  "base-uri 'self'",
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

// Connections to the upstreams are reused, but an idle one is closed after 1 s: sooner than
// any upstream closes its end (gunicorn, which serves Keystone here, keeps an idle connection
// 2 s). Node's default keeps idle sockets 5 s, so a request could go out on a connection the
// upstream had just closed and fail with ECONNRESET: a 502 "Keystone is not answering" at random.
const UPSTREAM_AGENT_OPTIONS = { keepAlive: true, timeout: 1000, scheduling: 'lifo' };
const httpAgent = new http.Agent(UPSTREAM_AGENT_OPTIONS);
const httpsAgent = new https.Agent(UPSTREAM_AGENT_OPTIONS);

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'host']);

/** Logs a failure that a request caused, without taking the server down. */
function logRequestError(request, error) {
  if (flags.quiet) return;
  process.stderr.write(`loupe: ${request.method} ${request.url}: ${error?.stack ?? error}\n`);
}

/** Answers with a short plain-text message, unless the response is already under way or gone. */
function answer(response, status, message, headers = {}) {
  if (response.headersSent || response.destroyed) return;
  const body = message ? { 'Content-Type': 'text/plain; charset=utf-8' } : {};
  response.writeHead(status, { ...SECURITY_HEADERS, ...body, 'Cache-Control': 'no-store', ...headers });
  response.end(message ? `${message}\n` : undefined);
}

function proxy(request, response, prefix, upstream, rest) {
  const base = new URL(upstream);
  const target = new URL(upstream + rest);
  // `..` segments (plain or %2e-encoded) must not climb out of the upstream's own path.
  const basePath = base.pathname.replace(/\/$/, '');
  if (target.origin !== base.origin || (target.pathname !== basePath && !target.pathname.startsWith(`${basePath}/`))) {
    return answer(response, 400, `Bad request: the path leaves ${prefix}.`);
  }
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  delete headers.origin; // same-origin for the browser; the upstream needs no CORS
  delete headers.cookie;
  const agent = target.protocol === 'https:' ? httpsAgent : httpAgent;
  const service = prefix === '/keystone' ? 'Keystone' : 'Glance';
  // `timeout`: the upstream socket's silence limit while this request runs (the agent's 1 s is
  // for idle pooled sockets only).
  const outgoing = (target.protocol === 'https:' ? https : http).request(target, { method: request.method, headers, agent, timeout: IDLE_TIMEOUT_MS }, (upstreamResponse) => {
    if (response.destroyed) return upstreamResponse.destroy();
    const out = {};
    for (const [name, value] of Object.entries(upstreamResponse.headers)) if (!HOP_BY_HOP.has(name)) out[name] = value;
    response.writeHead(upstreamResponse.statusCode ?? 502, out);
    // pipeline destroys both sides when either fails: an upstream that drops mid-body cuts the
    // client's response short (it cannot be a clean 502 any more), a client that leaves stops the upstream.
    pipeline(upstreamResponse, response, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') logRequestError(request, error);
    });
  });
  outgoing.on('timeout', () => {
    const error = new Error(`no data from ${service} for ${IDLE_TIMEOUT_MS / 1000} s`);
    error.code = 'ETIMEDOUT';
    outgoing.destroy(error);
  });
  outgoing.on('error', (error) => {
    // Mid-answer, or while the browser is still sending a body (an upload): cut its connection,
    // so it fails now. A 502 sent early may not be read until the whole body has gone out.
    if (response.headersSent || response.destroyed || !request.complete) return response.destroy();
    response.writeHead(502, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify({ error: { code: 502, title: 'Bad Gateway', message: `${service} at ${upstream} is not reachable or dropped the connection (${error.code ?? error.message}).` } }));
  });
  // A client that disconnects before the answer is complete: drop the upstream request too.
  response.on('close', () => {
    if (!response.writableFinished) outgoing.destroy();
  });
  pipeline(request, outgoing, (error) => {
    if (error) outgoing.destroy();
  });
}

/**
 * The content codings a request accepts that the bundle has copies for, best first: Brotli,
 * then gzip. `q=0` refuses a coding; `*` stands for any coding not named.
 */
function acceptedEncodings(header = '') {
  const quality = new Map();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    quality.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const accepts = (coding) => (quality.get(coding) ?? quality.get('*') ?? 0) > 0;
  return ['br', 'gzip'].filter(accepts);
}

const PRECOMPRESSED = { br: '.br', gzip: '.gz' };

/** Sends a file of the bundle, as its precompressed copy when the client takes one. */
function serveFile(request, response, file, { immutable }) {
  const compressible = COMPRESSIBLE.has(extname(file));
  const coding = compressible ? acceptedEncodings(request.headers['accept-encoding']).find((name) => existsSync(file + PRECOMPRESSED[name])) : undefined;
  const sent = coding ? file + PRECOMPRESSED[coding] : file;
  const stat = statSync(sent);
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    // Caches must keep the copies apart: the answer depends on Accept-Encoding.
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    ...(coding ? { 'Content-Encoding': coding } : {}),
  });
  if (request.method === 'HEAD') return response.end();
  pipeline(createReadStream(sent), response, (error) => {
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') logRequestError(request, error);
  });
}

/** The file under dist/ that a decoded path names, if it is one; never anything outside dist/. */
function fileInDist(path) {
  const file = resolve(dist, `.${path}`);
  const inside = relative(dist, file);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  if (!existsSync(file) || !statSync(file).isFile()) return undefined;
  return file;
}

/**
 * The request target's path, raw and decoded, or undefined when it cannot be one: not
 * origin-form (`*`, `http://…`), a malformed percent escape, or a NUL byte.
 */
function parsePath(url) {
  const raw = url.split('?', 1)[0];
  if (!raw.startsWith('/')) return undefined;
  let decoded;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined; // URIError: a malformed escape such as %ZZ or a cut-off UTF-8 sequence
  }
  if (decoded.includes('\0')) return undefined;
  return { raw, decoded };
}

function handle(request, response) {
  response.on('error', (error) => logRequestError(request, error));
  const parsed = parsePath(request.url ?? '');
  if (!parsed) return answer(response, 400, 'Bad request: the path is not a valid URL path.');
  if (base !== '/' && !parsed.raw.startsWith(base)) {
    // The mount point itself, or the root, lead to the app; anything else outside it does not exist here.
    if (parsed.raw === '/' || `${parsed.raw}/` === base) return answer(response, 302, '', { Location: base });
    return answer(response, 404, `Not found: Loupe is served under ${base}`);
  }
  // From here on, paths are the app's own: the base is taken off (raw, decoded and the target).
  const raw = parsed.raw.slice(base.length - 1);
  const path = parsed.decoded.slice(base.length - 1);
  const target = request.url.slice(base.length - 1);
  // Prefixes match the raw path, so an encoded slash cannot make a path look proxied.
  for (const [prefix, upstream] of upstreams) {
    if (raw === prefix || raw.startsWith(`${prefix}/`)) return proxy(request, response, prefix, upstream, target.slice(prefix.length));
  }
  if (request.method === 'OPTIONS') return answer(response, 204, '', { Allow: 'GET, HEAD, OPTIONS' });
  if (request.method !== 'GET' && request.method !== 'HEAD') return answer(response, 405, 'Method not allowed.', { Allow: 'GET, HEAD, OPTIONS' });
  if (path === '/config.json') {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' });
    return response.end(request.method === 'HEAD' ? undefined : JSON.stringify(config, null, 2));
  }
  if (path === '/' || path === '/index.html') return serveIndex(request, response);
  const file = fileInDist(path);
  if (file) return serveFile(request, response, file, { immutable: path.startsWith('/assets/') });
  if (path.startsWith('/assets/') || extname(path)) return answer(response, 404, 'Not found');
  // Client-side routes all get the app.
  serveIndex(request, response);
}

/** index.html, with its <base href> pointing at --base when Loupe is not at the root. */
function serveIndex(request, response) {
  const file = join(dist, 'index.html');
  if (base === '/') return serveFile(request, response, file, { immutable: false });
  // Rewritten for this server's base and sent uncompressed (about 1.5 KiB; the build writes no copies of index.html).
  const html = Buffer.from(readFileSync(file, 'utf8').replace(/<base href="[^"]*"/, `<base href="${base}"`));
  response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': TYPES['.html'], 'Content-Length': html.length, 'Cache-Control': 'no-cache' });
  response.end(request.method === 'HEAD' ? undefined : html);
}

const serverOptions = {
  requestTimeout: REQUEST_TIMEOUT_MS,
  headersTimeout: HEADERS_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionsCheckingInterval: CHECK_INTERVAL_MS,
};
const server = http.createServer(serverOptions, (request, response) => {
  try {
    handle(request, response);
  } catch (error) {
    logRequestError(request, error);
    if (response.headersSent) response.destroy();
    else answer(response, 500, 'Internal error in the Loupe server; it keeps running. See its log.');
  }
});

// Silence on a client connection (nothing received or sent) for this long drops it.
server.setTimeout(IDLE_TIMEOUT_MS);

server.on('error', (error) => {
  if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use: stop what runs there or pass --port N.`);
  fail(error.message);
});

server.listen(port, host, () => {
  if (flags.quiet) return;
  log(`serving Loupe at http://${host}:${server.address().port}${base}`);
  for (const [prefix, upstream] of upstreams) log(`  ${base.slice(0, -1)}${prefix} → ${upstream}`);
  // Read back from the server itself, so the line says what it really runs with.
  const seconds = (ms) => `${ms / 1000} s`;
  log(
    `  timeouts: whole request ${server.requestTimeout ? seconds(server.requestTimeout) : 'none'}, headers ${seconds(server.headersTimeout)}, ` +
      `idle keep-alive ${seconds(server.keepAliveTimeout)}, silence ${seconds(server.timeout)}`,
  );
});

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
