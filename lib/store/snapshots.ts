/** The snapshots table: what was last read from amoCRM per account (lib/amocrm/snapshot.ts builds it). */
import { SnapshotSchema, type Snapshot } from '../amocrm/snapshot-schema';
import type { PrivacyDb } from './db';

type SnapshotStore = Pick<PrivacyDb, 'snapshots'>;

export async function saveSnapshot(db: SnapshotStore, snapshot: Snapshot): Promise<void> {
  await db.snapshots.put(SnapshotSchema.parse(snapshot));
}

/** The stored snapshot for `host`; a row that no longer parses (older format) counts as absent. */
export async function readSnapshot(db: SnapshotStore, host: string): Promise<Snapshot | undefined> {
  const row: unknown = await db.snapshots.get(host);
  if (row === undefined) return undefined;
  const parsed = SnapshotSchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}
