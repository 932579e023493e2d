/**
 * Everything the panel shows for one account, read in one go from the database. Served to the
 * panel by the background (lib/panel/feed.ts) and parsed again on arrival.
 */
import Dexie from 'dexie';
import { z } from 'zod';
import { SnapshotSchema, readSnapshot } from '../amocrm/snapshot';
import { cachedCatalog } from '../catalog/load';
import { CatalogSchema, CatalogSource } from '../catalog/schema';
import { LedgerEventSchema } from '../consent/event';
import { CurrentChoicesSchema, currentChoices, history } from '../consent/ledger';
import { AccountRowSchema, type PrivacyDb } from '../db';
import { RequestRecordSchema } from '../requests/record';

export const PanelModelSchema = z.object({
  host: z.string(),
  account: AccountRowSchema.nullable(),
  snapshot: SnapshotSchema.nullable(),
  /** The choice in force per purpose, derived from the ledger's last event. */
  choices: CurrentChoicesSchema,
  /** This account's consent events, oldest first. */
  consentHistory: z.array(LedgerEventSchema),
  /** This account's requests, newest first. */
  requests: z.array(RequestRecordSchema),
  /** The catalog that says which widgets are Ingroup's, and where it came from. */
  catalog: z.object({ catalog: CatalogSchema, source: CatalogSource, fetchedAt: z.number().nullable() }),
});
export type PanelModel = z.infer<typeof PanelModelSchema>;

export async function loadPanelModel(db: PrivacyDb, host: string, _now: number): Promise<PanelModel> {
  const [account, snapshot, choices, consentHistory, requests, catalog] = await Promise.all([
    db.accounts.get(host),
    readSnapshot(db, host),
    currentChoices(db, host),
    history(db, host),
    db.requests.where('[host+createdAt]').between([host, Dexie.minKey], [host, Dexie.maxKey]).reverse().toArray(),
    cachedCatalog(db),
  ]);
  return {
    host,
    account: account ?? null,
    snapshot: snapshot ?? null,
    choices,
    consentHistory,
    requests,
    catalog: { catalog: catalog.catalog, source: catalog.source, fetchedAt: catalog.fetchedAt },
  };
}
