import { expect, test, type Page } from '@playwright/test';
import { createImage, deleteImage, getImage, glance, projectToken, uploadData, type ApiImage, type Token } from './support/api';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

const PATCH = 'application/openstack-images-v2.1-json-patch';
let alice: Token;
const created: string[] = [];

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
});
test.afterAll(async () => {
  for (const id of created) await deleteImage(alice, id);
});

async function makeImage(fields: Record<string, unknown> = {}, withData = false): Promise<ApiImage> {
  const image = await createImage(alice, { name: uniqueName('detail'), visibility: 'private', ...fields });
  created.push(image.id);
  if (withData) await uploadData(alice, image.id, new Uint8Array(4096));
  return image;
}

async function openEditor(page: Page, image: ApiImage) {
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  return page.getByRole('form', { name: 'Edit image' });
}

async function reviewAndSave(page: Page) {
  await page.getByRole('button', { name: 'Review and save' }).click();
  const review = page.getByRole('dialog', { name: 'Review the change' });
  await expect(review).toBeVisible();
  await review.getByRole('button', { name: 'Save' }).click();
  // The save re-reads the image, then patches it: give a busy single-process Glance time.
  await expect(review).toBeHidden({ timeout: 30_000 });
  return review;
}

test('rename and add/remove properties go out as one JSON-Patch, shown before saving', async ({ page }) => {
  const image = await makeImage({ os_distro: 'cirros', to_remove: 'x', tags: ['keep'] });
  const form = await openEditor(page, image);
  await form.getByLabel('Name').fill(`${image.name}-renamed`);
  await form.getByRole('button', { name: 'Remove property to_remove' }).click();
  await form.getByRole('button', { name: 'Add property' }).click();
  const rows = form.getByLabel(/Property \d+ key/);
  await rows.last().fill('custom/key~1');
  await form.getByLabel('Value of custom/key~1').fill('v 1');
  await page.getByRole('button', { name: 'Review and save' }).click();
  const review = page.getByRole('dialog', { name: 'Review the change' });
  await expect(review.getByLabel('JSON-Patch')).toContainText('"path": "/custom~1key~01"');
  await expect(review.getByLabel('JSON-Patch')).toContainText('"op": "remove"');
  await expect(review.getByLabel('JSON-Patch')).not.toContainText('os_distro');
  await expect(review.getByLabel('Command line')).toContainText(`openstack image set --name ${image.name}-renamed --property 'custom/key~1=v 1' ${image.id}`);
  await expect(review.getByLabel('Command line')).toContainText(`openstack image unset --property to_remove ${image.id}`);
  await review.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: `${image.name}-renamed` })).toBeVisible({ timeout: 30_000 });
  const after = await getImage(alice, image.id);
  expect(after.name).toBe(`${image.name}-renamed`);
  expect(after['custom/key~1']).toBe('v 1');
  expect(after.to_remove).toBeUndefined();
  expect(after.os_distro).toBe('cirros');
  await expectAccessible(page);
});

test('a property from the metadefs catalogue brings its enum', async ({ page }) => {
  const image = await makeImage();
  const form = await openEditor(page, image);
  await form.getByLabel('Add from the metadata catalogue').selectOption('hw_disk_bus');
  const value = form.getByLabel('Value of hw_disk_bus');
  await expect(value.locator('option', { hasText: 'virtio' })).toHaveCount(1);
  await expect(value.locator('option', { hasText: 'scsi' })).toHaveCount(1);
  await value.selectOption('scsi');
  await reviewAndSave(page);
  await expect.poll(async () => (await getImage(alice, image.id)).hw_disk_bus).toBe('scsi');
});

test('tags are added and removed, a tag with a slash included', async ({ page }) => {
  const image = await makeImage({ tags: ['old', 'stay'] });
  const form = await openEditor(page, image);
  await form.getByRole('button', { name: 'Remove tag old' }).click();
  await form.getByLabel('New tag').fill('team/infra');
  await form.getByRole('button', { name: 'Add tag' }).click();
  await reviewAndSave(page);
  await expect.poll(async () => [...((await getImage(alice, image.id)).tags as string[])].sort()).toEqual(['stay', 'team/infra']);
});

