#!/usr/bin/env node
// Benchmark of moving image data (prints figures, asserts nothing; targets live in the README).
//
//   npm run bench:transfer -- [MiB ...] [--runs N]        default: 256 MiB, 1 run
//
// For each size it writes a file of random bytes, then, against the same Glance in the same run:
//   - curl uploads it (PUT /v2/images/{id}/file, straight to Glance: the baseline);
//   - the UI uploads it: headless Chromium signed in as alice, through the create form (the
//     record, then the XHR streaming the File through the same-origin proxy of scripts/serve.mjs,
//     the hash worker hashing md5 + sha512 beside it, verification when Glance reports active),
//     sampling the page's JS heap every 100 ms;
//   - the hash worker hashes the file with md5 alone, then sha512 alone;
//   - curl downloads the image (GET /v2/images/{id}/file straight from Glance to /dev/null);
//   - the UI downloads it: the detail page's Download button, ranged chunks in parallel, md5 and
//     sha512 hashed in order while receiving, verified before the file is kept. Twice: streaming
//     to a file on disk (the File System Access path; the save dialog, which headless Chromium
//     cannot show, is answered with a file of the origin-private file system, the same
//     FileSystemWritableFileStream a user's pick gives) and through the Blob fallback (the
//     browser without that API: the bytes are kept as Blob parts until the end).
// Then prints:
//   upload   ui <MiB/s>  curl <MiB/s>  ratio <ui/curl>  heap <peak JS heap MiB>
//   download ui <MiB/s>  curl <MiB/s>  ratio <ui/curl>  heap <peak JS heap MiB>  verified <yes|no>
//   hash     md5 <MiB/s>  sha512 <MiB/s>
// The download line is the streaming path; the Blob fallback's figures follow on a # line, with
// the growth of the browser's resident memory (Blob parts live outside the JS heap).
// "ui" times the bytes' journey (start to Glance's 204); verification after it is printed apart.
// A download's "ui" runs from the click to the transfer's Done: every byte received, hashed,
// compared and the file closed (verification is on the way, not after it).
//
// What drives the UI: the upload goes through the create form (Create image, the file, a name,
// Create), so it is the shipped path from the click on: the record, the XHR, the hash worker,
// the tray. The bundle is built with VITE_LOUPE_BENCH=1 only for the hash line: src/main.tsx
// then exposes `hashBlob` on window, to time the worker alone on a picked file.
//
// The stack is started if it is down (scripts/stack.sh up). Ports come from LOUPE_* as usual.
import { chromium } from '@playwright/test';
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readSeed, root, seedUserToken } from './lib.mjs';

const MiB = 1024 * 1024;
const args = process.argv.slice(2);
const runsIndex = args.indexOf('--runs');
const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 1;
const sizes = args.filter((arg, index) => /^\d+$/.test(arg) && !(runsIndex >= 0 && index === runsIndex + 1)).map(Number);
if (sizes.length === 0) sizes.push(256);

const say = (message) => process.stderr.write(`\x1b[35mbench\x1b[0m ${message}\n`);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const fixed = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

// ---------------------------------------------------------------- stack, bundle, server

if (spawnSync('bash', ['scripts/stack.sh', 'status'], { cwd: root, stdio: 'ignore' }).status !== 0) {
  say('the local stack is down: starting it (scripts/stack.sh up)…');
  if (spawnSync('bash', ['scripts/stack.sh', 'up'], { cwd: root, stdio: 'inherit' }).status !== 0) throw new Error('stack.sh up failed');
}
const seed = readSeed();
if (!seed) throw new Error('No .stack/seed.json after stack.sh up.');

const dist = join(root, 'node_modules', '.cache', 'bench-transfer', 'dist');
say('building the bench bundle (VITE_LOUPE_BENCH=1)…');
const build = spawnSync('npx', ['vite', 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, VITE_LOUPE_BENCH: '1' },
});
if (build.status !== 0) throw new Error('vite build failed');

const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', '0', '--dist', dist], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /serving Loupe at (http:\/\/\S+?)\/?\s/.exec(output);
    if (match) resolve(match[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
});

// ---------------------------------------------------------------- API helpers (fixtures, curl baseline)

const auth = await seedUserToken(seed, 'alice', 'alpha');

