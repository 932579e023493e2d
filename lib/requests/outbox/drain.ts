/**
 * The drain: sends everything due, a couple at a time, holding the outbox lock for the whole
 * round. When an attempt fails in a way that says the endpoint itself is unwell (no answer, 429,
 * 5xx), the drain stops and holds the other due requests until the failed one's next try, so an
 * outage costs one probe per backoff step, not one attempt per request.
 */
import type { PrivacyDb } from '../../store/db';
import { isCurrent, wipeGeneration } from '../../wipe';
import { sendsTo } from '../record';
import { workers, type OutboxDeps } from './context';
import { serialised } from './lock';
import { firstDueToSend, holdSendsUntil, nextSendAt } from './rows';
import { sendOne } from './send';

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** When the next request is due to be (re)sent, or null when the outbox is empty. */
  nextDueAt: number | null;
}

async function drainPass(db: PrivacyDb, deps: OutboxDeps, totals: DrainResult): Promise<void> {
  const attempted = new Set<string>();
  const retriedIds = new Set<string>();
  let holdUntil: number | undefined;

  const generation = wipeGeneration(db);
  await workers(deps, async (): Promise<void> => {
    // A wipe ends the pass: nothing more is sent.
    while (holdUntil === undefined && isCurrent(db, generation)) {
      const next = await firstDueToSend(db, deps.now(), (r) => !attempted.has(r.id) && sendsTo(r, deps.base));
      if (!next) return;
      // Another worker of this pass took it while this one was reading.
      if (attempted.has(next.id)) continue;
      attempted.add(next.id);
      const outcome = await sendOne(db, next.id, deps, generation);
      if (outcome.kind === 'sent') totals.sent += 1;
      else if (outcome.kind === 'failed') totals.failed += 1;
      else if (outcome.kind === 'retry') {
        totals.retried += 1;
        retriedIds.add(next.id);
        holdUntil = Math.min(holdUntil ?? Infinity, outcome.dueAt);
      }
    }
  });

  if (holdUntil !== undefined && isCurrent(db, generation)) {
    // The endpoint is unwell: the rest wait just behind the request that will probe it next.
    await holdSendsUntil(db, holdUntil + 1, retriedIds);
  }
}

/** A drain under way: its result to come, and whether it was asked for again meanwhile. */
interface Running {
  promise: Promise<DrainResult>;
  askedAgain: { value: boolean };
}
/** The drain of each database asked for and not yet finished, in this context. */
const draining = new WeakMap<PrivacyDb, Running>();

/**
 * Sends everything due and resolves with what happened and when the next request is due (for
 * the background's alarm). A drain asked for while one is under way joins it, and the running one
 * takes another pass, so nothing enqueued meanwhile waits for the next alarm. Joining is not
 * locking: the lock (./lock.ts) is what keeps this round apart from polls and direct attempts.
 */
export function drain(db: PrivacyDb, deps: OutboxDeps): Promise<DrainResult> {
  const running = draining.get(db);
  if (running) {
    running.askedAgain.value = true;
    return running.promise;
  }
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: each pass sets `value` to false before it is first read
  const askedAgain = { value: false };
  const promise = serialised(db, async (): Promise<DrainResult> => {
    try {
      const totals: DrainResult = { sent: 0, retried: 0, failed: 0, nextDueAt: null };
      do {
        askedAgain.value = false;
        await drainPass(db, deps, totals);
      } while (askedAgain.value);
      totals.nextDueAt = await nextSendAt(db, deps.base);
      return totals;
    } finally {
      draining.delete(db);
    }
  });
  draining.set(db, { promise, askedAgain });
  return promise;
}
