/**
 * Status polling: asks the endpoint where each request it holds stands, a couple at a time,
 * holding the outbox lock for the round. A `status` event is stored only when something changed;
 * a final status (completed, rejected) ends the following.
 */
import type { PrivacyDb } from '../../store/db';
import { isCurrent, wipeGeneration } from '../../wipe';
import { getStatus, type EndpointError } from '../endpoint';
import { deriveStatus, type RequestEvent, type RequestRecord } from '../record';
import { FINAL_STATUSES } from '../types';
import { pollDelay } from './backoff';
import { callOptions, exchange, known, without, workers, type OutboxDeps } from './context';
import { serialised } from './lock';
import { duePollIds, nextPollAt, readRequest, settle, type Settled } from './rows';

export interface PollResult {
  polled: number;
  changed: number;
  /** When the next status poll is due, or null when nothing is being followed. */
  nextDueAt: number | null;
}

type PollOutcome = 'changed' | 'same' | 'error' | 'skipped';
type StatusReply = Awaited<ReturnType<typeof getStatus>>;

async function pollOne(db: PrivacyDb, id: string, deps: OutboxDeps): Promise<PollOutcome> {
  const generation = wipeGeneration(db);
  const record = await readRequest(db, id);
  if (!record || record.pollDueAt === undefined || !isCurrent(db, generation)) return 'skipped';
  const looked = await exchange(db, deps, generation, () => getStatus(deps.base, id, deps.fetch, callOptions(deps)));
  return settle(db, id, (current): Settled<PollOutcome> => {
    // Gone (wiped, or never there): the answer is not written back.
    // Stryker disable next-line LogicalOperator: a request record disappears only in a wipe (lib/wipe.ts), which also moves the generation
    if (!current || !isCurrent(db, generation)) return { result: 'skipped' };
    // No longer followed (answered for good, or recorded as done by email meanwhile).
    if (current.pollDueAt === undefined) return { result: 'skipped' };
    return looked.error ? unanswered(current, looked.error, deps) : answered(current, looked.answer, deps);
  });
}

/** Polling is best effort: no event for a failed look, just a later one (and the retry-after, if asked). */
function unanswered(current: RequestRecord, error: EndpointError, deps: OutboxDeps): Settled<PollOutcome> {
  const now = deps.now();
  const polls = (current.polls ?? 0) + 1;
  const wait = Math.max(pollDelay(polls, deps.random), error.retryAfterMs ?? 0);
  // Stryker disable next-line StringLiteral: pollDue counts only 'skipped' and 'changed'; 'error' and 'same' read alike
  return { write: { ...current, polls, pollDueAt: now + wait }, result: 'error' };
}

/** The endpoint answered: a `status` event when something changed, and the next look (or none, when final). */
function answered(current: RequestRecord, reply: StatusReply, deps: OutboxDeps): Settled<PollOutcome> {
  const now = deps.now();
  const polls = (current.polls ?? 0) + 1;
  const before = deriveStatus(current);
  const changed =
    before.status !== reply.status ||
    before.reference !== reply.reference ||
    before.dueAt !== reply.dueAt ||
    before.extendedDueAt !== reply.extendedDueAt ||
    before.reason !== reply.reason ||
    before.message !== reply.message;
  const events: RequestEvent[] = changed
    ? [
        ...current.events,
        {
          at: now,
          kind: 'status',
          status: reply.status,
          reference: reply.reference,
          ...known({
            dueAt: reply.dueAt,
            extendedDueAt: reply.extendedDueAt,
            reason: reply.reason,
            message: reply.message,
          }),
        },
      ]
    : current.events;
  const nextPolls = changed ? 0 : polls;
  const write = FINAL_STATUSES.has(reply.status)
    ? { ...without(current, 'pollDueAt', 'polls', 'openSince'), events }
    : { ...current, events, polls: nextPolls, pollDueAt: now + pollDelay(nextPolls, deps.random) };
  if (changed) return { write, result: 'changed' };
  // Stryker disable next-line StringLiteral: pollDue counts only 'skipped' and 'changed'; 'error' and 'same' read alike
  return { write, result: 'same' };
}

/** A poll round asked for and not yet finished, per database, in this context: a second ask joins it. */
const polling = new WeakMap<PrivacyDb, Promise<PollResult>>();

/** Asks the endpoint for the status of every request whose poll is due; stores a `status` event only when something changed. */
export function pollDue(db: PrivacyDb, deps: OutboxDeps): Promise<PollResult> {
  const running = polling.get(db);
  if (running) return running;
  const promise = serialised(db, async (): Promise<PollResult> => {
    try {
      const queue = await duePollIds(db, deps.now());
      const result: PollResult = { polled: 0, changed: 0, nextDueAt: null };
      await workers(deps, async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const outcome = await pollOne(db, id, deps);
          if (outcome === 'skipped') continue;
          result.polled += 1;
          if (outcome === 'changed') result.changed += 1;
        }
      });
      result.nextDueAt = await nextPollAt(db);
      return result;
    } finally {
      polling.delete(db);
    }
  });
  polling.set(db, promise);
  return promise;
}