async function glance(path, init = {}) {
  const response = await fetch(`${seed.glance_url}${path}`, {
    ...init,
    headers: { 'X-Auth-Token': auth, Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}
const created = [];
async function createImage(name) {
  const image = await glance('/v2/images', { method: 'POST', body: JSON.stringify({ name, disk_format: 'raw', container_format: 'bare', tags: ['bench-transfer'] }) });
  created.push(image.id);
  return image;
}

function writeFile(size) {
  const dir = join(tmpdir(), 'loupe-bench-transfer');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `data-${size}MiB.raw`);
  const fd = openSync(file, 'w');
  const block = randomBytes(MiB);
  for (let i = 0; i < size; i += 1) {
    block.writeUInt32LE(i, 0); // every MiB differs
    writeSync(fd, block);
  }
  closeSync(fd);
  return file;
}

function curlUpload(file, imageId, baseUrl = seed.glance_url) {
  const result = spawnSync('curl', [
    '-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total}', '-T', file, '-X', 'PUT', '-H', 'Expect:',
    '-H', `X-Auth-Token: ${auth}`, '-H', 'Content-Type: application/octet-stream', `${baseUrl}/v2/images/${imageId}/file`,
  ], { encoding: 'utf8' });
  const [status, seconds] = result.stdout.trim().split(' ');
  if (status !== '204') throw new Error(`curl upload: HTTP ${status} ${result.stderr}`);
  return Number(seconds);
}

function curlDownload(imageId, baseUrl = seed.glance_url) {
  const result = spawnSync('curl', [
    '-sS', '-o', '/dev/null', '-w', '%{http_code} %{time_total} %{size_download}', '-H', `X-Auth-Token: ${auth}`, `${baseUrl}/v2/images/${imageId}/file`,
  ], { encoding: 'utf8' });
  const [status, seconds] = result.stdout.trim().split(' ');
  if (status !== '200') throw new Error(`curl download: HTTP ${status} ${result.stderr}`);
  return Number(seconds);
}

/** Resident memory of a process and all its descendants (the browser and its renderers), from /proc. */
function treeRss(rootPid) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let total = 0;
  const walk = (pid) => {
    try {
      total += Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      return;
    }
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(rootPid);
  return total;
}

/** The browser Playwright launched: the chromium process among this script's children. */
function chromiumPid() {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      if (ppid === process.pid && /chrom/i.test(readFileSync(`/proc/${entry}/cmdline`, 'utf8'))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- the browser

const browser = await chromium.launch({
  executablePath: process.env.LOUPE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
page.on('crash', () => say('the page crashed'));
browser.on('disconnected', () => say('the browser went away (crashed, or killed from outside)'));
const cspViolations = [];
page.on('console', (message) => {
  if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
});
await page.goto(`${base}/login`);
await page.getByLabel('Domain').fill('Default');
await page.getByLabel('User name').fill('alice');
await page.getByLabel('Password', { exact: true }).fill('alice-secret');
await page.getByRole('button', { name: 'Sign in', exact: true }).click();
await page.getByRole('navigation', { name: 'Main' }).waitFor();
await page.waitForFunction(() => 'loupeBench' in window);
// A navigation can move the page to a new renderer, which ends a CDP session: uiDownload opens a new one.
let cdp = await page.context().newCDPSession(page);

/** Picks the file through a file input: the page gets a disk-backed File, as from a user. */
async function pickFile(file) {
  await page.evaluate(() => {
    document.getElementById('bench-file')?.remove();
    const input = Object.assign(document.createElement('input'), { type: 'file', id: 'bench-file', hidden: true });
    document.body.append(input);
  });
  await page.setInputFiles('#bench-file', file);
}

/** Samples the page's used JS heap every 100 ms until stopped; returns the peak in bytes. */
function heapSampler() {
  let peak = 0;
  let running = true;
  const loop = (async () => {
    const session = cdp;
    while (running) {
      const { usedSize } = await session.send('Runtime.getHeapUsage').catch((error) => {
        say(`heap sampling stopped: ${error.message}`);
        running = false;
        return { usedSize: 0 };
      });
      peak = Math.max(peak, usedSize);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return async () => {
    running = false;
    await loop;
    return peak;
  };
}

/**
 * Uploads through the create form, as a user does: Create image, the file, a name, Create.
 * "ui" is the PUT /file request's own time (start to Glance's 204), as curl's is; the total
 * runs from the click to the tray's Done (record, upload, hashing and verification).
 */
async function uiUpload(file, name) {
  await page.goto(`${base}/images`);
  await page.getByRole('button', { name: 'Create image' }).click();
  const form = page.getByRole('form', { name: 'Create image' });
  await form.getByLabel('Image files').setInputFiles(file);
  // The form made the file's image (formats suggested from the .raw name).
  await form.getByRole('group', { name: `${basename(file)} (` }).waitFor();
  await form.getByLabel('Name').fill(name);
  cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const stopHeap = heapSampler();
  let putStarted = 0;
  const onRequest = (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/file')) putStarted = Date.now();
  };
  page.on('request', onRequest);
  const put = page.waitForResponse((response) => response.request().method() === 'PUT' && response.url().endsWith('/file'), { timeout: 0 });
  const clicked = Date.now();
  await form.getByRole('button', { name: 'Create image' }).click();
  const response = await put;
  const uploadMs = Date.now() - putStarted;
  page.off('request', onRequest);
  if (response.status() !== 204) throw new Error(`UI upload: HTTP ${response.status()}`);
  const item = page.getByRole('listitem', { name: `Upload of ${name}` });
  await item.getByText(/^(Done|Failed|Cancelled)/).or(item.getByText(/Verified|mismatch|Not verified/i)).first().waitFor({ timeout: 0 });
  const totalMs = Date.now() - clicked;
  const peakHeap = await stopHeap();
  const text = await item.textContent();
  const imageId = /\/v2\/images\/([0-9a-f-]{36})\/file/.exec(response.url())?.[1];
  if (!imageId) throw new Error(`no image id in ${response.url()}`);
  created.push(imageId);
  return { uploadMs, totalMs, peakHeap, imageId, verification: /Verified/.test(text ?? '') ? 'verified' : (text ?? '').slice(0, 80) };
}

/**
 * Downloads through the detail page's Download button. `sink` 'file' answers the save dialog
 * with an origin-private file (streaming to disk); 'browser' removes the API (Blob fallback).
 */
async function uiDownload(imageId, name, sink) {
  await page.goto(`${base}/images/${imageId}`);
  await page.getByRole('button', { name: 'Download', exact: true }).waitFor();
  cdp = await page.context().newCDPSession(page);
  await page.evaluate((sink) => {
    const pick = async (options) => (await navigator.storage.getDirectory()).getFileHandle(options?.suggestedName ?? 'download', { create: true });
    Object.defineProperty(window, 'showSaveFilePicker', { value: sink === 'file' ? pick : undefined, configurable: true });
  }, sink);
  await cdp.send('HeapProfiler.collectGarbage');
  const stopHeap = heapSampler();
  const browserPid = chromiumPid();
  const rssBefore = browserPid ? treeRss(browserPid) : 0;
  let rssPeak = rssBefore;
  const rssTimer = setInterval(() => {
    if (browserPid) rssPeak = Math.max(rssPeak, treeRss(browserPid));
  }, 200);
  const saved = sink === 'browser' ? page.waitForEvent('download', { timeout: 0 }) : undefined;
  const timing = await page.evaluate(
    (name) =>
      new Promise((resolve) => {
        const started = performance.now();
        document.querySelectorAll('button').forEach((button) => {
          if (button.textContent === 'Download') button.click();
        });
        const timer = setInterval(() => {
          const item = document.querySelector(`[aria-label="Download of ${CSS.escape(name)}"]`);
          const text = item?.textContent ?? '';
          if (/Done|Failed|Cancelled/.test(text)) {
            clearInterval(timer);
            resolve({ ms: performance.now() - started, done: text.includes('Done'), verified: text.includes('Verified'), text });
          }
        }, 20);
      }),
    name,
  );
  clearInterval(rssTimer);
  const peakHeap = await stopHeap();
  if (!timing.done) throw new Error(`UI download (${sink}) did not finish: ${timing.text}`);
  if (saved) await (await saved).delete();
  else await page.evaluate(async (file) => (await navigator.storage.getDirectory()).removeEntry(file), `${name}.raw`);
  return { ...timing, peakHeap, rssGrowth: rssPeak - rssBefore };
}

/**
 * The browser's own ceiling: a plain fetch of the same image through the same proxy, the body
 * read and dropped (no ranges, hashing or writing). The token is the bench's own, passed in.
 */
async function browserFetchSpeed(imageId, size) {
  const ms = await page.evaluate(
    async ({ imageId, token }) => {
      const started = performance.now();
      const response = await fetch(`/glance/v2/images/${imageId}/file`, { headers: { 'X-Auth-Token': token } });
      const reader = response.body.getReader();
      while (!(await reader.read()).done);
      return performance.now() - started;
    },
    { imageId, token: auth },
  );
  return size / (ms / 1000);
}

async function hashSpeed(algorithm, size) {
  const ms = await page.evaluate(async (algorithm) => {
    const file = document.getElementById('bench-file').files[0];
    const started = performance.now();
    await window.loupeBench.hashBlob(file, [algorithm]);
    return performance.now() - started;
  }, algorithm);
  return size / (ms / 1000);
}

// ---------------------------------------------------------------- the runs

try {
  for (const size of sizes) {
    say(`${size} MiB: writing the file…`);
    const file = writeFile(size);
    const results = { ui: [], curl: [], curlProxy: [], heap: [], verifySeconds: [], verified: [], md5: [], sha512: [] };
    const down = { ui: [], curl: [], curlProxy: [], browserFetch: [], heap: [], verified: [], blob: [], blobHeap: [], blobRss: [], blobVerified: [] };
    for (let run = 1; run <= runs; run += 1) {
      const stamp = `${Date.now()}-${run}`;
      say(`${size} MiB run ${run}/${runs}: curl…`);
      const curlImage = await createImage(`bench-transfer-curl-${stamp}`);
      results.curl.push(size / curlUpload(file, curlImage.id));
      // The UI's bytes also cross serve.mjs's proxy: curl through it shows what that hop costs.
      const proxiedImage = await createImage(`bench-transfer-curl-proxy-${stamp}`);
      results.curlProxy.push(size / curlUpload(file, proxiedImage.id, `${base}/glance`));
      say(`${size} MiB run ${run}/${runs}: UI…`);
      const uiImage = { name: `bench-transfer-ui-${stamp}` };
      const ui = await uiUpload(file, uiImage.name);
      uiImage.id = ui.imageId;
      results.ui.push(size / (ui.uploadMs / 1000));
      results.heap.push(ui.peakHeap / MiB);
      results.verifySeconds.push((ui.totalMs - ui.uploadMs) / 1000);
      results.verified.push(ui.verification);
      say(`${size} MiB run ${run}/${runs}: hashing…`);
      await pickFile(file);
      results.md5.push(await hashSpeed('md5', size));
      results.sha512.push(await hashSpeed('sha512', size));
      say(`${size} MiB run ${run}/${runs}: downloads (after hashing, which needs the picked file; curl, UI to a file, UI Blob fallback)…`);
      down.curl.push(size / curlDownload(uiImage.id));
      down.curlProxy.push(size / curlDownload(uiImage.id, `${base}/glance`));
      down.browserFetch.push(await browserFetchSpeed(uiImage.id, size));
      say('UI download to a file…');
      const streamed = await uiDownload(uiImage.id, uiImage.name, 'file');
      down.ui.push(size / (streamed.ms / 1000));
      down.heap.push(streamed.peakHeap / MiB);
      down.verified.push(streamed.verified);
      say('UI download, Blob fallback…');
      const fallback = await uiDownload(uiImage.id, uiImage.name, 'browser');
      down.blob.push(size / (fallback.ms / 1000));
      down.blobHeap.push(fallback.peakHeap / MiB);
      down.blobRss.push(fallback.rssGrowth / MiB);
      down.blobVerified.push(fallback.verified);
    }
    rmSync(file, { force: true });
    const ui = median(results.ui);
    const curl = median(results.curl);
    console.log(`# ${size} MiB${runs > 1 ? ` (median of ${runs})` : ''}`);
    console.log(`upload   ui ${fixed(ui)}  curl ${fixed(curl)}  ratio ${fixed(ui / curl, 2)}  heap ${fixed(Math.max(...results.heap))}`);
    const downUi = median(down.ui);
    const downCurl = median(down.curl);
    const yes = (values) => (values.every(Boolean) ? 'yes' : 'no');
    console.log(`download ui ${fixed(downUi)}  curl ${fixed(downCurl)}  ratio ${fixed(downUi / downCurl, 2)}  heap ${fixed(Math.max(...down.heap))}  verified ${yes(down.verified)}`);
    console.log(`hash     md5 ${fixed(median(results.md5))}  sha512 ${fixed(median(results.sha512))}`);
    console.log(`#        curl through serve.mjs's proxy: ${fixed(median(results.curlProxy))} MiB/s; load average ${loadavg().map((value) => value.toFixed(1)).join(' ')} on ${availableParallelism()} cores`);
    console.log(`#        verification after the upload: ${fixed(median(results.verifySeconds), 2)} s, result: ${results.verified.join(', ')}`);
    const blob = median(down.blob);
    console.log(`#        download through serve.mjs's proxy with curl: ${fixed(median(down.curlProxy))} MiB/s`);
    console.log(`#        the browser's own fetch of it through that proxy (no ranges, hashing or writing): ${fixed(median(down.browserFetch))} MiB/s, ratio to curl ${fixed(median(down.browserFetch) / downCurl, 2)}`);
    console.log(`#        download Blob fallback: ui ${fixed(blob)}  ratio ${fixed(blob / downCurl, 2)}  heap ${fixed(Math.max(...down.blobHeap))}  browser RSS growth ${fixed(Math.max(...down.blobRss))} MiB  verified ${yes(down.blobVerified)}`);
  }
  if (cspViolations.length) console.log(`# CSP violations: ${cspViolations.join(' | ')}`);
} finally {
  for (const id of created) await glance(`/v2/images/${id}`, { method: 'DELETE' }).catch(() => {});
  await browser.close();
  server.kill();
}
