import { z } from 'zod';
import { useMetadefWrite } from '@/features/metadefs/api/metadef-write';
import { glance } from '@/lib/glance';

// A namespace's resource-type associations: each change is one request (add one, remove one).
// Glance has no update: a new prefix means removing the association and adding it again.

const associationsPath = (namespace: string) => `v2/metadefs/namespaces/${encodeURIComponent(namespace)}/resource_types`;
const associationAnswerSchema = z.looseObject({ name: z.string(), prefix: z.string().nullish(), properties_target: z.string().nullish() });

/** Glance's resource_type_association schema: name required; all three at most 80 characters. */
export const ASSOCIATION_FIELD_MAX = 80;

export const associationFormSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Pick or type a resource type.')
    .max(ASSOCIATION_FIELD_MAX, `At most ${ASSOCIATION_FIELD_MAX} characters.`)
    .refine((name) => !name.includes('/'), 'Resource type names cannot contain "/": Glance could not remove such an association afterwards.'),
  prefix: z.string().trim().max(ASSOCIATION_FIELD_MAX, `At most ${ASSOCIATION_FIELD_MAX} characters.`),
  propertiesTarget: z.string().trim().max(ASSOCIATION_FIELD_MAX, `At most ${ASSOCIATION_FIELD_MAX} characters.`),
});
export type AssociationForm = z.infer<typeof associationFormSchema>;

/** The POST body: empty prefix and target are left out rather than sent as "". */
export function associationBody(form: AssociationForm): Record<string, string> {
  return { name: form.name, ...(form.prefix ? { prefix: form.prefix } : {}), ...(form.propertiesTarget ? { properties_target: form.propertiesTarget } : {}) };
}

// The namespace document lists its associations, and the image editor's catalogue follows them.
const useAssociationMutation = <Variables>(mutationFn: (variables: Variables) => Promise<unknown>) => useMetadefWrite(mutationFn, 'settled');

/** POST …/resource_types (409 when the type is already associated; a new type name is created). */
export const useAddAssociation = (namespace: string) =>
  useAssociationMutation((form: AssociationForm) => glance().json(associationsPath(namespace), associationAnswerSchema, { method: 'POST', json: associationBody(form) }));

/** DELETE …/resource_types/{name} (403 while the namespace is protected). */
export const useRemoveAssociation = (namespace: string) =>
  useAssociationMutation(async (resourceType: string) => {
    await glance().send(`${associationsPath(namespace)}/${encodeURIComponent(resourceType)}`, { method: 'DELETE' });
  });
