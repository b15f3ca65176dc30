import { useMetadefWrite } from '@/features/metadefs/api/metadef-write';
import { propertySchema, type Property } from '@/features/metadefs/api/metadef-schema';
import { propertyWrite, type PropertyFormValues } from '@/features/metadefs/api/property-form-model';
import { glance } from '@/lib/glance';

const propertiesPath = (namespace: string) => `v2/metadefs/namespaces/${encodeURIComponent(namespace)}/properties`;

export interface SavePropertyVariables {
  values: PropertyFormValues;
  /** The stored name when editing (the PUT goes there, and renames when the name changed). */
  originalName?: string | undefined;
  original?: Property | undefined;
}

/**
 * Creates (POST) or replaces (PUT at the old name: Glance renames in place, checked live) one
 * property of a namespace. Pessimistic; afterwards every metadef read is refreshed, the image
 * editor's catalogue included.
 */
export function useSaveProperty(namespace: string) {
  return useMetadefWrite(({ values, originalName, original }: SavePropertyVariables) => {
    const write = propertyWrite(values, originalName, original);
    const path = write.name === undefined ? propertiesPath(namespace) : `${propertiesPath(namespace)}/${encodeURIComponent(write.name)}`;
    return glance().json(path, propertySchema, { method: write.method, json: write.body });
  });
}

/** DELETE one property (Glance answers 403 when the namespace is protected). */
export function useDeleteProperty(namespace: string) {
  return useMetadefWrite(async (name: string) => {
    await glance().send(`${propertiesPath(namespace)}/${encodeURIComponent(name)}`, { method: 'DELETE' });
  });
}
