import { expect, test, type Locator, type Page } from '@playwright/test';
import { createImage, deleteImage, getImage, glance, projectToken, uploadData, type ApiImage, type Token } from './support/api';
import { seed, uniqueName } from './support/stack';
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

test('the detail page shows everything Glance knows, grouped and searchable', async ({ page, context }) => {
  const instance = '0b2c4d6e-8f10-4a12-b314-c516d718e920';
  const image = await makeImage(
    { os_distro: 'debian', hw_disk_bus: 'virtio', team_note: 'keep me', image_type: 'snapshot', instance_uuid: instance, min_disk: 3, min_ram: 256 },
    true,
  );
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  const attributes = page.getByRole('region', { name: 'Attributes' });
  await expect(attributes).toContainText('4 KiB (4,096 bytes)');
  await expect(attributes).toContainText('alpha');
  await expect(attributes).toContainText('raw');
  const nova = page.getByRole('region', { name: 'Compute (Nova) view' });
  await expect(nova).toContainText('100%');
  await expect(nova).toContainText(instance);
  await expect(nova).toContainText('snapshot');
  await expect(nova).toContainText('3 GiB / 256 MiB');
  // Properties are grouped by the metadefs namespace (or the image schema) that defines them.
  const properties = page.getByRole('region', { name: 'Properties' });
  await expect(properties.getByRole('region', { name: 'libvirt Driver Options for Images' })).toContainText('hw_disk_bus');
  await expect(properties.getByRole('region', { name: 'Image schema' })).toContainText('os_distro');
  await expect(properties.getByRole('region', { name: 'Not in any namespace' })).toContainText('team_note');
  await properties.getByLabel('Search properties').fill('keep');
  await expect(properties).toContainText('team_note');
  await expect(properties).not.toContainText('hw_disk_bus');
  await expect(page.getByRole('region', { name: 'Tasks' })).toContainText('No import or copy task');
  const raw = page.getByRole('region', { name: 'Raw JSON' });
  await raw.getByRole('button', { name: 'Show' }).click();
  await expect(raw.locator('pre')).toContainText(`"id": "${image.id}"`);
  await raw.getByRole('button', { name: 'Copy' }).click();
  expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText())).id).toBe(image.id);
  await expectAccessible(page);
});

test('typed inputs check metadefs and schema rules before sending', async ({ page }) => {
  const image = await makeImage();
  const form = await openEditor(page, image);
  await form.getByLabel('Add from the metadata catalogue').selectOption('sw_database_mysql_listen_port');
  const port = form.getByLabel('Value of sw_database_mysql_listen_port');
  await port.fill('70000');
  await form.getByLabel('Add from the metadata catalogue').selectOption('kernel_id');
  await form.getByLabel('Value of kernel_id').fill('not-a-uuid');
  await page.getByRole('button', { name: 'Review and save' }).click();
  await expect(form.getByText('At most 65535.')).toBeVisible();
  await expect(form.getByText(/Does not match the required pattern/)).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Review the change' })).toHaveCount(0);
  await port.fill('3307');
  await form.getByLabel('Value of kernel_id').fill(image.id);
  await reviewAndSave(page);
  const after = await getImage(alice, image.id);
  expect(after.sw_database_mysql_listen_port).toBe('3307');
  expect(after.kernel_id).toBe(image.id);
});

test('overwriting after a concurrent change makes the image what the form shows, deliberately', async ({ page }) => {
  const image = await makeImage({ os_distro: 'cirros', tags: ['a'] });
  const form = await openEditor(page, image);
  await form.getByLabel('Value of os_distro').fill('fedora');
  await form.getByLabel('New tag').fill('mine');
  await form.getByRole('button', { name: 'Add tag' }).click();
  await glance(alice, `/v2/images/${image.id}`, {
    method: 'PATCH',
    contentType: PATCH,
    json: [
      { op: 'replace', path: '/os_distro', value: 'debian' },
      { op: 'replace', path: '/tags', value: ['a', 'theirs'] },
    ],
    expect: 200,
  });
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog', { name: 'Review the change' }).getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'This image changed while you were editing' });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  const distro = conflict.getByRole('row', { name: /os_distro/ });
  await expect(distro).toContainText('cirros');
  await expect(distro).toContainText('debian');
  await expect(distro).toContainText('fedora');
  await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(conflict).toBeHidden({ timeout: 30_000 });
  const after = await getImage(alice, image.id);
  expect(after.os_distro).toBe('fedora');
  expect([...(after.tags as string[])].sort()).toEqual(['a', 'mine']);
});

