import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createImage, deleteImage, getImage, glance, projectToken, type ApiImage, type Token } from './support/api';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// The create flow against the real stack: each test makes its own files and images (unique
// names), checks what Glance holds through the API, and deletes its images afterwards.

// Glance on this stack is one process shared with other suites: uploads and imports take their time.
test.describe.configure({ timeout: 300_000 });

const MIB = 1024 * 1024;
let alice: Token;
let folder: string;
const names: string[] = [];

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
  folder = mkdtempSync(join(tmpdir(), 'loupe-create-'));
});
test.afterAll(async () => {
  for (const name of names) for (const image of await imagesNamed(name)) await deleteImage(alice, image.id);
  rmSync(folder, { recursive: true, force: true });
});

async function imagesNamed(name: string): Promise<ApiImage[]> {
  const { body } = await glance(alice, `/v2/images?name=${encodeURIComponent(name)}`, { expect: 200 });
  return (body as { images: ApiImage[] }).images;
}

/** The one image called `name`, once it exists. */
async function imageNamed(name: string): Promise<ApiImage> {
  let found: ApiImage[] = [];
  await expect.poll(async () => (found = await imagesNamed(name)).length, { timeout: 30_000 }).toBe(1);
  return found[0] as ApiImage;
}

function uniqueImageName(prefix: string): string {
  const name = uniqueName(prefix);
  names.push(name);
  return name;
}

/** A file of random bytes on disk, with its md5 and sha512. */
function randomFile(fileName: string, size: number) {
  const data = randomBytes(size);
  const path = join(folder, fileName);
  writeFileSync(path, data);
  return { path, data, md5: createHash('md5').update(data).digest('hex'), sha512: createHash('sha512').update(data).digest('hex') };
}

/** Chooses a file and waits until the form made its image (name and formats suggested). */
async function chooseFile(form: Locator, path: string) {
  await form.getByLabel('Image files').setInputFiles(path);
  await expect(form.getByRole('group', { name: `${basename(path)} (` })).toBeVisible();
}

async function openCreateForm(page: Page) {
  await signIn(page, 'alice', { path: '/login' });
  await page.goto('/images');
  await page.getByRole('button', { name: 'Create image' }).click();
  return page.getByRole('form', { name: 'Create image' });
}

/** Waits for Glance to make the image active, then checks the data is the file's. */
async function expectStored(name: string, file: { md5: string; sha512: string; data: Buffer }): Promise<ApiImage> {
  const image = await imageNamed(name);
  await expect.poll(async () => (await getImage(alice, image.id)).status, { timeout: 60_000 }).toBe('active');
  const stored = await getImage(alice, image.id);
  expect(stored.checksum).toBe(file.md5);
  expect(stored.os_hash_algo).toBe('sha512');
  expect(stored.os_hash_value).toBe(file.sha512);
  expect(stored.size).toBe(file.data.length);
  return stored;
}

test('create and upload a file: the record, then the data; Glance reaches active and the checksum shows verified', async ({ page }) => {
  const file = randomFile('few-mib.raw', 3 * MIB + 123);
  const name = uniqueImageName('create');
  const form = await openCreateForm(page);
  await form.getByLabel('Image files').setInputFiles(file.path);
  // Suggested from the extension (random bytes carry no image header).
  await expect(form.getByLabel('Disk format')).toHaveValue('raw');
  await expect(form.getByLabel('Container format')).toHaveValue('bare');
  await expect(form.getByLabel('Name')).toHaveValue('few-mib');
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Visibility').selectOption('private');
  await form.getByLabel('Minimum disk (GiB)').fill('1');
  await form.getByRole('button', { name: 'Add tag' }).waitFor();
  await form.getByLabel('New tag').fill('e2e-create');
  await form.getByRole('button', { name: 'Add tag' }).click();
  await expectAccessible(page);
  await form.getByRole('button', { name: 'Create image' }).click();

  // A single image: its page, where the data section follows the upload to the end.
  await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 60_000 });
  const data = page.getByRole('region', { name: 'Data' });
  await expect(data.getByText(/^Verified \(md5, sha512\)/)).toBeVisible({ timeout: 60_000 });
  const stored = await expectStored(name, file);
  expect(stored).toMatchObject({ visibility: 'private', min_disk: 1, disk_format: 'raw', container_format: 'bare', tags: ['e2e-create'] });
  // What the page shows is what the API holds.
  await expect(page.getByText(stored.checksum as string, { exact: true })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: /^active$/ })).toBeVisible();
});

