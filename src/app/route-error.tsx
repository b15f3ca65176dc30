import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button } from '@/components/ui/button';
import { ErrorPanel } from '@/components/ui/states';
import { isChunkLoadError, UPDATED_VERSION } from '@/lib/api-error';
import { paths } from '@/config/paths';

/** Route error boundary: a readable page with a way out, never a blank screen. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFound />;
  if (isChunkLoadError(error)) return <UpdatedVersion />;
  return (
    <div className="mx-auto max-w-xl space-y-3 p-6">
      <h1 className="text-lg font-semibold">This page could not be shown</h1>
      <ErrorPanel error={error} onRetry={() => window.location.reload()} />
      <Link className="text-sm text-sky-700 underline dark:text-sky-400" to={paths.images}>
        Back to images
      </Link>
    </div>
  );
}

/** A tab opened before a redeploy asked for a chunk that is gone: reload the same address. */
function UpdatedVersion() {
  const { title, detail } = UPDATED_VERSION;
  return (
    <div role="alert" className="mx-auto max-w-xl space-y-3 p-6">
      <h1 className="text-lg font-semibold">{title}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">{detail}</p>
      <Button variant="primary" onClick={() => window.location.reload()}>
        Reload this page
      </Button>
    </div>
  );
}

export function NotFound() {
  return (
    <div className="mx-auto max-w-xl space-y-2 p-6">
      <h1 className="text-lg font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">There is nothing at this address. It may have moved, or the link is incomplete.</p>
      <Link className="text-sm text-sky-700 underline dark:text-sky-400" to={paths.images}>
        Go to images
      </Link>
    </div>
  );
}
