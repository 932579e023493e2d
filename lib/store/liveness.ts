/** The endpoint's liveness record (lib/requests/liveness.ts), kept in the settings table under one key. */
import {
  LIVENESS_KEY,
  livenessMap,
  livenessOf,
  originOf,
  type AnsweredVia,
  type EndpointLiveness,
  type LivenessEntry,
} from '../requests/liveness';
import type { PrivacyDb } from './db';

type Settings = Pick<PrivacyDb, 'settings' | 'transaction'>;

/** The endpoint `base` as this browser knows it: answered when, failed when and how. */
export async function readLiveness(db: Pick<PrivacyDb, 'settings'>, base: string): Promise<EndpointLiveness> {
  return livenessOf((await db.settings.get(LIVENESS_KEY))?.value, base);
}

async function change(db: Settings, base: string, edit: (entry: LivenessEntry) => LivenessEntry): Promise<void> {
  const origin = originOf(base);
  await db.transaction('rw', db.settings, async () => {
    const map = livenessMap((await db.settings.get(LIVENESS_KEY))?.value);
    await db.settings.put({ key: LIVENESS_KEY, value: { ...map, [origin]: edit(map[origin] ?? {}) } });
  });
}

/** The endpoint answered in the contract's shape (a catalog, a receipt, a status). */
export async function recordAnswered(db: Settings, base: string, via: AnsweredVia, now: number): Promise<void> {
  await change(db, base, (entry) => ({ ...entry, answeredAt: Math.max(now, entry.answeredAt ?? 0), answeredVia: via }));
}

/** An attempt got no answer (`httpStatus` absent) or an HTTP error. */
export async function recordFailure(db: Settings, base: string, now: number, httpStatus?: number): Promise<void> {
  await change(db, base, (entry) => {
    const next: LivenessEntry = { ...entry, failedAt: now, problem: httpStatus === undefined ? 'unreachable' : 'http' };
    if (httpStatus === undefined) delete next.httpStatus;
    else next.httpStatus = httpStatus;
    return next;
  });
}
