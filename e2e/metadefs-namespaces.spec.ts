import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { glance, projectToken, revoke, type Token } from './support/api';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// Namespaces created, edited, imported, exported and deleted as admin against the real Glance;
// every test makes its own namespaces and removes them (unprotecting first) at the end. They are
// associated with flavors only: namespaces for images would show up in other specs' image editors.

// Not associated with images, so the image editor's catalogue (read by other specs) never sees the copy.
const SHIPPED_FILE = '/usr/share/glance-common/metadefs/compute-quota.json';
type Doc = Record<string, unknown>;

let admin: Token;
const created: string[] = [];

test.beforeAll(async () => {
  admin = await projectToken('admin', 'admin');
});

test.afterAll(async () => {
  for (const name of created) {
    const path = `/v2/metadefs/namespaces/${encodeURIComponent(name)}`;
    await glance(admin, path, { method: 'PUT', json: { namespace: name, protected: false } });
    const { status } = await glance(admin, path, { method: 'DELETE' });
    expect([204, 404]).toContain(status);
  }
  await revoke(admin.token);
});

const nsPath = (name: string) => `/v2/metadefs/namespaces/${encodeURIComponent(name)}`;
const read = async (name: string) => (await glance(admin, nsPath(name), { expect: 200 })).body as Doc;

async function createByApi(name: string, extra: Doc = {}): Promise<Doc> {
  created.push(name);
  await glance(admin, '/v2/metadefs/namespaces', {
    method: 'POST',
    json: {
      namespace: name,
      display_name: 'E2E namespace',
      description: 'Made by an e2e test',
      visibility: 'public',
      properties: { e2e_size: { title: 'Size', type: 'integer', minimum: 1, maximum: 9 } },
      objects: [{ name: 'Thing', description: 'An object', required: ['e2e_colour'], properties: { e2e_colour: { title: 'Colour', type: 'string', enum: ['red', 'blue'] } } }],
      tags: [{ name: 'beta' }, { name: 'alpha' }],
      resource_type_associations: [{ name: 'OS::Nova::Flavor', prefix: 'e2e:' }],
      ...extra,
    },
    expect: 201,
  });
  return read(name);
}

/** What a namespace holds besides its own fields, as the API returns it (objects without their links, which hold the name). */
const contents = (ns: Doc) => ({
  properties: ns.properties,
  objects: (ns.objects as Doc[]).map((object) => ({ ...object, self: undefined })),
  tags: ns.tags,
  resource_type_associations: ns.resource_type_associations,
});

/** The detail the overview shows: the value of one term of its description list. */
const overviewValue = (page: Page, term: string) => page.locator('dl dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]');

test('an admin creates a namespace with the form; the overview shows what Glance stored; a taken name is refused on the field', async ({ page }) => {
  const name = uniqueName('ns-form');
  created.push(name);
  await signIn(page, 'admin');
  await page.goto('/metadefs');
  await page.getByRole('link', { name: 'Create namespace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New namespace' })).toBeVisible();
  const form = page.getByRole('form', { name: 'New namespace' });
  await form.getByLabel('Namespace', { exact: true }).fill(name);
  await form.getByLabel('Display name').fill('Made with the form');
  await form.getByLabel('Description').fill('Two words\nand a line');
  await form.getByLabel('Visibility').selectOption('public');
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Create namespace' }).click();

  await expect(page).toHaveURL(`/metadefs/${encodeURIComponent(name)}`);
  const stored = await read(name);
  expect(stored).toMatchObject({ namespace: name, display_name: 'Made with the form', description: 'Two words\nand a line', visibility: 'public', protected: false });
  await expect(page.getByRole('heading', { level: 1, name: String(stored.display_name) })).toBeVisible();
  await expect(overviewValue(page, 'Namespace')).toHaveText(String(stored.namespace));
  await expect(overviewValue(page, 'Display name')).toHaveText(String(stored.display_name));
  await expect(overviewValue(page, 'Visibility')).toHaveText(String(stored.visibility));
  // The admin project's namespace: its name (from Keystone), then its ID.
  await expect(overviewValue(page, 'Owner')).toHaveText(`admin ${String(stored.owner)}`);
  await expect(overviewValue(page, 'Description')).toHaveText(String(stored.description));

  // The same name again: Glance's 409 lands on the name field.
  await page.goto('/new/metadef-namespace');
  await form.getByLabel('Namespace', { exact: true }).fill(name);
  await form.getByRole('button', { name: 'Create namespace' }).click();
  await expect(form.getByText(`A namespace named "${name}" already exists`)).toBeVisible();
  await expect(form.getByLabel('Namespace', { exact: true })).toHaveAttribute('aria-invalid', 'true');
});

