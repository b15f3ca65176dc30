import { defineConfig } from '@playwright/test';

// e2e runs against the real local Keystone + Glance (scripts/stack.sh), through the
// same production server that `npm start` uses (scripts/serve.mjs).
const port = Number(process.env.LOUPE_E2E_PORT ?? 18480);

export default defineConfig({
  testDir: 'e2e',
  // LOUPE_E2E_OUTPUT lets parallel runs keep their artifacts apart.
  outputDir: process.env.LOUPE_E2E_OUTPUT ?? 'test-results/artifacts',
  timeout: 90_000,
  // Generous: Glance here is one eventlet process on sqlite, shared by two workers.
  expect: { timeout: 20_000 },
  fullyParallel: true,
  // A stray test.only must not pass CI by running one test.
  forbidOnly: !!process.env.CI,
  workers: process.env.LOUPE_E2E_WORKERS ? Number(process.env.LOUPE_E2E_WORKERS) : 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.LOUPE_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${port} --no-build`,
    url: `http://127.0.0.1:${port}/config.json`,
    reuseExistingServer: true,
    timeout: 90_000,
  },
});
