import { expect, test, type Locator, type Page } from '@playwright/test';
import { createImage, getImage, glance, projectToken, uploadData, type ApiImage, type Token } from './support/api';
import { inBatches, removeCatalogue } from './support/images-fixture';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// Row menus and bulk actions on the images page, against the real Glance: 30 images of this
// run's own (by tag), in three states: active (data uploaded), queued (none) and deactivated.
test.describe.configure({ mode: 'serial' });

const runTag = uniqueName('menus');
const enc = encodeURIComponent;
const COUNT = 30;
const nameOf = (i: number) => `${runTag}-${String(i).padStart(2, '0')}`;
// 0, 1 and the last row active; 2 queued; 3 deactivated; the rest queued.
const stateOf = (i: number): 'active' | 'queued' | 'deactivated' => (i === 0 || i === 1 || i === COUNT - 1 ? 'active' : i === 3 ? 'deactivated' : 'queued');
let alice: Token;
const images = new Map<string, ApiImage>();

test.beforeAll(async () => {
  test.setTimeout(180_000);
  alice = await projectToken('alice', 'alpha');
  await inBatches(
    Array.from({ length: COUNT }, (_, i) => i),
    10,
    async (i) => {
      const image = await createImage(alice, { name: nameOf(i), tags: [runTag] });
      if (stateOf(i) !== 'queued') await uploadData(alice, image.id, new Uint8Array(512));
      if (stateOf(i) === 'deactivated') await glance(alice, `/v2/images/${image.id}/actions/deactivate`, { method: 'POST', expect: 204 });
      images.set(nameOf(i), image);
    },
  );
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await removeCatalogue(await projectToken('alice', 'alpha'), runTag);
});

/** The run's list, sorted by name, once its last expected row (`last`) is shown. */
async function openList(page: Page, extra = '', last = COUNT - 1): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signIn(page, 'alice');
  await page.goto(`/images?view=mine&limit=50&sort=name%3Aasc&tag=${enc(runTag)}${extra}`);
  await expect(page.getByRole('table', { name: 'Images' }).getByRole('link', { name: nameOf(last) })).toBeVisible();
}

const menuButton = (page: Page, i: number) => page.getByRole('button', { name: `Actions for ${nameOf(i)}` });

/** Whether the element is inside the viewport and is what the user would hit at its centre (not clipped, not covered). */
async function reachable(item: Locator): Promise<boolean> {
  return item.evaluate((element) => {
    const rect = element.getBoundingClientRect();
    const inside = rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth && rect.height > 0;
    const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
    return inside && hit !== null && element.contains(hit);
  });
}

test('the last row’s menu shows every item inside the viewport', async ({ page }) => {
  await openList(page);
  const last = menuButton(page, COUNT - 1);
  // The worst case: the button at the very bottom of the window.
  await last.evaluate((element) => element.scrollIntoView({ block: 'end' }));
  await last.click();
  const menu = page.getByRole('menu', { name: `Actions for ${nameOf(COUNT - 1)}` });
  const items = menu.getByRole('menuitem');
  await expect(items).toHaveText(['Edit', 'Download', 'Deactivate…', 'Hide…', 'Delete…']);
  for (const item of await items.all()) expect(await reachable(item), (await item.textContent()) ?? undefined).toBe(true);
  await expect(items.first()).toBeFocused();
  await expectAccessible(page);
});

test('opening a second menu closes the first, by pointer and by keyboard', async ({ page }) => {
  await openList(page);
  await menuButton(page, 0).click();
  await expect(page.getByRole('menu')).toHaveCount(1);
  await menuButton(page, 1).click();
  await expect(page.getByRole('menu')).toHaveCount(1);
  await expect(page.getByRole('menu', { name: `Actions for ${nameOf(1)}` })).toBeVisible();
  await expect(menuButton(page, 0)).toHaveAttribute('aria-expanded', 'false');
  // From the keyboard nothing outside is pressed: the one-open rule closes the other menu.
  await menuButton(page, 2).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toHaveCount(1);
  await expect(page.getByRole('menu', { name: `Actions for ${nameOf(2)}` })).toBeVisible();
  // An outside click closes it, and what was under it is clickable again.
  await page.getByRole('heading', { name: 'Images' }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await menuButton(page, 3).click();
  await expect(page.getByRole('menu', { name: `Actions for ${nameOf(3)}` })).toBeVisible();
});

test('arrow keys move between items; Esc closes and returns focus; Tab closes and moves on', async ({ page }) => {
  await openList(page);
  const button = menuButton(page, 0);
  await expect(button).toHaveAttribute('aria-haspopup', 'menu');
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const item = (name: string) => page.getByRole('menuitem', { name, exact: true });
  await expect(item('Edit')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(item('Download')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(item('Delete…')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(item('Edit')).toBeFocused();
  await page.keyboard.press('End');
  await expect(item('Delete…')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  // Tab closes the menu and goes on from its button: to the next row's checkbox.
  await page.keyboard.press('ArrowDown');
  await expect(item('Edit')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Select ${nameOf(1)}` })).toBeFocused();
});

test('Edit opens the detail page with the edit form asked for', async ({ page }) => {
  await openList(page);
  await menuButton(page, 2).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  await expect(page).toHaveURL(new RegExp(`/images/${images.get(nameOf(2))?.id ?? 'missing'}\\?edit=1$`));
});

test('bulk deactivate asks first, runs only on active images and reports the rest as skipped', async ({ page }) => {
  const names = [0, 1, 2, 3].map(nameOf);
  await openList(page, names.map((name) => `&name=${enc(name)}`).join(''), 3);
  await page.getByRole('checkbox', { name: 'Select all images on this page' }).check();
  const bar = page.getByRole('region', { name: 'Selected images' });
  await expect(bar).toContainText('4 selected');
  // Offered with how many it applies to; nothing is sent before the confirmation.
  await bar.getByRole('button', { name: 'Deactivate… (2 of 4)' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deactivate 2 images?' });
  await expect(dialog.getByRole('list', { name: 'Images to deactivate' }).getByRole('listitem')).toHaveText([nameOf(0), nameOf(1)]);
  const skipped = dialog.getByRole('list', { name: 'Skipped images' }).getByRole('listitem');
  await expect(skipped).toHaveText([`${nameOf(2)}: it is queued; only an active image can be deactivated`, `${nameOf(3)}: it is deactivated; only an active image can be deactivated`]);
  for (const name of names) expect((await getImage(alice, images.get(name)?.id ?? '')).status).toBe(stateOf(names.indexOf(name)));
  await dialog.getByRole('button', { name: 'Deactivate 2' }).click();

  const results = page.getByRole('dialog', { name: '2 done, 2 skipped' });
  await expect(results).toBeVisible();
  const row = (name: string) => results.getByRole('listitem').filter({ hasText: name });
  // What the results say matches what Glance now says about each image.
  for (const name of names) {
    const status = (await getImage(alice, images.get(name)?.id ?? '')).status;
    if (name === nameOf(0) || name === nameOf(1)) {
      await expect(row(name)).toHaveText(`${name}: done`);
      expect(status, name).toBe('deactivated');
    } else {
      await expect(row(name)).toContainText('skipped: it is');
      expect(status, name).toBe(stateOf(names.indexOf(name)));
    }
  }
});
