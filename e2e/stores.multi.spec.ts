import { createHash } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createImage, deleteImage, getImage, glance, projectToken, uploadData, type Token } from './support/api';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// Runs against the multi-store stack (`npm run stack -- up --multi`: file stores fast, the
// default, and slow). Every image is made here, and what the Stores section shows is checked
// against what Glance returns.

// One Glance process serves every multi-store spec: under load each call can take seconds.
test.describe.configure({ timeout: 180_000 });
const SLOW = { timeout: 60_000 };

let admin: Token;
let alice: Token;
const created: { auth: () => Token; id: string }[] = [];

test.beforeAll(async () => {
  admin = await projectToken('admin', 'admin');
  alice = await projectToken('alice', 'alpha');
});
test.afterAll(async () => {
  for (const { auth, id } of created) await deleteImage(auth(), id);
});

async function imageWithData(auth: () => Token, data: Uint8Array<ArrayBuffer>, fields: Record<string, unknown> = {}) {
  const image = await createImage(auth(), { name: uniqueName('stores'), visibility: 'private', ...fields });
  created.push({ auth, id: image.id });
  await uploadData(auth(), image.id, data);
  return getImage(auth(), image.id);
}

const storesOf = async (auth: Token, id: string) => String((await getImage(auth, id)).stores ?? '').split(',').filter(Boolean).sort();

/** The Stores section's table read as { store: state }. */
async function shownStates(section: Locator): Promise<Record<string, string>> {
  const states: Record<string, string> = {};
  for (const row of await section.getByRole('row').all()) {
    const header = row.getByRole('rowheader');
    if ((await header.count()) === 0) continue;
    const store = (await header.locator('.font-mono').innerText()).trim();
    states[store] = (await row.getByRole('cell').nth(1).innerText()).trim();
  }
  return states;
}

/** What the section should say for each cloud store, from the image Glance returns. */
function expectedStates(holding: string[]): Record<string, string> {
  return Object.fromEntries(['fast', 'slow'].map((store) => [store, holding.includes(store) ? 'has the data' : 'no data']));
}

async function openStores(page: Page, user: string, id: string): Promise<Locator> {
  await signIn(page, user);
  await page.goto(`/images/${id}`);
  const section = page.getByRole('region', { name: /^Stores/ });
  await expect(section).toBeVisible(SLOW);
  return section;
}

test('GET /v2/info/stores lists both file stores, fast as the default', async () => {
  const { status, body } = await glance(admin, '/v2/info/stores');
  expect(status).toBe(200);
  expect(body).toEqual({
    stores: [
      { id: 'fast', description: 'Fast file store', default: 'true' },
      { id: 'slow', description: 'Slow file store' },
    ],
  });
});

