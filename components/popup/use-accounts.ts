import { db, type AccountRow } from '@/lib/db';
import type { ConsentState } from '@/lib/consent/event';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

export interface AccountLine {
  account: AccountRow;
  /** The marketing choice in force, null when none was recorded (the policy's default: allowed). */
  marketing: ConsentState | null;
}

/**
 * Every account with its marketing choice, through indexes only: the last ledger event of each
 * [host+marketing] in ledger order. Requests are not read here, so the list paints at once even
 * for an agency with thousands of requests and tens of thousands of events.
 */
export function useAccountLines(): LiveResult<AccountLine[]> {
  return useLiveQuery(async () => {
    const d = db();
    const accounts = await d.accounts.orderBy('lastSeenAt').reverse().toArray();
    const marketing = await Promise.all(accounts.map((a) => d.ledger.where('[host+purpose]').equals([a.host, 'marketing']).last()));
    return accounts.map((account, i) => ({ account, marketing: marketing[i]?.state ?? null }));
  }, []);
}

/** Requests still waiting on the outbox or on Ingroup, counted from the two sparse indexes. */
export function useOpenRequestCount(): LiveResult<number> {
  return useLiveQuery(async () => {
    const d = db();
    const [sending, polling] = await Promise.all([
      d.requests.where('outboxDueAt').above(0).primaryKeys(),
      d.requests.where('pollDueAt').above(0).primaryKeys(),
    ]);
    return new Set([...sending, ...polling]).size;
  }, []);
}
