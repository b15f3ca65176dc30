#!/usr/bin/env node
// Bytes on the wire for a cold load of the images page (prints figures, asserts nothing):
// a fresh browser context signs in as alice and waits for the images table, once through
// scripts/serve.mjs and once through the reference nginx deployment (scripts/deploy/). The
// bundle's bytes (HTML, JS, CSS, config) are compared with the sizes of the precompressed
// copies the build wrote for exactly the files that were loaded; API answers are counted apart.
//
//   node scripts/bench-wire.mjs          (needs the local stack: npm run stack -- up)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { deployWithNginx } from './deploy/nginx-local.mjs';
import { ensureBuild, ensureDebianPackages, readSeed, root } from './lib.mjs';

const seed = readSeed();
if (!seed) throw new Error('No .stack/seed.json: run `npm run stack -- up` first.');
ensureBuild();
ensureDebianPackages(['chromium', 'nginx', 'libnginx-mod-http-brotli-static'], 'The wire benchmark (headless Chromium, nginx)');
const servePort = Number(process.env.LOUPE_BENCH_PORT ?? 18496);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB (${bytes} B)`;

async function startServe() {
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(servePort), '--no-build', '--quiet'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  for (let i = 0; i < 100; i += 1) {
    if (await fetch(`http://127.0.0.1:${servePort}/config.json`).then((r) => r.ok, () => false)) return { url: `http://127.0.0.1:${servePort}`, stop: () => child.kill() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error('scripts/serve.mjs did not answer');
}

/** The size of the file the server had to send for an asset URL in the coding it used. */
function precompressedSize(path, coding) {
  const file = join(root, 'dist', path.replace(/^\//, '') || 'index.html');
  const copy = coding === 'br' ? `${file}.br` : coding === 'gzip' ? `${file}.gz` : file;
  return existsSync(copy) ? statSync(copy).size : existsSync(file) ? statSync(file).size : 0;
}

async function coldLoad(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const responses = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    responses.set(requestId, { url: response.url, coding: (response.headers['content-encoding'] ?? response.headers['Content-Encoding'] ?? '').toLowerCase(), status: response.status });
  });
  const totals = { bundleWire: 0, bundleFiles: 0, apiWire: 0, bundleRequests: 0, apiRequests: 0, codings: new Set() };
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const response = responses.get(requestId);
    if (!response) return;
    const { pathname } = new URL(response.url);
    if (pathname.startsWith('/keystone/') || pathname.startsWith('/glance/')) {
      totals.apiWire += encodedDataLength;
      totals.apiRequests += 1;
      return;
    }
    totals.bundleWire += encodedDataLength;
    totals.bundleRequests += 1;
    if (response.coding) totals.codings.add(response.coding);
    // A client route is answered with index.html.
    totals.bundleFiles += precompressedSize(pathname.startsWith('/assets/') || pathname === '/config.json' || pathname === '/favicon.svg' ? pathname : '/index.html', response.coding);
  });
  await page.goto(`${origin}/login`);
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('alice-secret');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('table', { name: 'Images' }).locator('tbody tr td a').first().waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  return totals;
}

const browser = await chromium.launch({
  executablePath: process.env.LOUPE_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const serve = await startServe();
const nginx = await deployWithNginx({ port: servePort + 1, base: '/', keystoneUrl: new URL(seed.keystone_url).origin, glanceUrl: seed.glance_url });
try {
  console.log('cold load of the images page (sign-in included), bundle bytes on the wire vs the files the server had to send:');
  for (const [name, origin] of [['scripts/serve.mjs', serve.url], ['nginx (reference config)', nginx.url]]) {
    const totals = await coldLoad(browser, origin);
    const ratio = totals.bundleWire / totals.bundleFiles;
    console.log(
      `  ${name.padEnd(26)} bundle ${kib(totals.bundleWire)} on the wire in ${totals.bundleRequests} requests (codings: ${[...totals.codings].join(', ') || 'none'}),` +
        ` files ${kib(totals.bundleFiles)}, ratio ${ratio.toFixed(3)} (target ≤ 1.10); API ${kib(totals.apiWire)} in ${totals.apiRequests} requests`,
    );
  }
} finally {
  await browser.close();
  serve.stop();
  nginx.stop();
}
