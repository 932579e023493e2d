/**
 * What the panel shows about one account, read from amoCRM once and kept in Dexie: the account,
 * the administrator's profile (the values Ingroup's policy §1 says its widgets collect), the number
 * of users, and the installed widgets.
 *
 * Cold cost (DESIGN §9): 1 account + 1 user + 1 user count + ⌈widgets / 250⌉ widget pages,
 * i.e. 5 calls for a 300-widget account, whatever its number of users.
 */
import type { AmoClient } from './client';
import { AmoError } from './errors';
import { SnapshotSchema, type Snapshot } from './snapshot-schema';

// The shapes live apart (./snapshot-schema.ts) so the panel can parse a snapshot without the client's code.
export { SnapshotSchema, SnapshotWidgetSchema, type Snapshot, type SnapshotWidget } from './snapshot-schema';

/** A snapshot older than this is read again when the panel opens. */
export const SNAPSHOT_MAX_AGE_MS = 10 * 60_000;

type AdminPart = Pick<Snapshot, 'admin' | 'adminUnavailable' | 'userCount'>;

async function readAdmin(client: AmoClient, userId: number): Promise<AdminPart> {
  // Both are administrator-only; asked together so a cold read takes one round trip less.
  const [user, count] = await Promise.allSettled([client.getUser(userId), client.getUserCount()]);
  if (user.status === 'rejected') {
    if (user.reason instanceof AmoError && user.reason.kind === 'not_admin') {
      return { admin: null, adminUnavailable: 'not_admin', userCount: null };
    }
    throw user.reason;
  }
  if (count.status === 'rejected') throw count.reason;
  const u = user.value;
  return {
    admin: { id: u.id, name: u.name, email: u.email, phone: u.phone_number ?? null, isAdmin: u.rights.is_admin },
    adminUnavailable: null,
    userCount: count.value,
  };
}

/**
 * Reads the account through `client`. A non-administrator gets a snapshot without the profile and
 * user count (`adminUnavailable: 'not_admin'`); any other `AmoError` (signed out, rate limited, …)
 * is thrown as is.
 */
export async function buildSnapshot(client: AmoClient, host: string, now: number): Promise<Snapshot> {
  const account = await client.getAccount();
  const [adminPart, { widgets, skipped }] = await Promise.all([
    readAdmin(client, account.current_user_id),
    client.listWidgets(),
  ]);
  return SnapshotSchema.parse({
    host,
    fetchedAt: now,
    account: { id: account.id, name: account.name, subdomain: account.subdomain, country: account.country ?? null },
    ...adminPart,
    widgets: widgets
      .filter((w) => w.is_active_in_account)
      .map((w) => ({ id: w.id, code: w.code, version: w.version, rating: w.rating })),
    widgetTotal: widgets.length + skipped,
    widgetsSkipped: skipped,
  });
}

export function isStale(snapshot: Snapshot, now: number, maxAgeMs: number = SNAPSHOT_MAX_AGE_MS): boolean {
  const age = now - snapshot.fetchedAt;
  // A snapshot from the future means the clock moved back: trust it no more than an old one.
  return age < 0 || age >= maxAgeMs;
}
