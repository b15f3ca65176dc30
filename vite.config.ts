import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the APIs like the production server does (scripts/serve.mjs),
// so the same public/config.json works in both.
const keystonePort = process.env.LOUPE_KEYSTONE_PORT ?? '15000';
const glancePort = process.env.LOUPE_GLANCE_PORT ?? '19292';

export default defineConfig({
  plugins: [react(), tailwindcss()],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // zod with its JIT off, set before any schema is built (see src/lib/zod-setup.ts).
      { find: /^zod$/, replacement: fileURLToPath(new URL('./src/lib/zod-setup.ts', import.meta.url)) },
    ],
  },
  server: {
    proxy: {
      '/keystone': { target: `http://127.0.0.1:${keystonePort}`, rewrite: (p) => p.replace(/^\/keystone/, '') },
      '/glance': { target: `http://127.0.0.1:${glancePort}`, rewrite: (p) => p.replace(/^\/glance/, '') },
    },
  },
  build: { sourcemap: true, target: 'es2022' },
  test: {
    environment: 'jsdom',
    // scripts/ tests run in node (each says so with `// @vitest-environment node`).
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.mjs'],
    // jsdom's missing modal dialogs, and cleanup after every test.
    setupFiles: ['src/test/setup.ts'],
    // A stray `.only` must not pass CI by running one test.
    allowOnly: !process.env.CI,
    restoreMocks: true,
    // Page-level tests render the whole list page; on a loaded 2-core machine 5 s is too tight.
    testTimeout: 15_000,
  },
});
