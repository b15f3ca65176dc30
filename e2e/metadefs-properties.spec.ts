import { expect, test, type Page } from '@playwright/test';
import { glance, projectToken, revoke, type Token } from './support/api';
import { expectAccessible, signIn } from './support/ui';

// Property and object editors of a metadefs namespace, as admin, checked against what Glance
// stores after each step. Each test makes its own namespace and deletes it.

const unique = (what: string) => `e2e-${what}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}`;
const nsPath = (ns: string) => `/v2/metadefs/namespaces/${encodeURIComponent(ns)}`;

async function createNamespace(admin: Token, extra: Record<string, unknown> = {}): Promise<string> {
  const namespace = unique('md-props');
  await glance(admin, '/v2/metadefs/namespaces', { method: 'POST', json: { namespace, ...extra }, expect: 201 });
  return namespace;
}

async function deleteNamespace(admin: Token, namespace: string): Promise<void> {
  // Protected namespaces cannot be deleted: unprotect first (PUT replaces, so send the name too).
  await glance(admin, nsPath(namespace), { method: 'PUT', json: { namespace, protected: false } });
  await glance(admin, nsPath(namespace), { method: 'DELETE' });
}

async function apiProperties(admin: Token, namespace: string): Promise<Record<string, Record<string, unknown>>> {
  return ((await glance(admin, `${nsPath(namespace)}/properties`, { expect: 200 })).body as { properties: Record<string, Record<string, unknown>> }).properties;
}

async function openTab(page: Page, namespace: string, tab: 'properties' | 'objects') {
  await page.goto(`/metadefs/${encodeURIComponent(namespace)}/${tab}`);
  await expect(page.getByRole('heading', { level: 2, name: tab === 'properties' ? 'Properties' : 'Objects' })).toBeVisible();
}

