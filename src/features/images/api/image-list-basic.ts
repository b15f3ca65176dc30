import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageListSchema, TRANSIENT_STATUSES } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';
import type { QueryParams } from '@/lib/http';

/** One page of GET /v2/images for the given Glance query parameters. */
export const imageListQuery = (params: QueryParams) =>
  queryOptions({
    queryKey: imageKeys.list(params),
    queryFn: ({ signal }) => glance().json('v2/images', imageListSchema, { query: params, signal }),
    placeholderData: keepPreviousData,
    // Only pages showing images on their way somewhere refresh.
    refetchInterval: (query) => (query.state.data?.images.some((image) => TRANSIENT_STATUSES.has(image.status)) ? 3000 : false),
  });
