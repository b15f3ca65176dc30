import { statSync } from 'node:fs';
import { expect as baseExpect, test, type Browser, type Page } from '@playwright/test';
import { createImage, deleteImage, glance, projectToken, revoke, uploadData, type Token } from './support/api';
import { seed, uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// Sharing from both ends with the two real projects: alice (alpha) shares, bob (beta) answers.
// Every step the UI takes is checked against Glance itself.

// The image page opens with a burst of ~35 metadata-namespace reads that one eventlet Glance serves
// in turn; on a busy machine a member read or write queued behind them (6 connections per host) can wait a minute and more.
const expect = baseExpect.configure({ timeout: 120_000 });
test.describe.configure({ timeout: 360_000 });
let alice: Token;
let bob: Token;
let admin: Token;
const created: string[] = [];

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
  bob = await projectToken('bob', 'beta');
  admin = await projectToken('admin', 'admin');
});
test.afterAll(async () => {
  for (const id of created) await deleteImage(alice, id);
  for (const token of [alice, bob, admin]) await revoke(token.token);
});

async function aliceImage(prefix: string, fields: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const name = uniqueName(prefix);
  const image = await createImage(alice, { name, visibility: 'shared', ...fields });
  created.push(image.id);
  return { id: image.id, name };
}

async function members(id: string): Promise<{ member_id: string; status: string }[]> {
  const { body } = await glance(alice, `/v2/images/${id}/members`, { expect: 200 });
  return (body as { members: { member_id: string; status: string }[] }).members;
}

async function bobStatus(id: string): Promise<number | string> {
  const { status, body } = await glance(bob, `/v2/images/${id}/members/${bob.projectId}`);
  return status === 200 ? (body as { status: string }).status : status;
}

/** Images waiting for beta's answer, as Glance lists them for bob (beta's own shared images left out). */
async function bobPendingCount(): Promise<number> {
  const { body } = await glance(bob, '/v2/images?visibility=shared&member_status=pending&limit=1000', { expect: 200 });
  return (body as { images: { owner: string }[] }).images.filter((image) => image.owner !== bob.projectId).length;
}

async function pageAs(browser: Browser, user: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const page = await context.newPage();
  // Headless Chromium cannot answer the save dialog: downloads take the browser-download path
  // that browsers without showSaveFilePicker get (transfers-download.spec covers both paths).
  await page.addInitScript(() => Object.defineProperty(window, 'showSaveFilePicker', { value: undefined, configurable: true }));
  await signIn(page, user);
  return page;
}

async function addByName(page: Page, projects: string, submit: 'Add' | 'Make shared and add' = 'Add') {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Projects').fill(projects);
  await dialog.getByRole('button', { name: submit, exact: true }).click();
}

const membersTable = (page: Page, name: string) => page.getByRole('table', { name: `Members of ${name}` });

test('alice shares an image with beta; bob sees it waiting with the badge, accepts it, finds it in his list and downloads it', async ({ page, browser }) => {
  const { id, name } = await aliceImage('share');
  await uploadData(alice, id, new Uint8Array(3 * 1024).fill(7));

  await signIn(page, 'alice');
  await page.goto(`/images/${id}`);
  const section = page.getByRole('region', { name: 'Members' });
  await expect(section.getByText('Not shared with any project yet.')).toBeVisible();
  await section.getByRole('button', { name: 'Add members…' }).click();
  await addByName(page, 'beta');
  await expect(page.getByRole('status').filter({ hasText: `Shared ${name} with beta` })).toBeVisible();
  await expect.poll(() => members(id)).toEqual([expect.objectContaining({ member_id: bob.projectId, status: 'pending' })]);
  const row = membersTable(page, name).getByRole('row').filter({ hasText: 'beta' });
  await expect(row).toContainText(bob.projectId);
  await expect(row).toContainText('waiting for an answer');
  await expectAccessible(page);

  const before = await bobPendingCount();
  const bobPage = await pageAs(browser, 'bob');
  const inbox = bobPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Shared with me/ });
  // Other specs share with beta too: the badge shows what Glance listed when it was read.
  await expect(inbox).toHaveAccessibleName(/, \d+ waiting for an answer$/);
  const badge = Number(/, (\d+) waiting/.exec((await inbox.textContent()) ?? '')?.[1]);
  const after = await bobPendingCount();
  expect(badge).toBeGreaterThanOrEqual(Math.min(before, after));
  expect(badge).toBeLessThanOrEqual(Math.max(before, after));

  await inbox.click();
  const pending = bobPage.getByRole('row').filter({ hasText: name });
  await expect(pending).toContainText(alice.projectId);
  await pending.getByRole('button', { name: `Accept ${name}` }).click();
  await expect.poll(() => bobStatus(id)).toBe('accepted');

  await bobPage.goto(`/images?name=${encodeURIComponent(name)}`);
  await expect(bobPage.getByRole('table', { name: 'Images' }).getByRole('link', { name })).toBeVisible();
  await bobPage.getByLabel(`Actions for ${name}`).click();
  const download = bobPage.waitForEvent('download');
  await bobPage.getByRole('menuitem', { name: 'Download' }).click();
  const file = await download;
  expect(statSync(await file.path()).size).toBe(3 * 1024);
  await bobPage.context().close();
});

