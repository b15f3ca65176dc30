import { createBrowserRouter, Navigate, useLocation } from 'react-router';
import { paths } from '@/config/paths';
import { RequireSession } from '@/app/require-session';
import { NotFound, RouteError } from '@/app/route-error';
import { Shell } from '@/app/shell';
import { LoginPage } from '@/features/auth/components/login-page';
import { useSessionState } from '@/lib/session';

function LoginRoute() {
  const { session, expired } = useSessionState();
  const from = (useLocation().state as { from?: string } | null)?.from;
  // Signed in (just now, or already): go back to the page that asked for a login.
  if (session && !expired) return <Navigate to={from && from !== paths.login ? from : paths.images} replace />;
  return <LoginPage />;
}

// Feature pages load lazily: the login page ships without them.
export function createRouter() {
  return createBrowserRouter([
    { path: paths.login, element: <LoginRoute />, errorElement: <RouteError /> },
    {
      element: <RequireSession />,
      errorElement: <RouteError />,
      children: [
        {
          element: <Shell />,
          children: [
            {
              errorElement: <RouteError />,
              children: [
                { index: true, element: <Navigate to={paths.images} replace /> },
                { path: paths.images, lazy: () => import('@/app/routes/images') },
                { path: paths.imagePattern, lazy: () => import('@/app/routes/image-detail') },
                { path: paths.sharedWithMe, lazy: () => import('@/app/routes/shared-with-me') },
                { path: paths.metadefs, lazy: () => import('@/app/routes/metadefs') },
                { path: paths.metadefNamespacePattern, lazy: () => import('@/app/routes/metadef-namespace') },
                { path: paths.tasks, lazy: () => import('@/app/routes/tasks') },
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
