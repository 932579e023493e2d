/**
 * Which catalog to use: the endpoint's when fresh, a cached copy when the endpoint is unwell,
 * the bundled copy when there is nothing else — always saying which.
 */
import type { PrivacyDb } from '../db';
import { BUNDLED_CATALOG } from './bundled';
import { CatalogCacheRowSchema, CatalogSchema, type Catalog, type CatalogSource } from './schema';

export const CATALOG_MAX_AGE_MS = 24 * 60 * 60_000;

export class CatalogError extends Error {
  constructor(readonly code: 'catalog/network' | 'catalog/status' | 'catalog/malformed', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogError';
  }
}

export interface LoadedCatalog {
  catalog: Catalog;
  source: CatalogSource;
  fetchedAt: number | null;
  error?: CatalogError;
}

export interface LoadCatalogOptions {
  fetch: typeof fetch;
  base: string;
  db: PrivacyDb;
  now: () => number;
  maxAgeMs?: number;
  timeoutMs?: number;
}

/** The cached endpoint catalog (whatever its age), or the bundled one. Reads only the database. */
export async function cachedCatalog(db: PrivacyDb): Promise<LoadedCatalog> {
  const row = CatalogCacheRowSchema.safeParse(await db.catalog.get('endpoint'));
  return row.success ? { catalog: row.data.catalog, source: 'endpoint', fetchedAt: row.data.fetchedAt } : { catalog: BUNDLED_CATALOG, source: 'bundled', fetchedAt: null };
}

async function fetchCatalog(opts: LoadCatalogOptions): Promise<Catalog> {
  let response: Response;
  try {
    response = await opts.fetch(`${opts.base}/catalog`, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000) });
  } catch (error) {
    throw new CatalogError('catalog/network', 'Ingroup’s endpoint could not be reached for the widget catalog.', { cause: error });
  }
  if (!response.ok) throw new CatalogError('catalog/status', `Ingroup’s endpoint answered HTTP ${response.status} for the widget catalog.`);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new CatalogError('catalog/malformed', 'Ingroup’s widget catalog is not valid JSON.', { cause: error });
  }
  const parsed = CatalogSchema.safeParse(body);
  if (!parsed.success) throw new CatalogError('catalog/malformed', 'Ingroup’s widget catalog is not in the documented shape.', { cause: parsed.error });
  return parsed.data;
}

/** A fresh cache is served without network; otherwise fetch, validate, cache — or fall back. */
export async function loadCatalog(opts: LoadCatalogOptions): Promise<LoadedCatalog> {
  const cached = await cachedCatalog(opts.db);
  const row = await opts.db.catalog.get('endpoint');
  const fresh = cached.source === 'endpoint' && row?.base === opts.base && cached.fetchedAt !== null && opts.now() - cached.fetchedAt < (opts.maxAgeMs ?? CATALOG_MAX_AGE_MS);
  if (fresh) return cached;
  try {
    const catalog = await fetchCatalog(opts);
    const fetchedAt = opts.now();
    await opts.db.catalog.put({ key: 'endpoint', fetchedAt, base: opts.base, catalog });
    return { catalog, source: 'endpoint', fetchedAt };
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    return { ...cached, error };
  }
}
