import { db, type AccountRow } from '@/lib/db';
import type { ConsentState } from '@/lib/consent/event';
import { deriveStatus, isFinal, type RequestRecord } from '@/lib/requests/record';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

export interface AccountLine {
  account: AccountRow;
  /** The marketing choice in force, null when none was recorded (the policy's default: allowed). */
  marketing: ConsentState | null;
}

export interface PopupData {
  accounts: AccountLine[];
  openRequests: number;
  /** Every account's requests, newest first. */
  requests: RequestRecord[];
}

/**
 * Every account with its marketing choice, through indexes only: the last ledger event of each
 * [host+marketing] (ledger order), and the requests still waiting on Ingroup. Stays fast with
 * hundreds of accounts and tens of thousands of events.
 */
export function usePopupData(): LiveResult<PopupData> {
  return useLiveQuery(async () => {
    const d = db();
    const accounts = await d.accounts.orderBy('lastSeenAt').reverse().toArray();
    const marketing = await Promise.all(accounts.map((a) => d.ledger.where('[host+purpose]').equals([a.host, 'marketing']).last()));
    const requests = await d.requests.orderBy('createdAt').reverse().toArray();
    return {
      accounts: accounts.map((account, i) => ({ account, marketing: marketing[i]?.state ?? null })),
      openRequests: requests.filter((r) => !isFinal(deriveStatus(r).status)).length,
      requests,
    };
  }, []);
}
