import { expect, test, type Page } from '@playwright/test';
import { createImage, deleteImage, glance, projectToken, revoke, type Token } from './support/api';
import { expectAccessible, signIn } from './support/ui';

// Tags and resource-type associations of a metadefs namespace, edited by an admin, read by a
// member; and the link to images: a property of a namespace associated with images here is
// offered by the image editor, with its limits checked. Each test makes its own namespace.

const IMAGE = 'OS::Glance::Image';
const unique = (what: string) => `e2e-${what}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
const nsPath = (name: string) => `/v2/metadefs/namespaces/${encodeURIComponent(name)}`;

async function createNamespace(admin: Token, fields: Record<string, unknown>): Promise<string> {
  const name = unique('ns');
  await glance(admin, '/v2/metadefs/namespaces', { method: 'POST', json: { namespace: name, visibility: 'public', ...fields }, expect: 201 });
  return name;
}

async function deleteNamespace(admin: Token, name: string): Promise<void> {
  await glance(admin, nsPath(name), { method: 'PUT', json: { namespace: name, visibility: 'public', protected: false } });
  await glance(admin, nsPath(name), { method: 'DELETE' });
}

async function apiTags(admin: Token, name: string, query = 'sort_key=name&sort_dir=asc'): Promise<string[]> {
  const { body } = await glance(admin, `${nsPath(name)}/tags?${query}`, { expect: 200 });
  return (body as { tags: { name: string }[] }).tags.map((tag) => tag.name);
}

async function apiAssociations(admin: Token, name: string): Promise<{ name: string; prefix?: string }[]> {
  const { body } = await glance(admin, `${nsPath(name)}/resource_types`, { expect: 200 });
  return (body as { resource_type_associations: { name: string; prefix?: string }[] }).resource_type_associations;
}

/** Moves the single-page app to a URL without reloading it (the router follows popstate), so its cache stays. */
async function navigateInApp(page: Page, url: string): Promise<void> {
  await page.evaluate((target) => {
    window.history.pushState(null, '', target);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
  await expect(page).toHaveURL(url);
}

const tagCells = (page: Page) => page.getByRole('table', { name: 'Tags' }).locator('tbody tr td:first-child');

test('an admin adds tags one at a time and many at once, sorts them, renames one and deletes them all', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const name = await createNamespace(admin, {});
  try {
    await signIn(page, 'admin', { path: `/metadefs/${encodeURIComponent(name)}/tags` });
    await expect(page.getByText('No tags')).toBeVisible();
    const box = page.getByLabel('New tags');
    await box.fill('first');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(tagCells(page)).toHaveText(['first']);

    // Many at once: a repeat in another case and one the namespace has are skipped, the rest stay.
    await box.fill('second, third\nfourth\nSECOND\nFirst');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('Already there, so skipped: First');
    await expect(box).toHaveValue('');
    const stored = await apiTags(admin, name);
    expect(stored).toEqual(['first', 'fourth', 'second', 'third']);
    await expect(tagCells(page)).toHaveText(stored);

    // A name Glance would take but never address again is refused before sending.
    await box.fill('a/b');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(page.getByText(/cannot contain "\/"/)).toBeVisible();
    expect(await apiTags(admin, name)).toEqual(stored);
    await box.fill('');

    // Glance's own order, newest first.
    await page.getByLabel('Sort tags').selectOption({ label: 'Newest first' });
    await expect(page).toHaveURL(/sort=created-desc/);
    await expect(tagCells(page)).toHaveText(await apiTags(admin, name, 'sort_key=created_at&sort_dir=desc'));
    await page.getByLabel('Sort tags').selectOption({ label: 'Name A–Z' });

    // Rename: a taken name is refused by Glance and said so on the field; a free one renames.
    await page.getByRole('button', { name: 'Rename tag second' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename tag second' });
    await dialog.getByLabel('New name').fill('THIRD');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByText(/already exists in this namespace/)).toBeVisible();
    await dialog.getByLabel('New name').fill('zweite');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    expect(await apiTags(admin, name)).toEqual(['first', 'fourth', 'third', 'zweite']);
    await expect(tagCells(page)).toHaveText(['first', 'fourth', 'third', 'zweite']);
    await expectAccessible(page);

    // Delete all, once the namespace's name is typed.
    await page.getByRole('button', { name: 'Delete all tags' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete all tags?' });
    const go = confirm.getByRole('button', { name: 'Delete all tags' });
    await expect(go).toBeDisabled();
    await confirm.getByLabel(`Type ${name} to confirm`).fill(name);
    await go.click();
    await expect(confirm).toBeHidden();
    await expect(page.getByText('No tags')).toBeVisible();
    expect(await apiTags(admin, name)).toEqual([]);
  } finally {
    await deleteNamespace(admin, name);
    await revoke(admin.token);
  }
});

test('tags page by marker with one tag more asked than shown', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const name = await createNamespace(admin, { tags: Array.from({ length: 30 }, (_, i) => ({ name: `t${String(i).padStart(2, '0')}` })) });
  try {
    await signIn(page, 'admin', { path: `/metadefs/${encodeURIComponent(name)}/tags?limit=25` });
    const all = await apiTags(admin, name);
    await expect(tagCells(page)).toHaveText(all.slice(0, 25));
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(tagCells(page)).toHaveText(all.slice(25));
    await expect(page.getByRole('button', { name: 'Next →' })).toBeDisabled();
    await page.getByRole('button', { name: '← Previous' }).click();
    await expect(tagCells(page)).toHaveText(all.slice(0, 25));
  } finally {
    await deleteNamespace(admin, name);
    await revoke(admin.token);
  }
});

test('a namespace associated with images here offers its property in the image editor, limits enforced', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const name = await createNamespace(admin, {
    display_name: `Cores ${Date.now()}`,
    properties: { cores: { title: 'Cores', type: 'integer', minimum: 1, maximum: 8, description: 'How many cores' } },
  });
  const image = await createImage(admin, { name: unique('img') });
  const prefix = `e2e${Math.random().toString(36).slice(2, 6)}_`;
  try {
    // The editor first, so its catalogue is cached without the new namespace.
    await signIn(page, 'admin', { path: `/images/${image.id}?edit=1` });
    const picker = page.getByLabel('Add from the metadata catalogue');
    // The catalogue is one read per image namespace (about twenty): slow while the suite loads Glance.
    await expect(picker.locator('option', { hasText: 'hw_' }).first()).toBeAttached({ timeout: 60_000 });
    await expect(picker.locator('option', { hasText: `${prefix}cores` })).toHaveCount(0);

    // Associate in the same session (no reload): the catalogue is invalidated, not kept for its 30 minutes.
    await navigateInApp(page, `/metadefs/${encodeURIComponent(name)}/resource-types`);
    await page.getByLabel('Resource type', { exact: true }).fill(IMAGE);
    await page.getByLabel('Key prefix').fill(prefix);
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    const table = page.getByRole('table', { name: 'Resource type associations' });
    await expect(table.getByRole('row').filter({ hasText: IMAGE })).toContainText(prefix);
    expect(await apiAssociations(admin, name)).toEqual([expect.objectContaining({ name: IMAGE, prefix })]);
    // Associating twice is one more request, refused by Glance, and said so on the field.
    await page.getByLabel('Resource type', { exact: true }).fill(IMAGE);
    await page.getByRole('button', { name: 'Associate', exact: true }).click();
    await expect(page.getByText(`${IMAGE} is already associated with this namespace`)).toBeVisible();
    await expectAccessible(page);

    await navigateInApp(page, `/images/${image.id}?edit=1`);
    const option = picker.locator('option', { hasText: `${prefix}cores` });
    await expect(option).toHaveText(`${prefix}cores — Cores`);
    await picker.selectOption(`${prefix}cores`);
    const value = page.getByLabel(`Value of ${prefix}cores`);
    await value.fill('99');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await expect(page.getByText('At most 8.')).toBeVisible();
    await value.fill('4');
    await page.getByRole('button', { name: 'Review and save' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(async () => (await glance(admin, `/v2/images/${image.id}`, { expect: 200 })).body).toMatchObject({ [`${prefix}cores`]: '4' });

    // Removing the association is one DELETE.
    await page.goto(`/metadefs/${encodeURIComponent(name)}/resource-types`);
    await page.getByRole('button', { name: `Remove ${IMAGE}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect(page.getByText('This namespace is not associated with any resource type.')).toBeVisible();
    expect(await apiAssociations(admin, name)).toEqual([]);
  } finally {
    await deleteImage(admin, image.id);
    await deleteNamespace(admin, name);
    await revoke(admin.token);
  }
});

