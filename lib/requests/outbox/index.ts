/**
 * The outbox: every request is written to Dexie before any send, sent by the background alone,
 * retried until the endpoint holds it, and never sent as two (DESIGN §6).
 *
 * Exactly-once effect: a request's id is its Idempotency-Key on every attempt and its body never
 * changes, so a resend — after a timeout, a malformed reply, or a service worker killed between
 * the send and the write — gets the original receipt instead of a second request. A record leaves
 * the send queue (`outboxDueAt` removed) only in the same write that stores the outcome.
 *
 * One job per file:
 * - `backoff.ts` — how long to wait: the retry backoff with jitter, Retry-After, the poll steps (pure);
 * - `rows.ts`    — persistence: every read and write of the `requests` table the outbox makes;
 * - `queue.ts`   — what the admin does: enqueue, sent by email, move to the endpoint, "Try again";
 * - `send.ts`    — one send attempt and the write of its outcome;
 * - `drain.ts`   — a send round over everything due, holding back the rest while the endpoint is unwell;
 * - `poll.ts`    — a status round over the requests the endpoint holds;
 * - `wake.ts`    — when the background's alarm should fire next;
 * - `lock.ts`    — the one serialisation point: send rounds, poll rounds and direct attempts take
 *                  turns under one lock (Web Locks where the browser has them, a promise chain
 *                  where it does not), so no request is sent or polled twice at once;
 * - `context.ts` — what every step is given (`OutboxDeps`), and what send and poll share.
 *
 * A wipe (lib/wipe.ts) is seen through its generation: work that began before it sends nothing
 * more and writes nothing back.
 */
export {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  MAX_ATTEMPTS,
  POLL_BASE_MS,
  POLL_CAP_MS,
  RETRY_AFTER_CAP_MS,
  backoffDelay,
  pollDelay,
  retryDelay,
} from './backoff';
export type { OutboxDeps } from './context';
export { drain, type DrainResult } from './drain';
export { pollDue, type PollResult } from './poll';
export { RequestNotFound, enqueue, moveToEndpoint, recordEmailSent, requeue } from './queue';
export { nextSendAt } from './rows';
export { attemptSend, type AttemptOutcome } from './send';
export { nextWakeAt } from './wake';
export { sendsTo } from '../record';
