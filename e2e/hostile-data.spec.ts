import { expect, test, type Page } from '@playwright/test';
import { createImage, deleteImage, glance, projectToken, revoke, type ApiImage, type Token } from './support/api';
import { seed, uniqueName } from './support/stack';
import { signIn, watchCsp } from './support/ui';

// Hostile data through the API, rendered inert on every page: script tags, event handlers,
// javascript: URLs, right-to-left overrides and long unbroken strings in image names, tags and
// properties, member IDs, metadef titles and descriptions, and task input. Each payload sets
// window.__pwned if it ever runs.
test.describe.configure({ mode: 'default' });

const runTag = uniqueName('hostile');
const script = (where: string) => `<script>window.__pwned='${where}'</script>`;
const handler = (where: string) => `<img src=x onerror="window.__pwned='${where}'">`;
const svg = (where: string) => `<svg onload="window.__pwned='${where}'"></svg>`;
const RTL = '\u202Egnp.exe \u0645\u0631\u062d\u0628\u0627';
const NAME = `${handler('name')} ${runTag} ${RTL}`;
const MEMBER = handler('member');
let alice: Token;
let admin: Token;
let image: ApiImage;
let namespace = '';
let taskId = '';

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
  admin = await projectToken('admin', 'admin');
  image = await createImage(alice, {
    name: NAME,
    visibility: 'shared',
    tags: [runTag, script('tag'), 'x'.repeat(200)],
    loupe_note: 'javascript:window.__pwned="prop-url"',
    loupe_markup: `${svg('prop')} ${RTL}`,
    loupe_long: 'W'.repeat(255),
  });
  await glance(alice, `/v2/images/${image.id}/members`, { method: 'POST', json: { member: seed().projects.beta }, expect: 200 });
  await glance(alice, `/v2/images/${image.id}/members`, { method: 'POST', json: { member: MEMBER }, expect: 200 });
  namespace = uniqueName('hostile-ns');
  await glance(admin, '/v2/metadefs/namespaces', {
    method: 'POST',
    json: {
      namespace,
      visibility: 'public',
      display_name: handler('ns-title'),
      description: `${script('ns-description')} javascript:window.__pwned=1 ${RTL}`,
      properties: { evil: { title: handler('property-title'), description: svg('property-description'), type: 'string', enum: [script('enum'), 'ok'] } },
      tags: [{ name: handler('metadef-tag') }],
    },
    expect: 201,
  });
  const task = await glance(admin, '/v2/tasks', {
    method: 'POST',
    json: { type: 'import', input: { import_from: `http://127.0.0.1:9/${handler('task')}`, import_from_format: 'qcow2', image_properties: { name: script('task-name'), container_format: 'bare', disk_format: 'qcow2' } } },
    expect: 201,
  });
  taskId = (task.body as { id: string }).id;
});

test.afterAll(async () => {
  await deleteImage(alice, image.id);
  await glance(admin, `/v2/metadefs/namespaces/${encodeURIComponent(namespace)}`, { method: 'DELETE' });
  await revoke(alice.token);
  await revoke(admin.token);
});

/** Nothing ran, and the page did not grow sideways. */
async function expectInert(page: Page, where: string): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), `a payload ran on ${where}`).toBeUndefined();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${where} overflows sideways`).toBeLessThanOrEqual(0);
}

test('image pages show hostile names, tags, properties and member IDs as text', async ({ page }) => {
  const csp = await watchCsp(page);
  await signIn(page, 'alice', { path: `/images?tag=${encodeURIComponent(runTag)}` });
  const row = page.getByRole('table', { name: 'Images' }).getByRole('row').filter({ hasText: runTag });
  await expect(row).toContainText('<img src=x onerror=');
  // The tooltip of the cut-off name, by keyboard.
  await row.getByRole('link').first().focus();
  await expectInert(page, 'the images list');

  await row.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('<img src=x onerror=');
  await expect(page.getByRole('main')).toContainText("<script>window.__pwned='tag'</script>");
  await expect(page.getByRole('main')).toContainText('javascript:window.__pwned="prop-url"');
  await expect(page.getByRole('region', { name: 'Members' })).toContainText(MEMBER);
  await expect(page.getByRole('main').locator('a[href^="javascript:"]')).toHaveCount(0);
  await expectInert(page, 'the image page');

  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(NAME);
  await expectInert(page, 'the edit form');
  expect(await csp.cspViolations()).toEqual([]);
});

test('a hostile share answered from the inbox, with its toast', async ({ page }) => {
  const csp = await watchCsp(page);
  await signIn(page, 'bob', { path: '/shared?status=pending' });
  const row = page.getByRole('row').filter({ hasText: runTag });
  await expect(row).toContainText('<img src=x onerror=');
  await row.getByRole('button', { name: /^Accept/ }).click();
  await expect(page.getByRole('region', { name: 'Notifications' })).toContainText('<img src=x onerror=');
  await expectInert(page, 'shared with me');
  expect(await csp.cspViolations()).toEqual([]);
});

test('metadefs and tasks show hostile titles, descriptions, tags and task input as text', async ({ page }) => {
  const csp = await watchCsp(page);
  await signIn(page, 'admin', { path: `/metadefs/${encodeURIComponent(namespace)}` });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(handler('ns-title'));
  await expect(page.getByRole('main')).toContainText("<script>window.__pwned='ns-description'</script>");
  const tabs = page.getByRole('navigation', { name: 'Namespace sections' });
  for (const [tab, text] of [
    ['Properties', handler('property-title')],
    ['Tags', handler('metadef-tag')],
    ['JSON', svg('property-description').replace(/"/g, '\\"')],
  ] as const) {
    await tabs.getByRole('link', { name: tab }).click();
    await expect(page.getByRole('main')).toContainText(text);
    await expectInert(page, `the namespace's ${tab} tab`);
  }

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
  await page.getByRole('button', { name: `Details of task ${taskId}` }).click();
  await expect(page.getByLabel(`Input of task ${taskId}`)).toContainText(handler('task').replace(/"/g, '\\"'));
  await expectInert(page, 'the tasks list');
  expect(await csp.cspViolations()).toEqual([]);
});
