/**
 * Everything the panel shows for one account, read in one go from the database. Served to the
 * panel by the background (lib/panel/feed.ts) and parsed again on arrival.
 */
import { z } from 'zod';
import { SnapshotSchema, readSnapshot } from '../amocrm/snapshot';
import { AccountRowSchema, type PrivacyDb } from '../db';

export const PanelModelSchema = z.object({
  host: z.string(),
  account: AccountRowSchema.nullable(),
  snapshot: SnapshotSchema.nullable(),
});
export type PanelModel = z.infer<typeof PanelModelSchema>;

export async function loadPanelModel(db: PrivacyDb, host: string, _now: number): Promise<PanelModel> {
  const [account, snapshot] = await Promise.all([db.accounts.get(host), readSnapshot(db, host)]);
  return { host, account: account ?? null, snapshot: snapshot ?? null };
}
