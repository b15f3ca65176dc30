import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { deleteImage, getImage, glance, projectToken, type Token } from './support/api';
import { uniqueName } from './support/stack';
import { signIn } from './support/ui';

// Runs against the multi-store stack: the create form sends an image's data to the store the
// user picks (not the default one), directly and through glance-direct staging; Glance's
// answer and the Stores section must agree.

// One Glance process shared with other specs: uploads and imports take their time.
test.describe.configure({ timeout: 180_000 });

let alice: Token;
let folder: string;
const created: string[] = [];

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
  folder = mkdtempSync(join(tmpdir(), 'loupe-stores-'));
});
test.afterAll(async () => {
  for (const id of created) await deleteImage(alice, id);
  rmSync(folder, { recursive: true, force: true });
});

const METHODS = [
  ['direct', 'Upload directly (PUT /file)'],
  ['glance-direct', 'Stage, then import (glance-direct)'],
] as const;

for (const [method, label] of METHODS) {
  test(`choosing the non-default store on upload (${method}) puts the data there only`, async ({ page }) => {
    const name = uniqueName(`upload-${method}`);
    const data = Buffer.from(Uint8Array.from({ length: 1024 * 1024 }, (_, i) => (i * 7 + 3) % 256));
    const file = join(folder, `${name}.raw`);
    writeFileSync(file, data);
    await signIn(page, 'alice');
    await page.goto('/images');
    await page.getByRole('button', { name: 'Create image' }).click();
    const form = page.getByRole('form', { name: 'Create image' });
    await form.getByLabel('Upload a file from this computer').check();
    await form.getByLabel('Image files').setInputFiles(file);
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('Disk format').selectOption('raw');
    await form.getByLabel('Container format').selectOption('bare');
    await form.getByLabel(label).check();
    const store = form.getByLabel('Store');
    await expect(store.locator('option')).toHaveText(["The cloud's default store", 'fast — Fast file store (default)', 'slow — Slow file store']);
    await store.selectOption('slow');
    await form.getByRole('button', { name: 'Create image' }).click();

    await page.waitForURL(/\/images\/[0-9a-f-]{36}$/, { timeout: 60_000 });
    const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
    created.push(id);
    await expect.poll(async () => (await getImage(alice, id)).status, { timeout: 120_000 }).toBe('active');
    const image = await getImage(alice, id);
    expect(image.name).toBe(name);
    expect(image.stores).toBe('slow');
    expect(image.checksum).toBe(createHash('md5').update(data).digest('hex'));

    const section = page.getByRole('region', { name: /^Stores/ });
    await expect(section.getByText('Its data is in slow.')).toBeVisible({ timeout: 60_000 });
    const row = (id: string) => section.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${id}`) }) });
    await expect(row('slow')).toContainText('has the data');
    await expect(row('fast')).toContainText('no data');
    // The data really sits in slow: Glance serves it back intact.
    const { status } = await glance(alice, `/v2/images/${id}/file`);
    expect(status).toBe(200);
  });
}
