import { expect, test } from '@playwright/test';
import { createImage, deleteImage, glance, projectToken, revoke, type Token } from './support/api';
import { uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// Another project shares an image; this project's member answers it in the UI, and the
// answer is checked against Glance itself.
let alice: Token;
let bob: Token;
const created: { owner: Token; id: string }[] = [];

test.beforeAll(async () => {
  alice = await projectToken('alice', 'alpha');
  bob = await projectToken('bob', 'beta');
});
test.afterAll(async () => {
  for (const { owner, id } of created) await deleteImage(owner, id);
  await revoke(alice.token);
  await revoke(bob.token);
});

async function shareImage(owner: Token, member: Token, name: string): Promise<string> {
  const image = await createImage(owner, { name, visibility: 'shared' });
  created.push({ owner, id: image.id });
  await glance(owner, `/v2/images/${image.id}/members`, { method: 'POST', json: { member: member.projectId }, expect: 200 });
  return image.id;
}

async function memberStatus(member: Token, imageId: string): Promise<string> {
  const { body } = await glance(member, `/v2/images/${imageId}/members/${member.projectId}`, { expect: 200 });
  return (body as { status: string }).status;
}

test('a member accepts an image shared with the project, then rejects it', async ({ page }) => {
  const name = uniqueName('share');
  const id = await shareImage(alice, bob, name);

  await signIn(page, 'bob');
  await page.goto('/shared');
  await expect(page.getByRole('heading', { level: 1, name: 'Shared with me' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Waiting for an answer' })).toHaveAttribute('aria-current', 'page');
  const pending = page.getByRole('row').filter({ hasText: name });
  await expect(pending).toContainText(alice.projectId);
  await expect(pending.getByRole('link', { name })).toHaveAttribute('href', `/images/${id}`);
  await expectAccessible(page);

  await pending.getByRole('button', { name: `Accept ${name}` }).click();
  await expect(pending).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: `Accepted ${name}` })).toBeVisible();
  await expect.poll(() => memberStatus(bob, id)).toBe('accepted');

  await page.getByRole('link', { name: 'Accepted', exact: true }).click();
  await expect(page).toHaveURL(/\/shared\?status=accepted$/);
  const accepted = page.getByRole('row').filter({ hasText: name });
  await expect(accepted.getByRole('button', { name: `Accept ${name}` })).toHaveCount(0);
  await accepted.getByRole('button', { name: `Reject ${name}` }).click();
  await expect(accepted).toHaveCount(0);
  await expect.poll(() => memberStatus(bob, id)).toBe('rejected');

  await page.getByRole('link', { name: 'Rejected', exact: true }).click();
  await expect(page.getByRole('row').filter({ hasText: name }).getByRole('button', { name: `Accept ${name}` })).toBeVisible();
  // The status survives a reload: it is in the URL.
  await page.reload();
  await expect(page.getByRole('link', { name: 'Rejected', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('row').filter({ hasText: name })).toBeVisible();
});

test('a reader sees what is shared with the project but cannot answer', async ({ page }) => {
  const name = uniqueName('share-ro');
  await shareImage(bob, alice, name);
  await signIn(page, 'rita');
  await page.goto('/shared');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText(bob.projectId);
  await expect(row.getByRole('button')).toHaveCount(0);
  await expect(page.getByText(/read-only: a project member can accept or reject/)).toBeVisible();
});
