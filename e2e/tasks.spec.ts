import { expect, test } from '@playwright/test';
import { deleteImage, glance, projectToken, revoke, type Token } from './support/api';
import { seed, uniqueName } from './support/stack';
import { expectAccessible, signIn } from './support/ui';

// The local stack serves fixture files on loopback (scripts/stack.sh); an import task reads one.
const fixtures = (seed().fixtures_url as string | undefined) ?? 'http://127.0.0.1:19080';

interface ApiTask {
  id: string;
  status: string;
  result?: { image_id?: string } | null;
}

async function waitForTask(admin: Token, id: string): Promise<ApiTask> {
  for (let attempt = 0; attempt < 60; attempt += 1) {
    const task = (await glance(admin, `/v2/tasks/${id}`, { expect: 200 })).body as ApiTask;
    if (task.status === 'success' || task.status === 'failure') return task;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`task ${id} did not finish`);
}

test('an administrator sees an import task, its status and its input', async ({ page }) => {
  const admin = await projectToken('admin', 'admin');
  const name = uniqueName('task');
  const { body } = await glance(admin, '/v2/tasks', {
    method: 'POST',
    json: {
      type: 'import',
      input: {
        import_from: `${fixtures}/small.raw`,
        import_from_format: 'raw',
        image_properties: { name, disk_format: 'raw', container_format: 'bare' },
      },
    },
    expect: 201,
  });
  const task = body as ApiTask;
  try {
    await signIn(page, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Tasks' })).toBeVisible();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: task.id, exact: true }) });
    await expect(row).toContainText('import');
    await expect(row).toContainText(admin.projectId);
    // The list refreshes itself while the task runs.
    await expect(row.getByText('success', { exact: true })).toBeVisible({ timeout: 30_000 });

    await row.getByRole('button', { name: `Details of task ${task.id}` }).click();
    await expect(page.getByLabel(`Input of task ${task.id}`)).toContainText(`"name": "${name}"`);
    await expect(page.getByLabel(`Result of task ${task.id}`)).toContainText('"image_id"');
    await expectAccessible(page);

    // Filters and sort go to the URL and to Glance.
    await page.getByLabel('Status').selectOption('success');
    await page.getByLabel('Type').selectOption('import');
    await expect(page).toHaveURL(/status=success&type=import/);
    await expect(page.getByRole('cell', { name: task.id, exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Created' }).click();
    await expect(page).toHaveURL(/sort_dir=asc/);
    await expect(page.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'ascending');
  } finally {
    const done = await waitForTask(admin, task.id).catch(() => undefined);
    if (done?.result?.image_id) await deleteImage(admin, done.result.image_id);
    await revoke(admin.token);
  }
});

test('a project member has no Tasks entry, and the page says why', async ({ page }) => {
  await signIn(page, 'alice');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tasks' })).toHaveCount(0);
  await page.goto('/tasks');
  await expect(page.getByRole('alert')).toContainText('Only administrators can see tasks');
  await expectAccessible(page);
});
