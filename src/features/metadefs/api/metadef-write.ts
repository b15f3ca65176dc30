import { useMutation, useQueryClient } from '@tanstack/react-query';
import { metadefKeys } from '@/features/metadefs/api/metadef-keys';

/**
 * A metadefs write (pessimistic): afterwards every metadefs read is invalidated, the image
 * editor's catalogue included. `refreshOn: 'settled'` refreshes after a refusal too, for lists
 * shown beside the write (tags, associations); editors refresh on success only, so a refetch
 * never lands under a form that is still open with Glance's refusal on it.
 */
export function useMetadefWrite<Variables, Result>(mutationFn: (variables: Variables) => Promise<Result>, refreshOn: 'success' | 'settled' = 'success') {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: metadefKeys.all });
  return useMutation(refreshOn === 'settled' ? { mutationFn, onSettled: refresh } : { mutationFn, onSuccess: refresh });
}
