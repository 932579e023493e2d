/**
 * The outbox: every request is written to Dexie before any send, sent by the background alone,
 * retried until the endpoint holds it, and never sent as two (DESIGN §6).
 *
 * Exactly-once effect: a request's id is its Idempotency-Key on every attempt and its body never
 * changes, so a resend — after a timeout, a malformed reply, or a service worker killed between
 * the send and the write — gets the original receipt instead of a second request. A record leaves
 * the send queue (`outboxDueAt` removed) only in the same write that stores the outcome.
 *
 * Retries: exponential backoff with full jitter (2 s doubling, capped at 1 h), or the endpoint's
 * Retry-After when that is longer; `MAX_ATTEMPTS` failures, or one permanent 4xx, end in `failed`
 * with the email route offered. When an attempt fails in a way that says the endpoint itself is
 * unwell (no answer, 429, 5xx), the drain stops and holds the other due requests until the failed
 * one's next try, so an outage costs one probe per backoff step, not one attempt per request.
 *
 * Concurrency: within one context (the background) an in-module lock keeps two drains, polls or
 * direct attempts from sending the same request at once; the background is the only sender.
 */
import type { PrivacyDb } from '../store/db';
import { isCurrent, wipeGeneration } from '../wipe';
import { EndpointError, getStatus, postRequest, type FetchLike } from './endpoint';
import { recordAnswered, recordFailure } from '../store/liveness';
import { deriveStatus, sendsTo, type Channel, type Identity, type RequestEvent, type RequestRecord } from './record';
import { FINAL_STATUSES, type Receipt, type RequestBody } from './types';
import { AppError } from '../errors';

export const MAX_ATTEMPTS = 10;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 60 * 60_000;
/** A Retry-After beyond a day is taken as a day: the admin should hear about it before then. */
export const RETRY_AFTER_CAP_MS = 24 * 60 * 60_000;
export const POLL_BASE_MS = 60_000;
export const POLL_CAP_MS = 6 * 60 * 60_000;

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

export class RequestNotFound extends AppError {
  constructor(id: string) {
    super('request/not_found', `The request ${id} is not in this browser's list of requests. It may have been wiped; reopen the list and try again.`, { id });
    this.name = 'RequestNotFound';
  }
}

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

export { sendsTo } from './record';

/**
 * Writes the request with its `queued` event. An endpoint request is due at once, for the endpoint
 * origin it was made for; an email one is not sent by the outbox.
 */
export async function enqueue(
  db: PrivacyDb,
  body: RequestBody,
  channel: Channel,
  now: number = Date.now(),
  identity?: Identity,
  endpointOrigin?: string,
): Promise<RequestRecord> {
  const record: RequestRecord = {
    ...(identity && (identity.document?.trim() || identity.relationship?.trim()) ? { identity } : {}),
    id: body.id,
    host: body.account.host,
    type: body.type,
    channel,
    body,
    createdAt: now,
    attempts: 0,
    events: [{ at: now, kind: 'queued' }],
    openSince: now,
    ...(channel === 'endpoint' ? { outboxDueAt: now } : {}),
    ...(channel === 'endpoint' && endpointOrigin !== undefined ? { endpointOrigin } : {}),
  };
  // `add`, not `put`: an id is sent once; a second enqueue of it is a bug to hear about.
  await db.requests.add(record);
  return record;
}

/** Requests waiting to be (re)sent whose time has come, soonest first. */
export async function dueForSend(db: PrivacyDb, now: number): Promise<RequestRecord[]> {
  return db.requests.where('outboxDueAt').belowOrEqual(now).toArray();
}

export type AttemptOutcome =
  | { kind: 'sent'; receipt: Receipt }
  | { kind: 'retry'; dueAt: number; error: EndpointError }
  | { kind: 'failed'; error: EndpointError }
  | { kind: 'skipped'; reason: 'busy' | 'not-pending' | 'wiped' | 'other-endpoint' };

/** Ids being sent or polled right now in this context. */
const inFlight = new Set<string>();

