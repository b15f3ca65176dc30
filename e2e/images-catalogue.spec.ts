import { statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { createImage, getImage, projectToken, type Token } from './support/api';
import { apiNames, createCatalogue, inBatches, removeCatalogue, type Catalogue } from './support/images-fixture';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// In order, in one worker, sharing one catalogue; not serial: a failure does not skip the rest
// (the next worker builds its own catalogue).
test.describe.configure({ mode: 'default' });

let alice: Token;
let catalogue: Catalogue;
// Known before any image exists, so cleanup finds a half-made catalogue too.
const runTag = uniqueName('cat');
const enc = encodeURIComponent;

test.beforeAll(async () => {
  // 150 images through the API, ten at a time: about a minute on an idle machine.
  test.setTimeout(420_000);
  alice = await projectToken('alice', 'alpha');
  catalogue = await createCatalogue(alice, runTag);
});

test.afterAll(async () => {
  test.setTimeout(300_000);
  await removeCatalogue(await projectToken('alice', 'alpha'), runTag);
});

/** The names in the table's name column, in order, once the list for `search` has loaded. */
async function uiNames(page: Page, search: string): Promise<string[]> {
  await page.goto(`/images?${search}`);
  await expect(page.getByRole('heading', { name: 'Images' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Images' });
  const empty = page.getByText('No images match');
  await expect(table.or(empty)).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  if (await empty.isVisible()) return [];
  return table.locator('tbody tr td:nth-child(2) a').allTextContents();
}

const sorted = (names: string[]) => [...names].sort();

/** [what the UI URL adds, what the Glance query adds] for every filter, in three groups of seven. */
function filterCases(): [string, string][][] {
  const { runTag, cutoff, instance } = catalogue;
  const name5 = `${runTag}-005`;
  const name9 = `${runTag}-009`;
  const cases: [string, string][] = [
    [`name=${enc(name5)}`, `name=${enc(name5)}`],
    [`name=${enc(name5)}&name=${enc(name9)}&name=${enc(`${runTag}, comma`)}`, `name=${enc(`in:${name5},${name9},"${runTag}, comma"`)}`],
    [`name=${enc(`${runTag}:colon`)}`, `name=${enc(`eq:${runTag}:colon`)}`],
    ['status=active', 'status=active'],
    ['status=active&status=queued', `status=${enc('in:active,queued')}`],
    ['tag=grp-a&tag=grp-b', 'tag=grp-a&tag=grp-b'],
    ['disk_format=qcow2', 'disk_format=qcow2'],
    ['container_format=bare&disk_format=raw&disk_format=qcow2', `container_format=bare&disk_format=${enc('in:raw,qcow2')}`],
    ['protected=true', 'protected=true'],
    ['protected=false', 'protected=false'],
    [`size_min=${enc('40 KiB')}`, `size_min=${40 * 1024}`],
    [`size_min=${enc('10 KiB')}&size_max=${enc('0.1 MiB')}`, `size_min=${10 * 1024}&size_max=${Math.round(0.1 * 1024 * 1024)}`],
    [`created_at=${enc(`gt:${cutoff}`)}`, `created_at=${enc(`gt:${cutoff}`)}`],
    [`created_at=${enc(`lte:${cutoff}`)}`, `created_at=${enc(`lte:${cutoff}`)}`],
    [`changed_since=${enc(cutoff)}`, `updated_at=${enc(`gte:${cutoff}`)}`],
    ['prop=os_distro%3Ddebian', 'os_distro=debian'],
    ['prop=os_distro%3Dubuntu&prop=hw_disk_bus%3Dvirtio', 'os_distro=ubuntu&hw_disk_bus=virtio'],
    [`instance_uuid=${instance}`, `instance_uuid=${instance}`],
    ['image_type=snapshot', 'image_type=snapshot'],
    ['min_disk=2', 'min_disk=2'],
    ['hidden=true', 'os_hidden=true'],
  ];
  return [cases.slice(0, 7), cases.slice(7, 14), cases.slice(14)];
}

for (const group of [0, 1, 2]) {
  test(`every filter shows exactly what the API returns for the same query (group ${String(group + 1)} of 3)`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, 'alice');
    const scope = `view=mine&limit=1000&tag=${enc(catalogue.runTag)}`;
    const apiScope = `owner=${alice.projectId}&limit=1000&tag=${enc(catalogue.runTag)}`;
    for (const [ui, api] of filterCases()[group] ?? []) {
      const expected = await apiNames(alice, `${apiScope}&${api}`);
      const shown = await uiNames(page, `${scope}&${ui}`);
      expect(sorted(shown), `UI ?${ui} vs API ?${api}`).toEqual(sorted(expected));
    }
  });
}

test('sort orders match the server’s, including a secondary key', async ({ page }) => {
  await signIn(page, 'alice');
  const scope = `view=mine&limit=1000&tag=${enc(catalogue.runTag)}`;
  const apiScope = `owner=${alice.projectId}&limit=1000&tag=${enc(catalogue.runTag)}`;
  for (const sort of ['name:asc', 'name:desc', 'size:desc,name:asc', 'created_at:asc,name:desc']) {
    expect(await uiNames(page, `${scope}&sort=${enc(sort)}`), sort).toEqual(await apiNames(alice, `${apiScope}&sort=${enc(sort)}`));
  }
});

test('clicking headers sorts on the server, shift-click adds a secondary key', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto(`/images?view=mine&limit=1000&tag=${enc(catalogue.runTag)}`);
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page).toHaveURL(/sort=name%3Aasc/);
  await page.getByRole('button', { name: 'Size' }).click({ modifiers: ['Shift'] });
  await expect(page).toHaveURL(/sort=name%3Aasc%2Csize%3Adesc/);
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
});