test('an admin copies an image to the second store, then deletes its data from the first; the data survives', async ({ page }) => {
  const data = new Uint8Array(512 * 1024).map((_, i) => (i * 31) % 251);
  const image = await imageWithData(() => admin, data);
  expect(await storesOf(admin, image.id)).toEqual(['fast']);

  const section = await openStores(page, 'admin', image.id);
  expect(await shownStates(section)).toEqual(expectedStates(['fast']));
  await expect(section.getByText('only copy')).toBeVisible();

  // Copy to slow: the form offers only slow; the result comes from the task and the image.
  const copy = section.getByRole('form', { name: 'Copy to more stores' });
  await expect(copy.getByRole('checkbox')).toHaveCount(1);
  await copy.getByRole('checkbox', { name: /slow/ }).check();
  await copy.getByRole('button', { name: 'Copy' }).click();
  await expect(section.getByText('Copied to slow.')).toBeVisible(SLOW);
  // The tray followed the same copy (it stays in sight on other pages).
  await expect(page.getByRole('listitem', { name: `Copy of ${String(image.name)}` })).toContainText('Done', SLOW);
  expect(await storesOf(admin, image.id)).toEqual(['fast', 'slow']);
  expect(await shownStates(section)).toEqual(expectedStates(['fast', 'slow']));
  const { body } = await glance(admin, `/v2/images/${image.id}/tasks`, { expect: 200 });
  expect((body as { tasks: { type: string; status: string }[] }).tasks.map(({ type, status }) => ({ type, status }))).toEqual([
    { type: 'api_image_import', status: 'success' },
  ]);
  await expect(section.getByText('The image is in every store it can be copied to.')).toBeVisible(SLOW);

  // Delete the data from fast, after confirming.
  await section.getByRole('button', { name: 'Delete data from fast' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete the data of ${image.name} from fast?` });
  await expect(dialog).toContainText('The image stays, with its data in slow.');
  await expectAccessible(page);
  await dialog.getByRole('button', { name: 'Delete from fast' }).click();
  await expect(dialog).toBeHidden(SLOW);
  await expect.poll(() => shownStates(section), SLOW).toEqual(expectedStates(['slow']));
  expect(await storesOf(admin, image.id)).toEqual(['slow']);
  await expect(section.getByText('only copy')).toBeVisible();
  await expect(section.getByRole('button', { name: /Delete data/ })).toHaveCount(0);

  // The image is still active and its bytes, now read from slow, are the ones uploaded.
  const after = await getImage(admin, image.id);
  expect(after.status).toBe('active');
  const download = await fetch(`${new URL(page.url()).origin}/glance/v2/images/${image.id}/file`, { headers: { 'X-Auth-Token': admin.token } });
  expect(download.status).toBe(200);
  const bytes = new Uint8Array(await download.arrayBuffer());
  expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
});

test('a copy Glance refuses shows why: the store already holds the image', async ({ page }) => {
  const image = await imageWithData(() => admin, new Uint8Array(64 * 1024).fill(7));
  const section = await openStores(page, 'admin', image.id);
  const copy = section.getByRole('form', { name: 'Copy to more stores' });
  await copy.getByRole('checkbox', { name: /slow/ }).check();
  // Someone else copies it first (through the API), so the page's view is stale when it asks.
  await glance(admin, `/v2/images/${image.id}/import`, { method: 'POST', json: { method: { name: 'copy-image' }, stores: ['slow'] }, expect: 202 });
  await expect.poll(() => storesOf(admin, image.id), { timeout: 60_000 }).toEqual(['fast', 'slow']);
  await copy.getByRole('button', { name: 'Copy' }).click();
  const alert = section.getByRole('alert');
  await expect(alert).toContainText('The image is already in slow. Reload the page to see its stores.', SLOW);
  await expect(alert).toContainText("Image is already present at store 'slow'");
  // The refusal re-read the image: the section now shows the copy made elsewhere.
  await expect.poll(() => shownStates(section), SLOW).toEqual(expectedStates(['fast', 'slow']));
  // …and the explanation stays, though the form has gone (nothing is left to copy to).
  await expect(section.getByText('The image is in every store it can be copied to.')).toBeVisible(SLOW);
  await expect(alert).toContainText('The image is already in slow.');
});

test('a project member sees where the data is, and no copy or delete', async ({ page }) => {
  const image = await imageWithData(() => alice, new Uint8Array(32 * 1024).fill(1));
  const section = await openStores(page, 'alice', image.id);
  expect(await shownStates(section)).toEqual(expectedStates(await storesOf(alice, image.id)));
  await expect(section.getByText('Copying an image to other stores and deleting its data from one are for administrators.')).toBeVisible();
  await expect(section.getByRole('button')).toHaveCount(0);
  await expect(section.getByRole('checkbox')).toHaveCount(0);
  // Glance agrees: copy-image is admin-only.
  const refused = await glance(alice, `/v2/images/${image.id}/import`, { method: 'POST', json: { method: { name: 'copy-image' }, stores: ['slow'] } });
  expect(refused.status).toBe(403);
});
