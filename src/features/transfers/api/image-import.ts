// POST /v2/images/{id}/import: the interoperable import call (glance-direct after staging,
// web-download, copy-image). Glance answers 202 and works on its own; see import-progress.ts.
import { glance } from '@/lib/glance';

export type ImportMethodName = 'glance-direct' | 'web-download' | 'copy-image';

export interface ImportOptions {
  method: ImportMethodName;
  uri?: string | undefined;
  stores?: readonly string[] | undefined;
  allStoresMustSucceed?: boolean | undefined;
}

/**
 * The request body. Stores are sent only when chosen: without multi-store Glance ignores
 * `stores` but answers 400 to `all_stores_must_succeed`, so that flag goes only with stores.
 */
export function importBody({ method, uri, stores, allStoresMustSucceed }: ImportOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { method: method === 'web-download' ? { name: method, uri } : { name: method } };
  if (stores && stores.length > 0) {
    body.stores = [...stores];
    if (allStoresMustSucceed !== undefined) body.all_stores_must_succeed = allStoresMustSucceed;
  }
  return body;
}

/** Starts the import; resolves with the request id, which Glance puts on the import's task. */
export async function requestImport(imageId: string, options: ImportOptions, signal?: AbortSignal): Promise<string | undefined> {
  const response = await glance().send(`v2/images/${encodeURIComponent(imageId)}/import`, {
    method: 'POST',
    json: importBody(options),
    signal,
  });
  return response.headers.get('x-openstack-request-id') ?? undefined;
}
