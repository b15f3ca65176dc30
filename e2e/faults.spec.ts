import { expect, test, type Request } from '@playwright/test';
import { createImage, deleteImage, getImage, glance, projectToken, revoke } from './support/api';
import { startServer } from './support/server';
import { password, seed, uniqueName } from './support/stack';
import { startSwitchableProxy } from './support/switchable-proxy';
import { signIn } from './support/ui';

// Glance stopped for real, as the page's server sees it: its own serve.mjs reaches Glance
// through a relay this test takes down (connections cut, new ones refused) and brings back.

const port = Number(process.env.LOUPE_E2E_PORT ?? 18480) + 22;

test('Glance stopping mid-edit: a banner, the typed edit kept and not re-sent; Glance back, the page recovers without a reload and saves', async ({ page }) => {
  const alice = await projectToken('alice', 'alpha');
  const image = await createImage(alice, { name: uniqueName('fault') });
  const relay = await startSwitchableProxy(seed().glance_url);
  const server = await startServer(port, ['--glance', seed().glance_url, '--glance-upstream', relay.url]);
  const patches: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PATCH') patches.push(request);
  });
  try {
    await signIn(page, 'alice', { path: `${server.url}/images/${image.id}` });
    await expect(page.getByRole('heading', { level: 1, name: image.name ?? '' })).toBeVisible();
    await page.getByRole('button', { name: 'Edit' }).click();
    const renamed = `${image.name ?? ''}-renamed`;
    const nameBox = page.getByRole('textbox', { name: 'Name' });
    await nameBox.fill(renamed);

    await relay.down();
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Glance (images) is not answering' });
    await expect(banner).toBeVisible();
    await expect(page.getByRole('dialog').getByRole('alert').or(page.getByRole('main').getByRole('alert')).first()).toBeVisible();
    // Reads are tried again meanwhile (the banner's first retry comes after 5 s); the write is not.
    // (The save reads the image before it patches, so the PATCH may not even have left.)
    const sentWhileDown = patches.length;
    expect(sentWhileDown).toBeLessThanOrEqual(1);
    await page.waitForTimeout(6_000);
    expect(patches).toHaveLength(sentWhileDown);
    expect((await getImage(alice, image.id)).name).toBe(image.name);

    await relay.up();
    await expect(banner).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Connection restored');
    expect(patches).toHaveLength(sentWhileDown);
    expect((await getImage(alice, image.id)).name).toBe(image.name);
    const dialog = page.getByRole('dialog');
    if (await dialog.isVisible()) await dialog.getByRole('button', { name: 'Back to editing' }).click();
    await expect(nameBox).toHaveValue(renamed);
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await getImage(alice, image.id)).name).toBe(renamed);
    expect(patches).toHaveLength(sentWhileDown + 1);
    await expect(page.getByRole('heading', { level: 1, name: renamed })).toBeVisible();
  } finally {
    server.stop();
    await relay.stop();
    await deleteImage(alice, image.id);
    await revoke(alice.token);
  }
});

test('the token revoked during an edit: the sign-in dialog opens over the form, the edit stays, and saving afterwards goes through', async ({ page }) => {
  const alice = await projectToken('alice', 'alpha');
  const image = await createImage(alice, { name: uniqueName('relogin') });
  try {
    await signIn(page, 'alice', { path: `/images/${image.id}?edit=1` });
    const nameBox = page.getByRole('textbox', { name: 'Name' });
    const renamed = `${image.name ?? ''}-after-relogin`;
    await nameBox.fill(renamed);
    const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('loupe.session') ?? '{}') as { token?: string }).token ?? '');
    await revoke(token);

    const relogin = page.getByRole('dialog', { name: 'Your session has expired' });
    const review = page.getByRole('dialog', { name: /Review/ });
    // The page re-reads a queued image every few seconds: that read meets the revoked token and
    // the sign-in dialog opens over the form, typed edit and all.
    await expect(relogin).toBeVisible();
    await relogin.getByLabel('Password', { exact: true }).fill(password('alice'));
    await relogin.getByRole('button', { name: 'Continue' }).click();
    await expect(relogin).toBeHidden();
    expect((await getImage(alice, image.id)).name).toBe(image.name);

    // Signed in again, on the same page with the same edit: saving now goes through.
    await expect(nameBox).toHaveValue(renamed);
    await page.getByRole('button', { name: 'Review and save' }).click();
    await review.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await getImage(alice, image.id)).name).toBe(renamed);
  } finally {
    await deleteImage(alice, image.id);
    await revoke(alice.token);
  }
});

