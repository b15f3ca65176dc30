// @vitest-environment node
// Starts the real scripts/serve.mjs on a fixture bundle, with a fake upstream behind /keystone
// and /glance, and throws hostile requests at it. After each, the server must still be up and
// serving the app and /config.json, and nothing outside the bundle may ever come back.
// Then its timeouts for long transfers (the real 300 s+ upload is in serve.long.test.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createUploadSink, patternBytes, sha256, spawnServe, throttledUpload } from './serve-test-support.mjs';

const SECRET = 'outside-the-bundle-3f9c2a';
const INDEX = '<!doctype html><title>fixture app</title><div id="root"></div>\n';
const APP_JS = 'console.log("app");\n';

let tmp;
let server; // the serve.mjs child process
let serverLog = '';
let served; // spawnServe's handle on it
let origin;
const sink = createUploadSink(); // uploads the fake Glance received
let upstream; // the fake Keystone/Glance
let upstreamPort;
const hangingRequests = []; // upstream requests that are never answered: { closed }

function startUpstream() {
  upstream = http.createServer((request, response) => {
    const path = request.url ?? '';
    if (sink.handle(request, response)) return;
    if (path === '/v3/ok' || path === '/image/ok') {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      return response.end(JSON.stringify({ ok: true, path }));
    }
    if (path === '/v3/drop') return request.socket.destroy(); // before any answer
    if (path === '/v3/half') {
      // Promises 100 bytes, sends 5, then drops the connection.
      response.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '100' });
      response.write('half.');
      return setTimeout(() => request.socket.destroy(), 50);
    }
    if (path === '/v3/hang') {
      const entry = { closed: false };
      hangingRequests.push(entry);
      return response.on('close', () => (entry.closed = true));
    }
    response.writeHead(404);
    response.end();
  });
  return new Promise((resolve) => upstream.listen(0, '127.0.0.1', () => resolve(upstream.address().port)));
}

const serverArgs = (dist) => ['--dist', dist, '--keystone', `http://127.0.0.1:${upstreamPort}/v3`, '--glance', `http://127.0.0.1:${upstreamPort}/image`];

async function startServer(dist) {
  served = await spawnServe(serverArgs(dist));
  server = served.child;
  server.stderr.on('data', (chunk) => (serverLog += chunk));
  return served.origin;
}

/** Sends bytes exactly as written (fetch would normalise the path) and reads the answer. */
function raw(head, { closeAfterMs } = {}) {
  const { port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let data = Buffer.alloc(0);
    let failure;
    socket.on('data', (chunk) => (data = Buffer.concat([data, chunk])));
    // The server may answer and close while we still write (431): keep what it said.
    socket.on('error', (error) => (failure = error));
    socket.on('close', () => {
      if (data.length === 0 && failure) return reject(failure);
      const text = data.toString('latin1');
      const [top, ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(top ?? '')?.[1] ?? 0);
      const body = rest.join('\r\n\r\n');
      resolve({ status, head: top ?? '', body: /^transfer-encoding: chunked/im.test(top ?? '') ? unchunk(body) : body });
    });
    socket.setTimeout(10_000, () => socket.destroy(new Error(`no answer to ${head.split('\r\n')[0]}`)));
    socket.write(head);
    if (closeAfterMs !== undefined) setTimeout(() => socket.destroy(), closeAfterMs);
  });
}

/** The payload of a chunked body (as far as it arrived). */
function unchunk(body) {
  let out = '';
  let rest = body;
  for (;;) {
    const line = /^([0-9a-f]+)\r\n/i.exec(rest);
    const size = line ? parseInt(line[1], 16) : 0;
    if (!line || size === 0) return out;
    out += rest.slice(line[0].length, line[0].length + size);
    rest = rest.slice(line[0].length + size + 2);
  }
}

const get = (target, method = 'GET', extra = '') => raw(`${method} ${target} HTTP/1.1\r\nHost: loupe.test\r\n${extra}Connection: close\r\n\r\n`);

