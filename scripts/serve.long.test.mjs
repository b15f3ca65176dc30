// @vitest-environment node
// The real thing, past Node's real default: an upload through scripts/serve.mjs that trickles
// for 340 s (Node's requestTimeout is 300 s, checked every 30 s, so a server with Node's
// defaults cuts it by 330 s). Two servers take the same upload at once: serve.mjs as shipped,
// which must carry it whole to Glance, and serve.mjs with --request-timeout 300 (Node's
// default requestTimeout and check interval), which must cut it.
//
// Six minutes: it runs only with LOUPE_LONG_TESTS=1. `npm test` starts it in the background
// at the beginning and collects it at the end, so it adds no wall time (scripts/test.mjs).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUploadSink, patternBytes, sha256, spawnServe, throttledUpload } from './serve-test-support.mjs';

const NODE_DEFAULT_REQUEST_TIMEOUT_S = 300;
const UPLOAD_SECONDS = 340;

describe.runIf(process.env.LOUPE_LONG_TESTS === '1')('scripts/serve.mjs: an upload longer than Node’s default requestTimeout', () => {
  let tmp;
  let upstream;
  const sink = createUploadSink();
  const servers = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'loupe-serve-long-'));
    mkdirSync(join(tmp, 'dist'));
    writeFileSync(join(tmp, 'dist', 'index.html'), '<!doctype html><title>fixture</title>\n');
    // The fake Glance must not cut the upload itself: Node's defaults would, at 300 s (a first
    // run of this test got its 408 from there, relayed by serve.mjs).
    upstream = http.createServer({ requestTimeout: 0 }, (request, response) => {
      if (!sink.handle(request, response)) response.writeHead(404).end();
    });
    await new Promise((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    upstream?.closeAllConnections();
    upstream?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it(
    `carries a ${UPLOAD_SECONDS} s upload whole, which Node's default ${NODE_DEFAULT_REQUEST_TIMEOUT_S} s cuts`,
    async () => {
      const base = `http://127.0.0.1:${upstream.address().port}`;
      const args = ['--dist', join(tmp, 'dist'), '--keystone', `${base}/v3`, '--glance', `${base}/image`];
      const shipped = await spawnServe(args);
      servers.push(shipped);
      const nodeDefault = await spawnServe([...args, '--request-timeout', String(NODE_DEFAULT_REQUEST_TIMEOUT_S)]);
      servers.push(nodeDefault);
      expect(shipped.output()).toMatch(/timeouts: whole request none/);
      expect(nodeDefault.output()).toMatch(/timeouts: whole request 300 s, headers 60 s/);

      const body = patternBytes(1024 * 1024);
      const upload = (origin, id) => throttledUpload(origin, `/glance/v2/images/${id}/file`, body, { seconds: UPLOAD_SECONDS, steps: 341 });
      const [whole, cut] = await Promise.all([upload(shipped.origin, 'img-shipped'), upload(nodeDefault.origin, 'img-node-default')]);

      expect(cut.status).toBe(408);
      expect(cut.elapsedMs).toBeGreaterThan(NODE_DEFAULT_REQUEST_TIMEOUT_S * 1000);
      expect(sink.uploads.get('img-node-default')?.complete).toBe(false);

      expect(whole.status).toBe(204);
      expect(whole.elapsedMs).toBeGreaterThanOrEqual(UPLOAD_SECONDS * 1000);
      expect(sink.uploads.get('img-shipped')).toEqual({ bytes: body.length, complete: true, sha256: sha256(body) });
    },
    (UPLOAD_SECONDS + 60) * 1000,
  );
});
