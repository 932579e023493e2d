/** A named query for the popup: each account's last marketing request (DESIGN §9: no full-table scans on open). */
import Dexie from 'dexie';
import type { PrivacyDb } from '../db';
import type { RequestRecord } from './record';

const MARKETING: ReadonlySet<string> = new Set(['marketing_opt_out', 'marketing_opt_in']);

/**
 * Newest first through the `[host+createdAt]` index: one short backward walk per account, which
 * stops at its first marketing request — never the whole table.
 */
export async function readLastMarketingRequests(d: PrivacyDb, hosts: readonly string[]): Promise<Map<string, RequestRecord>> {
  const found = await Promise.all(
    hosts.map((host) =>
      d.requests
        .where('[host+createdAt]')
        .between([host, Dexie.minKey], [host, Dexie.maxKey])
        .reverse()
        .filter((r) => MARKETING.has(r.type))
        .first(),
    ),
  );
  return new Map(found.flatMap((r) => (r ? [[r.host, r] as const] : [])));
}