test('the keyboard shortcut opens the form; a qcow2 file is recognised by its header whatever its name', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/images');
  await page.getByRole('heading', { name: 'Images' }).click();
  await page.keyboard.press('c');
  const form = page.getByRole('form', { name: 'Create image' });
  await expect(form.getByRole('heading', { name: 'Create image' })).toBeVisible();
  // qemu-img's qcow2 header, in a file whose name says ISO.
  const header = Buffer.from('UUZJ+wAAAAMAAAAAAAAAAAAAAAAAAAAQAAAAAAAQAAAAAAAAAAAAAQAAAAAAAwAAAAAAAAABAAAAAAAB', 'base64');
  await form.getByLabel('Image files').setInputFiles({ name: 'renamed.iso', mimeType: 'application/octet-stream', buffer: Buffer.concat([header, Buffer.alloc(4096)]) });
  await expect(form.getByLabel('Disk format')).toHaveValue('qcow2');
  await expect(form.getByText('Its name says iso, but its content is qcow2.')).toBeVisible();
  // Validation before anything is sent: no format, a name over 255 characters.
  await form.getByLabel('Disk format').selectOption('');
  await form.getByLabel('Name').fill('n'.repeat(256));
  await form.getByRole('button', { name: 'Create image' }).click();
  await expect(form.getByText(/Choose a disk format/)).toBeVisible();
  await expect(form.getByText(/At most 255 characters \(Glance's limit\)/)).toBeVisible();
  await form.getByRole('group', { name: 'Data' }).getByLabel(/Import from a URL/).check();
  await form.getByLabel('URL', { exact: true }).fill('ftp://example.com/disk.qcow2');
  await form.getByRole('button', { name: 'Create image' }).click();
  await expect(form.getByText('Glance downloads only http:// and https:// URLs, not ftp://.')).toBeVisible();
  expect(await imagesNamed('n'.repeat(255))).toEqual([]);

  // Leaving the filled-in form asks first; staying keeps what was typed.
  const sharedWithMe = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me' });
  await sharedWithMe.click();
  const prompt = page.getByRole('dialog', { name: 'Leave without saving?' });
  await prompt.getByRole('button', { name: 'Stay' }).click();
  await expect(prompt).toHaveCount(0);
  await expect(form.getByLabel('URL', { exact: true })).toHaveValue('ftp://example.com/disk.qcow2');
  await sharedWithMe.click();
  await prompt.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page.getByRole('heading', { name: 'Shared with me' })).toBeVisible();
});

/** Throttles the page's uploads for real (Chromium's network emulation), or lifts it with null. */
async function throttleUploads(page: Page, bytesPerSecond: number | null) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond ?? -1 });
}