test('a protected namespace keeps its tags and associations, and says why; a member only reads', async ({ page, browser }) => {
  const admin = await projectToken('admin', 'admin');
  const name = await createNamespace(admin, { protected: true, tags: [{ name: 'kept' }], resource_type_associations: [{ name: 'OS::Nova::Flavor', prefix: 'e2e:' }] });
  try {
    await signIn(page, 'admin', { path: `/metadefs/${encodeURIComponent(name)}/tags` });
    await expect(tagCells(page)).toHaveText(['kept']);
    await expect(page.getByRole('button', { name: 'Delete tag kept' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Delete all tags' })).toBeDisabled();
    await expect(page.getByText(/This namespace is protected: nothing in it can be deleted/)).toBeVisible();
    // Renaming is allowed on a protected namespace (Glance refuses only deletes).
    await expect(page.getByRole('button', { name: 'Rename tag kept' })).toBeEnabled();
    await page.getByRole('link', { name: 'Resource types' }).click();
    await expect(page.getByRole('button', { name: 'Remove OS::Nova::Flavor' })).toBeDisabled();

    const member = await browser.newPage();
    await signIn(member, 'alice', { path: `/metadefs/${encodeURIComponent(name)}/tags` });
    await expect(tagCells(member)).toHaveText(['kept']);
    await expect(member.getByText(/Only cloud administrators can change metadata definitions/)).toBeVisible();
    await expect(member.getByLabel('New tags')).toHaveCount(0);
    await expect(member.getByRole('button', { name: /Rename|Delete/ })).toHaveCount(0);
    await member.getByRole('link', { name: 'Resource types' }).click();
    await expect(member.getByRole('table', { name: 'Resource type associations' })).toContainText('e2e:');
    await expect(member.getByRole('button', { name: /Remove/ })).toHaveCount(0);
    await expect(member.getByRole('button', { name: 'Associate', exact: true })).toHaveCount(0);
    await member.close();
  } finally {
    await deleteNamespace(admin, name);
    await revoke(admin.token);
  }
});