test("an admin imports one of Glance's own files under a new name; a broken document names its fields", async ({ page }) => {
  const file = JSON.parse(readFileSync(SHIPPED_FILE, 'utf8')) as Doc;
  const name = uniqueName('ns-import');
  created.push(name);
  await signIn(page, 'admin');
  await page.goto('/new/metadef-namespace');
  // The mode lives in the URL: the radio is checked once the navigation it starts has rendered.
  await page.getByLabel('Import a JSON document').click();
  await expect(page.getByLabel('Import a JSON document')).toBeChecked();
  const form = page.getByRole('form', { name: 'Import a namespace' });

  await form.getByLabel('Namespace JSON').fill(JSON.stringify({ namespace: 'x', visibility: 'shared', properties: { p: { type: 'text' } } }));
  const problems = form.getByRole('list', { name: 'Problems in the document' }).getByRole('listitem');
  await expect(problems).toHaveText([
    'visibility: must be one of public, private (it is shared)',
    'properties.p.title: is required',
    'properties.p.type: must be one of array, boolean, integer, number, object, string, null (it is text)',
  ]);
  await expect(form.getByRole('button', { name: 'Import namespace' })).toBeDisabled();

  await form.getByLabel('JSON file').setInputFiles(SHIPPED_FILE);
  await form.getByLabel('Import under the name').fill(name);
  const properties = Object.keys((file.properties as Doc | undefined) ?? {}).length;
  const objects = (file.objects as unknown[] | undefined)?.length ?? 0;
  expect(objects, 'the file has objects to count').toBeGreaterThan(0);
  await expect(form.getByRole('status')).toContainText(`Ready to import ${name}: ${properties} properties, ${objects} objects`);
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Import namespace' }).click();

  await expect(page).toHaveURL(`/metadefs/${encodeURIComponent(name)}`);
  const stored = await read(name);
  expect(Object.keys((stored.properties as Doc | undefined) ?? {})).toHaveLength(properties);
  expect((stored.objects as unknown[] | undefined)?.length ?? 0).toBe(objects);
  const objectProperties = (doc: Doc) => Object.fromEntries((doc.objects as Doc[]).map((object) => [object.name, object.properties]));
  expect(objectProperties(stored)).toEqual(objectProperties(file));
  expect(stored.display_name).toBe(file.display_name);
});

test('an admin edits display name, description and protection in the overview; nothing else is lost', async ({ page }) => {
  const name = uniqueName('ns-edit');
  const before = await createByApi(name);
  await signIn(page, 'admin');
  await page.goto(`/metadefs/${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: 'Edit namespace' }).click();
  const form = page.getByRole('form', { name: 'Edit namespace' });
  await expect(form.getByLabel('Namespace', { exact: true })).toHaveValue(name);
  await form.getByLabel('Display name').fill('Edited title');
  await form.getByLabel('Description').fill('Edited description');
  await form.getByLabel(/Protected \(nothing in it/).check();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('button', { name: 'Edit namespace' })).toBeVisible();

  const after = await read(name);
  expect(after).toMatchObject({ namespace: name, display_name: 'Edited title', description: 'Edited description', protected: true, visibility: before.visibility, owner: before.owner });
  expect(contents(after)).toEqual(contents(before));
  await expect(overviewValue(page, 'Display name')).toHaveText(String(after.display_name));
  await expect(overviewValue(page, 'Protected')).toHaveText('protected');
});

test('renaming in the overview moves the namespace, with its contents, to its new address', async ({ page }) => {
  const name = uniqueName('ns-rename');
  const renamed = `${name}-renamed`;
  const before = await createByApi(name);
  created.push(renamed);
  await signIn(page, 'admin');
  await page.goto(`/metadefs/${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: 'Edit namespace' }).click();
  const form = page.getByRole('form', { name: 'Edit namespace' });
  await form.getByLabel('Namespace', { exact: true }).fill(renamed);
  await form.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(`/metadefs/${encodeURIComponent(renamed)}`);
  await expect(page.getByRole('button', { name: 'Edit namespace' })).toBeVisible();
  await expect(overviewValue(page, 'Namespace')).toHaveText(renamed);
  expect((await glance(admin, nsPath(name))).status).toBe(404);
  const after = await read(renamed);
  expect(after).toMatchObject({ display_name: before.display_name, description: before.description, visibility: before.visibility, protected: before.protected });
  expect(contents(after)).toEqual(contents(before));
});