test.describe('metadefs properties', () => {
  let admin: Token;
  let namespace: string;
  test.beforeEach(async () => {
    admin = await projectToken('admin', 'admin');
    namespace = await createNamespace(admin);
  });
  test.afterEach(async () => {
    await deleteNamespace(admin, namespace);
    await revoke(admin.token);
  });

  test('add, edit, rename and delete a property; the API holds what was entered', async ({ page }) => {
    await signIn(page, 'admin');
    await openTab(page, namespace, 'properties');
    await page.getByRole('button', { name: 'Add property' }).click();
    const editor = page.getByRole('region', { name: 'New property' });
    await editor.getByLabel('Name').fill('disk_bus');
    await editor.getByLabel('Title').fill('Disk bus');
    await editor.getByLabel('Description').fill('How disks attach.');
    await editor.getByLabel('Allowed values').fill('virtio\nscsi\nide');
    await editor.getByLabel('Default').fill('ide-x');
    await editor.getByRole('button', { name: 'Create property' }).click();
    // Checked before sending: the default must be one of the allowed values.
    await expect(editor.getByLabel('Default')).toHaveAccessibleDescription(/one of the allowed values/);
    await editor.getByLabel('Default').fill('virtio');

    // The preview is the image editor's select, with the allowed values.
    const preview = editor.getByRole('region', { name: 'Preview in the image editor' });
    const previewSelect = preview.getByRole('combobox', { name: 'Preview: Disk bus' });
    await expect(previewSelect.getByRole('option')).toHaveText(['—', 'virtio', 'scsi', 'ide']);
    await expectAccessible(page);

    await editor.getByRole('button', { name: 'Create property' }).click();
    await expect(editor).toBeHidden();
    await expect(page.getByRole('table', { name: 'Properties' }).getByRole('list', { name: 'Values of disk_bus' }).getByRole('listitem')).toHaveText(['virtio', 'scsi', 'ide']);
    expect((await apiProperties(admin, namespace)).disk_bus).toEqual({
      name: 'disk_bus',
      title: 'Disk bus',
      description: 'How disks attach.',
      type: 'string',
      enum: ['virtio', 'scsi', 'ide'],
      default: 'virtio',
    });

    // Edit: make it an integer with limits; the string-only fields go away.
    await page.getByRole('button', { name: 'Edit disk_bus' }).click();
    const edit = page.getByRole('region', { name: 'Edit property disk_bus' });
    await edit.getByLabel('Type').selectOption('integer');
    await expect(edit.getByLabel('Pattern')).toBeHidden();
    await edit.getByLabel('Allowed values').fill('');
    await edit.getByLabel('Default').fill('4');
    await edit.getByLabel('Minimum').fill('8');
    await edit.getByLabel('Maximum').fill('2');
    await edit.getByRole('button', { name: 'Save property' }).click();
    await expect(edit.getByLabel('Maximum')).toHaveAccessibleDescription('Must not be below 8.');
    await edit.getByLabel('Minimum').fill('1');
    await edit.getByLabel('Maximum').fill('16');
    // The preview now is a number input that says what the image editor would.
    const number = edit.getByRole('region', { name: 'Preview in the image editor' }).getByRole('spinbutton', { name: 'Preview: Disk bus' });
    await number.fill('40');
    await expect(edit.getByRole('region', { name: 'Preview in the image editor' }).getByRole('status')).toHaveText('The image editor would say: At most 16.');
    await edit.getByRole('button', { name: 'Save property' }).click();
    await expect(edit).toBeHidden();
    expect((await apiProperties(admin, namespace)).disk_bus).toEqual({
      name: 'disk_bus',
      title: 'Disk bus',
      description: 'How disks attach.',
      type: 'integer',
      // Glance keeps a default as text, whatever the type.
      default: '4',
      minimum: 1,
      maximum: 16,
    });

    // Rename: a PUT at the old name with the new one; nothing else changes.
    await page.getByRole('button', { name: 'Edit disk_bus' }).click();
    const rename = page.getByRole('region', { name: 'Edit property disk_bus' });
    await rename.getByLabel('Name').fill('disk_count');
    await rename.getByRole('button', { name: 'Save property' }).click();
    await expect(rename).toBeHidden();
    const renamed = await apiProperties(admin, namespace);
    expect(Object.keys(renamed)).toEqual(['disk_count']);
    expect(renamed.disk_count).toEqual({ name: 'disk_count', title: 'Disk bus', description: 'How disks attach.', type: 'integer', default: '4', minimum: 1, maximum: 16 });

    // A name already taken is refused before sending; Glance's 409 would say the same.
    await page.getByRole('button', { name: 'Add property' }).click();
    const second = page.getByRole('region', { name: 'New property' });
    await second.getByLabel('Name').fill('disk_count');
    await second.getByLabel('Title').fill('Again');
    await second.getByRole('button', { name: 'Create property' }).click();
    await expect(second.getByLabel('Name')).toHaveAccessibleDescription(/already used here/);
    await second.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('button', { name: 'Delete disk_count' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete property disk_count?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('main').getByText('No properties.')).toBeVisible();
    expect(await apiProperties(admin, namespace)).toEqual({});
  });
});

async function apiObjects(admin: Token, namespace: string): Promise<ApiObject[]> {
  const objects = ((await glance(admin, `${nsPath(namespace)}/objects`, { expect: 200 })).body as { objects: ApiObject[] }).objects;
  return objects.map(({ name, description, required, properties }) => ({ name, description, required, properties }));
}

interface ApiObject {
  name: string;
  description?: string;
  required?: string[];
  properties?: Record<string, Record<string, unknown>>;
}

test('add an object with two properties, one required; edit, rename and delete it; the API follows', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const namespace = await createNamespace(admin);
  try {
    await signIn(page, 'admin');
    await openTab(page, namespace, 'objects');
    await page.getByRole('button', { name: 'Add object' }).click();
    const create = page.getByRole('region', { name: 'New object' });
    await create.getByLabel('Object name').fill('disk');
    await create.getByLabel('Object description').fill('Disk settings.');
    await create.getByRole('button', { name: 'Create object' }).click();
    await expect(create).toBeHidden();
    expect(await apiObjects(admin, namespace)).toEqual([{ name: 'disk', description: 'Disk settings.', required: [], properties: {} }]);

    const section = page.getByRole('region', { name: 'Object disk' });
    await section.getByRole('button', { name: 'Add property to disk' }).click();
    let editor = section.getByRole('region', { name: 'New property of disk' });
    await editor.getByLabel('Name').fill('bus');
    await editor.getByLabel('Title').fill('Bus');
    await editor.getByLabel('Allowed values').fill('virtio\nscsi');
    await expect(editor.getByRole('combobox', { name: 'Preview: Bus' }).getByRole('option')).toHaveText(['—', 'virtio', 'scsi']);
    // Unsaved changes hold the other editors back instead of being dropped.
    await expect(section.getByRole('button', { name: 'Edit object disk' })).toBeDisabled();
    await editor.getByRole('button', { name: 'Create property' }).click();
    await expect(editor).toBeHidden();
    await section.getByRole('button', { name: 'Add property to disk' }).click();
    editor = section.getByRole('region', { name: 'New property of disk' });
    await editor.getByLabel('Name').fill('size');
    await editor.getByLabel('Title').fill('Size');
    await editor.getByLabel('Type').selectOption('integer');
    await editor.getByLabel('Minimum').fill('1');
    await editor.getByRole('button', { name: 'Create property' }).click();
    await expect(editor).toBeHidden();

    // Required is offered from the object's own properties.
    await section.getByRole('button', { name: 'Edit object disk' }).click();
    const edit = section.getByRole('region', { name: 'Edit object disk' });
    const required = edit.getByRole('group', { name: 'Required properties' }).getByRole('checkbox');
    await expect(required).toHaveCount(2);
    await edit.getByRole('checkbox', { name: 'bus' }).check();
    await expectAccessible(page);
    await edit.getByLabel('Object description').fill('Disk settings, edited.');
    await edit.getByRole('button', { name: 'Save object' }).click();
    await expect(edit).toBeHidden();
    const busAndSize = {
      bus: { title: 'Bus', type: 'string', enum: ['virtio', 'scsi'] },
      size: { title: 'Size', type: 'integer', minimum: 1 },
    };
    expect(await apiObjects(admin, namespace)).toEqual([{ name: 'disk', description: 'Disk settings, edited.', required: ['bus'], properties: busAndSize }]);
    await expect(section.getByRole('table', { name: 'Properties of disk' })).toContainText('required');

    // Edit a property inside the object: a PUT of the whole object; the other property stays.
    await section.getByRole('button', { name: 'Edit size of disk' }).click();
    const editSize = section.getByRole('region', { name: 'Edit property size of disk' });
    await editSize.getByLabel('Maximum').fill('64');
    await editSize.getByRole('button', { name: 'Save property' }).click();
    await expect(editSize).toBeHidden();
    expect((await apiObjects(admin, namespace))[0]?.properties).toEqual({ ...busAndSize, size: { title: 'Size', type: 'integer', minimum: 1, maximum: 64 } });

    // Rename the object: PUT at the old name with the new one, nothing lost.
    await section.getByRole('button', { name: 'Edit object disk' }).click();
    const rename = section.getByRole('region', { name: 'Edit object disk' });
    await rename.getByLabel('Object name').fill('volume');
    await rename.getByRole('button', { name: 'Save object' }).click();
    const renamed = page.getByRole('region', { name: 'Object volume' });
    await expect(renamed).toBeVisible();
    expect(await apiObjects(admin, namespace)).toEqual([
      { name: 'volume', description: 'Disk settings, edited.', required: ['bus'], properties: { ...busAndSize, size: { title: 'Size', type: 'integer', minimum: 1, maximum: 64 } } },
    ]);

    // Removing a required property takes it out of required too.
    await renamed.getByRole('button', { name: 'Delete bus of volume' }).click();
    await page.getByRole('dialog', { name: 'Delete property bus of volume?' }).getByRole('button', { name: 'Delete' }).click();
    await expect(renamed.getByRole('table', { name: 'Properties of volume' })).not.toContainText('Bus');
    expect(await apiObjects(admin, namespace)).toEqual([
      { name: 'volume', description: 'Disk settings, edited.', required: [], properties: { size: { title: 'Size', type: 'integer', minimum: 1, maximum: 64 } } },
    ]);

    await renamed.getByRole('button', { name: 'Delete object volume' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete object volume?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('main').getByText('No objects.')).toBeVisible();
    expect(await apiObjects(admin, namespace)).toEqual([]);
  } finally {
    await deleteNamespace(admin, namespace);
    await revoke(admin.token);
  }
});

test('an array property previews as checkboxes and is stored with its items, under its bare name', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const namespace = await createNamespace(admin, { resource_type_associations: [{ name: 'OS::Glance::Image', prefix: 'hw_' }] });
  try {
    await signIn(page, 'admin');
    await openTab(page, namespace, 'properties');
    await page.getByRole('button', { name: 'Add property' }).click();
    const editor = page.getByRole('region', { name: 'New property' });
    // The prefix is Glance's to add: typing it gets a warning.
    await editor.getByLabel('Name').fill('hw_features');
    await expect(editor.getByLabel('Name')).toHaveAccessibleDescription(/would make "hw_hw_features"/);
    await editor.getByLabel('Name').fill('features');
    await editor.getByLabel('Title').fill('CPU features');
    await editor.getByLabel('Type').selectOption('array');
    await expect(editor.getByLabel('Allowed values', { exact: true })).toBeHidden();
    await editor.getByLabel('Operators').fill('<or> <all-in>');
    await editor.getByLabel('Allowed item values').fill('aes\navx');
    const preview = editor.getByRole('group', { name: 'Preview: CPU features' });
    await preview.getByRole('checkbox', { name: 'aes' }).check();
    await preview.getByRole('checkbox', { name: 'avx' }).check();
    await expect(editor.getByText('Stored on the image as')).toContainText('<or> aes <or> avx');
    await editor.getByRole('button', { name: 'Create property' }).click();
    await expect(editor).toBeHidden();
    // Shown as images get it (hw_features), edited by its bare name.
    await expect(page.getByRole('table', { name: 'Properties' }).getByRole('list', { name: 'Values of hw_features' }).getByRole('listitem')).toHaveText(['aes', 'avx']);
    await expect(page.getByRole('button', { name: 'Edit features' })).toBeVisible();
    expect((await apiProperties(admin, namespace)).features).toEqual({
      name: 'features',
      title: 'CPU features',
      type: 'array',
      operators: ['<or>', '<all-in>'],
      items: { type: 'string', enum: ['aes', 'avx'] },
    });
  } finally {
    await deleteNamespace(admin, namespace);
    await revoke(admin.token);
  }
});

