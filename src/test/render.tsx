import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { Toaster } from '@/components/ui/toast';

export interface RenderOptions {
  /** Where the memory router starts: path, search and hash. Defaults to `path`, or `/`. */
  url?: string;
  /** The route pattern a single element is mounted at (`/images/:id`). Defaults to the url's path. */
  path?: string;
  /** Renders the toast outlet beside the page, as the app does. Toasts outlive a render: dismiss them after each test. */
  toaster?: boolean;
}

/** A QueryClient for one test: a failure shows at once (no retries), and nothing is collected mid-test. */
export function createTestQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

/**
 * Renders an element (or a set of routes) the way the app does: under a fresh QueryClient and
 * a data router (so loaders, blockers and useSearchParams work), started at `url`.
 * Returns the render result with the client and the router, to read the URL a test caused.
 */
export function renderWithProviders(ui: ReactElement | RouteObject[], { url, path, toaster = false }: RenderOptions = {}) {
  const start = url ?? path ?? '/';
  const routes = Array.isArray(ui) ? ui : [{ path: path ?? new URL(start, 'http://loupe.test').pathname, element: ui }];
  const client = createTestQueryClient();
  const router = createMemoryRouter(routes, { initialEntries: [start] });
  const result = render(
    <QueryClientProvider client={client}>
      <RouterProvider router={router} />
      {toaster && <Toaster />}
    </QueryClientProvider>,
  );
  return { ...result, client, router };
}
