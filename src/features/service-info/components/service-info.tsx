import { useQuery } from '@tanstack/react-query';
import { discoveryQueries } from '@/lib/glance-discovery';

/** A quiet line under the navigation: what this Glance offers, detected, not assumed. */
export function ServiceInfo() {
  const versions = useQuery(discoveryQueries.versions());
  const importMethods = useQuery(discoveryQueries.importMethods());
  const stores = useQuery(discoveryQueries.stores());
  if (versions.isError) {
    return <p className="px-3 text-xs text-amber-700 dark:text-amber-400">Glance version unknown: {versions.error.message}</p>;
  }
  if (!versions.data) return null;
  return (
    <dl aria-label="Image service" className="space-y-1 px-3 text-xs text-slate-500 dark:text-slate-400">
      <div>
        <dt className="inline">Glance API </dt>
        <dd className="inline font-medium" data-testid="glance-api-level">
          v2.{versions.data.level}
        </dd>
      </div>
      {importMethods.data && (
        <div>
          <dt className="inline">Import: </dt>
          <dd className="inline">{importMethods.data.length ? importMethods.data.join(', ') : 'not enabled'}</dd>
        </div>
      )}
      {stores.isSuccess && (
        <div>
          <dt className="inline">Stores: </dt>
          <dd className="inline">{stores.data ? stores.data.map((store) => store.id).join(', ') : 'single store'}</dd>
        </div>
      )}
    </dl>
  );
}
