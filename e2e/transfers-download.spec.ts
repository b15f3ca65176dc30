import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import { createImage, deleteImage, getImage, glance, projectToken, uploadData, type ApiImage, type Token } from './support/api';
import { startDroppingProxy } from './support/dropping-proxy';
import { uniqueName } from './support/stack';
import { signIn } from './support/ui';

// Downloads against the real stack: ranged chunks (8 MiB) of a 20 MiB image, each answer a
// 206 from Glance, hashed in order while they arrive and compared with the image's checksum
// and os_hash_value; the file itself is compared (sha256) with the bytes uploaded.
//
// Where the bytes go. Headless Chromium has the File System Access API but nobody to answer its
// save dialog, so each test decides, before the app loads, what the browser offers:
// - the Blob fallback (what Firefox and Safari get): the test removes showSaveFilePicker, the
//   app assembles the chunks into a Blob and hands it to the browser's downloads, which
//   Playwright captures with its download event;
// - the streaming path: the test answers the dialog with a file in the origin-private file
//   system (the same FileSystemFileHandle/createWritable the user's pick gives), and reads that
//   file back when the download is done.

const MiB = 1024 * 1024;
const CHUNK = 8 * MiB; // the planner's default chunk size
let alice: Token;
let admin: Token;
let image: ApiImage;
let bytes: Buffer;
const created: string[] = [];

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
  admin = await projectToken('admin', 'admin');
  bytes = randomBytes(20 * MiB);
  image = await createImage(alice, { name: uniqueName('download'), visibility: 'private' });
  created.push(image.id);
  await uploadData(alice, image.id, new Uint8Array(bytes));
  image = await getImage(alice, image.id);
});
test.afterAll(async () => {
  for (const id of created) await deleteImage(alice, id);
});

/** The browser has no File System Access API: downloads take the Blob fallback. */
async function withoutSavePicker(page: Page) {
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
}

/** The save dialog answered with a file in the origin-private file system. */
async function withSavePickerAnsweredByOpfs(page: Page) {
  await page.addInitScript(() => {
    const pick = async (options?: { suggestedName?: string }) => {
      const root = await navigator.storage.getDirectory();
      return root.getFileHandle(options?.suggestedName ?? 'download', { create: true });
    };
    Object.defineProperty(window, 'showSaveFilePicker', { value: pick, configurable: true });
  });
}

async function savedBytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

/** The tray entry of this image's download shows Done and the verification against Glance's values. */
async function expectVerified(page: Page, name: string) {
  const item = page.getByRole('listitem', { name: `Download of ${name}` });
  await expect(item).toContainText('Done', { timeout: 60_000 });
  await expect(item).toContainText(`${formatMiB(image.size as number)} of ${formatMiB(image.size as number)}`);
  const badge = item.locator('span[title]', { has: page.getByText('Verified (md5, sha512)', { exact: true }) });
  await expect(badge).toBeVisible();
  // The badge's title names the values it matched: Glance's own.
  await expect(badge).toHaveAttribute('title', `md5 ${String(image.checksum)}\nsha512 ${String(image.os_hash_value)}`);
}

const formatMiB = (size: number) => `${String(size / MiB)} MiB`;

test('download from the list row menu: the Blob fallback saves the same bytes, verified', async ({ page }) => {
  await withoutSavePicker(page);
  await signIn(page, 'alice');
  await page.goto(`/images?name=${encodeURIComponent(String(image.name))}`);
  const ranges: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith(`/v2/images/${image.id}/file`)) ranges.push(request.headers()['range'] ?? 'none');
  });
  await page.getByRole('button', { name: `Actions for ${String(image.name)}` }).click();
  const saved = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download' }).click();
  const download = await saved;
  expect(download.suggestedFilename()).toBe(`${String(image.name)}.raw`);
  expect(sha256(await savedBytes(download))).toBe(sha256(bytes));
  await expectVerified(page, String(image.name));
  // Three ranged requests, one per 8 MiB chunk; never the whole image at once.
  expect(ranges.sort()).toEqual([`bytes=0-${String(CHUNK - 1)}`, `bytes=${String(2 * CHUNK)}-${String(20 * MiB - 1)}`, `bytes=${String(CHUNK)}-${String(2 * CHUNK - 1)}`].sort());
});

