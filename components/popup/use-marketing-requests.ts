import Dexie from 'dexie';
import { db, type PrivacyDb } from '@/lib/db';
import type { RequestRecord } from '@/lib/requests/record';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

const MARKETING = new Set(['marketing_opt_out', 'marketing_opt_in']);

/**
 * Each account's last marketing request, newest first through the `[host+createdAt]` index: one
 * short backward walk per account (it stops at the first marketing request), never the whole table.
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

/**
 * Read after the account lines (a separate live query), so the list paints first; `hosts` is
 * joined to key the query on the accounts shown.
 */
export function useLastMarketingRequests(hosts: readonly string[]): LiveResult<Map<string, RequestRecord>> {
  const key = hosts.join(' ');
  return useLiveQuery(() => (hosts.length ? readLastMarketingRequests(db(), hosts) : new Map<string, RequestRecord>()), [key]);
}

