import { lazy, Suspense } from 'react';
import { useTransfers } from '@/features/transfers/api/use-transfers';

// The panel loads with the first transfer, so the first page ships only this and the store.
const TransferTrayPanel = lazy(() =>
  import('@/features/transfers/components/transfer-tray-panel').then((module) => ({ default: module.TransferTrayPanel })),
);

/**
 * The transfer tray, mounted once in the app shell: every upload, import and download of this
 * tab, active and finished, on every page. Nothing while there is none.
 */
export function TransferTray() {
  const transfers = useTransfers();
  if (transfers.length === 0) return null;
  return (
    <Suspense fallback={null}>
      <TransferTrayPanel transfers={transfers} />
    </Suspense>
  );
}
