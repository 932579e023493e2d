import { db, type AccountRow, type PrivacyDb } from '@/lib/db';
import type { ConsentState } from '@/lib/consent/event';
import { ATTENTION_KEY, AttentionSchema, type Attention } from '@/lib/requests/attention';
import { useLiveQuery, type LiveResult } from '../common/use-live-query';

export interface AccountLine {
  account: AccountRow;
  /** The marketing choice in force, null when none was recorded (the policy's default: allowed). */
  marketing: ConsentState | null;
}

/**
 * Every account, most recently seen first, with its marketing choice: two indexed reads whatever
 * the number of accounts or the length of the ledger — the accounts by `lastSeenAt`, and the
 * marketing rows of the table of choices in force (lib/consent/choices.ts) by `purpose`. That
 * table already holds the latest choice by time, not by ledger position, so an older choice
 * brought in by an import never shows over a newer one (the panel reads the same rows).
 */
export async function readAccountLines(d: PrivacyDb): Promise<AccountLine[]> {
  const [oldestFirst, marketing] = await Promise.all([
    // Read forward and turn around in memory: IndexedDB's getAll reads forward only, and Dexie
    // walks a reversed collection with a cursor, one row per round trip (~0.5 ms a row here).
    d.accounts.orderBy('lastSeenAt').toArray(),
    d.choices.where('purpose').equals('marketing').toArray(),
  ]);
  const accounts = oldestFirst.reverse();
  const stateOf = new Map(marketing.map((row) => [row.host, row.state]));
  return accounts.map((account) => ({ account, marketing: stateOf.get(account.host) ?? null }));
}

/** The account lines, kept current across pages (requests are not read here, so the list paints at once). */
export function useAccountLines(): LiveResult<AccountLine[]> {
  return useLiveQuery(() => readAccountLines(db()), []);
}

/**
 * Requests not yet completed or rejected — being sent, failing, not delivered, saved for email,
 * emailed, waiting on Ingroup — counted from the sparse `openSince` index (database v5).
 */
export async function countOpenRequests(d: PrivacyDb): Promise<number> {
  return d.requests.where('openSince').above(0).count();
}

export interface OpenRequests {
  open: number;
  /** What the badge counts, as the background last derived it; null before its first run. */
  attention: Attention | null;
}

export async function readOpenRequests(d: PrivacyDb): Promise<OpenRequests> {
  const [open, row] = await Promise.all([countOpenRequests(d), d.settings.get(ATTENTION_KEY)]);
  const attention = AttentionSchema.safeParse(row?.value);
  return { open, attention: attention.success ? attention.data : null };
}

export function useOpenRequestCount(): LiveResult<OpenRequests> {
  return useLiveQuery(() => readOpenRequests(db()), []);
}
