/**
 * What every step of the outbox is given (`OutboxDeps`: the endpoint, fetch, the clock, the random
 * source), and the few things a send and a status poll do alike: one call to the endpoint with what
 * it shows of the endpoint's liveness, an unexpected failure worded, a record's queue fields dropped.
 */
import type { PrivacyDb } from '../../store/db';
import { isCurrent } from '../../wipe';
import { EndpointError, type FetchLike } from '../endpoint';
import { recordAnswered, recordFailure } from '../../store/liveness';
import type { RequestRecord } from '../record';

export interface OutboxDeps {
  /** The endpoint's base URL, e.g. `https://api.ingru.ru/privacy/v1`. */
  base: string;
  fetch: FetchLike;
  /** Epoch milliseconds; read at each step, so an injected clock keeps tests instant. */
  now: () => number;
  /** In [0, 1), as `Math.random`. */
  random: () => number;
  /** Per-attempt timeout; default 15 s (lib/requests/endpoint.ts). */
  timeoutMs?: number;
  /** Requests in flight at once during a drain or poll round; default 2. */
  concurrency?: number;
}

/** The options of one call to the endpoint: the clock, and the timeout (the endpoint client's default when none is given). */
export function callOptions(deps: OutboxDeps): { now: number; timeoutMs?: number } {
  return { now: deps.now(), timeoutMs: deps.timeoutMs };
}

/** The workers of a round: `deps.concurrency` of them, at least one. */
export function workers(deps: OutboxDeps, worker: () => Promise<void>): Promise<void[]> {
  return Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 2) }, worker));
}

function asEndpointError(error: unknown): EndpointError {
  if (error instanceof EndpointError) return error;
  // Not the endpoint's doing (a bug, a storage hiccup): keep the request and try later.
  return new EndpointError(
    'retryable',
    `Sending failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}

/** The fields that have a value: a stored record keeps no key for what is unknown. */
export function known<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

export function without<K extends 'outboxDueAt' | 'pollDueAt' | 'lastError' | 'polls' | 'openSince'>(
  record: RequestRecord,
  ...keys: K[]
): RequestRecord {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/** What one call to the endpoint came to: its answer, or the error it ended in (never both). */
export type Exchange<T> = { answer: T; error?: undefined } | { answer?: undefined; error: EndpointError };

/**
 * Makes one call to the endpoint and notes what it says of the endpoint (lib/requests/liveness.ts):
 * an answer in the contract's shape proves it exists; no connection, or an HTTP error, is noted as
 * the last problem. A 2xx that did not match the contract is neither. After a wipe since
 * `generation` nothing is noted: nothing is written back.
 */
export async function exchange<T>(
  db: PrivacyDb,
  deps: OutboxDeps,
  generation: number,
  call: () => Promise<T>,
): Promise<Exchange<T>> {
  let answer: T;
  try {
    answer = await call();
  } catch (caught) {
    if (isCurrent(db, generation) && caught instanceof EndpointError && caught.kind !== 'malformed')
      await recordFailure(db, deps.base, deps.now(), caught.status);
    return { error: asEndpointError(caught) };
  }
  if (isCurrent(db, generation)) await recordAnswered(db, deps.base, 'request', deps.now());
  return { answer };
}
