import type { RequestRecord } from '@/lib/requests/record';
import { marketingRequests } from '@/lib/store/queries';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

/**
 * Each shown account's last marketing request, read after the account lines (a separate live
 * query), so the list paints first; the hosts, joined, key the query.
 */
export function useLastMarketingRequests(hosts: readonly string[]): LiveResult<Map<string, RequestRecord>> {
  const key = hosts.join(' ');
  return useLiveQuery((d) => marketingRequests(d, hosts), [key]);
}
