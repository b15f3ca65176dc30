import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import type { Service } from '@/lib/api-error';
import { formatAbsolute } from '@/lib/format';
import { useServiceHealth } from '@/lib/service-health';

const NAMES: Record<Service, string> = { glance: 'Glance (images)', keystone: 'Keystone (identity)' };
/** While a service is down, the page's reads are tried again after 5 s, then 10, 20, and every 30 s. */
const RETRY_DELAYS_MS = [5_000, 10_000, 20_000, 30_000];

/**
 * A banner while Glance or Keystone does not answer. Reads on the page are tried again on a
 * growing delay, so the page comes back by itself when the service does; writes are never sent
 * again by themselves, and forms keep what was typed.
 */
export function ServiceBanner() {
  const health = useServiceHealth();
  const queryClient = useQueryClient();
  const down = (Object.keys(health) as Service[]).filter((service) => health[service]);
  const isDown = down.length > 0;
  const wasDown = useRef(false);

  const retryReads = useCallback(() => queryClient.refetchQueries({ type: 'active' }), [queryClient]);

  useEffect(() => {
    if (!isDown) return;
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      timer = setTimeout(() => {
        void retryReads().finally(schedule);
      }, RETRY_DELAYS_MS[Math.min(attempt++, RETRY_DELAYS_MS.length - 1)]);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [isDown, retryReads]);

  useEffect(() => {
    if (wasDown.current && !isDown) toast('success', 'Connection restored', 'The page has been read again. Anything you were saving was not sent again: save it now.');
    wasDown.current = isDown;
  }, [isDown]);

  if (!isDown) return null;
  return (
    <div role="alert" className="flex flex-wrap items-center gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/60 dark:text-amber-100">
      <p className="min-w-0 flex-1">
        {down.map((service) => (
          <strong key={service} className="mr-1">
            {NAMES[service]} is not answering (since {formatAbsolute((health[service]?.since ?? new Date()).toISOString())}).
          </strong>
        ))}
        Loupe keeps trying to read this page again, and keeps what you typed; nothing you save is sent again by itself.
      </p>
      <Button size="sm" onClick={() => void retryReads()}>
        Try now
      </Button>
    </div>
  );
}
