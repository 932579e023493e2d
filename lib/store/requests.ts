/**
 * The requests table's reads for the pages and the panel, each row parsed on read. The outbox
 * (lib/requests/outbox/rows.ts) keeps its own transactional reads and writes.
 */
import Dexie from 'dexie';
import { RequestRecordSchema, sendsTo, type RequestRecord } from '../requests/record';
import type { PrivacyDb } from './db';
import { parsedRows } from './rows';

type Requests = Pick<PrivacyDb, 'requests'>;

const MARKETING: ReadonlySet<string> = new Set(['marketing_opt_out', 'marketing_opt_in']);

/** One account's requests, newest first: read forward through `[host+createdAt]` (getAll) and turned around. */
export async function accountRequests(db: Requests, host: string): Promise<RequestRecord[]> {
  const rows = await db.requests
    .where('[host+createdAt]')
    .between([host, Dexie.minKey], [host, Dexie.maxKey])
    .toArray();
  return parsedRows(RequestRecordSchema, rows).reverse();
}

/** Every account's requests, newest first, at most `limit`. */
export async function recentRequests(db: Requests, limit: number): Promise<RequestRecord[]> {
  return parsedRows(RequestRecordSchema, await db.requests.orderBy('createdAt').reverse().limit(limit).toArray());
}

/** Requests still queued for sending (the sparse `outboxDueAt` index) that are bound for another endpoint than `base`. */
export async function heldRequests(db: Requests, base: string): Promise<RequestRecord[]> {
  return parsedRows(RequestRecordSchema, await db.requests.where('outboxDueAt').above(0).toArray()).filter(
    (r) => !sendsTo(r, base),
  );
}

/**
 * Requests not yet completed or rejected — being sent, failing, not delivered, saved for email,
 * emailed, waiting on Ingroup — counted from the sparse `openSince` index (database v5).
 */
export async function openRequestCount(db: Requests): Promise<number> {
  return db.requests.where('openSince').above(0).count();
}

/**
 * Each account's last marketing request, newest first through the `[host+createdAt]` index: one
 * short backward walk per account, which stops at its first marketing request — never the whole
 * table (DESIGN §9). A row that does not parse is passed over.
 */
export async function marketingRequests(db: Requests, hosts: readonly string[]): Promise<Map<string, RequestRecord>> {
  const found = await Promise.all(
    hosts.map((host) =>
      db.requests
        .where('[host+createdAt]')
        .between([host, Dexie.minKey], [host, Dexie.maxKey])
        .reverse()
        .filter((r) => MARKETING.has(r.type) && RequestRecordSchema.safeParse(r).success)
        .first(),
    ),
  );
  return new Map(found.flatMap((r) => (r ? [[r.host, RequestRecordSchema.parse(r)] as const] : [])));
}