test('next and previous walk the whole set without gaps or repeats; reload and Back restore the view', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'alice');
  const search = `view=mine&tag=${enc(catalogue.runTag)}&sort=name%3Aasc`;
  const all = await apiNames(alice, `owner=${alice.projectId}&limit=1000&tag=${enc(catalogue.runTag)}&sort=name:asc`);
  const pages: string[][] = [await uiNames(page, search)];
  const next = page.getByRole('button', { name: 'Next →' });
  while (await next.isEnabled()) {
    await next.click();
    await expect(page.getByText(`Page ${pages.length + 1}`)).toBeVisible();
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
    const names = await page.locator('tbody tr td:nth-child(2) a').allTextContents();
    if (names.length === 0) break;
    pages.push(names);
    if (pages.length === 3) {
      // A reloaded URL shows the same page.
      await page.reload();
      await expect(page.getByText('Page 3')).toBeVisible();
      await expect(page.locator('tbody tr td:nth-child(2) a').first()).toHaveText(names[0] ?? '');
    }
  }
  expect(pages.flat()).toEqual(all);
  expect(new Set(pages.flat()).size).toBe(all.length);
  expect(pages.length).toBe(Math.ceil(all.length / 25));
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.locator('tbody tr td:nth-child(2) a').first()).toHaveText(pages.at(-2)?.[0] ?? '');
  await page.goBack();
  await expect(page.locator('tbody tr td:nth-child(2) a').first()).toHaveText(pages.at(-1)?.[0] ?? '');
});

test('invalid input is explained at the field and never sent', async ({ page }) => {
  await signIn(page, 'alice');
  const requests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/v2/images?')) requests.push(request.url());
  });
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}&size_min=${enc('12 XB')}&created_at=${enc('between:2026-01-01')}`);
  await expect(page.getByText('"12 XB" is not a size')).toBeVisible();
  await expect(page.getByText('Unknown operator "between"')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Size at least' })).toHaveAttribute('aria-invalid', 'true');
  expect(requests.some((url) => url.includes('size_min') || url.includes('created_at'))).toBe(false);
});

test('chips remove filters one by one, and reset clears them', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}&tag=grp-a&status=queued`);
  await page.getByRole('button', { name: 'Remove filter tag: grp-a' }).click();
  await expect(page).not.toHaveURL(/grp-a/);
  await expect(page).toHaveURL(/status=queued/);
  await page.getByRole('button', { name: 'Reset filters' }).click();
  await expect(page).toHaveURL(/\/images\?view=mine$/);
  await expectAccessible(page);
});

