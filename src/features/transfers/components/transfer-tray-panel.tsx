import { useEffect, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ChevronDownIcon } from '@/components/ui/icons';
import { transferStore } from '@/features/transfers/api/transfer-store';
import { SETTLED_STATES, type Transfer } from '@/features/transfers/api/transfer-types';
import { TransferItem, stateLabel } from '@/features/transfers/components/transfer-item';

const KIND_NOUN: Record<Transfer['kind'], string> = { upload: 'Upload', download: 'Download', import: 'Import' };

/** Says each settle out loud for screen readers ("Upload of cirros: Done"). */
function useSettleAnnouncement(): string {
  const [message, setMessage] = useState('');
  useEffect(
    () =>
      transferStore.onSettled((transfer) => {
        const current = transferStore.get(transfer.id) ?? transfer;
        setMessage(`${KIND_NOUN[current.kind]} of ${current.imageName}: ${stateLabel(current)}${current.error ? `. ${current.error}` : ''}`);
      }),
    [],
  );
  return message;
}

/** The tray's panel (loaded with the first transfer): a landmark with every transfer of this tab. */
export function TransferTrayPanel({ transfers }: { transfers: readonly Transfer[] }) {
  const [open, setOpen] = useState(true);
  const headingId = useId();
  const listId = useId();
  const announcement = useSettleAnnouncement();
  const active = transfers.filter((transfer) => !SETTLED_STATES.has(transfer.state)).length;
  const finishedIds = transfers.filter((transfer) => SETTLED_STATES.has(transfer.state)).map((transfer) => transfer.id);
  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {transfers.length > 0 && (
        <section
          aria-labelledby={headingId}
          className="fixed bottom-4 left-4 z-40 flex max-h-[70vh] w-[min(26rem,calc(100vw-2rem))] flex-col rounded-lg border border-slate-200 bg-white shadow-xl dark:border-slate-700 dark:bg-slate-900"
        >
          <div className="flex items-center justify-between gap-2 border-b border-slate-200 px-3 py-2 dark:border-slate-700">
            <h2 id={headingId} className="text-sm font-semibold">
              Transfers{' '}
              <span className="font-normal text-slate-600 dark:text-slate-400">
                {active > 0 ? `(${active} active)` : '(all finished)'}
              </span>
            </h2>
            <div className="flex items-center gap-1">
              {finishedIds.length > 0 && (
                <Button size="sm" variant="ghost" onClick={() => finishedIds.forEach((id) => transferStore.dismiss(id))}>
                  Clear finished
                </Button>
              )}
              <Button
                size="sm"
                variant="ghost"
                aria-expanded={open}
                aria-controls={listId}
                aria-label={open ? 'Collapse transfers' : 'Expand transfers'}
                onClick={() => setOpen((value) => !value)}
              >
                <ChevronDownIcon className={open ? undefined : 'rotate-180'} />
              </Button>
            </div>
          </div>
          <ul id={listId} hidden={!open} className="min-h-0 divide-y divide-slate-200 overflow-y-auto dark:divide-slate-700">
            {transfers.map((transfer) => (
              <TransferItem key={transfer.id} transfer={transfer} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
