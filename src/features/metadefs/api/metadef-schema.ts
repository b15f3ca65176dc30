import { z } from 'zod';

// Metadata definitions (metadefs) as Glance v2 returns them; unknown fields pass through.

const resourceTypeAssociationSchema = z.looseObject({
  name: z.string(),
  prefix: z.string().nullish(),
  properties_target: z.string().nullish(),
});
export type ResourceTypeAssociation = z.infer<typeof resourceTypeAssociationSchema>;

export const namespaceSchema = z.looseObject({
  namespace: z.string(),
  display_name: z.string().nullish(),
  description: z.string().nullish(),
  visibility: z.string().nullish(),
  protected: z.boolean().nullish(),
  owner: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  resource_type_associations: z.array(resourceTypeAssociationSchema).optional(),
});
export type Namespace = z.infer<typeof namespaceSchema>;

export const namespacePageSchema = z.looseObject({
  namespaces: z.array(namespaceSchema),
  next: z.string().optional(),
});
export type NamespacePage = z.infer<typeof namespacePageSchema>;

/** A property definition: a JSON-schema fragment (title and type are required by Glance). */
export const propertySchema = z.looseObject({
  title: z.string().nullish(),
  type: z.string().nullish(),
  description: z.string().nullish(),
  enum: z.array(z.unknown()).nullish(),
  default: z.unknown().optional(),
  minimum: z.number().nullish(),
  maximum: z.number().nullish(),
  minLength: z.number().nullish(),
  maxLength: z.number().nullish(),
  pattern: z.string().nullish(),
  readonly: z.boolean().nullish(),
  operators: z.array(z.string()).nullish(),
  items: z
    .looseObject({
      type: z.string().nullish(),
      enum: z.array(z.unknown()).nullish(),
    })
    .nullish(),
  minItems: z.number().nullish(),
  maxItems: z.number().nullish(),
  uniqueItems: z.boolean().nullish(),
});
export type Property = z.infer<typeof propertySchema>;

const propertyMapSchema = z.record(z.string(), propertySchema);

export const propertiesSchema = z.looseObject({ properties: propertyMapSchema.default({}) });

export const metadefObjectSchema = z.looseObject({
  name: z.string(),
  description: z.string().nullish(),
  required: z.array(z.string()).nullish(),
  properties: propertyMapSchema.nullish(),
});
export const objectsSchema = z.looseObject({ objects: z.array(metadefObjectSchema) });
export type MetadefObject = z.infer<typeof metadefObjectSchema>;

const tagSchema = z.looseObject({ name: z.string(), created_at: z.string().nullish() });
export const tagsSchema = z.looseObject({ tags: z.array(tagSchema) });

export const resourceTypesSchema = z.looseObject({
  resource_types: z.array(z.looseObject({ name: z.string() })),
});

/** A namespace read with `?resource_type=`: its properties, and its objects' properties, inline. */
export const namespaceWithPropertiesSchema = namespaceSchema.extend({
  properties: propertyMapSchema.optional(),
  objects: z.array(metadefObjectSchema).optional(),
});

/** A property as it goes on an image (name already prefixed), with the namespace it comes from. */
export type CatalogueProperty = Property & { name: string; namespace: string; namespaceTitle: string };

export interface CatalogueNamespace {
  namespace: string;
  title: string;
  description: string;
  properties: CatalogueProperty[];
}
