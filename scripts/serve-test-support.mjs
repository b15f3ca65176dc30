// Helpers for the tests of scripts/serve.mjs (serve.test.mjs, serve.long.test.mjs): start the
// real server as a child process, a fake upstream that receives uploads, and an upload that
// trickles its body over a chosen time.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./serve.mjs', import.meta.url));
// eslint-disable-next-line no-control-regex
const plain = (text) => text.replace(/\x1b\[\d+m/g, '');

/**
 * Starts `node scripts/serve.mjs --port 0 …args` and resolves once it serves, with its origin,
 * its output so far (stdout and stderr, colours stripped) and a stop function.
 */
export function spawnServe(args) {
  const child = spawn(process.execPath, [SCRIPT, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk) => (err += chunk));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000))]);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      // The timeouts line is the last one printed at start-up.
      const match = /serving Loupe at (http:\/\/[^/\s]+)\/[\s\S]*timeouts: .*\n/.exec(plain(out));
      if (match) resolve({ origin: match[1], child, output: () => plain(out + err), stderr: () => err, stop });
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${err}`)));
  });
}

/** Deterministic bytes for an upload. */
export function patternBytes(size) {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += 1) bytes[i] = (i * 131 + (i >> 8)) % 251;
  return bytes;
}

export const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * What a fake Glance received on PUT …/v2/images/{id}/file, by id: bytes counted and hashed as
 * they arrive, `complete` once the whole body came (it then answers 204).
 */
export function createUploadSink() {
  const uploads = new Map();
  const handle = (request, response) => {
    const match = /\/v2\/images\/([^/]+)\/file$/.exec(request.url ?? '');
    if (request.method !== 'PUT' || !match) return false;
    const upload = { bytes: 0, complete: false, sha256: undefined };
    uploads.set(match[1], upload);
    const hash = createHash('sha256');
    request.on('data', (chunk) => {
      upload.bytes += chunk.length;
      hash.update(chunk);
    });
    request.on('end', () => {
      upload.complete = true;
      upload.sha256 = hash.digest('hex');
      response.writeHead(204);
      response.end();
    });
    return true;
  };
  return { uploads, handle };
}

/**
 * PUTs `body` to origin + path over a raw socket, in `steps` equal pieces spread evenly over
 * `seconds` (the first piece at once, the last at the end). Resolves when the server answered
 * and closed: { status (0 when the connection ended without an answer), elapsedMs, sentBytes }.
 */
export function throttledUpload(origin, path, body, { seconds, steps }) {
  const { port } = new URL(origin);
  const started = Date.now();
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), '127.0.0.1');
    let answer = '';
    let sentBytes = 0;
    let timer;
    const finish = () => {
      clearTimeout(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
      resolve({ status, elapsedMs: Date.now() - started, sentBytes, answer });
    };
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => {}); // a server that cuts the upload resets the socket mid-write: the answer (if any) tells
    socket.on('close', finish);
    socket.write(
      `PUT ${path} HTTP/1.1\r\nHost: loupe.test\r\nContent-Type: application/octet-stream\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    const piece = Math.ceil(body.length / steps);
    let step = 0;
    const sendNext = () => {
      if (socket.destroyed) return;
      const chunk = body.subarray(step * piece, (step + 1) * piece);
      step += 1;
      sentBytes += chunk.length;
      socket.write(chunk);
      if (step < steps) timer = setTimeout(sendNext, (seconds * 1000) / (steps - 1));
    };
    sendNext();
  });
}
