import { useEffect } from 'react';
import { useBlocker } from 'react-router';

export interface UnsavedChangesGuard {
  /** A navigation is held, waiting for the user to stay or leave. */
  blocked: boolean;
  /** Cancel the held navigation. */
  stay: () => void;
  /** Go where the held navigation was going; the changes are lost. */
  leave: () => void;
}

/**
 * While `dirty`, leaving the page asks first: an in-app navigation to another path is held
 * (the caller shows a dialog with stay/leave), and closing or reloading the tab gets the
 * browser's own prompt. A change of search or hash on the same path is not leaving.
 * Needs a data router (createBrowserRouter / createMemoryRouter).
 */
export function useUnsavedChangesGuard(dirty: boolean): UnsavedChangesGuard {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);

  // Held while dirty, then no longer dirty (saved meanwhile): nothing is left to lose.
  useEffect(() => {
    if (blocker.state === 'blocked' && !dirty) blocker.reset();
  }, [blocker, dirty]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return {
    blocked: blocker.state === 'blocked',
    stay: () => blocker.reset?.(),
    leave: () => blocker.proceed?.(),
  };
}
