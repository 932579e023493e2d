/** Accounts the extension has seen, keyed by host; user-set values (regime) are kept apart from derived ones. */
import { parseAccountHost } from '../amocrm/host';
import { AccountRowSchema, type AccountRow, type PrivacyDb } from '../store/db';

export async function recordAccountSeen(db: PrivacyDb, host: string, now: number): Promise<AccountRow> {
  const parsed = parseAccountHost(host);
  if (!parsed) throw new Error(`Not an amoCRM account host: ${host}`);
  return db.transaction('rw', db.accounts, async () => {
    const existing = await db.accounts.get(parsed.host);
    const row: AccountRow = existing
      ? { ...existing, lastSeenAt: now }
      : { host: parsed.host, subdomain: parsed.subdomain, firstSeenAt: now, lastSeenAt: now };
    await db.accounts.put(AccountRowSchema.parse(row));
    return row;
  });
}

export async function updateAccount(db: PrivacyDb, host: string, patch: Partial<Omit<AccountRow, 'host' | 'subdomain' | 'firstSeenAt'>>): Promise<void> {
  await db.accounts.update(host, patch);
}