test('download from the detail page streams to the file picked in the save dialog, verified', async ({ page }) => {
  await withSavePickerAnsweredByOpfs(page);
  await signIn(page, 'alice');
  await page.goto(`/images/${image.id}`);
  await page.getByRole('button', { name: 'Download', exact: true }).click();
  await expectVerified(page, String(image.name));
  await expect(page.getByRole('listitem', { name: `Download of ${String(image.name)}` })).toContainText('Download (to a file)');
  const written = await page.evaluate(async (name) => {
    const root = await navigator.storage.getDirectory();
    const file = await (await root.getFileHandle(name)).getFile();
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    return { size: file.size, sha256: [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('') };
  }, `${String(image.name)}.raw`);
  expect(written).toEqual({ size: bytes.byteLength, sha256: sha256(bytes) });
});

test('a connection dropped mid-chunk resumes from the first missing byte', async ({ page, baseURL }) => {
  const dropAt = 3 * MiB;
  let dropped = false;
  // In front of Loupe's server: the page's /glance requests all go through it. It cuts the
  // second chunk's answer once, after 3 MiB of its body.
  const proxy = await startDroppingProxy(String(baseURL), (request) => {
    const second = request.url === `/glance/v2/images/${image.id}/file` && request.headers.range === `bytes=${String(CHUNK)}-${String(2 * CHUNK - 1)}`;
    if (!second || dropped) return undefined;
    dropped = true;
    return dropAt;
  });
  try {
    await withoutSavePicker(page);
    await signIn(page, 'alice', { path: `${proxy.url}/login` });
    await page.goto(`${proxy.url}/images/${image.id}`);
    const saved = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download', exact: true }).click();
    const download = await saved;
    expect(sha256(await savedBytes(download))).toBe(sha256(bytes));
    await expectVerified(page, String(image.name));

    const fileRequests = proxy.requests.filter((request) => request.path === `/glance/v2/images/${image.id}/file`);
    const cut = fileRequests.find((request) => request.droppedAfter !== undefined);
    expect(cut?.droppedAfter).toBe(dropAt);
    // The retry asks for the rest of that chunk only, from where the browser's bytes stopped.
    const resumed = fileRequests.filter((request) => request !== cut && request.range?.endsWith(`-${String(2 * CHUNK - 1)}`));
    expect(resumed).toHaveLength(1);
    const resumedFrom = Number(/bytes=(\d+)-/.exec(resumed[0]?.range ?? '')?.[1]);
    expect(resumedFrom).toBeGreaterThan(CHUNK);
    expect(resumedFrom).toBeLessThanOrEqual(CHUNK + dropAt);
    // Nothing else was fetched twice: one request per other chunk.
    expect(fileRequests.map((request) => request.range).filter((range) => range?.startsWith('bytes=0-'))).toHaveLength(1);
    expect(fileRequests).toHaveLength(4);
  } finally {
    await proxy.stop();
  }
});

test('a deactivated image’s download explains the 403', async ({ page }) => {
  const target = await createImage(alice, { name: uniqueName('download-off'), visibility: 'private' });
  created.push(target.id);
  await uploadData(alice, target.id, new Uint8Array(randomBytes(MiB)));
  await withoutSavePicker(page);
  await signIn(page, 'alice');
  await page.goto(`/images/${target.id}`);
  const download = page.getByRole('button', { name: 'Download', exact: true });
  await expect(download).toBeVisible();
  // An administrator deactivates it while alice has the page open.
  await glance(admin, `/v2/images/${target.id}/actions/deactivate`, { method: 'POST', expect: 204 });
  const refused = page.waitForResponse((response) => response.url().endsWith(`/v2/images/${target.id}/file`));
  await download.click();
  expect((await refused).status()).toBe(403);
  const item = page.getByRole('listitem', { name: `Download of ${String(target.name)}` });
  await expect(item).toContainText('Failed');
  await expect(item).toContainText(
    `${String(target.name)} is deactivated: Glance refuses to hand out its data (403) to anyone but administrators. Ask an administrator to reactivate it, then download again.`,
  );
  await glance(admin, `/v2/images/${target.id}/actions/reactivate`, { method: 'POST', expect: 204 });
});
