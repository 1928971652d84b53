// The retry schedule of the notification outbox. Pure.

/** Attempts per delivery (the first one included); after the last failure the delivery is FAILED. */
export const MAX_ATTEMPTS = 5;
export const BASE_DELAY_MS = 30_000;
/** Up to this share of the delay is added at random, so failed deliveries do not retry in lockstep. */
export const JITTER = 0.2;
/** How long a worker may hold a claimed delivery before another worker takes it over (a crashed worker). */
export const LEASE_MS = 2 * 60_000;

/** The wait after `failedAttempts` failures: 30 s · 2^(n−1), plus up to 20 % jitter (30 s, 1 min, 2 min, 4 min). */
export function retryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const base = BASE_DELAY_MS * 2 ** Math.max(0, failedAttempts - 1);
  return Math.round(base * (1 + JITTER * random()));
}
