// Deleting the image record of a failed upload or import: the tray's "Delete image", so no
// record without data is left behind silently.
import { useMutation } from '@tanstack/react-query';
import { deleteImageRecord } from '@/features/transfers/api/image-data';
import { transferStore } from '@/features/transfers/api/transfer-store';

/** Deletes the image record of a failed upload or import (pessimistic), then forgets the transfer. */
export function deleteTransferImage(transferId: string): Promise<void> {
  const transfer = transferStore.get(transferId);
  if (!transfer) return Promise.resolve();
  return deleteImageRecord(transfer.imageId).then(() => transferStore.forgetImage(transferId));
}

export function useDeleteTransferImage() {
  return useMutation({ mutationFn: deleteTransferImage });
}