test('merging keeps tags added on both sides', async ({ page }) => {
  const image = await makeImage({ tags: ['a'] });
  const form = await openEditor(page, image);
  await form.getByLabel('New tag').fill('mine');
  await form.getByRole('button', { name: 'Add tag' }).click();
  await glance(alice, `/v2/images/${image.id}/tags/theirs`, { method: 'PUT', expect: 204 });
  await page.getByRole('button', { name: 'Review and save' }).click();
  await page.getByRole('dialog', { name: 'Review the change' }).getByRole('button', { name: 'Save' }).click();
  const conflict = page.getByRole('dialog', { name: 'This image changed while you were editing' });
  await expect(conflict).toBeVisible({ timeout: 30_000 });
  await conflict.getByRole('button', { name: 'Merge: my changes on top' }).click();
  await expect(conflict).toBeHidden({ timeout: 30_000 });
  expect([...((await getImage(alice, image.id)).tags as string[])].sort()).toEqual(['a', 'mine', 'theirs']);
});

test('making a shared image private warns that its members lose access', async ({ page }) => {
  const image = await makeImage({ visibility: 'shared' });
  await glance(alice, `/v2/images/${image.id}/members`, { method: 'POST', json: { member: seed().projects.beta }, expect: 200 });
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  // Public needs an administrator: a member cannot pick it.
  await expect(page.getByLabel('Visibility').locator('option[value="public"]')).toBeDisabled();
  await page.getByLabel('Visibility').selectOption('private');
  await page.getByRole('button', { name: 'Apply' }).click();
  const dialog = page.getByRole('dialog', { name: `Make ${image.name} private?` });
  await expect(dialog).toContainText('One project it is shared with loses access now.');
  await dialog.getByRole('button', { name: 'Change visibility' }).click();
  await expect(dialog).toBeHidden({ timeout: 30_000 });
  expect((await getImage(alice, image.id)).visibility).toBe('private');
});

test('hide and unhide, with confirmation', async ({ page }) => {
  const image = await makeImage();
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  await page.getByRole('button', { name: 'Hide', exact: true }).click();
  await page.getByRole('dialog', { name: `Hide ${image.name}?` }).getByRole('button', { name: 'Hide' }).click();
  await expect.poll(async () => (await getImage(alice, image.id)).os_hidden).toBe(true);
  await page.getByRole('button', { name: 'Unhide', exact: true }).click();
  await page.getByRole('dialog', { name: `Show ${image.name} in lists?` }).getByRole('button', { name: 'Unhide' }).click();
  await expect.poll(async () => (await getImage(alice, image.id)).os_hidden).toBe(false);
});

test('?edit=1 (the list’s Edit) opens the form with focus in Name; closing drops it and focus returns to Edit', async ({ page }) => {
  const image = await makeImage();
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}?edit=1`);
  const form = page.getByRole('form', { name: 'Edit image' });
  await expect(form.getByLabel('Name')).toBeFocused();
  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(form).toHaveCount(0);
  await expect(page).toHaveURL(new RegExp(`/images/${image.id}$`));
  await expect(page.getByRole('button', { name: 'Edit', exact: true })).toBeFocused();
  // Replaced, not pushed: Back leaves the page instead of reopening the form.
  await page.goBack();
  await expect(page).not.toHaveURL(new RegExp(`/images/${image.id}`));
});

test('?edit=1 for a reader shows the page without the form and drops the param', async ({ page }) => {
  const image = await makeImage();
  await signIn(page, 'rita');
  await page.goto(`/images/${image.id}?edit=1`);
  await expect(page.getByRole('heading', { level: 1, name: image.name ?? '' })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/images/${image.id}$`));
  await expect(page.getByRole('form', { name: 'Edit image' })).toHaveCount(0);
});

