import { accountLines, openRequests, type AccountLine, type OpenRequests } from '@/lib/store/queries';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

export type { AccountLine, OpenRequests };

/** The account lines, kept current across pages (requests are not read here, so the list paints at once). */
export function useAccountLines(): LiveResult<AccountLine[]> {
  return useLiveQuery(accountLines, []);
}

export function useOpenRequestCount(): LiveResult<OpenRequests> {
  return useLiveQuery(openRequests, []);
}
