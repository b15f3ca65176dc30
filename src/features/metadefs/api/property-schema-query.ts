import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { NAME_MAX, PROPERTY_TYPES, type PropertyType } from '@/features/metadefs/api/property-form-model';
import { glance } from '@/lib/glance';

// Glance's own description of a property (GET /v2/schemas/metadefs/property): the editor takes
// the types it offers and the name limit from it, and falls back to what Glance ships today.

const schemaSchema = z.looseObject({
  properties: z
    .looseObject({
      name: z.looseObject({ maxLength: z.number().int().positive().optional() }).optional(),
      type: z.looseObject({ enum: z.array(z.string().nullable()).optional() }).optional(),
    })
    .optional(),
  required: z.array(z.string()).optional(),
});

export interface PropertySchemaRules {
  types: PropertyType[];
  nameMax: number;
}

export const FALLBACK_RULES: PropertySchemaRules = { types: [...PROPERTY_TYPES], nameMax: NAME_MAX };

/** The schema's types that the editor knows how to edit, in the editor's order. */
export function rulesFromSchema(schema: z.infer<typeof schemaSchema>): PropertySchemaRules {
  const offered = schema.properties?.type?.enum;
  const types = offered ? PROPERTY_TYPES.filter((type) => offered.includes(type)) : [...PROPERTY_TYPES];
  return { types: types.length ? types : [...PROPERTY_TYPES], nameMax: schema.properties?.name?.maxLength ?? NAME_MAX };
}

export const propertySchemaQuery = () =>
  queryOptions({
    // Its own root: a metadef write (which invalidates metadefKeys.all) does not change Glance's schema.
    queryKey: ['metadef-schemas', 'property'] as const,
    queryFn: async ({ signal }) => rulesFromSchema(await glance().json('v2/schemas/metadefs/property', schemaSchema, { signal })),
    staleTime: Infinity,
  });