test('cancel mid-upload, then retry: the image goes back to queued, and the retry makes it active and verified', async ({ page }) => {
  const file = randomFile('slow.raw', 8 * MIB);
  const name = uniqueImageName('cancel');
  const form = await openCreateForm(page);
  await chooseFile(form, file.path);
  await form.getByLabel('Name').fill(name);
  await throttleUploads(page, 256 * 1024);
  await form.getByRole('button', { name: 'Create image' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible({ timeout: 60_000 });
  const data = page.getByRole('region', { name: 'Data' });
  const progress = data.getByRole('progressbar', { name: `Upload of ${name}` });
  await expect.poll(async () => Number(await progress.getAttribute('value', { timeout: 1000 }).catch(() => '0')), { timeout: 90_000 }).toBeGreaterThan(5);
  await data.getByRole('button', { name: 'Cancel transfer' }).click();
  await expect(data.getByText('The data transfer was cancelled')).toBeVisible();
  const image = await imageNamed(name);
  await expect.poll(async () => (await getImage(alice, image.id)).status, { timeout: 30_000 }).toBe('queued');
  await throttleUploads(page, null);
  await data.getByRole('button', { name: 'Retry the data' }).click();
  await expect(data.getByText(/^Verified \(md5, sha512\)/)).toBeVisible({ timeout: 120_000 });
  await expectStored(name, file);
});

test('upload through glance-direct: staged, then imported by Glance, verified', async ({ page }) => {
  const file = randomFile('staged.raw', 2 * MIB + 7);
  const name = uniqueImageName('staged');
  const form = await openCreateForm(page);
  await chooseFile(form, file.path);
  await form.getByLabel('Name').fill(name);
  await form.getByRole('group', { name: 'Upload method' }).getByLabel('Stage, then import (glance-direct)').check();
  await form.getByRole('button', { name: 'Create image' }).click();
  const data = page.getByRole('region', { name: 'Data' });
  await expect(data.getByText(/^Verified \(md5, sha512\)/)).toBeVisible({ timeout: 150_000 });
  await expect(data.getByText('Data in (glance-direct)')).toBeVisible();
  const stored = await expectStored(name, file);
  // Glance ran an import task for it (the staged path, not PUT /file).
  const { body } = await glance(alice, `/v2/images/${stored.id}/tasks`, { expect: 200 });
  expect((body as { tasks: { type: string; status: string }[] }).tasks).toContainEqual(expect.objectContaining({ type: 'api_image_import', status: 'success' }));
});

/** A loopback HTTP server of the test's own, serving `data` at /disk.raw; counts the requests. */
async function serveFile(data: Buffer): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    if (request.url !== '/disk.raw') return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': data.length }).end(data);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/disk.raw`, requests: () => requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function createFromUrl(page: Page, name: string, url: string) {
  const form = await openCreateForm(page);
  await form.getByRole('group', { name: 'Data' }).getByLabel(/Import from a URL/).check();
  await form.getByLabel('URL', { exact: true }).fill(url);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Disk format').selectOption('raw');
  await form.getByLabel('Container format').selectOption('bare');
  await form.getByRole('button', { name: 'Create image' }).click();
  return page.getByRole('region', { name: 'Data' });
}

test('web-download from a loopback HTTP server started by the test', async ({ page }) => {
  const data = randomBytes(2 * MIB + 99);
  const server = await serveFile(data);
  try {
    const name = uniqueImageName('webdl');
    const section = await createFromUrl(page, name, server.url);
    await expect(section.getByText('Data in (web-download)')).toBeVisible({ timeout: 60_000 });
    const stored = await expectStored(name, {
      data,
      md5: createHash('md5').update(data).digest('hex'),
      sha512: createHash('sha512').update(data).digest('hex'),
    });
    expect(server.requests()).toBeGreaterThan(0);
    await expect(page.getByText(stored.checksum as string, { exact: true })).toBeVisible();
  } finally {
    await server.close();
  }
});

test("an import Glance refuses for its formats shows Glance's own message, and the queued image can be retried or deleted", async ({ page }) => {
  // Loupe never sends an import without formats (the form requires them), and this Zed stack
  // has no content/format check (Glance 30.0.0+), so no real refusal reaches the UI by itself.
  // The refusal is real all the same: Glance's answer to an import of a format-less image is
  // captured here, then given to the UI's import call in place of the one it would get.
  const bare = await createImage(alice, { name: uniqueImageName('noformat'), disk_format: null, container_format: null });
  const refused = await glance(alice, `/v2/images/${bare.id}/import`, { method: 'POST', json: { method: { name: 'web-download', uri: 'http://127.0.0.1/x' } } });
  expect(refused.status).toBe(409);
  const message = (refused.body as { message: string }).message;
  expect(message).toContain("'container_format' needs to be set before import");
  await page.route('**/v2/images/*/import', (route) =>
    route.fulfill({ status: refused.status, contentType: 'application/json', body: JSON.stringify(refused.body) }),
  );
  const name = uniqueImageName('refused');
  const section = await createFromUrl(page, name, 'http://127.0.0.1:9/disk.raw');
  await expect(section.getByText('The data transfer failed')).toBeVisible({ timeout: 30_000 });
  await expect(section.getByText("'container_format' needs to be set before import", { exact: false })).toBeVisible();
  const image = await imageNamed(name);
  expect((await getImage(alice, image.id)).status).toBe('queued');
  await expect(section.getByRole('button', { name: 'Retry the data' })).toBeVisible();
  await section.getByRole('button', { name: 'Delete this image (it has no data)' }).click();
  await expect(page).toHaveURL(/\/images$/, { timeout: 60_000 });
  expect((await glance(alice, `/v2/images/${image.id}`)).status).toBe(404);
});

test('dropping several files on the images page queues one image per file', async ({ page }) => {
  const files = [0, 1, 2].map((i) => ({ name: `drop-${i}.raw`, data: randomBytes(256 * 1024 + i) }));
  await signIn(page, 'alice');
  await page.goto('/images');
  const transfer = await page.evaluateHandle((list) => {
    const dataTransfer = new DataTransfer();
    for (const { name, base64 } of list) dataTransfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name));
    return dataTransfer;
  }, files.map(({ name, data }) => ({ name, base64: data.toString('base64') })));
  await page.dispatchEvent('main', 'dragenter', { dataTransfer: transfer });
  await expect(page.getByText('Drop files to create one image per file')).toBeVisible();
  await page.dispatchEvent('main', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer: transfer });
  await expect(page.getByText('Drop files to create one image per file')).toBeHidden();
  const form = page.getByRole('form', { name: 'Create image' });
  await expect(form.getByRole('heading', { name: 'Create 3 images' })).toBeVisible();
  const imageNames = files.map(() => uniqueImageName('drop'));
  for (const [i, name] of imageNames.entries()) {
    await expect(form.getByLabel(`Disk format of image ${i + 1}`)).toHaveValue('raw');
    await form.getByLabel(`Name of image ${i + 1}`).fill(name);
  }
  await form.getByRole('button', { name: 'Create 3 images' }).click();
  await expect(form).toBeHidden({ timeout: 120_000 });
  for (const [i, name] of imageNames.entries()) {
    const data = files[i]?.data ?? Buffer.alloc(0);
    await expectStored(name, { data, md5: createHash('md5').update(data).digest('hex'), sha512: createHash('sha512').update(data).digest('hex') });
  }
  // The tray followed each upload to the end.
  for (const name of imageNames) await expect(page.getByRole('listitem', { name: `Upload of ${name}` }).getByText(/^Verified/)).toBeVisible();
});

