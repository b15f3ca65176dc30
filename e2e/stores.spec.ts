import { expect, test } from '@playwright/test';
import { glance, projectToken } from './support/api';
import { seed } from './support/stack';
import { signIn } from './support/ui';

// The default stack has one store: Glance answers 404 to GET /v2/info/stores, and the image
// page shows nothing about stores. (The store tests proper are in stores.multi.spec.ts.)
test('a single-store cloud: /v2/info/stores answers 404 and the detail page has no Stores section', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const api = await glance(admin, '/v2/info/stores');
  expect(api.status).toBe(404);
  expect(JSON.stringify(api.body)).toContain('Multi backend is not supported at this site.');

  await signIn(page, 'admin');
  const id = seed().images['public-ubuntu'];
  const probe = page.waitForResponse((response) => response.url().endsWith('/glance/v2/info/stores'));
  await page.goto(`/images/${id}`);
  expect((await probe).status()).toBe(404);
  await expect(page.getByRole('region', { name: 'Attributes' })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('region', { name: /^Stores/ })).toHaveCount(0);
  await expect(page.getByText('Copy to more stores')).toHaveCount(0);
});
