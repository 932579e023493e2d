import { db } from '@/lib/db';
import { readLastMarketingRequests } from '@/lib/requests/last-marketing';
import type { RequestRecord } from '@/lib/requests/record';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

/**
 * Each shown account's last marketing request, read after the account lines (a separate live
 * query), so the list paints first; the hosts, joined, key the query.
 */
export function useLastMarketingRequests(hosts: readonly string[]): LiveResult<Map<string, RequestRecord>> {
  const key = hosts.join(' ');
  return useLiveQuery(() => (hosts.length ? readLastMarketingRequests(db(), hosts) : new Map<string, RequestRecord>()), [key]);
}
