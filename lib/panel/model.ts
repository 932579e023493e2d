/**
 * Everything the panel shows for one account, read in one go from the database. Served to the
 * panel by the background (lib/panel/feed.ts) and parsed again on arrival.
 */
import Dexie from 'dexie';
import { readSnapshot } from '../amocrm/snapshot';
import { readEvidence, readMarks } from '../attribution/store';
import { cachedCatalog } from '../catalog/load';
import { currentChoices, history } from '../consent/ledger';
import type { PrivacyDb } from '../db';
import { readLiveness } from '../requests/liveness';
import { readEndpointBase } from '../settings';
import type { PanelModel } from './model-schema';

export { PanelModelSchema, type PanelModel } from './model-schema';

export async function loadPanelModel(db: PrivacyDb, host: string, _now: number): Promise<PanelModel> {
  const [account, snapshot, choices, consentHistory, requests, catalog, evidence, marks, endpoint] = await Promise.all([
    db.accounts.get(host),
    readSnapshot(db, host),
    currentChoices(db, host),
    history(db, host),
    // Newest first: read forward (getAll) and turned around, rather than a reversed cursor walk.
    db.requests
      .where('[host+createdAt]')
      .between([host, Dexie.minKey], [host, Dexie.maxKey])
      .toArray()
      .then((rows) => rows.reverse()),
    cachedCatalog(db),
    readEvidence(db, host),
    readMarks(db, host),
    readEndpointBase(db).then((base) => readLiveness(db, base)),
  ]);
  return {
    host,
    account: account ?? null,
    snapshot: snapshot ?? null,
    choices,
    consentHistory,
    requests,
    catalog: { catalog: catalog.catalog, source: catalog.source, fetchedAt: catalog.fetchedAt },
    evidence,
    marks,
    endpoint,
  };
}
