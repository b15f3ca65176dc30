import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { glance, projectToken, revoke } from './support/api';
import { startServer } from './support/server';
import { password, seed } from './support/stack';
import { expectAccessible, signIn, watchCsp } from './support/ui';

async function sessionToken(page: import('@playwright/test').Page): Promise<string> {
  const raw = await page.evaluate(() => sessionStorage.getItem('loupe.session'));
  expect(raw, 'the session lives in sessionStorage').toBeTruthy();
  return (JSON.parse(raw ?? '{}') as { token: string }).token;
}

test('a project member signs in and sees the shell, under a strict CSP', async ({ page }) => {
  const csp = await watchCsp(page);
  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await expectAccessible(page);
  await signIn(page, 'alice');
  await expect(page).toHaveURL(/\/images/);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const name of ['Images', 'Shared with me', 'Metadata definitions']) await expect(nav.getByRole('link', { name })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Tasks' })).toHaveCount(0);
  await expect(page.getByTestId('role')).toHaveText('member');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(seed().projects.alpha ?? '');
  // No token outside sessionStorage.
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toContain(await sessionToken(page));
  await expectAccessible(page);
  expect(await csp.cspViolations()).toEqual([]);
});

test('an administrator gets the Tasks entry', async ({ page }) => {
  await signIn(page, 'admin');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' })).toBeVisible();
  await expect(page.getByTestId('role')).toHaveText('admin');
});

test('a reader is shown as read-only', async ({ page }) => {
  await signIn(page, 'rita');
  await expect(page.getByTestId('role')).toHaveText('reader');
});

test('a wrong password says so and keeps the form', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill('not-her-password');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong user name, password or domain');
  await expect(page.getByLabel('User name')).toHaveValue('alice');
});

test('empty fields are explained before anything is sent', async ({ page }) => {
  await page.goto('/login');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Enter your user name.')).toBeVisible();
  await expect(page.getByLabel('User name')).toHaveAttribute('aria-invalid', 'true');
});

