// React's view of the transfer store.
import { useMemo, useSyncExternalStore } from 'react';
import { transferStore } from '@/features/transfers/api/transfer-store';
import type { Transfer } from '@/features/transfers/api/transfer-types';

/** Every transfer, newest first. */
export function useTransfers(): readonly Transfer[] {
  return useSyncExternalStore(transferStore.subscribe, transferStore.getSnapshot, transferStore.getSnapshot);
}

/** The transfers of one image, newest first (e.g. for its detail page). */
export function useImageTransfers(imageId: string): readonly Transfer[] {
  const all = useTransfers();
  return useMemo(() => all.filter((transfer) => transfer.imageId === imageId), [all, imageId]);
}