test('a list read while Glance is down says so and offers to try again, which works once Glance is back', async ({ page }) => {
  const relay = await startSwitchableProxy(seed().glance_url);
  const server = await startServer(port + 1, ['--glance', seed().glance_url, '--glance-upstream', relay.url]);
  try {
    await signIn(page, 'alice', { path: `${server.url}/images?name=alpha-private` });
    await expect(page.getByRole('link', { name: 'alpha-private' })).toBeVisible();
    await relay.down();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metadata definitions' }).click();
    // Reads retry twice with backoff before the page says what failed.
    const failure = page.getByRole('main').getByRole('alert');
    await expect(failure).toContainText('Glance (images) is unavailable', { timeout: 30_000 });
    await relay.up();
    await failure.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible();
  } finally {
    server.stop();
    await relay.stop();
  }
});

test('Glance gone mid-upload: the transfer fails, the image shows its real state once Glance is back, and retry makes it active', async ({ page }) => {
  test.setTimeout(180_000);
  const alice = await projectToken('alice', 'alpha');
  const relay = await startSwitchableProxy(seed().glance_url);
  const server = await startServer(port + 2, ['--glance', seed().glance_url, '--glance-upstream', relay.url]);
  const name = uniqueName('upload-fault');
  try {
    await signIn(page, 'alice', { path: `${server.url}/images` });
    await page.getByRole('button', { name: 'Create image' }).click();
    const form = page.getByRole('form', { name: 'Create image' });
    await form.getByLabel('Image files').setInputFiles({ name: 'cut.raw', mimeType: 'application/octet-stream', buffer: Buffer.alloc(8 * 1024 * 1024, 7) });
    await form.getByLabel('Name').fill(name);
    // A slow uplink (the browser's own throttling), so the upload is still going when Glance goes.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    await form.getByRole('button', { name: 'Create image' }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible({ timeout: 60_000 });
    const data = page.getByRole('region', { name: 'Data' });
    const progress = data.getByRole('progressbar', { name: `Upload of ${name}` });
    await expect.poll(async () => Number(await progress.getAttribute('value', { timeout: 1000 }).catch(() => '0')), { timeout: 60_000 }).toBeGreaterThan(5);

    await relay.down();
    const retry = data.getByRole('button', { name: 'Retry the data' });
    await expect(retry).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole('alert').filter({ hasText: 'Glance (images) is not answering' })).toBeVisible();

    await relay.up();
    await expect(page.getByRole('alert').filter({ hasText: 'Glance (images) is not answering' })).toBeHidden({ timeout: 40_000 });
    const { body } = await glance(alice, `/v2/images?name=${encodeURIComponent(name)}`, { expect: 200 });
    const [image] = (body as { images: { id: string; status: string }[] }).images;
    expect(image, 'the record was created before the data').toBeDefined();
    // What the page shows is what Glance holds: the record, without data.
    await expect.poll(async () => (await getImage(alice, image?.id ?? '')).status, { timeout: 30_000 }).toBe('queued');
    await expect(page.getByRole('definition').filter({ hasText: /^queued$/ }).first()).toBeVisible();

    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await retry.click();
    await expect(data.getByText(/^Verified \(md5, sha512\)/)).toBeVisible({ timeout: 120_000 });
    expect(await getImage(alice, image?.id ?? '')).toMatchObject({ status: 'active', size: 8 * 1024 * 1024 });
  } finally {
    server.stop();
    await relay.stop();
    const { body } = await glance(alice, `/v2/images?name=${encodeURIComponent(name)}`);
    for (const image of (body as { images?: { id: string }[] } | undefined)?.images ?? []) await deleteImage(alice, image.id);
    await revoke(alice.token);
  }
});
