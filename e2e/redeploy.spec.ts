import { cpSync, mkdtempSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer } from './support/server';
import { signIn } from './support/ui';

// A redeploy under an open tab, for real: a copy of the bundle served by its own serve.mjs,
// whose lazy chunks are then taken away as a new deployment would. The tab must offer a
// reload that keeps its place, not an error page.

const port = Number(process.env.LOUPE_E2E_PORT ?? 18480) + 20;

test('a tab open across a redeploy that removed its chunks offers a reload that keeps its place', async ({ page }) => {
  const dist = mkdtempSync(join(tmpdir(), 'loupe-redeploy-'));
  cpSync('dist', dist, { recursive: true });
  const server = await startServer(port, ['--dist', dist]);
  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  try {
    await signIn(page, 'admin', { path: `${server.url}/login` });
    // The tasks page's chunk (and its copies) disappear, as after a deploy of a newer build.
    const assets = join(dist, 'assets');
    const removed = readdirSync(assets).filter((name) => name.startsWith('tasks-page-'));
    expect(removed.length, 'the tasks page is a chunk of its own').toBeGreaterThan(0);
    for (const name of removed) renameSync(join(assets, name), join(dist, name));

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Loupe has been updated' })).toBeVisible();
    await expect(page).toHaveURL(/\/tasks$/);

    // The new deployment is complete: the reload lands on the same page, working.
    for (const name of removed) renameSync(join(dist, name), join(assets, name));
    await page.getByRole('button', { name: 'Reload this page' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    await expect(page).toHaveURL(/\/tasks$/);
    // A deep-link load of a lazy page: React Router has a fallback to show meanwhile.
    expect(warnings.filter((text) => /HydrateFallback/.test(text))).toEqual([]);
  } finally {
    server.stop();
    rmSync(dist, { recursive: true, force: true });
  }
});
