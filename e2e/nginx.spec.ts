import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { createImage, deleteImage, glance, projectToken, revoke } from './support/api';
import { deployWithNginx, type NginxDeployment } from './support/nginx';
import { signIn, watchCsp } from './support/ui';

// The reference nginx deployment (scripts/deploy/), under a sub-path, in front of the local
// stack: what goes over the wire, and a walk through the main pages with no CSP violation.

const port = Number(process.env.LOUPE_E2E_PORT ?? 18480) + 21;
const BASE = '/loupe/';
let site: NginxDeployment;

// One nginx for the file: its tests run in order in one worker.
test.describe.configure({ mode: 'default' });
test.beforeAll(async () => {
  site = await deployWithNginx(port, BASE);
});
test.afterAll(() => site?.stop());

test('nginx sends the precompressed copies, caches by kind, sets the headers, and streams image data both ways', async () => {
  const entry = /src="\.\/(assets\/index-[^"]+\.js)"/.exec(readFileSync(join(site.dist, 'index.html'), 'utf8'))?.[1] ?? '';
  for (const coding of ['br', 'gzip']) {
    const asset = await fetch(`${site.url}${BASE}${entry}`, { headers: { 'Accept-Encoding': coding } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-encoding')).toBe(coding);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'");
  }
  // A client-side route: the app, with the base set for the sub-path, revalidated every time.
  const page = await fetch(`${site.url}${BASE}images/any-id`);
  expect(await page.text()).toContain(`<base href="${BASE}"`);
  expect(page.headers.get('cache-control')).toBe('no-cache');
  expect(page.headers.get('content-security-policy')).toContain("base-uri 'self'");
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect((await fetch(`${site.url}${BASE}config.json`)).headers.get('cache-control')).toBe('no-store');

  // 3 MiB through the proxy: over nginx's default 1 MiB body limit, which would answer 413.
  const alice = await projectToken('alice', 'alpha');
  const image = await createImage(alice, { name: `e2e-nginx-${Date.now()}` });
  try {
    const data = new Uint8Array(3 * 1024 * 1024).map((_, i) => i % 251);
    const viaNginx = (path: string, init: RequestInit = {}) =>
      fetch(`${site.url}${BASE}glance${path}`, { ...init, headers: { 'X-Auth-Token': alice.token, ...(init.headers as Record<string, string>) } });
    const upload = await viaNginx(`/v2/images/${image.id}/file`, { method: 'PUT', body: data, headers: { 'Content-Type': 'application/octet-stream' } });
    expect(upload.status).toBe(204);
    const stored = (await glance(alice, `/v2/images/${image.id}`, { expect: 200 })).body as { size: number; status: string };
    expect(stored).toMatchObject({ size: data.length, status: 'active' });
    const range = await viaNginx(`/v2/images/${image.id}/file`, { headers: { Range: 'bytes=100-199' } });
    expect(range.status).toBe(206);
    expect(range.headers.get('content-range')).toBe(`bytes 100-199/${data.length}`);
    expect(new Uint8Array(await range.arrayBuffer())).toEqual(data.slice(100, 200));
  } finally {
    await deleteImage(alice, image.id);
    await revoke(alice.token);
  }
});

test('under the sub-path every main page works, a deep link reloads, and no CSP violation happens', async ({ page }) => {
  const csp = await watchCsp(page);
  await signIn(page, 'admin', { path: `${site.url}${BASE}login` });
  await expect(page).toHaveURL(`${site.url}${BASE}images`);
  const images = page.getByRole('table', { name: 'Images' });
  await expect(images.locator('tbody tr').first()).toBeVisible();
  await images.locator('tbody tr').first().getByRole('link').first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}images/[0-9a-f-]{36}$`));
  const heading = await page.getByRole('heading', { level: 1 }).innerText();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Shared with me' }).click();
  await expect(page).toHaveURL(`${site.url}${BASE}shared`);
  await expect(page.getByRole('heading', { level: 1, name: 'Shared with me' })).toBeVisible();
  await nav.getByRole('link', { name: 'Metadata definitions' }).click();
  const namespaces = page.getByRole('table', { name: 'Namespaces' });
  await namespaces.locator('tbody tr').first().getByRole('link').click();
  await expect(page).toHaveURL(new RegExp(`${BASE}metadefs/[^/]+$`));
  await page.getByRole('navigation', { name: 'Namespace sections' }).getByRole('link', { name: 'Properties' }).click();
  await expect(page.getByRole('table', { name: 'Properties' })).toBeVisible();
  await nav.getByRole('link', { name: 'Tasks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
  expect(await csp.cspViolations()).toEqual([]);
});
