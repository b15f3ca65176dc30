#!/usr/bin/env node
// Benchmark of the images route against the local stack (prints figures, asserts nothing).
//
//   node scripts/bench-images.mjs [N ...] [--keep] [--with-data]        default N: 200 2000
//
// Without --with-data the seeded images stay queued (no upload: seeding 2000 takes a few
// minutes instead of ten); the page polls queued images, but only after the figures are taken.
//
// For each N it seeds N images (tagged, in project alpha), signs in as alice in headless
// Chromium and prints: time from navigation to the table being visible, requests made,
// bytes transferred, the JS heap, and the render time of a 1000-row page.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { ensureDebianPackages, readSeed, root, seedUserToken } from './lib.mjs';

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const withData = args.includes('--with-data');
const counts = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
if (counts.length === 0) counts.push(200, 2000);
const seed = readSeed();
if (!seed) throw new Error('No .stack/seed.json: run `npm run stack -- up` first.');
const port = 18498;


async function glance(auth, path, init = {}) {
  const response = await fetch(`${seed.glance_url}${path}`, {
    ...init,
    headers: { 'X-Auth-Token': auth, Accept: 'application/json', 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
  if (!response.ok && response.status !== 404) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

async function pool(items, size, work) {
  let next = 0;
  await Promise.all(Array.from({ length: size }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function seedImages(auth, tag, count) {
  // Count what an earlier --keep run left (all pages, not just the first 1000).
  let have = 0;
  for (let marker = ''; ; ) {
    const { images } = await glance(auth, `/v2/images?tag=${tag}&limit=1000${marker ? `&marker=${marker}` : ''}`);
    have += images.length;
    if (images.length < 1000) break;
    marker = images.at(-1).id;
  }
  const started = Date.now();
  await pool(Array.from({ length: Math.max(0, count - have) }, (_, i) => have + i), 16, async (i) => {
    const image = await glance(auth, '/v2/images', {
      method: 'POST',
      body: JSON.stringify({ name: `${tag}-${String(i).padStart(5, '0')}`, disk_format: 'raw', container_format: 'bare', tags: [tag], os_distro: 'bench' }),
    });
    // Data makes them active, as in a real catalogue.
    if (withData) await fetch(`${seed.glance_url}/v2/images/${image.id}/file`, {
      method: 'PUT',
      headers: { 'X-Auth-Token': auth, 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(512),
    });
  });
  return (Date.now() - started) / 1000;
}

async function removeImages(auth, tag) {
  for (;;) {
    const { images } = await glance(auth, `/v2/images?tag=${tag}&limit=1000`);
    if (images.length === 0) return;
    await pool(images, 16, (image) => glance(auth, `/v2/images/${image.id}`, { method: 'DELETE' }));
  }
}

async function startServer() {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port), '--no-build', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  // Ready when it answers; give up (with its stderr above) if it exits or stays silent.
  for (let i = 0; i < 100; i += 1) {
    if (child.exitCode !== null) throw new Error(`scripts/serve.mjs exited with ${child.exitCode}`);
    const ok = await fetch(`http://127.0.0.1:${port}/config.json`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`scripts/serve.mjs did not answer on port ${port}`);
}

async function measure(browser, tag, limit) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}/login`);
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('alice-secret');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  // Measure a fresh load of the route (new document: cold query cache, warm HTTP cache for the bundle).
  let requests = 0;
  let bytes = 0;
  page.on('requestfinished', async (request) => {
    requests += 1;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
  });
  let listArrived = 0;
  page.on('response', (response) => {
    if (response.url().includes('/v2/images?')) listArrived ||= Date.now();
  });
  const started = Date.now();
  await page.goto(`http://127.0.0.1:${port}/images?view=mine&tag=${tag}&limit=${limit}`);
  // The table is visible once its first image row is (long pages render only the rows in view).
  await page.getByRole('table', { name: 'Images' }).locator('tbody tr td a').first().waitFor();
  const visible = Date.now() - started;
  const renderAfterResponse = listArrived ? Date.now() - listArrived : NaN;
  // Scroll once the page's background reads are done (the next page's probe, the pending
  // invitations badge): the figures are the cost of scrolling, not of parsing a late answer.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  // Scrolling the whole page in 400 px steps. Two figures per run:
  // - the longest gap between animation frames (a 60 Hz display paces frames 16.7 ms apart,
  //   so this is never below one frame);
  // - the worst frame's cost: the main thread's work for the frame that shows a scroll, from
  //   the frame's start (the timestamp its animation callbacks get, taken before the scroll
  //   events run) to the end of its rendering (scroll events, React's re-render of the rows,
  //   animation callbacks, style, layout and paint), which a message posted from the frame's
  //   animation callback marks: it is delivered once the frame is rendered. Timing from the
  //   scrollTo call instead would add the idle wait for the next frame, up to 16.7 ms.
  const scroll = await page.evaluate(async () => {
    const gaps = [];
    const costs = [];
    let last = performance.now();
    let running = true;
    const tick = (now) => {
      gaps.push(now - last);
      last = now;
      if (running) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const nextFrameCost = () =>
      new Promise((resolve) =>
        requestAnimationFrame((frameStart) => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - frameStart);
          channel.port2.postMessage(0);
        }),
      );
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      costs.push(await nextFrameCost());
    }
    running = false;
    await new Promise((resolve) => setTimeout(resolve, 200));
    costs.sort((a, b) => a - b);
    return { frames: gaps.length, worst: Math.max(...gaps), worstCost: costs.at(-1), medianCost: costs[Math.floor(costs.length / 2)], rowsInDom: document.querySelectorAll('tbody tr').length };
  });
  // Scrolled to the bottom, the last image of the page must be there.
  const lastRowShown = await page.getByRole('table', { name: 'Images' }).locator('tbody tr td:nth-child(2) a').last().textContent();
  scroll.lastRowShown = lastRowShown;
  await context.close();
  return { visible, renderAfterResponse, requests, bytes, heap: heap.usedSize, scroll };
}

ensureDebianPackages(['chromium'], 'The benchmark (headless Chromium)');
const auth = await seedUserToken(seed, 'alice', 'alpha');
let server;
const browser = await chromium.launch({
  executablePath: process.env.LOUPE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const mib = (n) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
try {
  for (const count of counts) {
    const tag = `bench-${count}`;
    const seeded = await seedImages(auth, tag, count);
    console.log(`\n${count} images in project alpha (seeding took ${seeded.toFixed(1)} s)`);
    if (!server || server.exitCode !== null) server = await startServer();
    for (const limit of [25, 1000]) {
      if (limit > count) continue;
      const runs = [];
      for (let i = 0; i < 3; i += 1) runs.push(await measure(browser, tag, limit));
      const median = (pick) => runs.map(pick).sort((a, b) => a - b)[1];
      console.log(
        `  page of ${String(limit).padStart(4)}: table visible ${median((r) => r.visible)} ms after navigation` +
          ` (rows rendered ${median((r) => r.renderAfterResponse)} ms after the list response);` +
          ` ${median((r) => r.requests)} requests, ${kib(median((r) => r.bytes))};` +
          ` JS heap ${mib(median((r) => r.heap))}; scroll to the bottom: ${median((r) => r.scroll.frames)} frames, longest gap between frames ${median((r) => r.scroll.worst).toFixed(0)} ms, frame cost median ${median((r) => r.scroll.medianCost).toFixed(1)} ms, worst ${median((r) => r.scroll.worstCost).toFixed(1)} ms,` +
          ` ${median((r) => r.scroll.rowsInDom)} rows in the DOM, last row ${runs[0]?.scroll.lastRowShown ?? '?'}`,
      );
    }
    if (!keep) await removeImages(auth, tag);
  }
  console.log('\n(medians of 3 runs each; bundle served by scripts/serve.mjs from dist/)');
} finally {
  await browser.close();
  server?.kill();
}
