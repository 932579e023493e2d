/**
 * Wiping all local data, and the generation counter that keeps work in flight from writing back
 * what a wipe deleted. A send, a status check or an amoCRM read that started before a wipe notes
 * the generation it started in; its write is discarded when a wipe came in between, and a pass
 * that finds the generation moved stops sending. Kept in memory: a background that restarts has
 * no work in flight.
 */
import type { PrivacyDb } from './store/db';

const generations = new WeakMap<PrivacyDb, number>();

/** The wipe generation `db` is in now; compare with `isCurrent` before writing back. */
export function wipeGeneration(db: PrivacyDb): number {
  return generations.get(db) ?? 0;
}

/** True while no wipe has happened since `generation` was read. */
export function isCurrent(db: PrivacyDb, generation: number): boolean {
  return wipeGeneration(db) === generation;
}

/**
 * Clears every table in one transaction (the ledger and the choices derived from it are never
 * seen half cleared). The generation moves first, so a write queued behind the wipe already sees it.
 */
export async function wipeAll(db: PrivacyDb): Promise<void> {
  generations.set(db, wipeGeneration(db) + 1);
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}
