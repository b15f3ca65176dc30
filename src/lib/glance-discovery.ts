import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { isApiError } from '@/lib/api-error';
import { glance } from '@/lib/glance';

// Glance's /versions lists different ids depending on deployment config (2.8, 2.10-2.14 may
// be missing while their endpoints work), so the level is the highest listed minor, and
// config-dependent features are probed instead.
export const versionsSchema = z.looseObject({
  versions: z.array(z.looseObject({ id: z.string(), status: z.string() })),
});

/** Highest v2 minor listed, compared numerically ("v2.10" > "v2.9"). */
export function apiLevel(versions: readonly { id: string }[]): number {
  let level = -1;
  for (const { id } of versions) {
    const match = /^v2\.(\d+)$/.exec(id);
    if (match) level = Math.max(level, Number(match[1]));
  }
  return level;
}

export const FEATURE_LEVELS = {
  members: 1,
  tasks: 2,
  deactivate: 3,
  communityVisibility: 5,
  interoperableImport: 6,
  hidden: 7,
  imageTasks: 12,
  newLocations: 17,
} as const;

export function hasFeature(level: number, feature: keyof typeof FEATURE_LEVELS): boolean {
  return level >= FEATURE_LEVELS[feature];
}

const importInfoSchema = z.looseObject({
  'import-methods': z.looseObject({ value: z.array(z.string()) }),
});

const storesSchema = z.looseObject({
  stores: z.array(z.looseObject({ id: z.string(), description: z.string().optional(), default: z.unknown().optional() })),
});

/** GET /v2/info/import's methods; none where the call does not exist (404, before 2.6). */
export async function fetchImportMethods(signal?: AbortSignal): Promise<string[]> {
  try {
    const body = await glance().json('v2/info/import', importInfoSchema, { signal });
    return body['import-methods'].value;
  } catch (error) {
    if (isApiError(error) && error.status === 404) return [];
    throw error;
  }
}

export const discoveryKeys = {
  all: ['glance-discovery'] as const,
  versions: () => [...discoveryKeys.all, 'versions'] as const,
  importMethods: () => [...discoveryKeys.all, 'import-methods'] as const,
  stores: () => [...discoveryKeys.all, 'stores'] as const,
};

export const discoveryQueries = {
  versions: () =>
    queryOptions({
      queryKey: discoveryKeys.versions(),
      queryFn: async ({ signal }) => {
        const body = await glance().json('versions', versionsSchema, { signal });
        return { level: apiLevel(body.versions), versions: body.versions };
      },
      staleTime: Infinity,
    }),
  importMethods: () =>
    queryOptions({
      queryKey: discoveryKeys.importMethods(),
      queryFn: ({ signal }) => fetchImportMethods(signal),
      staleTime: Infinity,
    }),
  /** Multi-store is on only when /v2/info/stores answers; 404 means a single store. */
  stores: () =>
    queryOptions({
      queryKey: discoveryKeys.stores(),
      queryFn: async ({ signal }) => {
        try {
          return (await glance().json('v2/info/stores', storesSchema, { signal })).stores;
        } catch (error) {
          if (isApiError(error) && error.status === 404) return null;
          throw error;
        }
      },
      staleTime: Infinity,
    }),
};
