/**
 * Client-side rate limiter for amoCRM's API (DESIGN §3): at most 7 requests started in any rolling
 * 1,000 ms per account. amoCRM answers 429 above that, and repeated abuse blocks the account, so
 * this is not optional.
 *
 * A sliding window of start times (not a token bucket, which can start 14 across a window's edge).
 * Starts are granted in call order per account; the tasks themselves then run concurrently.
 */

/** amoCRM's documented limit per account. */
export const AMO_REQUESTS_PER_SECOND = 7;
const WINDOW_MS = 1000;

export interface LimiterOptions {
  perSecond?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface Limiter {
  /** Runs `task` once the account `key` has a free start in the window and is not paused. */
  schedule<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Holds every start for `key` for `ms` from now (after a 429), parallel callers included. */
  pause(key: string, ms: number): void;
  /** The limiter's clock, so callers (Retry-After dates) use the same time. */
  now(): number;
}

interface Lane {
  /** Start times still inside the window, oldest first. */
  starts: number[];
  pausedUntil: number;
  /** The previous caller's turn: starts are granted in order. */
  tail: Promise<void>;
}

function realSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function createLimiter(opts: LimiterOptions = {}): Limiter {
  const perSecond = opts.perSecond ?? AMO_REQUESTS_PER_SECOND;
  if (!Number.isInteger(perSecond) || perSecond < 1)
    throw new RangeError(`perSecond must be a positive integer, got ${perSecond}`);
  const now = opts.now ?? ((): number => Date.now());
  const sleep = opts.sleep ?? realSleep;
  const lanes = new Map<string, Lane>();

  function laneFor(key: string): Lane {
    let lane = lanes.get(key);
    if (!lane) {
      lane = { starts: [], pausedUntil: 0, tail: Promise.resolve() };
      lanes.set(key, lane);
    }
    return lane;
  }

  async function takeStart(lane: Lane): Promise<void> {
    for (;;) {
      const t = now();
      while (lane.starts.length > 0 && (lane.starts[0] ?? 0) <= t - WINDOW_MS) lane.starts.shift();
      const full = lane.starts.length >= perSecond ? (lane.starts[0] ?? t) + WINDOW_MS - t : 0;
      const wait = Math.max(full, lane.pausedUntil - t);
      if (wait <= 0) {
        lane.starts.push(t);
        return;
      }
      await sleep(wait);
    }
  }

  return {
    schedule<T>(key: string, task: () => Promise<T>): Promise<T> {
      const lane = laneFor(key);
      const turn = lane.tail.then(() => takeStart(lane));
      lane.tail = turn.catch(() => undefined);
      return turn.then(task);
    },
    pause(key: string, ms: number): void {
      const lane = laneFor(key);
      lane.pausedUntil = Math.max(lane.pausedUntil, now() + Math.max(0, ms));
    },
    now,
  };
}

export interface BackoffOptions {
  /** First exponential step when amoCRM gives no Retry-After. */
  baseMs?: number;
  /** Largest exponential step. */
  capMs?: number;
}

/**
 * How long to wait after a 429 before try number `attempt + 1` (`attempt` counts from 0).
 * Honours `Retry-After` as seconds or an HTTP date; otherwise 1 s, 2 s, 4 s, … up to the cap.
 * Never less than one window: a 429 means the window is already full on amoCRM's side.
 */
export function retryDelayMs(
  retryAfter: string | null,
  attempt: number,
  now: number,
  opts: BackoffOptions = {},
): number {
  // Stryker disable next-line StringLiteral: no header reads as no date, whatever text stands in for it
  const header = retryAfter?.trim() ?? '';
  let asked: number | null = null;
  if (/^\d+$/.test(header)) asked = Number(header) * 1000;
  else {
    // An empty or unreadable header is no date (NaN): the backoff below.
    const at = Date.parse(header);
    if (!Number.isNaN(at)) asked = at - now;
  }
  if (asked !== null) return Math.max(WINDOW_MS, asked);
  const base = opts.baseMs ?? 1000;
  const cap = opts.capMs ?? 8000;
  return Math.max(WINDOW_MS, Math.min(cap, base * 2 ** attempt));
}