test('bob rejects a share from the image page and it leaves his list; then he accepts it again', async ({ page }) => {
  const { id, name } = await aliceImage('mind');
  await glance(alice, `/v2/images/${id}/members`, { method: 'POST', json: { member: bob.projectId }, expect: 200 });
  await glance(bob, `/v2/images/${id}/members/${bob.projectId}`, { method: 'PUT', json: { status: 'accepted' }, expect: 200 });

  await signIn(page, 'bob');
  await page.goto(`/images/${id}`);
  const panel = page.getByRole('region', { name: 'Shared with you' });
  await expect(panel).toContainText(`Shared with you by ${alice.projectId}`);
  await expect(panel).toContainText('accepted');
  await panel.getByRole('button', { name: 'Reject' }).click();
  await expect(panel).toContainText('rejected');
  await expect.poll(() => bobStatus(id)).toBe('rejected');

  await page.goto(`/images?name=${encodeURIComponent(name)}`);
  await expect(page.getByText(/No images match/)).toBeVisible();
  await expect(page.getByRole('link', { name })).toHaveCount(0);

  await page.goto(`/images/${id}`);
  await page.getByRole('region', { name: 'Shared with you' }).getByRole('button', { name: 'Accept' }).click();
  await expect.poll(() => bobStatus(id)).toBe('accepted');
  await page.goto(`/images?name=${encodeURIComponent(name)}`);
  await expect(page.getByRole('table', { name: 'Images' }).getByRole('link', { name })).toBeVisible();
});

