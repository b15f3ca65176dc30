import { expect, test } from '@playwright/test';
import { glance, projectToken, revoke } from './support/api';
import { expectAccessible, signIn } from './support/ui';

// Glance's shipped metadefs are loaded by the local stack; these tests only read them.
const IMAGE = 'OS::Glance::Image';
const NAMESPACE = 'OS::Compute::Libvirt';

interface ApiProperty {
  enum?: string[];
}

test('namespaces filter to image ones; a namespace shows its properties with their values', async ({ page }) => {
  const alice = await projectToken('alice', 'alpha');
  const { body } = await glance(alice, `/v2/metadefs/namespaces?limit=100&sort_key=namespace&sort_dir=asc&resource_types=${encodeURIComponent(IMAGE)}`, { expect: 200 });
  // Other specs create and delete their own image namespaces (e2e-…) meanwhile: only the stable ones are compared.
  const stable = (list: string[]) => list.filter((name) => !name.startsWith('e2e-'));
  const expected = stable((body as { namespaces: { namespace: string }[] }).namespaces.map((ns) => ns.namespace));
  const ns = (await glance(alice, `/v2/metadefs/namespaces/${NAMESPACE}`, { expect: 200 })).body as { display_name: string; properties: Record<string, ApiProperty> };
  await revoke(alice.token);
  const [enumName, enumProperty] = Object.entries(ns.properties).find(([, property]) => property.enum?.length) ?? [];
  expect(enumName, `${NAMESPACE} has a property with enum values`).toBeTruthy();
  expect(expected).toContain(NAMESPACE);

  await signIn(page, 'alice');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metadata definitions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metadata definitions' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Resource type').selectOption(IMAGE);
  await page.getByLabel('Per page').selectOption('100');
  await expect(page).toHaveURL(/resource_type=OS%3A%3AGlance%3A%3AImage/);
  const names = page.getByRole('table', { name: 'Namespaces' }).locator('tbody tr td:first-child span.font-mono');
  await expect.poll(async () => stable(await names.allTextContents())).toEqual(expected);

  const row = page.getByRole('row').filter({ has: page.getByText(NAMESPACE, { exact: true }) });
  await expect(row).toContainText('hw_');
  await row.getByRole('link', { name: ns.display_name, exact: true }).click();
  await expect(page).toHaveURL(`/metadefs/${encodeURIComponent(NAMESPACE)}`);
  await expect(page.getByRole('heading', { level: 1, name: ns.display_name })).toBeVisible();
  const tabs = page.getByRole('navigation', { name: 'Namespace sections' });
  await tabs.getByRole('link', { name: 'Resource types' }).click();
  await expect(page.getByRole('table', { name: 'Resource type associations' })).toContainText(IMAGE);

  await tabs.getByRole('link', { name: 'Properties' }).click();
  // Keys are shown as images use them (prefix hw_), with the allowed values listed.
  const properties = page.getByRole('table', { name: 'Properties' });
  const key = `hw_${enumName ?? ''}`;
  const values = properties.getByRole('list', { name: `Values of ${key}` }).getByRole('listitem');
  await expect(values).toHaveText(enumProperty?.enum ?? []);
  // Flavors use another prefix.
  await page.getByLabel('Show keys as used on').selectOption('OS::Nova::Flavor');
  await expect(properties.getByRole('list', { name: `Values of hw:${enumName ?? ''}` })).toBeVisible();
  await expectAccessible(page);
});

test('a namespace that does not exist is explained, with a way back', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/metadefs/OS%3A%3ANo%3A%3ASuchThing');
  await expect(page.getByRole('heading', { level: 1, name: 'Namespace not found' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('OS::No::SuchThing');
  await expect(page).toHaveTitle('Namespace not found · Loupe');
  await page.getByRole('link', { name: '← Metadata definitions' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Metadata definitions' })).toBeVisible();
});