test('a user without projects is told what to do', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('User name').fill('nina');
  await page.getByLabel('Password', { exact: true }).fill(password('nina'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('has no role on any project');
});

test('switching project changes scope and drops the other project’s data', async ({ page }) => {
  await signIn(page, 'alice');
  // Filtered by name: other specs add images to alpha while this one runs.
  await page.goto('/images?name=alpha-private');
  await expect(page.getByRole('link', { name: 'alpha-private' })).toBeVisible();
  const project = page.getByRole('combobox', { name: 'Project' });
  await project.selectOption({ label: 'beta' });
  await expect(project).toHaveValue(seed().projects.beta ?? '');
  await expect(page.getByRole('link', { name: 'beta-image' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'alpha-private' })).toHaveCount(0);
  // The new token really is scoped to beta.
  const token = await sessionToken(page);
  const images = await glance({ token, projectId: '', userId: '' }, '/v2/images?name=beta-image', { expect: 200 });
  expect((images.body as { images: unknown[] }).images).toHaveLength(1);
});

test('an application credential signs in to its project', async ({ page }) => {
  const credential = seed().application_credential;
  await page.goto('/login');
  await page.getByRole('tab', { name: 'Application credential' }).click();
  await page.getByLabel('Application credential ID').fill(credential.id);
  await page.getByLabel('Secret').fill(credential.secret);
  await page.getByRole('button', { name: 'Sign in with credential' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  const project = page.getByRole('combobox', { name: 'Project' });
  await expect(project).toHaveValue(seed().projects.alpha ?? '');
  await expect(project).toBeDisabled();
});

test('a token refused mid-page opens the re-login dialog and keeps the user where they were', async ({ page }) => {
  await signIn(page, 'alice', { path: '/login' });
  await page.getByRole('link', { name: 'Shared with me' }).click();
  // Let the page finish loading with the good token first.
  await expect(page.getByText('Nothing is waiting for you')).toBeVisible();
  const oldToken = await sessionToken(page);
  await revoke(oldToken);
  // The next call to Glance gets a 401.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Metadata definitions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your session has expired' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Password', { exact: true }).fill(password('alice'));
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/metadefs/);
  await expect(page.getByRole('link', { name: /libvirt/i }).first()).toBeVisible();
  expect(await sessionToken(page)).not.toBe(oldToken);
});

test('an expired token is caught on load, before any call fails', async ({ page }) => {
  await signIn(page, 'alice');
  await page.evaluate(() => {
    const session = JSON.parse(sessionStorage.getItem('loupe.session') ?? '{}') as { expiresAt: string };
    session.expiresAt = new Date(Date.now() - 1000).toISOString();
    sessionStorage.setItem('loupe.session', JSON.stringify(session));
  });
  await page.reload();
  await expect(page.getByRole('dialog', { name: 'Your session has expired' })).toBeVisible();
});

test('signing out revokes the token, and Back shows no cached data', async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/images?name=alpha-private');
  await page.getByRole('link', { name: 'alpha-private' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-private' })).toBeVisible();
  const token = await sessionToken(page);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  // Back returns to the image page's address, which now sends to the login form.
  await page.goBack();
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByText('alpha-private')).toHaveCount(0);
  expect(await page.evaluate(() => sessionStorage.getItem('loupe.session'))).toBeNull();
  // The revocation finishes in the background.
  await expect.poll(async () => (await glance({ token, projectId: '', userId: '' }, '/v2/images')).status).toBe(401);
});

test("after alice signs out and bob signs in, Back and Forward show nothing of alice's", async ({ page }) => {
  await signIn(page, 'alice');
  await page.goto('/images?name=alpha-private');
  await page.getByRole('link', { name: 'alpha-private' }).click();
  await expect(page.getByRole('heading', { name: 'alpha-private' })).toBeVisible();
  const imageUrl = page.url();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shared with me' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shared with me' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('User name').fill('bob');
  await page.getByLabel('Password', { exact: true }).fill(password('bob'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByTestId('role')).toHaveText('member');
  await expect(page.getByRole('combobox', { name: 'Project' })).toHaveValue(seed().projects.beta ?? '');
  // Every earlier entry, then forward again: bob's view or the login form, never alice's data.
  const visited: string[] = [];
  for (const move of ['back', 'back', 'back', 'forward', 'forward', 'forward'] as const) {
    await (move === 'back' ? page.goBack() : page.goForward());
    await expect(page.getByRole('main').or(page.getByRole('button', { name: 'Sign in', exact: true })).first()).toBeVisible();
    visited.push(page.url());
    // (The list's address keeps its name filter, shown as a chip: that is the URL, not alice's data.)
    await expect(page.getByRole('link', { name: 'alpha-private' })).toHaveCount(0);
    await expect(page.getByRole('heading', { name: 'alpha-private' })).toHaveCount(0);
    if (page.url() === imageUrl) await expect(page.getByRole('heading', { level: 1, name: 'Image not found' })).toBeVisible();
  }
  expect(visited, 'the walk went through the image page').toContain(imageUrl);
});

test('an invalid config.json gives a readable page, not a blank screen', async ({ page }) => {
  const file = join(tmpdir(), `loupe-bad-config-${process.pid}.json`);
  writeFileSync(file, JSON.stringify({ keystoneUrl: 'ftp://keystone.example/v3' }));
  const server = await startServer(18491, ['--config', file]);
  try {
    await page.goto(`${server.url}/login`);
    await expect(page.getByRole('heading', { name: 'Loupe is not configured correctly' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('keystoneUrl');
  } finally {
    server.stop();
  }
});

test('Keystone being down is named as such', async ({ page }) => {
  const server = await startServer(18492, ['--keystone', 'http://127.0.0.1:9/v3']);
  try {
    await page.goto(`${server.url}/login`);
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password', { exact: true }).fill('x');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('Keystone is not answering');
  } finally {
    server.stop();
  }
});

test('a token from the API helper works against the same stack', async () => {
  // Guards the fixtures every other spec relies on.
  const auth = await projectToken('alice', 'alpha');
  const { body } = await glance(auth, '/v2/images?limit=1', { expect: 200 });
  expect(Array.isArray((body as { images: unknown[] }).images)).toBe(true);
});

test('the shell shows the Glance API level and probed import methods', async ({ page }) => {
  const versions = (await (await fetch(`${seed().glance_url}/versions`)).json()) as { versions: { id: string }[] };
  const level = Math.max(...versions.versions.map((version) => Number(/^v2\.(\d+)$/.exec(version.id)?.[1] ?? -1)));
  await signIn(page, 'alice');
  await expect(page.getByTestId('glance-api-level')).toHaveText(`v2.${level}`);
  await expect(page.getByText(/Import: .*web-download/)).toBeVisible();
  await expect(page.getByText('Stores: single store')).toBeVisible();
});

test('after signing in, the user lands on the page that asked for a login', async ({ page }) => {
  await page.goto('/shared?status=accepted');
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel('User name').fill('alice');
  await page.getByLabel('Password', { exact: true }).fill(password('alice'));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/shared\?status=accepted$/);
});