test('alice removes beta after confirming, and bob no longer sees the image', async ({ page, browser }) => {
  const { id, name } = await aliceImage('remove');
  await glance(alice, `/v2/images/${id}/members`, { method: 'POST', json: { member: bob.projectId }, expect: 200 });
  await glance(bob, `/v2/images/${id}/members/${bob.projectId}`, { method: 'PUT', json: { status: 'accepted' }, expect: 200 });

  await signIn(page, 'alice');
  await page.goto(`/images/${id}`);
  await membersTable(page, name).getByRole('button', { name: 'Remove beta' }).click();
  const dialog = page.getByRole('dialog', { name: `Remove beta from ${name}?` });
  await expect(dialog.getByRole('list', { name: 'Projects to remove' })).toHaveText('beta');
  await dialog.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Removed beta from ${name}` })).toBeVisible();
  await expect.poll(() => members(id)).toEqual([]);
  await expect(page.getByText('Not shared with any project yet.')).toBeVisible();

  const bobPage = await pageAs(browser, 'bob');
  expect(await bobStatus(id)).toBe(404);
  await bobPage.goto(`/images?name=${encodeURIComponent(name)}`);
  await expect(bobPage.getByText(/No images match/)).toBeVisible();
  await bobPage.goto(`/images/${id}`);
  await expect(bobPage.getByRole('heading', { name: 'Image not found' })).toBeVisible();
  await bobPage.context().close();
});

test('sharing a private image explains visibility and switches it to shared in the same step', async ({ page }) => {
  const { id, name } = await aliceImage('private', { visibility: 'private' });
  await signIn(page, 'alice');
  await page.goto(`/images/${id}`);
  const section = page.getByRole('region', { name: 'Members' });
  await expect(section).toContainText('Only an image with visibility shared can have members. It is private');
  await section.getByRole('button', { name: 'Share with projects…' }).click();
  const dialog = page.getByRole('dialog', { name: `Share ${name}` });
  await expect(dialog.getByRole('note')).toContainText(`${name} is private`);
  await addByName(page, 'beta', 'Make shared and add');
  await expect(page.getByRole('status').filter({ hasText: `Shared ${name} with beta` })).toBeVisible();
  const image = (await glance(alice, `/v2/images/${id}`, { expect: 200 })).body as { visibility: string };
  expect(image.visibility).toBe('shared');
  expect(await members(id)).toEqual([expect.objectContaining({ member_id: bob.projectId, status: 'pending' })]);
  await expect(membersTable(page, name).getByRole('row').filter({ hasText: 'beta' })).toBeVisible();
});

test('adding beta when it is already a member shows Glance’s 409 as “already a member”', async ({ page }) => {
  const { id, name } = await aliceImage('twice');
  await signIn(page, 'alice');
  await page.goto(`/images/${id}`);
  await expect(page.getByText('Not shared with any project yet.')).toBeVisible();
  // Added behind the page's back: the page still lists no member, so the add reaches Glance.
  await glance(alice, `/v2/images/${id}/members`, { method: 'POST', json: { member: bob.projectId }, expect: 200 });
  await page.getByRole('button', { name: 'Add members…' }).click();
  await addByName(page, 'beta');
  const results = page.getByRole('dialog').getByRole('list', { name: 'Results per project' });
  await expect(results).toHaveText('beta: beta is already a member of this image.');
  await expect(page.getByRole('dialog')).toContainText('Nothing was changed.');
  expect(await members(id)).toHaveLength(1);
  // The failed project is back in the field; the list now shows it, so sending it again is refused before Glance.
  await page.getByRole('dialog').getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('dialog').getByText(/beta is already a member of this image\./).first()).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await expect(membersTable(page, name).getByRole('row').filter({ hasText: 'beta' })).toBeVisible();
});

test('bob is offered no member controls on alice’s image, and Glance refuses him anyway', async ({ page }) => {
  const { id, name } = await aliceImage('nocontrols');
  await glance(alice, `/v2/images/${id}/members`, { method: 'POST', json: { member: bob.projectId }, expect: 200 });
  await signIn(page, 'bob');
  await page.goto(`/images/${id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Shared with you' })).toContainText('waiting for an answer');
  await expect(page.getByRole('region', { name: 'Members' })).toHaveCount(0);
  for (const label of [/Add members/, /Share with projects/, /^Remove/, /^Edit$/, /^Delete/]) await expect(page.getByRole('button', { name: label })).toHaveCount(0);
  const add = await glance(bob, `/v2/images/${id}/members`, { method: 'POST', json: { member: seed().projects.admin } });
  const remove = await glance(bob, `/v2/images/${id}/members/${bob.projectId}`, { method: 'DELETE' });
  expect([add.status, remove.status]).toEqual([403, 403]);
  await expectAccessible(page);
});

test('an admin adds a member to an image of alpha', async ({ page }) => {
  const { id, name } = await aliceImage('admin');
  await signIn(page, 'admin');
  await page.goto(`/images/${id}`);
  await page.getByRole('region', { name: 'Members' }).getByRole('button', { name: 'Add members…' }).click();
  await addByName(page, 'beta');
  await expect(page.getByRole('status').filter({ hasText: `Shared ${name} with beta` })).toBeVisible();
  expect(await members(id)).toEqual([expect.objectContaining({ member_id: bob.projectId, status: 'pending' })]);
  await expect(membersTable(page, name).getByRole('row').filter({ hasText: 'beta' })).toContainText('waiting for an answer');
});

test('an admin’s Shared with me lists only images its project is a member of, owners by name', async ({ page }) => {
  const notMember = await aliceImage('adm-none');
  const member = await aliceImage('adm-member');
  await glance(alice, `/v2/images/${member.id}/members`, { method: 'POST', json: { member: admin.projectId }, expect: 200 });
  await signIn(page, 'admin');
  await page.goto('/shared');
  const row = page.getByRole('row').filter({ hasText: member.name });
  await expect(row).toBeVisible();
  await expect(row).toContainText('alpha');
  await expect(row).not.toContainText(alice.projectId);
  await expect(page.getByRole('row').filter({ hasText: notMember.name })).toHaveCount(0);
  await row.getByRole('button', { name: `Accept ${member.name}` }).click();
  await expect.poll(async () => ((await glance(admin, `/v2/images/${member.id}/members/${admin.projectId}`, { expect: 200 })).body as { status: string }).status).toBe('accepted');
});

test('an admin filters the catalogue by member status across projects, which Glance alone ignores for admins', async ({ page }) => {
  const tag = uniqueName('mstatus');
  const pending = await aliceImage('ms-pending', { tags: [tag] });
  const accepted = await aliceImage('ms-accepted', { tags: [tag] });
  const noMembers = await aliceImage('ms-none', { tags: [tag] });
  for (const image of [pending, accepted]) await glance(alice, `/v2/images/${image.id}/members`, { method: 'POST', json: { member: bob.projectId }, expect: 200 });
  await glance(bob, `/v2/images/${accepted.id}/members/${bob.projectId}`, { method: 'PUT', json: { status: 'accepted' }, expect: 200 });
  // Glance itself hands an admin every tagged image whatever member_status says.
  const { body } = await glance(admin, `/v2/images?tag=${tag}&member_status=pending`, { expect: 200 });
  baseExpect((body as { images: unknown[] }).images).toHaveLength(3);

  await signIn(page, 'admin');
  await page.goto(`/images?view=all&tag=${tag}`);
  const rows = page.getByRole('table').getByRole('row');
  const shownNames = async () => (await rows.filter({ hasText: 'e2e-ms-' }).allInnerTexts()).map((text) => /e2e-ms-\S+/.exec(text)?.[0]).sort();
  await expect.poll(shownNames).toEqual([accepted.name, noMembers.name, pending.name].sort());
  // The URL carries a filter, so the filter panel is open already.
  await expect(page.getByRole('button', { name: 'Filters', exact: true })).toHaveAttribute('aria-expanded', 'true');
  await page.getByLabel('Member status', { exact: true }).selectOption('pending');
  await expect.poll(shownNames).toEqual([pending.name]);
  await expect(page.getByRole('status').filter({ hasText: 'Loupe read the members of 3 shared images' })).toBeVisible();
  // What the page shows is what the members say.
  baseExpect((await members(pending.id)).map((member) => member.status)).toEqual(['pending']);
  await page.getByLabel('Member status', { exact: true }).selectOption('all');
  await expect.poll(shownNames).toEqual([accepted.name, pending.name].sort());
  baseExpect(await members(noMembers.id)).toEqual([]);
});