test('an unknown image shows a not-found page with the id and a working way back', async ({ page }) => {
  const id = crypto.randomUUID();
  expect((await glance(alice, `/v2/images/${id}`)).status).toBe(404);
  await signIn(page, 'alice');
  await page.goto(`/images/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Image not found' })).toBeVisible();
  await expect(page).toHaveTitle('Image not found · Loupe');
  const main = page.getByRole('main');
  await expect(main).toContainText(id);
  await expect(main).toContainText('deleted, or it belongs to another project');
  await expect(main.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  await main.getByRole('link', { name: '← Images' }).click();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Images' })).toBeVisible();
  await expectAccessible(page);
});

test('formats of an image with data are locked, look it, and say why; an emptied name is said to clear it', async ({ page }) => {
  const image = await makeImage({}, true);
  const form = await openEditor(page, image);
  const disk = form.getByLabel('Disk format');
  await expect(disk).toBeDisabled();
  await expect(form.getByText('Glance fixes the formats once data is uploaded (this image is active).').first()).toBeVisible();
  const background = (locator: typeof disk) => locator.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(await background(disk)).not.toBe(await background(form.getByLabel('Visibility')));
  await form.getByLabel('Name').fill('');
  await expect(form.getByText('Empty: the image has no name, and is shown by its ID.')).toBeVisible();
  await page.getByRole('button', { name: 'Review and save' }).click();
  const review = page.getByRole('dialog', { name: 'Review the change' });
  await expect(review).toContainText('This clears the name');
  await expect(review.getByLabel('JSON-Patch')).toContainText('"value": null');
  await review.getByRole('button', { name: 'Save' }).click();
  await expect(review).toBeHidden({ timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1, name: image.id })).toBeVisible();
  expect((await getImage(alice, image.id)).name).toBeNull();
});

test.describe('at 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('255-character name, tag and property value: no sideways scroll, every value readable in full', async ({ page }) => {
    const stamp = uniqueName('long').replace(/-/g, '');
    const long = (letter: string) => `${stamp}${letter.repeat(255 - stamp.length)}`;
    const [name, tag, value] = [long('n'), long('t'), long('v')];
    const image = await makeImage({ name, tags: [tag, 'short'], team_note: value });
    await signIn(page, 'alice');
    await page.goto(`/images/${image.id}`);
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
    const withinWidth = async (locator: Locator) => {
      const box = await locator.boundingBox();
      return box !== null && box.x >= 0 && box.x + box.width <= 1280;
    };
    expect(await noSidewaysScroll()).toBe(true);
    // Each full value is on the page, within the window's width (wrapped, not cut).
    const tagItem = page.getByRole('region', { name: 'Tags' }).getByRole('listitem').filter({ hasText: tag });
    await expect(tagItem).toHaveText(tag);
    const shown = [
      page.getByRole('region', { name: 'Attributes' }).getByText(name, { exact: true }),
      tagItem,
      page.getByRole('region', { name: 'Properties' }).getByText(value, { exact: true }),
    ];
    for (const locator of shown) {
      await expect(locator).toBeVisible();
      expect(await withinWidth(locator)).toBe(true);
    }
    // The raw JSON scrolls inside its own box.
    const raw = page.getByRole('region', { name: 'Raw JSON' });
    await raw.getByRole('button', { name: 'Show' }).click();
    await expect(raw.getByLabel('Image as JSON')).toContainText(value);
    expect(await noSidewaysScroll()).toBe(true);
    // The edit form too: the long tag is a chip that wraps.
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit image' });
    await expect(form.getByLabel('Name')).toHaveValue(name);
    await expect(form.getByRole('list', { name: 'Tags' }).getByRole('listitem').filter({ hasText: tag })).toBeVisible();
    await expect(form.getByLabel('Value of team_note')).toHaveValue(value);
    expect(await noSidewaysScroll()).toBe(true);
    await expectAccessible(page);
  });
});