test('a file that fails after the record was created leaves the queued image with retry and delete, never a silent orphan', async ({ page }) => {
  const file = randomFile('vanishing.raw', 2 * MIB);
  const name = uniqueImageName('orphan');
  const form = await openCreateForm(page);
  await chooseFile(form, file.path);
  await form.getByLabel('Name').fill(name);
  // The file changes on disk after it was chosen: Chromium refuses to read or send it
  // (ERR_UPLOAD_FILE_CHANGED), a real failure after POST /v2/images created the record.
  writeFileSync(file.path, randomBytes(MIB));
  utimesSync(file.path, new Date(), new Date(Date.now() + 60_000));
  await form.getByRole('button', { name: 'Create image' }).click();
  const section = page.getByRole('region', { name: 'Data' });
  await expect(section.getByText('The data transfer failed')).toBeVisible({ timeout: 120_000 });
  const image = await imageNamed(name);
  expect((await getImage(alice, image.id)).status).toBe('queued');
  await expect(page.getByRole('listitem', { name: `Upload of ${name}` }).getByRole('button', { name: `Delete image ${name}` })).toBeVisible();
  await expect(section.getByRole('button', { name: 'Retry the data' })).toBeVisible();
  // The queued image also offers a fresh upload (a new copy of the file).
  await expect(section.getByRole('form', { name: 'Upload data' })).toBeVisible();
  await section.getByRole('button', { name: 'Delete this image (it has no data)' }).click();
  await expect(page).toHaveURL(/\/images$/, { timeout: 60_000 });
  expect((await glance(alice, `/v2/images/${image.id}`)).status).toBe(404);
});
