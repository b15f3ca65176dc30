import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { glanceListPage } from '@/components/list/glance-pages';
import { z } from 'zod';
import { mainType, type PropertyRule } from '@/features/images/api/image-detail-rules';
import { imageKeys } from '@/features/images/api/image-keys';
import { scanByMemberStatus } from '@/features/images/api/image-member-status-scan';
import type { MemberStatus } from '@/features/members';
import {
  EDITABLE_BASE,
  imageJsonSchema,
  imageListSchema,
  imageSchema,
  isReservedKey,
  READ_ONLY_ATTRIBUTES,
  TRANSIENT_STATUSES,
  type ImageJsonSchema,
  type ImageList,
} from '@/features/images/api/image-schema';
import { taskDetailSchema } from '@/features/tasks';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

const POLL_MS = 3000;
const imagePath = (id: string) => `v2/images/${encodeURIComponent(id)}`;

/** Every read of the images resource; the one set of options shared by components and prefetching. */
export const imageQueries = {
  /** One page of GET /v2/images for a Glance query (the query is the key). */
  list: (query: QueryParams) =>
    queryOptions({
      ...glanceListPage(imageKeys.list(query), 'v2/images', imageListSchema, query),
      // Only pages showing images on their way somewhere refresh; nothing else polls.
      refetchInterval: (q) => (q.state.data?.images.some((image) => TRANSIENT_STATUSES.has(image.status)) ? POLL_MS : false),
    }),
  /** An admin's page filtered by member status, which Glance ignores for admins (see image-member-status-scan.ts). */
  byMemberStatus: (query: QueryParams, status: MemberStatus | 'all') =>
    queryOptions({
      queryKey: imageKeys.list({ ...query, memberScan: status }),
      // Typed as a Glance page, so the catalogue takes either query; resumeAfter and scanned ride along.
      queryFn: ({ signal }): Promise<ImageList> => scanByMemberStatus(query, status, signal),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: imageKeys.detail(id),
      queryFn: ({ signal }) => glance().json(imagePath(id), imageSchema, { signal }),
      // Images on their way somewhere refresh until they settle; nothing else polls.
      refetchInterval: (query) => (query.state.data && TRANSIENT_STATUSES.has(query.state.data.status) ? POLL_MS : false),
    }),
  /** The tasks that worked on an image (import, conversion…), in the tasks feature's shape. */
  tasks: (id: string) =>
    queryOptions({
      queryKey: imageKeys.tasks(id),
      queryFn: async ({ signal }) => (await glance().json(`${imagePath(id)}/tasks`, z.looseObject({ tasks: z.array(taskDetailSchema) }), { signal })).tasks,
    }),
  /**
   * GET v2/schemas/image, fetched once and parsed once. Its views are `select` functions
   * (selectFormats, selectEditSchema): `useQuery({ ...imageQueries.schema(), select: selectFormats })`.
   */
  schema: () =>
    queryOptions({
      queryKey: imageKeys.schema(),
      queryFn: ({ signal }) => glance().json('v2/schemas/image', imageJsonSchema, { signal }),
      staleTime: Infinity,
    }),
};

const stringEnum = (schema: ImageJsonSchema, key: string): string[] =>
  (schema.properties[key]?.enum ?? []).filter((value): value is string => typeof value === 'string');

/** The allowed disk and container formats (deployment config), for the list filters. */
export function selectFormats(schema: ImageJsonSchema) {
  return { diskFormats: stringEnum(schema, 'disk_format'), containerFormats: stringEnum(schema, 'container_format') };
}

/** What the edit form needs from the schema: writable base attributes, enums, and the operator's extra properties' rules. */
export function selectEditSchema(schema: ImageJsonSchema) {
  return {
    properties: schema.properties,
    required: schema.required ?? [],
    editable: EDITABLE_BASE.filter((key) => {
      const property = schema.properties[key];
      return property !== undefined && !property.readOnly && !READ_ONLY_ATTRIBUTES.has(key);
    }),
    enumOf: (key: string) => stringEnum(schema, key),
    // Operator-defined extra properties (schema-image.json: kernel_id, os_distro…) and the
    // constraints Glance enforces on them.
    extraRules: new Map<string, PropertyRule>(
      Object.entries(schema.properties)
        .filter(([key, property]) => property.is_base === false && !isReservedKey(key))
        .map(([key, property]) => [
          key,
          {
            type: mainType(property.type),
            enum: property.enum?.filter((value) => value !== null),
            maxLength: property.maxLength,
            minLength: property.minLength,
            minimum: property.minimum,
            maximum: property.maximum,
            pattern: property.pattern,
          },
        ]),
    ),
  };
}
