import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import type { MetadefSchemas } from '@/features/metadefs/api/namespace-import';
import { glance } from '@/lib/glance';

// Glance's published metadefs schemas, read live so imports are checked against this cloud's
// rules. Kept apart from metadefKeys.all: a metadef write does not change them.
export const metadefSchemaKeys = { all: ['metadef-schemas'] as const };

// Tolerant: any JSON object is a schema; the validator reads the keywords it knows.
const schemaNodeSchema = z.record(z.string(), z.unknown());

const SCHEMA_PATHS: Record<keyof MetadefSchemas, string> = {
  namespace: 'namespace',
  object: 'object',
  property: 'property',
  tag: 'tag',
  resourceType: 'resource_type',
};

export const metadefSchemaQueries = {
  /** GET /v2/schemas/metadefs/{namespace,object,property,tag,resource_type}, together. */
  all: () =>
    queryOptions({
      queryKey: metadefSchemaKeys.all,
      queryFn: async ({ signal }): Promise<MetadefSchemas> => {
        const entries = await Promise.all(
          Object.entries(SCHEMA_PATHS).map(async ([key, path]) => [key, await glance().json(`v2/schemas/metadefs/${path}`, schemaNodeSchema, { signal })] as const),
        );
        return Object.fromEntries(entries) as Record<keyof MetadefSchemas, Record<string, unknown>>;
      },
      staleTime: Infinity,
    }),
};
