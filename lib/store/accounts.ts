/**
 * The accounts table: every amoCRM account the extension has seen, keyed by host; user-set values
 * (regime) are kept apart from derived ones. Rows are parsed on read.
 */
import { AccountRowSchema, type AccountRow } from '../account';
import { parseAccountHost, regimeOf, type Regime } from '../vocabulary';
import type { PrivacyDb } from './db';
import { AppError } from '../errors';
import { parsedRow, parsedRows } from './rows';

type Accounts = Pick<PrivacyDb, 'accounts'>;

/**
 * Every account, most recently seen first. Read forward by `lastSeenAt` and turned around in
 * memory: IndexedDB's getAll reads forward only, and Dexie walks a reversed collection with a
 * cursor, one row per round trip (~0.5 ms a row).
 */
export async function accountsNewestFirst(db: Accounts): Promise<AccountRow[]> {
  return parsedRows(AccountRowSchema, await db.accounts.orderBy('lastSeenAt').toArray()).reverse();
}

export async function readAccount(db: Accounts, host: string): Promise<AccountRow | undefined> {
  return parsedRow(AccountRowSchema, await db.accounts.get(host));
}

/** The regime in force for `host`, read from its account row. */
export async function effectiveRegime(db: Accounts, host: string): Promise<Regime> {
  return regimeOf((await readAccount(db, host)) ?? host);
}

export async function recordAccountSeen(db: PrivacyDb, host: string, now: number): Promise<AccountRow> {
  const parsed = parseAccountHost(host);
  if (!parsed) throw new AppError('account/not_amocrm', `Not an amoCRM account host: ${host}`, { host });
  return db.transaction('rw', db.accounts, async () => {
    const existing = await db.accounts.get(parsed.host);
    const row: AccountRow = existing
      ? { ...existing, lastSeenAt: now }
      : { host: parsed.host, subdomain: parsed.subdomain, firstSeenAt: now, lastSeenAt: now };
    await db.accounts.put(AccountRowSchema.parse(row));
    return row;
  });
}

export async function updateAccount(
  db: PrivacyDb,
  host: string,
  patch: Partial<Omit<AccountRow, 'host' | 'subdomain' | 'firstSeenAt'>>,
): Promise<void> {
  await db.accounts.update(host, patch);
}
