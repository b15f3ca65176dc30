import { expect, test, type Request } from '@playwright/test';
import { createImage, deleteImage, getImage, projectToken, revoke } from './support/api';
import { startServer } from './support/server';
import { seed, uniqueName } from './support/stack';
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
