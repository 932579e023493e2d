import { db, type AccountRow, type PrivacyDb } from '@/lib/db';
import type { ConsentState, LedgerEvent } from '@/lib/consent/event';
import { isLater } from '@/lib/consent/ledger';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

export interface AccountLine {
  account: AccountRow;
  /** The marketing choice in force, null when none was recorded (the policy's default: allowed). */
  marketing: ConsentState | null;
}

/**
 * Every account, most recently seen first, with its marketing choice: two indexed reads whatever
 * the number of accounts — the accounts by `lastSeenAt`, and the marketing events of all of them
 * at once through [host+purpose]. Latest by time, not by ledger position, so an older choice
 * brought in by an import never shows over a newer one (the panel says the same).
 */
export async function readAccountLines(d: PrivacyDb): Promise<AccountLine[]> {
  const accounts = await d.accounts.orderBy('lastSeenAt').reverse().toArray();
  const events = accounts.length ? await d.ledger.where('[host+purpose]').anyOf(accounts.map((a) => [a.host, 'marketing'])).toArray() : [];
  const latest = new Map<string, LedgerEvent>();
  for (const event of events) {
    const known = latest.get(event.host);
    if (!known || isLater(event, known)) latest.set(event.host, event);
  }
  return accounts.map((account) => ({ account, marketing: latest.get(account.host)?.state ?? null }));
}

/** The account lines, kept current across pages (requests are not read here, so the list paints at once). */
export function useAccountLines(): LiveResult<AccountLine[]> {
  return useLiveQuery(() => readAccountLines(db()), []);
}

/** Requests still waiting on the outbox or on Ingroup, counted from the two sparse indexes. */
export async function countOpenRequests(d: PrivacyDb): Promise<number> {
  const [sending, polling] = await Promise.all([d.requests.where('outboxDueAt').above(0).primaryKeys(), d.requests.where('pollDueAt').above(0).primaryKeys()]);
  return new Set([...sending, ...polling]).size;
}

export function useOpenRequestCount(): LiveResult<number> {
  return useLiveQuery(() => countOpenRequests(db()), []);
}