test('typing in a filter is debounced into the URL', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}`);
  const toggle = page.getByRole('button', { name: 'Filters', exact: true });
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.getByLabel('Minimum disk (GiB)').fill('3');
  await expect(page).toHaveURL(/min_disk=3/);
  const expected = await apiNames(alice, `owner=${alice.projectId}&limit=25&tag=${enc(catalogue.runTag)}&min_disk=3`);
  await expect(page.locator('tbody tr td:nth-child(2) a')).toHaveCount(expected.length);
});

test('a bulk action reports per-image results, including skipped images', async ({ page }) => {
  await signIn(page, 'alice');
  const protectedName = `${catalogue.runTag}-001`; // i % 25 === 1 → protected
  const names = [protectedName, `${catalogue.runTag}-003`, `${catalogue.runTag}-004`];
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}&${names.map((name) => `name=${enc(name)}`).join('&')}`);
  await page.getByRole('checkbox', { name: 'Select all images on this page' }).check();
  const bar = page.getByRole('region', { name: 'Selected images' });
  await expect(bar).toContainText('3 selected');
  // The protected image is not sent: it is skipped, with the reason.
  await bar.getByRole('button', { name: 'Delete… (2 of 3)' }).click();
  await page.getByRole('dialog', { name: 'Delete 2 images?' }).getByRole('button', { name: 'Delete 2' }).click();
  const results = page.getByRole('dialog', { name: '2 done, 1 skipped' });
  await expect(results).toBeVisible();
  await expect(results.getByRole('listitem').filter({ hasText: protectedName })).toContainText('protected');
  await expect(results.getByRole('listitem').filter({ hasText: `${catalogue.runTag}-003` })).toContainText('done');
  const remaining = await apiNames(alice, `owner=${alice.projectId}&tag=${enc(catalogue.runTag)}&name=${enc(`in:${names.join(',')}`)}`);
  expect(remaining).toEqual([protectedName]);
});

test('a bulk tag add reaches every selected image', async ({ page }) => {
  await signIn(page, 'alice');
  const names = [`${catalogue.runTag}-010`, `${catalogue.runTag}-011`];
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}&${names.map((name) => `name=${enc(name)}`).join('&')}`);
  await page.getByRole('checkbox', { name: 'Select all images on this page' }).check();
  const bar = page.getByRole('region', { name: 'Selected images' });
  await bar.getByLabel('Tag').fill('bulk/tagged');
  await bar.getByRole('button', { name: 'Add tag' }).click();
  await expect(page.getByRole('dialog', { name: 'All 2 done' })).toBeVisible();
  for (const image of catalogue.images.filter((candidate) => names.includes(candidate.name ?? ''))) {
    expect((await getImage(alice, image.id)).tags).toContain('bulk/tagged');
  }
});

test('a protected image explains why it cannot be deleted and offers to unprotect', async ({ page }) => {
  await signIn(page, 'alice');
  const name = `${catalogue.runTag}-026`; // i % 25 === 1
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}&name=${enc(name)}`);
  await page.getByLabel(`Actions for ${name}`).first().click();
  await page.getByRole('menuitem', { name: 'Delete…' }).click();
  const dialog = page.getByRole('dialog', { name: `${name} is protected` });
  await expect(dialog).toContainText('Unprotect it first');
  await dialog.getByRole('button', { name: 'Unprotect' }).click();
  const image = catalogue.images.find((candidate) => candidate.name === name);
  await expect.poll(async () => (await getImage(alice, image?.id ?? '')).protected).toBe(false);
});

