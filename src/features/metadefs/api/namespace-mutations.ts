import { useMutation, useQueryClient } from '@tanstack/react-query';
import { metadefKeys } from '@/features/metadefs/api/metadef-keys';
import { useMetadefWrite } from '@/features/metadefs/api/metadef-write';
import { namespaceSchema, type Namespace } from '@/features/metadefs/api/metadef-schema';
import { namespacePutBody, type NamespaceFields } from '@/features/metadefs/api/namespace-update';
import { isApiError } from '@/lib/api-error';
import { glance } from '@/lib/glance';

// Namespace writes (admins only). Pessimistic: the UI changes when Glance has answered; then
// every metadefs read is invalidated, the image editor's catalogue included.

const NAMESPACES = 'v2/metadefs/namespaces';
const nsPath = (name: string) => `${NAMESPACES}/${encodeURIComponent(name)}`;

/** POST /v2/metadefs/namespaces: a form's fields, or a whole imported document. */
export function useCreateNamespace() {
  return useMetadefWrite((body: Record<string, unknown>) => glance().json(NAMESPACES, namespaceSchema, { method: 'POST', json: body }));
}

export interface UpdateVariables {
  loaded: Namespace;
  changes: Partial<NamespaceFields>;
}

/** PUT /v2/metadefs/namespaces/{ns} with the whole namespace (see namespacePutBody); may rename. */
export function useUpdateNamespace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ loaded, changes }: UpdateVariables) => glance().json(nsPath(loaded.namespace), namespaceSchema, { method: 'PUT', json: namespacePutBody(loaded, changes) }),
    onSuccess: async (_saved, { loaded, changes }) => {
      // A rename leaves the old name's reads behind: drop them rather than refetch a 404.
      if (changes.namespace && changes.namespace !== loaded.namespace) queryClient.removeQueries({ queryKey: metadefKeys.namespace(loaded.namespace) });
      await queryClient.invalidateQueries({ queryKey: metadefKeys.all });
    },
  });
}

export interface DeleteVariables {
  namespace: Namespace;
  /** Turn protection off first (a PUT keeping every other field), then delete. */
  unprotectFirst: boolean;
}

/** Glance's answer to deleting a protected namespace: 403 "… is protected and cannot be deleted." */
export const isProtectedRefusal = (error: unknown) => isApiError(error) && error.status === 403 && /protected/i.test(error.message);

/** DELETE /v2/metadefs/namespaces/{ns}, with its properties, objects, tags and associations. */
export function useDeleteNamespace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ namespace, unprotectFirst }: DeleteVariables) => {
      if (unprotectFirst && namespace.protected) {
        await glance().json(nsPath(namespace.namespace), namespaceSchema, { method: 'PUT', json: namespacePutBody(namespace, { protected: false }) });
      }
      await glance().send(nsPath(namespace.namespace), { method: 'DELETE' });
    },
    // Also after a failure: the unprotect step may have gone through.
    onSettled: async (_result, error, { namespace }) => {
      if (!error) queryClient.removeQueries({ queryKey: metadefKeys.namespace(namespace.namespace) });
      await queryClient.invalidateQueries({ queryKey: metadefKeys.all });
    },
  });
}
