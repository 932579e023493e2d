/**
 * How long the outbox waits: before a resend (exponential backoff with full jitter, or the
 * endpoint's Retry-After when that is longer) and between status polls. Pure: the random source is
 * passed in, so tests pin the jitter.
 */

export const MAX_ATTEMPTS = 10;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** A Retry-After beyond a day is taken as a day: the admin should hear about it before then. */
export const RETRY_AFTER_CAP_MS = 24 * 60 * 60_000;
export const POLL_BASE_MS = 60_000;
export const POLL_CAP_MS = 6 * 60 * 60_000;

/** Full jitter: uniform in [0, min(cap, base · 2^(failures − 1))]. */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
  return Math.floor(random() * ceiling);
}

/** The wait before the next attempt: the jittered backoff, or Retry-After when it is longer. */
export function retryDelay(failures: number, random: () => number, retryAfterMs?: number): number {
  const backoff = backoffDelay(failures, random);
  return retryAfterMs === undefined ? backoff : Math.max(backoff, Math.min(retryAfterMs, RETRY_AFTER_CAP_MS));
}

/** Status polling: 1 min doubling to 6 h, with equal jitter (never sooner than half the step). */
export function pollDelay(polls: number, random: () => number): number {
  const step = Math.min(POLL_CAP_MS, POLL_BASE_MS * 2 ** Math.max(0, polls));
  return Math.floor(step / 2 + random() * (step / 2));
}