test('a member sees no admin-only views; an admin gets all projects with owner names', async ({ page }) => {
  await signIn(page, 'alice');
  const views = page.getByRole('navigation', { name: 'Image views' });
  await expect(views.getByRole('button', { name: 'Everything' })).toBeVisible();
  await expect(views.getByRole('button', { name: 'All projects' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Owner' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'admin');
  await page.getByRole('navigation', { name: 'Image views' }).getByRole('button', { name: 'All projects' }).click();
  await expect(page.getByRole('columnheader', { name: 'Owner' })).toBeVisible();
  await page.goto(`/images?view=all&tag=${enc(catalogue.runTag)}&limit=25`);
  await expect(page.locator('tbody tr').first().getByText('alpha', { exact: true })).toBeVisible();
});

test('an unknown marker (the image was deleted) recovers to the first page with a note', async ({ page }) => {
  await signIn(page, 'alice');
  const search = `view=mine&tag=${enc(catalogue.runTag)}&sort=name%3Aasc`;
  await page.goto(`/images?${search}&marker=${crypto.randomUUID()}&trail=`);
  await expect(page.getByText('Back to the first page')).toBeVisible();
  await expect(page).not.toHaveURL(/marker=/);
  await expect(page.getByText('Page 1')).toBeVisible();
  const first = await apiNames(alice, `owner=${alice.projectId}&limit=25&tag=${enc(catalogue.runTag)}&sort=name:asc`);
  await expect(page.locator('tbody tr td:nth-child(2) a')).toHaveText(first);
});

test('a row links to the detail page and downloads the data with the token', async ({ page }) => {
  // Headless Chromium cannot answer the save dialog: take the browser-download path that
  // browsers without showSaveFilePicker get (transfers-download.spec covers both paths).
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
  await signIn(page, 'alice');
  const name = `${catalogue.runTag}-006`; // raw, i % 6 === 0 → 7 KiB of data
  const image = catalogue.images.find((candidate) => candidate.name === name);
  await page.goto(`/images?view=mine&tag=${enc(catalogue.runTag)}&name=${enc(name)}`);
  await page.getByLabel(`Actions for ${name}`).first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'Download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${name}.raw`);
  const path = await file.path();
  expect(statSync(path).size).toBe(1024 * 7);
  await page.getByRole('table', { name: 'Images' }).getByRole('link', { name }).click();
  await expect(page).toHaveURL(new RegExp(`/images/${image?.id ?? 'missing'}$`));
});

// Last in this file: it adds images to the run's catalogue.
test('a long page renders only the rows in view, keeps its columns still and reaches the last image', async ({ page }) => {
  test.setTimeout(240_000);
  // Past the virtualization threshold (200 rows): 60 more images on top of the 150.
  await inBatches(Array.from({ length: 60 }, (_, i) => i), 10, async (i) => {
    await createImage(alice, { name: `${catalogue.runTag}-long-${String(i).padStart(2, '0')}`, tags: [catalogue.runTag], disk_format: 'raw', container_format: 'bare' });
  });
  const all = await apiNames(alice, `owner=${alice.projectId}&limit=1000&tag=${enc(catalogue.runTag)}&sort=name:asc`);
  expect(all.length).toBeGreaterThan(200);
  await signIn(page, 'alice');
  await page.goto(`/images?view=mine&limit=1000&tag=${enc(catalogue.runTag)}&sort=name%3Aasc`);
  const table = page.getByRole('table', { name: 'Images' });
  const links = table.locator('tbody tr td:nth-child(2) a');
  await expect(links.first()).toHaveText(all[0] ?? 'missing');
  await expect(table).toHaveAttribute('aria-rowcount', String(all.length + 1));
  expect(await links.count()).toBeLessThan(all.length / 2);
  const headerWidths = () => table.locator('thead th').evaluateAll((cells) => cells.map((cell) => Math.round(cell.getBoundingClientRect().width)));
  const atTop = await headerWidths();
  // Halfway down, rows from the middle of the page are there and the columns have not moved.
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  await expect(links.filter({ hasText: all[Math.floor(all.length / 2)] ?? 'missing' })).toHaveCount(1);
  expect(await headerWidths()).toEqual(atTop);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(links.last()).toHaveText(all.at(-1) ?? 'missing');
  expect(await headerWidths()).toEqual(atTop);
  await expect(page.getByRole('button', { name: /Previous/ })).toBeVisible();
});
