// React's view of the transfer store.
import { useMemo, useSyncExternalStore } from 'react';
import { useMutation } from '@tanstack/react-query';
import { deleteImageRecord } from '@/features/transfers/api/image-data';
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

/** Deletes the image record of a failed upload or import (pessimistic), then forgets the transfer. */
export function deleteTransferImage(transferId: string): Promise<void> {
  const transfer = transferStore.get(transferId);
  if (!transfer) return Promise.resolve();
  return deleteImageRecord(transfer.imageId).then(() => transferStore.forgetImage(transferId));
}

export function useDeleteTransferImage() {
  return useMutation({ mutationFn: deleteTransferImage });
}