test('the list sorts by creation time through the URL and shows owners by project name', async ({ page }) => {
  const name = uniqueName('ns-list');
  const ns = await createByApi(name);
  await signIn(page, 'admin');
  await page.goto('/metadefs');
  const table = page.getByRole('table', { name: 'Namespaces' });
  // A header sorts (Updated: most recent first), and so does the select (the Created column may not fit).
  await table.getByRole('button', { name: 'Updated' }).click();
  await expect(page).toHaveURL(/sort=updated_at%3Adesc/);
  await expect(table.getByRole('columnheader', { name: 'Updated' })).toHaveAttribute('aria-sort', 'descending');
  await expect(page.getByLabel('Sort by')).toHaveValue('updated_at:desc');
  await page.getByLabel('Sort by').selectOption({ label: 'Newest first' });
  await expect(page).toHaveURL(/sort=created_at%3Adesc/);

  // Other specs create namespaces meanwhile, and Glance's shipped ones share one creation time (so
  // their order among themselves is Glance's choice): check that creation times never go up.
  // Sorted by name, ours (e2e-…) would be after every shipped one, off the first page.
  const names = table.locator('tbody tr td:first-child span.font-mono');
  await expect(names.getByText(name, { exact: true })).toBeVisible();
  const shown = await names.allInnerTexts();
  const { body } = await glance(admin, '/v2/metadefs/namespaces?limit=1000', { expect: 200 });
  const createdAt = new Map((body as { namespaces: { namespace: string; created_at: string }[] }).namespaces.map((item) => [item.namespace, item.created_at]));
  const times = shown.flatMap((item) => createdAt.get(item) ?? []);
  expect(times.length).toBeGreaterThan(shown.length / 2);
  expect(times).toEqual([...times].sort().reverse());

  // Our namespace is owned by the admin project (the token's), shown by its name.
  expect(ns.owner).toBe(admin.projectId);
  const row = table.getByRole('row').filter({ has: page.getByText(name, { exact: true }) });
  await expect(row.getByRole('cell').nth(4)).toHaveText('admin');
});

test('the JSON tab downloads a document equal to the API read without server fields', async ({ page }) => {
  const name = uniqueName('ns-export');
  await createByApi(name);
  const api = await read(name);
  await signIn(page, 'admin');
  await page.goto(`/metadefs/${encodeURIComponent(name)}/json`);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const file = await download;
  const path = await file.path();
  const exported = JSON.parse(readFileSync(path, 'utf8')) as Doc;

  // The API read, without what Glance sets, element by element; tags in any order.
  const strip = (value: unknown) => {
    const copy = { ...(value as Doc) };
    for (const key of ['created_at', 'updated_at', 'self', 'schema', 'owner']) delete copy[key];
    return copy;
  };
  const byName = (a: unknown, b: unknown) => String((a as Doc).name).localeCompare(String((b as Doc).name));
  const expected = strip(api);
  expected.objects = (api.objects as unknown[]).map(strip);
  expected.resource_type_associations = (api.resource_type_associations as unknown[]).map(strip);
  expected.tags = [...(api.tags as unknown[])].sort(byName);
  expect({ ...exported, tags: [...(exported.tags as unknown[])].sort(byName) }).toEqual(expected);
  expect(exported).not.toHaveProperty('owner');
  await expect(page.getByRole('region', { name: 'JSON' }).getByLabel('Namespace JSON')).toContainText(`"namespace": "${name}"`);
});

test('deleting a protected namespace explains the rule and, accepted, unprotects and deletes it', async ({ page }) => {
  const name = uniqueName('ns-delete');
  await createByApi(name, { protected: true });
  await signIn(page, 'admin');
  await page.goto(`/metadefs/${encodeURIComponent(name)}`);
  await page.getByRole('button', { name: 'Delete namespace' }).click();
  const dialog = page.getByRole('dialog', { name: `${name} is protected` });
  await expect(dialog).toContainText('Glance does not delete a protected namespace: protection has to be turned off first.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Unprotect and delete' }).click();
  await expect(page).toHaveURL('/metadefs');
  const { status } = await glance(admin, nsPath(name));
  expect(status).toBe(404);
});

test('a member sees the list and a namespace without create, edit or delete controls', async ({ page }) => {
  const name = uniqueName('ns-member');
  const ns = await createByApi(name);
  await signIn(page, 'alice');
  await page.goto('/metadefs');
  await expect(page.getByRole('table', { name: 'Namespaces' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Create namespace' })).toHaveCount(0);
  await page.goto(`/metadefs/${encodeURIComponent(name)}`);
  await expect(page.getByRole('heading', { level: 1, name: String(ns.display_name) })).toBeVisible();
  await expect(overviewValue(page, 'Description')).toHaveText(String(ns.description));
  await expect(page.getByRole('button', { name: 'Edit namespace' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Delete namespace' })).toHaveCount(0);
  await page.goto(`/metadefs/${encodeURIComponent(name)}/json`);
  await expect(page.getByRole('button', { name: 'Download JSON' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'import it' })).toHaveCount(0);
  await page.goto('/new/metadef-namespace');
  await expect(page.getByText('Only cloud administrators can change metadata definitions')).toBeVisible();
  await expect(page.getByRole('form', { name: 'New namespace' })).toHaveCount(0);
});