test('Glance’s 409 for a name taken meanwhile lands on the name field, saying what to do', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const namespace = await createNamespace(admin);
  try {
    await signIn(page, 'admin');
    await openTab(page, namespace, 'properties');
    await page.getByRole('button', { name: 'Add property' }).click();
    // Someone else creates the same name after the page loaded: only Glance can know.
    await glance(admin, `${nsPath(namespace)}/properties`, { method: 'POST', json: { name: 'raced', title: 'First', type: 'string' }, expect: 201 });
    const editor = page.getByRole('region', { name: 'New property' });
    await editor.getByLabel('Name').fill('raced');
    await editor.getByLabel('Title').fill('Second');
    await editor.getByRole('button', { name: 'Create property' }).click();
    await expect(editor.getByLabel('Name')).toHaveAccessibleDescription(/Another property in this namespace is already named "raced". Choose a different name/);
    expect((await apiProperties(admin, namespace)).raced?.title).toBe('First');
  } finally {
    await deleteNamespace(admin, namespace);
    await revoke(admin.token);
  }
});

test('on a protected namespace deletes are disabled with the reason; edits still work', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const namespace = await createNamespace(admin, {
    protected: true,
    properties: { kept: { title: 'Kept', type: 'string' } },
    objects: [{ name: 'held', properties: { inner: { title: 'Inner', type: 'string' } } }],
  });
  try {
    await signIn(page, 'admin');
    await openTab(page, namespace, 'objects');
    const removeObject = page.getByRole('button', { name: 'Delete object held' });
    await expect(removeObject).toBeDisabled();
    await expect(removeObject).toHaveAccessibleDescription(/protected/);
    await page.getByRole('link', { name: 'Properties' }).click();
    const remove = page.getByRole('button', { name: 'Delete kept' });
    await expect(remove).toBeDisabled();
    await expect(remove).toHaveAccessibleDescription(/protected/);
    await expect(page.getByRole('main').locator('p').filter({ hasText: /This namespace is protected/ })).toBeVisible();
    // Glance refuses only deletes on a protected namespace (checked live): editing stays on.
    await page.getByRole('button', { name: 'Edit kept' }).click();
    const edit = page.getByRole('region', { name: 'Edit property kept' });
    await edit.getByLabel('Title').fill('Kept and edited');
    await edit.getByRole('button', { name: 'Save property' }).click();
    await expect(edit).toBeHidden();
    expect((await apiProperties(admin, namespace)).kept?.title).toBe('Kept and edited');
  } finally {
    await deleteNamespace(admin, namespace);
    await revoke(admin.token);
  }
});

test('a member sees the property table with no edit controls', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const namespace = await createNamespace(admin, {
    visibility: 'public',
    properties: { shown: { title: 'Shown', type: 'string', enum: ['a', 'b'] } },
    objects: [{ name: 'thing', properties: { part: { title: 'Part', type: 'string' } } }],
  });
  try {
    await signIn(page, 'alice');
    await openTab(page, namespace, 'properties');
    await expect(page.getByRole('table', { name: 'Properties' }).getByRole('list', { name: 'Values of shown' }).getByRole('listitem')).toHaveText(['a', 'b']);
    await expect(page.getByRole('button', { name: 'Add property' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: /^(Edit|Delete) / })).toHaveCount(0);
    await page.getByRole('link', { name: 'Objects' }).click();
    await expect(page.getByRole('table', { name: 'Properties of thing' })).toContainText('part');
    await expect(page.getByRole('button', { name: /^(Add|Edit|Delete) / })).toHaveCount(0);
  } finally {
    await deleteNamespace(admin, namespace);
    await revoke(admin.token);
  }
});
