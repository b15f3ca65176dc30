import { defineConfig } from '@playwright/test';

// e2e runs against the real local Keystone + Glance (scripts/stack.sh), through the
// same production server that `npm start` uses (scripts/serve.mjs).
// Two projects: every spec runs against the default (single-store) stack, except
// *.multi.spec.ts, which runs against the multi-store stack (`scripts/stack.sh up --multi`),
// served on its own port. A test reads its stack's seed through its project's metadata.stack.
const port = Number(process.env.LOUPE_E2E_PORT ?? 18480);
const multiPort = Number(process.env.LOUPE_E2E_MULTI_PORT ?? port + 1);
// scripts/stack.sh's rule for the multi stack's ports: LOUPE_MULTI_*_PORT, else the default's + 100.
const multiStackPort = (service: 'KEYSTONE' | 'GLANCE', fallback: number) =>
  process.env[`LOUPE_MULTI_${service}_PORT`] ?? String(Number(process.env[`LOUPE_${service}_PORT`] ?? fallback) + 100);
const MULTI_SPECS = /\.multi\.spec\.ts$/;

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
  projects: [
    { name: 'single-store', testIgnore: MULTI_SPECS, use: { baseURL: `http://127.0.0.1:${port}` }, metadata: { stack: '.stack' } },
    { name: 'multi-store', testMatch: MULTI_SPECS, use: { baseURL: `http://127.0.0.1:${multiPort}` }, metadata: { stack: '.stack-multi' } },
  ],
  use: {
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
  webServer: [
    {
      command: `node scripts/serve.mjs --port ${port} --no-build`,
      url: `http://127.0.0.1:${port}/config.json`,
      reuseExistingServer: true,
      timeout: 90_000,
    },
    {
      command: `node scripts/serve.mjs --port ${multiPort} --no-build`,
      env: { LOUPE_KEYSTONE_PORT: multiStackPort('KEYSTONE', 15000), LOUPE_GLANCE_PORT: multiStackPort('GLANCE', 19292) },
      url: `http://127.0.0.1:${multiPort}/config.json`,
      reuseExistingServer: true,
      timeout: 90_000,
    },
  ],
});
