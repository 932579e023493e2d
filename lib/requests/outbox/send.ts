/**
 * One send attempt: post the request to the endpoint under its id as the Idempotency-Key, then
 * store the outcome — the receipt, a retry at its backoff, or `failed` — in the same write that
 * takes it off the send queue. Never throws for endpoint trouble; the outcome says what happened.
 */
import type { PrivacyDb } from '../../store/db';
import { isCurrent, wipeGeneration } from '../../wipe';
import { postRequest, type EndpointError } from '../endpoint';
import { sendsTo, type RequestEvent, type RequestRecord } from '../record';
import type { Receipt } from '../types';
import { MAX_ATTEMPTS, pollDelay, retryDelay } from './backoff';
import { callOptions, exchange, known, without, type OutboxDeps } from './context';
import { serialised } from './lock';
import { readRequest, settle, type Settled } from './rows';

export type AttemptOutcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'retry'; dueAt: number; error: EndpointError }
  | { kind: 'failed'; error: EndpointError }
  | { kind: 'skipped'; reason: 'not-pending' | 'wiped' | 'other-endpoint' };

/**
 * Sends one pending request now, whenever it is due, holding the outbox lock: an attempt asked
 * for while a drain or a poll round runs waits for it, and then finds what that round left.
 */
export function attemptSend(db: PrivacyDb, id: string, deps: OutboxDeps): Promise<AttemptOutcome> {
  return serialised(db, () => sendOne(db, id, deps));
}

/**
 * The attempt itself, for a caller that holds the outbox lock. `generation` is the wipe generation
 * the caller's work began in (a drain passes its own): a wipe since then sends nothing.
 */
export async function sendOne(
  db: PrivacyDb,
  id: string,
  deps: OutboxDeps,
  generation: number = wipeGeneration(db),
): Promise<AttemptOutcome> {
  const record = await readRequest(db, id);
  if (!record || record.outboxDueAt === undefined) return { kind: 'skipped', reason: 'not-pending' };
  // Made for another endpoint: it goes to this one only when the admin moves it.
  if (!sendsTo(record, deps.base)) return { kind: 'skipped', reason: 'other-endpoint' };
  // Wiped since it was read: nothing of it goes out.
  if (!isCurrent(db, generation)) return { kind: 'skipped', reason: 'wiped' };
  const posted = await exchange(db, deps, generation, () =>
    postRequest(deps.base, record.body, deps.fetch, callOptions(deps)),
  );
  return settle(db, id, (current): Settled<AttemptOutcome> => {
    // Read again: the admin may have sent it by email while this attempt was on the wire, or
    // wiped everything — then nothing is written back (the request and its personal data stay gone).
    if (!current || !isCurrent(db, generation)) return { result: { kind: 'skipped', reason: 'wiped' } };
    return posted.error ? unsent(current, posted.error, deps) : stored(current, posted.answer, deps);
  });
}

/** The endpoint holds the request: its receipt, and the first status poll. */
function stored(current: RequestRecord, receipt: Receipt, deps: OutboxDeps): Settled<AttemptOutcome> {
  const now = deps.now();
  const events: RequestEvent[] = [
    ...current.events,
    { at: now, kind: 'sent' },
    {
      at: now,
      kind: 'received',
      reference: receipt.reference,
      verification: receipt.verification,
      ...known({ dueAt: receipt.dueAt }),
    },
  ];
  return {
    write: {
      ...without(current, 'outboxDueAt', 'lastError'),
      attempts: current.attempts + 1,
      receipt,
      events,
      pollDueAt: now + pollDelay(0, deps.random),
      polls: 0,
    },
    result: { kind: 'sent', receipt },
  };
}

/** The attempt failed: a retry at its backoff, or `failed` when retrying is over or pointless. */
function unsent(current: RequestRecord, failure: EndpointError, deps: OutboxDeps): Settled<AttemptOutcome> {
  const now = deps.now();
  const attempts = current.attempts + 1;
  const httpStatus = known({ httpStatus: failure.status });
  const stillPending = current.outboxDueAt !== undefined;
  if (failure.retryable && attempts < MAX_ATTEMPTS) {
    const dueAt = now + retryDelay(attempts, deps.random, failure.retryAfterMs);
    return {
      write: {
        ...current,
        attempts,
        lastError: failure.message,
        events: [...current.events, { at: now, kind: 'attempt_failed', detail: failure.message, ...httpStatus }],
        ...(stillPending ? { outboxDueAt: dueAt } : {}),
      },
      result: { kind: 'retry', dueAt, error: failure },
    };
  }
  const detail = failure.retryable
    ? `Gave up after ${attempts} attempts. Last error: ${failure.message} Send the request by email instead.`
    : failure.message;
  return {
    write: {
      ...without(current, 'outboxDueAt'),
      attempts,
      lastError: detail,
      events: [...current.events, { at: now, kind: 'failed', detail, ...httpStatus }],
    },
    result: { kind: 'failed', error: failure },
  };
}
