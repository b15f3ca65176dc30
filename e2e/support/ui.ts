import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { password } from './stack';

/** Signs in through the login form and waits for the shell. */
export async function signIn(page: Page, user: string, options: { path?: string; pass?: string } = {}): Promise<void> {
  await page.goto(options.path ?? '/login');
  await page.getByLabel('Domain').fill('Default');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password', { exact: true }).fill(options.pass ?? password(user));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // Sign-in is three Keystone calls in a row; with the whole suite on two cores one of
  // them can wait a while, so allow a minute. A refusal fails at once, with its words.
  const shell = page.getByRole('navigation', { name: 'Main' });
  const refusal = page.getByRole('alert');
  await expect(shell.or(refusal).first()).toBeVisible({ timeout: 60_000 });
  if (!(await shell.isVisible())) throw new Error(`Sign-in as ${user} was refused: ${(await refusal.first().innerText()).trim()}`);
}

/** Fails the test on serious accessibility violations of the current page. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).disableRules(['color-contrast']).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

/**
 * Collects Content-Security-Policy violations three ways: the page's own
 * `securitypolicyviolation` events (recorded by a script that runs before the app), Chromium's
 * CSP issues (DevTools "Issues", which a caught violation such as an eval probe only shows
 * there), and console text. Call before the first navigation; read with `cspViolations()`.
 */
export async function watchCsp(page: Page): Promise<{ cspViolations: () => Promise<string[]> }> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const record: string[] = [];
    Object.assign(window, { __cspViolations: record });
    document.addEventListener('securitypolicyviolation', (event) => record.push(`${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`));
  });
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Audits.issueAdded', ({ issue }) => {
    if (issue.code === 'ContentSecurityPolicyIssue') seen.push(`issue: ${JSON.stringify(issue.details.contentSecurityPolicyIssueDetails)}`);
  });
  await cdp.send('Audits.enable');
  return {
    cspViolations: async () => {
      const events = await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []).catch(() => []);
      return [...seen, ...events.map((event) => `event: ${event}`)];
    },
  };
}
