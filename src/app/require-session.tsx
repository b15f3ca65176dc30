import { Navigate, Outlet, useLocation } from 'react-router';
import { loginState, paths } from '@/config/paths';
import { useSessionState } from '@/lib/session';

/** Everything under it needs a session; without one, go to login and come back after. */
export function RequireSession() {
  const { session } = useSessionState();
  const location = useLocation();
  if (!session) {
    return <Navigate to={paths.login} replace state={loginState(`${location.pathname}${location.search}`)} />;
  }
  return <Outlet />;
}