async function expectStillServing() {
  expect(server.exitCode, `serve.mjs died: ${serverLog}`).toBeNull();
  const page = await fetch(`${origin}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toBe(INDEX);
  const config = await fetch(`${origin}/config.json`);
  expect(config.status).toBe(200);
  expect(await config.json()).toMatchObject({ keystoneUrl: 'keystone/v3' });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'loupe-serve-'));
  const dist = join(tmp, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'app.js'), 'console.log("app");\n');
  // Precompressed copies, as the build writes them (scripts/precompress.mjs).
  writeFileSync(join(dist, 'assets', 'app.js.br'), brotliCompressSync(APP_JS));
  writeFileSync(join(dist, 'assets', 'app.js.gz'), gzipSync(APP_JS));
  writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(INDEX));
  // Files next to the bundle that no request may reach, one in a directory whose name
  // starts with "dist" (a prefix check without a separator would let it through).
  writeFileSync(join(tmp, 'package.json'), JSON.stringify({ name: SECRET }));
  writeFileSync(join(tmp, 'secret'), SECRET);
  mkdirSync(join(tmp, 'dist-private'));
  writeFileSync(join(tmp, 'dist-private', 'key.txt'), SECRET);
  upstreamPort = await startUpstream();
  origin = await startServer(dist);
});

afterAll(async () => {
  await served?.stop();
  upstream?.closeAllConnections();
  upstream?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

afterEach(expectStillServing);

describe('scripts/serve.mjs under hostile requests', () => {
  it('serves the app, its assets and config.json', async () => {
    expect((await get('/')).status).toBe(200);
    expect((await get('/images/abc?x=1')).body).toBe(INDEX); // a client-side route
    const asset = await get('/assets/app.js');
    expect(asset.status).toBe(200);
    expect(asset.head).toMatch(/cache-control: public, max-age=31536000, immutable/i);
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it.each([
    ['br', 'gzip, deflate, br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
    ['gzip', 'br;q=0, gzip;q=0.5', gunzipSync],
    ['br', '*', brotliDecompressSync],
  ])('sends the %s copy of an asset for Accept-Encoding: %s, with Vary', async (coding, accept, decompress) => {
    const answer = await get('/assets/app.js', 'GET', `Accept-Encoding: ${accept}\r\n`);
    expect(answer.head).toMatch(new RegExp(`content-encoding: ${coding}`, 'i'));
    expect(answer.head).toMatch(/vary: accept-encoding/i);
    expect(answer.head).toMatch(/cache-control: public, max-age=31536000, immutable/i);
    expect(decompress(Buffer.from(answer.body, 'latin1')).toString()).toBe(APP_JS);
  });

  it('sends the file as it is when no copy fits, and the app page compressed on client routes', async () => {
    for (const accept of ['', 'Accept-Encoding: identity\r\n', 'Accept-Encoding: gzip;q=0, br;q=0\r\n']) {
      const answer = await get('/assets/app.js', 'GET', accept);
      expect(answer.head).not.toMatch(/content-encoding/i);
      expect(answer.head).toMatch(/vary: accept-encoding/i);
      expect(answer.body).toBe(APP_JS);
    }
    // index.html has only a Brotli copy here: gzip gets the plain page.
    expect((await get('/images/x', 'GET', 'Accept-Encoding: gzip\r\n')).body).toBe(INDEX);
    const page = await get('/images/x', 'GET', 'Accept-Encoding: br\r\n');
    expect(page.head).toMatch(/cache-control: no-cache/i);
    expect(brotliDecompressSync(Buffer.from(page.body, 'latin1')).toString()).toBe(INDEX);
  });

  it.each(['/%ZZ', '/metadefs/%ZZ', '/metadefs/%E0%A4%A', '/images/%', '/keystone/v3/%ZZ', '/glance/%E0%A4%A', '/a%00b'])(
    'answers 400 to the undecodable path %s',
    async (target) => {
      const answer = await get(target);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(/not a valid URL path/);
    },
  );

  it('answers 400 to a request target that is not a path', async () => {
    expect((await get('http://elsewhere.test/')).status).toBe(400);
    expect((await get('*', 'OPTIONS')).status).toBe(400);
  });

  it('answers 431 to an overlong header', async () => {
    const answer = await get('/', 'GET', `X-Padding: ${'a'.repeat(64 * 1024)}\r\n`);
    expect(answer.status).toBe(431);
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/package.json',
    '/..%2fpackage.json',
    '/assets%2f..%2f..%2fpackage.json',
    '/../dist-private/key.txt',
    '/%2e%2e%2fdist-private%2fkey.txt',
  ])('never serves a file outside the bundle: %s', async (target) => {
    const answer = await get(target);
    expect(answer.body).not.toContain(SECRET);
    expect(answer.status).toBe(404);
  });

  it('answers a traversal without an extension with the app, not the file', async () => {
    for (const target of ['/../secret', '/%2e%2e/secret', '/..%2fsecret']) {
      const answer = await get(target);
      expect(answer.body).not.toContain(SECRET);
      expect(answer.body).toBe(INDEX);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const page = await get('/', 'HEAD');
    expect(page.status).toBe(200);
    expect(page.head).toMatch(new RegExp(`content-length: ${Buffer.byteLength(INDEX)}`, 'i'));
    expect(page.body).toBe('');
    const config = await get('/config.json', 'HEAD');
    expect(config.status).toBe(200);
    expect(config.body).toBe('');
  });

  it('answers OPTIONS with what it allows, and refuses other methods', async () => {
    const options = await get('/', 'OPTIONS');
    expect(options.status).toBe(204);
    expect(options.head).toMatch(/allow: GET, HEAD, OPTIONS/i);
    const post = await raw('POST / HTTP/1.1\r\nHost: loupe.test\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}');
    expect(post.status).toBe(405);
  });

  it('proxies to the upstream, and keeps paths inside the upstream base', async () => {
    const keystone = await get('/keystone/v3/ok');
    expect(keystone.status).toBe(200);
    expect(JSON.parse(keystone.body)).toEqual({ ok: true, path: '/v3/ok' });
    const glance = await get('/glance/ok');
    expect(JSON.parse(glance.body)).toEqual({ ok: true, path: '/image/ok' });
    // /glance/../v3/ok would reach a path the --glance URL does not cover.
    expect((await get('/glance/%2e%2e/v3/ok')).status).toBe(400);
    // An encoded slash does not make a path look proxied: this one is a plain (missing) file.
    expect((await get('/keystone%2fv3%2fok.json')).status).toBe(404);
  });

  it('answers 502 when the upstream drops the connection before answering', async () => {
    const answer = await get('/keystone/v3/drop');
    expect(answer.status).toBe(502);
    expect(JSON.parse(answer.body).error.message).toMatch(/Keystone .* not reachable or dropped the connection/);
  });

  it('cuts the response short when the upstream drops mid-body', async () => {
    const answer = await get('/keystone/v3/half');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('half.');
  });

  it('drops the upstream request when the client disconnects mid-proxy', async () => {
    const before = hangingRequests.length;
    await raw('GET /keystone/v3/hang HTTP/1.1\r\nHost: loupe.test\r\n\r\n', { closeAfterMs: 300 });
    await expect.poll(() => hangingRequests.length).toBe(before + 1);
    await expect.poll(() => hangingRequests.at(-1)?.closed, { timeout: 5000 }).toBe(true);
  });

  it('survives a burst of all of the above at once', async () => {
    const targets = ['/%ZZ', '/..%2fpackage.json', '/keystone/v3/drop', '/keystone/v3/half', '/metadefs/%E0%A4%A', '/'];
    const answers = await Promise.all(targets.flatMap((target) => [get(target), get(target, 'HEAD')]));
    for (const answer of answers) expect(answer.body).not.toContain(SECRET);
  });
});

describe('scripts/serve.mjs timeouts for long transfers', () => {
  it('puts no cap on how long a request may take, and says so at start-up (read back from the server)', () => {
    expect(served.output()).toMatch(/timeouts: whole request none, headers 60 s, idle keep-alive 65 s, silence 600 s\n/);
  });

  // Node cuts a request that is still arriving after requestTimeout (300 s by default) with a
  // 408. The same throttled upload goes to two servers at once: one capped at 1 s (Node's
  // default, scaled down), which must cut it, and the real configuration, which must carry it
  // whole to Glance. serve.long.test.mjs does the same past the real 300 s.
  it('carries a throttled upload whole past the request cap that cuts it on a capped server', async () => {
    const capped = await spawnServe([...serverArgs(join(tmp, 'dist')), '--request-timeout', '1']);
    try {
      expect(capped.output()).toMatch(/timeouts: whole request 1 s, headers 1 s/);
      const body = patternBytes(256 * 1024);
      const upload = (base, id) => throttledUpload(base, `/glance/v2/images/${id}/file`, body, { seconds: 3, steps: 16 });
      const [whole, cut] = await Promise.all([upload(origin, 'img-uncapped'), upload(capped.origin, 'img-capped')]);

      expect(cut.status).toBe(408);
      expect(cut.elapsedMs).toBeLessThan(2500);
      await expect.poll(() => sink.uploads.get('img-capped')?.bytes ?? 0).toBeGreaterThan(0); // it did reach Glance…
      expect(sink.uploads.get('img-capped')?.complete).toBe(false); // …and was cut short there

      expect(whole.status).toBe(204);
      expect(whole.elapsedMs).toBeGreaterThanOrEqual(3000);
      expect(sink.uploads.get('img-uncapped')).toEqual({ bytes: body.length, complete: true, sha256: sha256(body) });
      expect(capped.child.exitCode).toBeNull();
    } finally {
      await capped.stop();
    }
  });
});

describe('scripts/serve.mjs under a sub-path (--base /loupe/)', () => {
  let mounted;
  const at = (path, init) => fetch(`${mounted.origin}${path}`, { redirect: 'manual', ...init });

  beforeAll(async () => {
    const dist = join(tmp, 'dist-base');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><base href="/" /><title>fixture</title>\n');
    writeFileSync(join(dist, 'assets', 'app.js'), APP_JS);
    mounted = await spawnServe([...serverArgs(dist), '--base', '/loupe/']);
  });
  afterAll(() => mounted?.stop());

  it('sends the app with its base set to the sub-path, for the mount point and every client route', async () => {
    for (const path of ['/loupe/', '/loupe/images/abc', '/loupe/metadefs/OS%3A%3AX/tags']) {
      const page = await at(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<base href="/loupe/"');
      expect(page.headers.get('content-security-policy')).toContain("base-uri 'self'");
    }
  });

  it('serves assets, config.json (relative URLs) and the proxies below it, and nothing above it', async () => {
    expect(await (await at('/loupe/assets/app.js')).text()).toBe(APP_JS);
    expect(await (await at('/loupe/config.json')).json()).toMatchObject({ keystoneUrl: 'keystone/v3', endpointRewrites: [{ to: 'glance' }] });
    expect(await (await at('/loupe/keystone/v3/ok')).json()).toEqual({ ok: true, path: '/v3/ok' });
    expect((await at('/assets/app.js')).status).toBe(404);
    expect((await at('/keystone/v3/ok')).status).toBe(404);
    expect((await at('/loupeX/')).status).toBe(404);
  });

  it('sends the root and the bare mount point to the app', async () => {
    for (const path of ['/', '/loupe']) {
      const answer = await at(path);
      expect(answer.status).toBe(302);
      expect(answer.headers.get('location')).toBe('/loupe/');
    }
  });
});
