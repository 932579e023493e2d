/** The catalog table: the endpoint's catalog as last fetched (lib/catalog/load.ts decides when). */
import { CatalogCacheRowSchema, type CatalogCacheRow } from '../catalog/schema';
import type { PrivacyDb } from './db';
import { parsedRow } from './rows';

type CatalogTable = Pick<PrivacyDb, 'catalog'>;

const KEY = 'endpoint';

/** The cached row, if it is there and still in the documented shape. */
export async function readCatalogCache(db: CatalogTable): Promise<CatalogCacheRow | null> {
  return parsedRow(CatalogCacheRowSchema, await db.catalog.get(KEY)) ?? null;
}

export async function writeCatalogCache(db: CatalogTable, row: Omit<CatalogCacheRow, 'key'>): Promise<void> {
  await db.catalog.put({ key: KEY, ...row });
}
