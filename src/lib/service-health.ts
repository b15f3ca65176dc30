import { useSyncExternalStore } from 'react';
import type { Service } from '@/lib/api-error';

// Whether each service answers, as the HTTP client last saw it: "down" after a request that got
// no answer (network error) or a gateway's 502/503/504, "up" again after any other answer. The
// shell shows a banner while a service is down and keeps trying (src/app/service-banner.tsx).

export interface ServiceDown {
  since: Date;
}
type Health = Partial<Record<Service, ServiceDown>>;

let health: Health = {};
const listeners = new Set<() => void>();

/** Status codes that mean "the service did not answer" rather than "the service said no". */
const UNREACHABLE = new Set([502, 503, 504]);

/** Called by the HTTP client for every finished request: `status` 0 when no answer came. */
export function noteServiceAnswer(service: Service, status: number): void {
  const down = status === 0 || UNREACHABLE.has(status);
  if (down === Boolean(health[service])) return;
  health = { ...health, [service]: down ? { since: new Date() } : undefined };
  listeners.forEach((listener) => listener());
}

export function serviceHealth(): Health {
  return health;
}

export function useServiceHealth(): Health {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    serviceHealth,
    serviceHealth,
  );
}
