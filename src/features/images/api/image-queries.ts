import { queryOptions } from '@tanstack/react-query';
import { imageKeys } from '@/features/images/api/image-keys';
import { imageSchema, TRANSIENT_STATUSES } from '@/features/images/api/image-schema';
import { glance } from '@/lib/glance';

export const imageQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: imageKeys.detail(id),
      queryFn: ({ signal }) => glance().json(`v2/images/${encodeURIComponent(id)}`, imageSchema, { signal }),
      // Images on their way somewhere refresh until they settle; nothing else polls.
      refetchInterval: (query) => (query.state.data && TRANSIENT_STATUSES.has(query.state.data.status) ? 3000 : false),
    }),
};
