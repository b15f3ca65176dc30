import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { basePathOf } from '@/config/base-path';
import { afterLogin, paths } from '@/config/paths';
import { RequireSession } from '@/app/require-session';
import { NotFound, RouteError } from '@/app/route-error';
import { Shell } from '@/app/shell';
import type { ComponentType } from 'react';
import { LoginPage } from '@/features/auth';
import { loadImageDetailPage, loadImagesPage } from '@/features/images/pages';
import { loadSharedWithMePage } from '@/features/members/pages';
import { loadNamespaceCreatePage, loadNamespacePage, loadNamespacesPage } from '@/features/metadefs/pages';
import { loadTasksPage } from '@/features/tasks/pages';
import { useSessionState } from '@/lib/session';
import { Spinner } from '@/components/ui/states';

function LoginRoute() {
  const { session, expired } = useSessionState();
  const returnTo = afterLogin(useLocation().state);
  // Signed in (just now, or already): go back to the page that asked for a login.
  if (session && !expired) return <Navigate to={returnTo} replace />;
  return <LoginPage />;
}

/** A lazy route: the page's chunk loads on first visit, so the login page ships without it. */
const lazyPage = (load: () => Promise<ComponentType>) => async () => ({ Component: await load() });

export function createRouter() {
  return createBrowserRouter(
    [
      { path: paths.login, element: <LoginRoute />, errorElement: <RouteError /> },
      {
        element: <RequireSession />,
        errorElement: <RouteError />,
        // What shows while the first page's lazy chunk loads (React Router warns without one).
        hydrateFallbackElement: <Spinner label="Loading Loupe" />,
        children: [
          {
            element: <Shell />,
            children: [
              {
                errorElement: <RouteError />,
                children: [
                  { index: true, element: <Navigate to={paths.images} replace /> },
                  { path: paths.images, lazy: lazyPage(loadImagesPage) },
                  { path: paths.imagePattern, lazy: lazyPage(loadImageDetailPage) },
                  { path: paths.sharedWithMe, lazy: lazyPage(loadSharedWithMePage) },
                  { path: paths.metadefs, lazy: lazyPage(loadNamespacesPage) },
                  { path: paths.metadefNamespacePattern, lazy: lazyPage(loadNamespacePage) },
                  { path: paths.metadefCreate, lazy: lazyPage(loadNamespaceCreatePage) },
                  { path: paths.tasks, lazy: lazyPage(loadTasksPage) },
                  { path: '*', element: <NotFound /> },
                ],
              },
            ],
          },
        ],
      },
    ],
    // Under a sub-path (<base href="/loupe/">) every route lives below it.
    { basename: basePathOf(document.baseURI) || '/' },
  );
}
