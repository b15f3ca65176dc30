// Speed and time left for a transfer, from progress samples: the average over a sliding window
// (a few seconds), so one slow or bursty progress event does not make the figures jump.

export interface SpeedSample {
  at: number;
  bytes: number;
}

export const SPEED_WINDOW_MS = 5_000;
/** Below this much history the speed is unknown rather than a wild guess. */
const MIN_SPAN_MS = 500;

/** Appends a sample and drops those older than the window (keeping one to span it). */
export function addSample(samples: readonly SpeedSample[], sample: SpeedSample, windowMs = SPEED_WINDOW_MS): SpeedSample[] {
  const next = [...samples, sample];
  let first = 0;
  while (first < next.length - 2 && sample.at - (next[first + 1]?.at ?? sample.at) >= windowMs) first += 1;
  return next.slice(first);
}

/** Bytes per second over the samples, or null when they span too little time. */
export function speedOf(samples: readonly SpeedSample[]): number | null {
  const first = samples[0];
  const last = samples.at(-1);
  if (!first || !last) return null;
  const span = last.at - first.at;
  if (span < MIN_SPAN_MS) return null;
  return Math.max(0, (last.bytes - first.bytes) / (span / 1000));
}

/** Seconds left at the given speed, or null when it cannot be said. */
export function secondsLeft(bytesDone: number, bytesTotal: number | null, bytesPerSecond: number | null): number | null {
  if (bytesTotal === null || bytesPerSecond === null || bytesPerSecond <= 0) return null;
  return Math.max(0, (bytesTotal - bytesDone) / bytesPerSecond);
}

/** "42 s", "3 min 5 s", "1 h 2 min". */
export function formatDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${whole % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/** Whole percent (0–100), or null when the total is unknown. */
export function percentOf(bytesDone: number, bytesTotal: number | null): number | null {
  if (bytesTotal === null) return null;
  if (bytesTotal <= 0) return 100;
  return Math.min(100, Math.floor((bytesDone / bytesTotal) * 100));
}
