import { useMetadefWrite } from '@/features/metadefs/api/metadef-write';
import { metadefObjectSchema } from '@/features/metadefs/api/metadef-schema';
import { objectWrite } from '@/features/metadefs/api/object-form-model';
import { glance } from '@/lib/glance';

const objectsPath = (namespace: string) => `v2/metadefs/namespaces/${encodeURIComponent(namespace)}/objects`;

export interface SaveObjectVariables {
  /** The whole object (objectBody, withProperty, withoutProperty). */
  body: Record<string, unknown>;
  /** The stored name when editing: the PUT goes there (and renames when the body's name differs). */
  originalName?: string | undefined;
}

/** Creates (POST) or replaces (PUT: the whole object, its properties included) one object. Pessimistic. */
export function useSaveObject(namespace: string) {
  return useMetadefWrite(({ body, originalName }: SaveObjectVariables) => {
    const write = objectWrite(body, originalName);
    const path = write.name === undefined ? objectsPath(namespace) : `${objectsPath(namespace)}/${encodeURIComponent(write.name)}`;
    return glance().json(path, metadefObjectSchema, { method: write.method, json: write.body });
  });
}

/** DELETE one object (Glance answers 403 when the namespace is protected). */
export function useDeleteObject(namespace: string) {
  return useMetadefWrite(async (name: string) => {
    await glance().send(`${objectsPath(namespace)}/${encodeURIComponent(name)}`, { method: 'DELETE' });
  });
}