function asEndpointError(error: unknown): EndpointError {
  if (error instanceof EndpointError) return error;
  // Not the endpoint's doing (a bug, a storage hiccup): keep the request and try later.
  return new EndpointError('retryable', `Sending failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

function without<K extends 'outboxDueAt' | 'pollDueAt' | 'lastError' | 'polls' | 'openSince'>(record: RequestRecord, ...keys: K[]): RequestRecord {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/**
 * What the attempt says of the endpoint (lib/requests/liveness.ts): an answer in the contract's
 * shape proves it exists; no connection, or an HTTP error, is noted as the last problem. A 2xx
 * that did not match the contract is neither.
 */
async function noteLiveness(db: PrivacyDb, deps: OutboxDeps, generation: number, answered: boolean, caught: unknown): Promise<void> {
  // After a wipe nothing is written back, this included.
  if (!isCurrent(db, generation)) return;
  if (answered) await recordAnswered(db, deps.base, 'request', deps.now());
  else if (caught instanceof EndpointError && caught.kind !== 'malformed') await recordFailure(db, deps.base, deps.now(), caught.status);
}

/**
 * Sends one pending request and stores the outcome in the same write that takes it off the
 * queue. Never throws for endpoint trouble; the outcome says what happened.
 */
export async function attemptSend(db: PrivacyDb, id: string, deps: OutboxDeps): Promise<AttemptOutcome> {
  if (inFlight.has(id)) return { kind: 'skipped', reason: 'busy' };
  inFlight.add(id);
  const generation = wipeGeneration(db);
  try {
    const record = await db.requests.get(id);
    if (!record || record.outboxDueAt === undefined) return { kind: 'skipped', reason: 'not-pending' };
    // Made for another endpoint: it goes to this one only when the admin moves it.
    if (!sendsTo(record, deps.base)) return { kind: 'skipped', reason: 'other-endpoint' };
    // Wiped since it was read: nothing of it goes out.
    if (!isCurrent(db, generation)) return { kind: 'skipped', reason: 'wiped' };
    let receipt: Receipt | undefined;
    let error: EndpointError | undefined;
    try {
      receipt = await postRequest(deps.base, record.body, deps.fetch, { now: deps.now(), ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) });
    } catch (caught) {
      error = asEndpointError(caught);
      await noteLiveness(db, deps, generation, false, caught);
    }
    if (receipt) await noteLiveness(db, deps, generation, true, undefined);
    return await db.transaction('rw', db.requests, async (): Promise<AttemptOutcome> => {
      const now = deps.now();
      // Read again: the admin may have sent it by email while this attempt was on the wire, or
      // wiped everything — then nothing is written back (the request and its personal data stay gone).
      const current = await db.requests.get(id);
      if (!current || !isCurrent(db, generation)) return { kind: 'skipped', reason: 'wiped' };
      const attempts = current.attempts + 1;
      if (receipt) {
        const events: RequestEvent[] = [
          ...current.events,
          { at: now, kind: 'sent' },
          {
            at: now,
            kind: 'received',
            reference: receipt.reference,
            verification: receipt.verification,
            ...(receipt.dueAt !== undefined ? { dueAt: receipt.dueAt } : {}),
          },
        ];
        await db.requests.put({
          ...without(current, 'outboxDueAt', 'lastError'),
          attempts,
          receipt,
          events,
          pollDueAt: now + pollDelay(0, deps.random),
          polls: 0,
        });
        return { kind: 'sent', receipt };
      }
      // Stryker disable next-line StringLiteral: unreachable — postRequest either resolves with a receipt or throws, so `error` is set here
      const failure = error ?? new EndpointError('retryable', 'Sending ended without an answer.');
      const httpStatus = failure.status !== undefined ? { httpStatus: failure.status } : {};
      const stillPending = current.outboxDueAt !== undefined;
      if (failure.retryable && attempts < MAX_ATTEMPTS) {
        const dueAt = now + retryDelay(attempts, deps.random, failure.retryAfterMs);
        await db.requests.put({
          ...current,
          attempts,
          lastError: failure.message,
          events: [...current.events, { at: now, kind: 'attempt_failed', detail: failure.message, ...httpStatus }],
          ...(stillPending ? { outboxDueAt: dueAt } : {}),
        });
        return { kind: 'retry', dueAt, error: failure };
      }
      const detail = failure.retryable
        ? `Gave up after ${attempts} attempts. Last error: ${failure.message} Send the request by email instead.`
        : failure.message;
      await db.requests.put({
        ...without(current, 'outboxDueAt'),
        attempts,
        lastError: detail,
        events: [...current.events, { at: now, kind: 'failed', detail, ...httpStatus }],
      });
      return { kind: 'failed', error: failure };
    });
  } finally {
    inFlight.delete(id);
  }
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
  /** When the next request is due to be (re)sent, or null when the outbox is empty. */
  nextDueAt: number | null;
}

/** The soonest `outboxDueAt` (of the requests `base` may be sent, when given), or null. */
export async function nextSendAt(db: PrivacyDb, base?: string): Promise<number | null> {
  const rows = db.requests.orderBy('outboxDueAt');
  const first = base === undefined ? await rows.first() : await rows.filter((r) => sendsTo(r, base)).first();
  return first?.outboxDueAt ?? null;
}

/** The soonest time anything (a send or a status poll) is due — what the background's alarm is set for. */
export async function nextWakeAt(db: PrivacyDb, base?: string): Promise<number | null> {
  const [send, poll] = await Promise.all([nextSendAt(db, base), db.requests.orderBy('pollDueAt').first()]);
  const times = [send, poll?.pollDueAt].filter((t): t is number => t !== undefined && t !== null);
  return times.length ? Math.min(...times) : null;
}

async function drainPass(db: PrivacyDb, deps: OutboxDeps, totals: DrainResult): Promise<void> {
  const attempted = new Set<string>();
  const retriedIds = new Set<string>();
  let holdUntil: number | undefined;

  const generation = wipeGeneration(db);
  const worker = async (): Promise<void> => {
    // A wipe ends the pass: nothing more is sent.
    while (holdUntil === undefined && isCurrent(db, generation)) {
      const next = await db.requests
        .where('outboxDueAt')
        .belowOrEqual(deps.now())
        .filter((r) => !attempted.has(r.id) && !inFlight.has(r.id) && sendsTo(r, deps.base))
        .first();
      if (!next) return;
      if (attempted.has(next.id)) continue;
      attempted.add(next.id);
      const outcome = await attemptSend(db, next.id, deps);
      if (outcome.kind === 'sent') totals.sent += 1;
      else if (outcome.kind === 'failed') totals.failed += 1;
      else if (outcome.kind === 'retry') {
        totals.retried += 1;
        retriedIds.add(next.id);
        holdUntil = Math.min(holdUntil ?? Infinity, outcome.dueAt);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 2) }, worker));

  if (holdUntil !== undefined && isCurrent(db, generation)) {
    // The endpoint is unwell: the rest wait just behind the request that will probe it next.
    const until = holdUntil + 1;
    await db.requests
      .where('outboxDueAt')
      .below(until)
      .filter((r) => !retriedIds.has(r.id))
      .modify((r) => {
        r.outboxDueAt = until;
      });
  }
}

interface Running<T> {
  promise: Promise<T>;
  again: boolean;
}
const draining = new WeakMap<PrivacyDb, Running<DrainResult>>();

/**
 * Sends everything due, a couple at a time, and resolves with what happened and when the next
 * request is due (for the background's alarm). A drain asked for while one runs joins it, and
 * the running one takes another pass so nothing enqueued meanwhile waits for the next alarm.
 */
export function drain(db: PrivacyDb, deps: OutboxDeps): Promise<DrainResult> {
  const running = draining.get(db);
  if (running) {
    running.again = true;
    return running.promise;
  }
  const state: Running<DrainResult> = { again: false, promise: Promise.resolve({ sent: 0, retried: 0, failed: 0, nextDueAt: null }) };
  state.promise = (async (): Promise<DrainResult> => {
    try {
      const totals: DrainResult = { sent: 0, retried: 0, failed: 0, nextDueAt: null };
      do {
        state.again = false;
        await drainPass(db, deps, totals);
      } while (state.again);
      totals.nextDueAt = await nextSendAt(db, deps.base);
      return totals;
    } finally {
      draining.delete(db);
    }
  })();
  draining.set(db, state);
  return state.promise;
}

export interface PollResult {
  polled: number;
  changed: number;
  /** When the next status poll is due, or null when nothing is being followed. */
  nextDueAt: number | null;
}

async function pollOne(db: PrivacyDb, id: string, deps: OutboxDeps): Promise<'changed' | 'same' | 'error' | 'skipped'> {
  if (inFlight.has(id)) return 'skipped';
  inFlight.add(id);
  const generation = wipeGeneration(db);
  try {
    const record = await db.requests.get(id);
    if (!record || record.pollDueAt === undefined || !isCurrent(db, generation)) return 'skipped';
    let reply: Awaited<ReturnType<typeof getStatus>> | undefined;
    let error: EndpointError | undefined;
    try {
      reply = await getStatus(deps.base, id, deps.fetch, { now: deps.now(), ...(deps.timeoutMs !== undefined ? { timeoutMs: deps.timeoutMs } : {}) });
    } catch (caught) {
      error = asEndpointError(caught);
      await noteLiveness(db, deps, generation, false, caught);
    }
    if (reply) await noteLiveness(db, deps, generation, true, undefined);
    return await db.transaction('rw', db.requests, async () => {
      const now = deps.now();
      // Gone (wiped, or never there): the answer is not written back.
      const current = await db.requests.get(id);
      if (!current || !isCurrent(db, generation) || current.pollDueAt === undefined) return 'skipped';
      const polls = (current.polls ?? 0) + 1;
      if (!reply) {
        // Polling is best effort: no event, just a later look (and the retry-after, if asked).
        // Stryker disable next-line OptionalChaining: without a reply getStatus threw, so `error` is always set here
        const wait = Math.max(pollDelay(polls, deps.random), error?.retryAfterMs ?? 0);
        await db.requests.put({ ...current, polls, pollDueAt: now + wait });
        // Stryker disable next-line StringLiteral: pollDue counts only 'skipped' and 'changed'; 'error' and 'same' read alike
        return 'error';
      }
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
              ...(reply.dueAt !== undefined ? { dueAt: reply.dueAt } : {}),
              ...(reply.extendedDueAt !== undefined ? { extendedDueAt: reply.extendedDueAt } : {}),
              ...(reply.reason !== undefined ? { reason: reply.reason } : {}),
              ...(reply.message !== undefined ? { message: reply.message } : {}),
            },
          ]
        : current.events;
      if (FINAL_STATUSES.has(reply.status)) {
        await db.requests.put({ ...without(current, 'pollDueAt', 'polls', 'openSince'), events });
      } else {
        const nextPolls = changed ? 0 : polls;
        await db.requests.put({ ...current, events, polls: nextPolls, pollDueAt: now + pollDelay(nextPolls, deps.random) });
      }
      if (changed) return 'changed';
      // Stryker disable next-line StringLiteral: pollDue counts only 'skipped' and 'changed'; 'error' and 'same' read alike
      return 'same';
    });
  } finally {
    inFlight.delete(id);
  }
}

const polling = new WeakMap<PrivacyDb, Promise<PollResult>>();

/** Asks the endpoint for the status of every request whose poll is due; stores a `status` event only when something changed. */
export function pollDue(db: PrivacyDb, deps: OutboxDeps): Promise<PollResult> {
  const running = polling.get(db);
  if (running) return running;
  const promise = (async (): Promise<PollResult> => {
    try {
      const due = await db.requests.where('pollDueAt').belowOrEqual(deps.now()).primaryKeys();
      const result: PollResult = { polled: 0, changed: 0, nextDueAt: null };
      const queue = [...due];
      const worker = async (): Promise<void> => {
        for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
          const outcome = await pollOne(db, id, deps);
          if (outcome === 'skipped') continue;
          result.polled += 1;
          if (outcome === 'changed') result.changed += 1;
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, deps.concurrency ?? 2) }, worker));
      result.nextDueAt = (await db.requests.orderBy('pollDueAt').first())?.pollDueAt ?? null;
      return result;
    } finally {
      polling.delete(db);
    }
  })();
  polling.set(db, promise);
  return promise;
}

async function update(db: PrivacyDb, id: string, change: (record: RequestRecord) => RequestRecord): Promise<RequestRecord> {
  return db.transaction('rw', db.requests, async () => {
    const record = await db.requests.get(id);
    if (!record) throw new RequestNotFound(id);
    const next = change(record);
    await db.requests.put(next);
    return next;
  });
}

/**
 * The admin sent the request by email (`request/email-sent`): recorded as sent, and taken off the
 * send queue so the endpoint does not get it too.
 */
export async function recordEmailSent(db: PrivacyDb, id: string, now: number = Date.now()): Promise<RequestRecord> {
  return update(db, id, (record) => ({
    ...without(record, 'outboxDueAt', 'pollDueAt', 'polls'),
    channel: 'email',
    events: [...record.events, { at: now, kind: 'email_sent' }],
  }));
}

/**
 * The admin agreed to send a request made for another endpoint to the one in force (asked per
 * request, in Options): it is queued afresh for `origin`, under the same id and body.
 */
export async function moveToEndpoint(db: PrivacyDb, id: string, origin: string, now: number = Date.now()): Promise<RequestRecord> {
  return update(db, id, (record) => {
    if (record.outboxDueAt === undefined || record.endpointOrigin === undefined || record.endpointOrigin === origin) return record;
    return { ...record, endpointOrigin: origin, outboxDueAt: now };
  });
}

/**
 * "Try again" on a failed request, or "send through the endpoint" on one saved for email and not
 * yet emailed: queued afresh under the same id (and so the same Idempotency-Key).
 */
export async function requeue(db: PrivacyDb, id: string, now: number = Date.now()): Promise<RequestRecord> {
  return update(db, id, (record) => {
    const status = deriveStatus(record).status;
    if (status !== 'failed' && !(status === 'queued' && record.channel === 'email')) return record;
    return {
      ...without(record, 'lastError'),
      channel: 'endpoint',
      attempts: 0,
      outboxDueAt: now,
      events: [...record.events, { at: now, kind: 'queued' }],
    };
  });
}
