import { expect, test, type Locator, type Page } from '@playwright/test';
import { createImage, getImage, glance, projectToken, type ApiImage, type Token } from './support/api';
import { inBatches, removeCatalogue } from './support/images-fixture';
import { uniqueName } from './support/stack';
import { signIn } from './support/ui';

// Names, tags and property values of Glance's maximum length (255) with no space to break at
// must not widen the page, crush the other rows' names, or hide the value from keyboard users.
test.describe.configure({ mode: 'serial' });

const runTag = uniqueName('long');
const enc = encodeURIComponent;
const unbroken = (prefix: string, length = 255) => prefix + 'W'.repeat(length - prefix.length);
const longName = unbroken(`${runTag}-a-`);
const longTag = unbroken('tag-');
const longValue = unbroken('value-');
const shortNames = Array.from({ length: 5 }, (_, i) => `${runTag}-b-${i}`);
let alice: Token;
let long: ApiImage;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  alice = await projectToken('alice', 'alpha');
  long = await createImage(alice, { name: longName, tags: [runTag, longTag], loupe_long_note: longValue });
  await inBatches(shortNames, 5, async (name) => {
    await createImage(alice, { name, tags: [runTag, 'short'] });
  });
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await removeCatalogue(await projectToken('alice', 'alpha'), runTag);
});

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const cellWidth = (element: Locator) => element.evaluate((node) => (node.closest('td, th') ?? node).getBoundingClientRect().width);

/** Tabs from `start` and collects every tooltip shown on the way (the full values keyboard users can read). */
async function tooltipsOnTheWay(page: Page, start: Locator, steps: number): Promise<string[]> {
  await start.focus();
  const seen: string[] = [];
  for (let i = 0; i < steps; i += 1) {
    await page.keyboard.press('Tab');
    const tooltip = page.getByRole('tooltip');
    if (await tooltip.isVisible()) seen.push((await tooltip.textContent()) ?? '');
  }
  return seen;
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
]) {
  test(`the list keeps its width and its names readable at ${viewport.width}×${viewport.height}`, async ({ page }) => {
    // What Glance holds: the UI must show exactly these values.
    const stored = await getImage(alice, long.id);
    expect(stored.name).toBe(longName);
    expect(stored.tags).toContain(longTag);

    await page.setViewportSize(viewport);
    await signIn(page, 'alice');
    await page.goto(`/images?view=mine&sort=name%3Aasc&tag=${enc(runTag)}`);
    const table = page.getByRole('table', { name: 'Images' });
    const longLink = table.getByRole('link', { name: longName });
    await expect(longLink).toBeVisible();
    for (const name of shortNames) await expect(table.getByRole('link', { name })).toBeVisible();

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    for (const name of shortNames) expect(await cellWidth(table.getByRole('link', { name }))).toBeGreaterThanOrEqual(120);
    // Every row's actions stay on screen.
    const lastMenu = page.getByRole('button', { name: `Actions for ${shortNames.at(-1) ?? ''}` });
    const box = await lastMenu.boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(viewport.width);

    // The full name and the full tag are reachable from the row's checkbox with Tab alone.
    const seen = await tooltipsOnTheWay(page, table.getByRole('checkbox', { name: `Select ${longName}` }), 4);
    expect(seen).toContain(longName);
    if (await table.getByRole('columnheader', { name: 'Tags' }).isVisible()) expect(seen.some((text) => text.includes(longTag))).toBe(true);
  });
}

test('the narrow list drops columns it cannot fit and says which', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await signIn(page, 'alice');
  await page.goto(`/images?view=mine&sort=name%3Aasc&tag=${enc(runTag)}`);
  await page.getByRole('button', { name: /Columns/ }).click();
  for (const label of ['Owner', 'Created']) {
    const box = page.getByRole('checkbox', { name: label });
    if (!(await box.isChecked())) await box.check();
  }
  await page.keyboard.press('Escape');
  const table = page.getByRole('table', { name: 'Images' });
  await expect(table.getByRole('link', { name: shortNames[0] ?? '' })).toBeVisible();
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
  await expect(page.getByText(/Hidden to fit the window:/)).toBeVisible();
  expect(await cellWidth(table.getByRole('link', { name: shortNames[0] ?? '' }))).toBeGreaterThanOrEqual(120);
});

test('an owner typed by name and a plain created date filter as Glance does with the ID and gte:', async ({ page }) => {
  const today = new Date().toISOString().slice(0, 10);
  // What Glance answers for the same filters, spelled as Glance wants them.
  const { body } = await glance(alice, `/v2/images?owner=${alice.projectId}&tag=${enc(runTag)}&created_at=gte:${today}T00:00:00Z&sort=name:asc`, { expect: 200 });
  const expected = (body as { images: ApiImage[] }).images.map((image) => image.name);
  expect(expected).toHaveLength(shortNames.length + 1);

  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'alice');
  await page.goto(`/images?owner=alpha&created_at=${today}&sort=name%3Aasc&tag=${enc(runTag)}`);
  await expect(page.getByRole('listitem').filter({ hasText: `Owner: alpha (${alice.projectId})` })).toBeVisible();
  const table = page.getByRole('table', { name: 'Images' });
  await expect(table.getByRole('link', { name: shortNames.at(-1) ?? '' })).toBeVisible();
  const shown = await table.locator('tbody tr td:nth-child(2) a').allTextContents();
  expect(shown).toEqual(expected);

  // A name that is none of alice's projects is explained and not applied.
  await page.goto(`/images?owner=no-such-project&tag=${enc(runTag)}`);
  await expect(page.getByRole('listitem').filter({ hasText: 'Owner: no-such-project' })).toContainText('(not applied)');
});
