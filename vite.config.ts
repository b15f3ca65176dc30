import { readFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vitest/config';
import { precompress } from './scripts/precompress.mjs';

// `npm run dev` proxies the APIs like the production server does (scripts/serve.mjs) and
// serves scripts/dev-config.json as /config.json. The build ships no config.json: each
// deployment writes its own (README, "Runtime configuration").
const keystonePort = process.env.LOUPE_KEYSTONE_PORT ?? '15000';
const glancePort = process.env.LOUPE_GLANCE_PORT ?? '19292';

/** Serves the local stack's config.json to the dev server only. */
const devConfig = (): Plugin => ({
  name: 'loupe-dev-config',
  apply: 'serve',
  configureServer(server) {
    server.middlewares.use('/config.json', (_request, response) => {
      response.setHeader('Content-Type', 'application/json');
      response.end(readFileSync(new URL('./scripts/dev-config.json', import.meta.url)));
    });
  },
});

export default defineConfig({
  plugins: [react(), tailwindcss(), precompress(), devConfig()],
  // Relative asset URLs: resolved against index.html's <base href>, so one build serves any path.
  base: './',
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
  // Source maps are opt-in (LOUPE_SOURCEMAPS=1), so a deployment does not publish its sources by default.
  build: { sourcemap: process.env.LOUPE_SOURCEMAPS === '1', target: 'es2022' },
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
