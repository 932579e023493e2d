/**
 * The outbox's reads and writes of the `requests` table, and nothing else: every query the
 * outbox makes of the database is one of these named functions, so the rest of the outbox holds
 * no table or index name. A record leaves the send queue (`outboxDueAt` removed) or the poll
 * queue (`pollDueAt` removed) only through `settle`, in the same write that stores the outcome.
 */
import type { PrivacyDb } from '../../store/db';
import { sendsTo, type RequestRecord } from '../record';

/** One request, or undefined when it is not (or no longer) there. */
export function readRequest(db: PrivacyDb, id: string): Promise<RequestRecord | undefined> {
  return db.requests.get(id);
}

/** Stores a new request; `add`, not `put`: an id is sent once, and a second one is a bug to hear about. */
export async function addRequest(db: PrivacyDb, record: RequestRecord): Promise<void> {
  await db.requests.add(record);
}

/** What `settle` decided: the record to store (none to leave the row as it is), and the answer. */
export interface Settled<T> {
  write?: RequestRecord;
  result: T;
}

/**
 * Reads the request again and stores what `decide` makes of it, in one transaction: a change made
 * meanwhile (sent by email, deleted, wiped) is seen, never overwritten. `decide` may throw to
 * refuse; then nothing is written.
 */
export function settle<T>(
  db: PrivacyDb,
  id: string,
  decide: (current: RequestRecord | undefined) => Settled<T>,
): Promise<T> {
  return db.transaction('rw', db.requests, async (): Promise<T> => {
    const { write, result } = decide(await db.requests.get(id));
    if (write) await db.requests.put(write);
    return result;
  });
}

/** The first request due to be sent by `now` that `accept` takes, or undefined. */
export function firstDueToSend(
  db: PrivacyDb,
  now: number,
  accept: (record: RequestRecord) => boolean,
): Promise<RequestRecord | undefined> {
  return db.requests.where('outboxDueAt').belowOrEqual(now).filter(accept).first();
}

/** Moves every request due before `until`, except `keep`, to `until`: held behind the next probe. */
export async function holdSendsUntil(db: PrivacyDb, until: number, keep: ReadonlySet<string>): Promise<void> {
  await db.requests
    .where('outboxDueAt')
    .below(until)
    .filter((r) => !keep.has(r.id))
    .modify((r) => {
      r.outboxDueAt = until;
    });
}

/** The ids of the requests whose status poll is due by `now`. */
export async function duePollIds(db: PrivacyDb, now: number): Promise<string[]> {
  return db.requests.where('pollDueAt').belowOrEqual(now).primaryKeys();
}

/** The soonest `outboxDueAt` (of the requests `base` may be sent, when given), or null. */
export async function nextSendAt(db: PrivacyDb, base?: string): Promise<number | null> {
  const rows = db.requests.orderBy('outboxDueAt');
  const first = base === undefined ? await rows.first() : await rows.filter((r) => sendsTo(r, base)).first();
  return first?.outboxDueAt ?? null;
}

/** The soonest `pollDueAt`, or null when no request's status is being followed. */
export async function nextPollAt(db: PrivacyDb): Promise<number | null> {
  return (await db.requests.orderBy('pollDueAt').first())?.pollDueAt ?? null;
}
