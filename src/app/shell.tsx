import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { NavLink, Outlet } from 'react-router';
import { cn } from '@/components/ui/cn';
import { Spinner } from '@/components/ui/states';
import { paths } from '@/config/paths';
import { ReloginDialog, ScopeSwitcher, UserMenu } from '@/features/auth';
import { imageKeys } from '@/features/images';
import { loadPendingSharesBadge } from '@/features/members/pages';
import { ServiceInfo } from '@/features/service-info';
import { TransferTray, transfers } from '@/features/transfers';
import { usePermissions } from '@/lib/session';
import { ServiceBanner } from '@/app/service-banner';

// Its own small chunk, after the shell: a count can arrive a moment later.
const PendingSharesBadge = lazy(() => loadPendingSharesBadge().then((Badge) => ({ default: Badge })));

function NavItem({ to, children }: { to: string; children: ReactNode }) {
  return (
    <NavLink
      to={to}
      className={({ isActive }) =>
        cn(
          'flex items-center gap-2 rounded-md px-3 py-1.5 text-sm',
          isActive
            ? 'bg-sky-100 font-medium text-sky-900 dark:bg-sky-900/40 dark:text-sky-100'
            : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800',
        )
      }
    >
      {children}
    </NavLink>
  );
}

/** When a transfer settles, the image's status, size and checksum changed: refresh its detail and the lists. */
function useRefreshImagesOnSettle() {
  const queryClient = useQueryClient();
  useEffect(
    () =>
      transfers.onSettled((transfer) => {
        void queryClient.invalidateQueries({ queryKey: imageKeys.detail(transfer.imageId) });
        void queryClient.invalidateQueries({ queryKey: imageKeys.lists() });
      }),
    [queryClient],
  );
}

/** The signed-in layout: header with scope and user, navigation, the page, the re-login dialog. */
export function Shell() {
  const { isAdmin } = usePermissions();
  useRefreshImagesOnSettle();
  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2">
        Skip to content
      </a>
      <header className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
        <span className="text-base font-semibold tracking-tight">Loupe</span>
        <div className="flex flex-wrap items-center gap-4">
          <ScopeSwitcher />
          <UserMenu />
        </div>
      </header>
      <ServiceBanner />
      <div className="flex flex-1">
        <div className="flex w-48 shrink-0 flex-col justify-between border-r border-slate-200 py-2 dark:border-slate-800">
          <nav aria-label="Main" className="space-y-0.5 px-2">
            <NavItem to={paths.images}>Images</NavItem>
            <NavItem to={paths.sharedWithMe}>
              Shared with me
              <Suspense fallback={null}>
                <PendingSharesBadge />
              </Suspense>
            </NavItem>
            <NavItem to={paths.metadefs}>Metadata definitions</NavItem>
            {isAdmin && <NavItem to={paths.tasks}>Tasks</NavItem>}
          </nav>
          <ServiceInfo />
        </div>
        <main id="main" className="min-w-0 flex-1 p-4">
          <Suspense fallback={<Spinner />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <TransferTray />
      <ReloginDialog />
    </div>
  );
}