test('Glance’s rules are checked before sending', async ({ page }) => {
  const image = await makeImage();
  const form = await openEditor(page, image);
  await form.getByRole('button', { name: 'Add property' }).click();
  await form.getByLabel(/Property \d+ key/).last().fill('os_glance_import_task');
  await form.getByLabel('New tag').fill('x'.repeat(256));
  await expect(form.getByText('At most 255 characters.')).toBeVisible();
  await page.getByRole('button', { name: 'Review and save' }).click();
  await expect(form.getByText('"os_glance_import_task" is set by Glance')).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Review the change' })).toHaveCount(0);
});

test('a protected image refuses deletion with the reason; unprotected, it deletes', async ({ page }) => {
  const image = await makeImage({ protected: true });
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  // Glance itself refuses too.
  expect((await glance(alice, `/v2/images/${image.id}`, { method: 'DELETE' })).status).toBe(403);
  await page.getByRole('button', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: `${image.name} is protected` });
  await expect(dialog).toContainText('Unprotect it first');
  await dialog.getByRole('button', { name: 'Unprotect' }).click();
  await expect(page.getByRole('button', { name: 'Protect', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete…' }).click();
  await page.getByRole('dialog', { name: `Delete ${image.name}?` }).getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/images$/);
  expect((await glance(alice, `/v2/images/${image.id}`)).status).toBe(404);
});

test('deactivate and reactivate', async ({ page }) => {
  const image = await makeImage({}, true);
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  await page.getByRole('button', { name: 'Deactivate' }).click();
  await page.getByRole('dialog', { name: `Deactivate ${image.name}?` }).getByRole('button', { name: 'Deactivate' }).click();
  await expect.poll(async () => (await getImage(alice, image.id)).status).toBe('deactivated');
  await page.getByRole('button', { name: 'Reactivate' }).click();
  await page.getByRole('dialog', { name: `Reactivate ${image.name}?` }).getByRole('button', { name: 'Reactivate' }).click();
  await expect.poll(async () => (await getImage(alice, image.id)).status).toBe('active');
});

test('a change made on the server meanwhile is shown, and merging keeps both edits', async ({ page }) => {
  const image = await makeImage({ os_distro: 'cirros' });
  const form = await openEditor(page, image);
  await form.getByLabel('Name').fill(`${image.name}-mine`);
  // Someone else edits the image through the API between load and save.
  await glance(alice, `/v2/images/${image.id}`, {
    method: 'PATCH',
    contentType: PATCH,
    json: [
      { op: 'add', path: '/server_side', value: 'theirs' },
      { op: 'replace', path: '/os_distro', value: 'debian' },
    ],
    expect: 200,
  });
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog', { name: 'Review the change' }).getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'This image changed while you were editing' });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await expect(conflict.getByRole('row', { name: /server_side/ })).toContainText('theirs');
  await expect(conflict.getByRole('row', { name: /^name/ })).toContainText(`${image.name}-mine`);
  // Nothing was sent yet.
  expect((await getImage(alice, image.id)).name).toBe(image.name);
  await conflict.getByRole('button', { name: 'Merge: my changes on top' }).click();
  await expect(conflict).toBeHidden({ timeout: 30_000 });
  const after = await getImage(alice, image.id);
  expect(after.name).toBe(`${image.name}-mine`);
  expect(after.server_side).toBe('theirs');
  expect(after.os_distro).toBe('debian');
});

test('unsaved changes block leaving the page', async ({ page }) => {
  const image = await makeImage();
  const form = await openEditor(page, image);
  await form.getByLabel('Name').fill('unsaved-name');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me' }).click();
  const prompt = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(prompt).toBeVisible();
  await prompt.getByRole('button', { name: 'Stay' }).click();
  await expect(page).toHaveURL(new RegExp(`/images/${image.id}`));
  await expect(form.getByLabel('Name')).toHaveValue('unsaved-name');
});

test('a reader sees everything but no edit controls', async ({ page }) => {
  const image = await makeImage({ os_distro: 'ubuntu' });
  await signIn(page, 'rita');
  await page.goto(`/images/${image.id}`);
  await expect(page.getByRole('heading', { name: image.name ?? '' })).toBeVisible();
  await expect(page.getByText('ubuntu')).toBeVisible();
  for (const name of ['Edit', 'Delete…', 'Protect', 'Hide', 'Deactivate']) {
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  }
});
