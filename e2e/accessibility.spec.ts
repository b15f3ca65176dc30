import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { seed } from './support/stack';
import { signIn } from './support/ui';

// Every main page in both themes, scanned by axe with color contrast on, and photographed at
// 1280×800 and 1024×768 (kept as test artifacts: look at them; at 1024 nothing may overflow
// sideways). Runs as admin, who sees every page.
const NAMESPACE = 'OS::Compute::Libvirt';

interface Stop {
  name: string;
  visit: (page: Page) => Promise<void>;
}

const STOPS: Stop[] = [
  { name: 'images', visit: async (page) => void (await page.getByRole('table', { name: 'Images' }).locator('tbody tr').first().waitFor()) },
  {
    name: 'create-image',
    visit: async (page) => {
      await page.getByRole('button', { name: 'Create image' }).click();
      await page.getByRole('dialog').or(page.getByRole('form')).first().waitFor();
    },
  },
  { name: 'image-detail', visit: async (page) => void (await page.goto(`/images/${seed().images['cirros-demo'] ?? ''}`), await page.getByRole('heading', { level: 1, name: 'cirros-demo' }).waitFor()) },
  { name: 'image-edit', visit: async (page) => void (await page.getByRole('button', { name: 'Edit' }).click(), await page.getByRole('textbox', { name: 'Name' }).waitFor()) },
  { name: 'shared-with-me', visit: async (page) => void (await page.goto('/shared'), await page.getByRole('heading', { level: 1, name: 'Shared with me' }).waitFor()) },
  { name: 'metadefs', visit: async (page) => void (await page.goto('/metadefs'), await page.getByRole('table', { name: 'Namespaces' }).waitFor()) },
  { name: 'namespace-properties', visit: async (page) => void (await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}/properties`), await page.getByRole('table', { name: 'Properties' }).waitFor()) },
  { name: 'namespace-overview-edit', visit: async (page) => void (await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}`), await page.getByRole('button', { name: 'Edit namespace' }).click(), await page.getByRole('form', { name: 'Edit namespace' }).waitFor()) },
  {
    name: 'property-editor',
    visit: async (page) => {
      await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}/properties`);
      await page.getByRole('button', { name: 'Add property' }).click();
      await page.getByRole('region', { name: 'New property' }).or(page.getByRole('form', { name: 'New property' })).first().waitFor();
    },
  },
  { name: 'namespace-objects', visit: async (page) => void (await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}/objects`), await page.getByRole('heading', { name: 'Objects' }).waitFor()) },
  { name: 'namespace-json', visit: async (page) => void (await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}/json`), await page.getByRole('heading', { name: 'JSON' }).waitFor()) },
  { name: 'namespace-create', visit: async (page) => void (await page.goto('/new/metadef-namespace'), await page.getByRole('form', { name: 'New namespace' }).waitFor()) },
  { name: 'namespace-tags', visit: async (page) => void (await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}/tags`), await page.getByLabel('New tags').waitFor()) },
  { name: 'namespace-resource-types', visit: async (page) => void (await page.goto(`/metadefs/${encodeURIComponent(NAMESPACE)}/resource-types`), await page.getByRole('table', { name: 'Resource type associations' }).waitFor()) },
  { name: 'tasks', visit: async (page) => void (await page.goto('/tasks'), await page.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor()) },
];

for (const theme of ['light', 'dark'] as const) {
  test(`every main page passes axe with color contrast, ${theme} theme`, async ({ page }, testInfo) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    await signIn(page, 'admin');
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(theme === 'dark');
    const found: string[] = [];
    for (const stop of STOPS) {
      await stop.visit(page);
      const results = await new AxeBuilder({ page }).analyze();
      for (const violation of results.violations.filter((entry) => entry.impact === 'serious' || entry.impact === 'critical')) {
        found.push(`${stop.name}: ${violation.id}: ${violation.nodes.map((node) => `${node.target.join(' ')} (${node.any[0]?.message ?? ''})`).join('; ')}`);
      }
      await page.screenshot({ path: testInfo.outputPath(`${theme}-${stop.name}.png`), fullPage: true });
      // The smaller screen: nothing may push the page sideways.
      await page.setViewportSize({ width: 1024, height: 768 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) found.push(`${stop.name}: ${overflow} px wider than a 1024 px window`);
      await page.screenshot({ path: testInfo.outputPath(`${theme}-${stop.name}-1024.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    expect(found).toEqual([]);
  });
}
