/**
 * Which catalog to use: the endpoint's when fresh, a cached copy when the endpoint is unwell,
 * the bundled copy when there is nothing else — always saying which, and why.
 *
 * A stale cached copy is preferred to the bundled one even when it came from another base URL
 * (the admin changed the endpoint in Options): it is still the last catalog Ingroup published.
 */
import { z } from 'zod/mini';
import { readCatalogCache, writeCatalogCache } from '../store/catalog';
import type { PrivacyDb } from '../store/db';
import { recordAnswered, recordFailure } from '../store/liveness';
import { BUNDLED_CATALOG } from './bundled';
import { parseCatalog, type CatalogCacheRow, type Catalog, type CatalogSource } from './schema';

export const CATALOG_MAX_AGE_MS = 24 * 60 * 60_000;
export const CATALOG_TIMEOUT_MS = 10_000;

export type CatalogErrorCode = 'catalog/network' | 'catalog/timeout' | 'catalog/status' | 'catalog/malformed';

export class CatalogError extends Error {
  /** The endpoint's HTTP status, for `catalog/status`. */
  readonly status: number | undefined;

  constructor(
    readonly code: CatalogErrorCode,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'CatalogError';
    this.status = options?.status;
  }
}

export interface LoadedCatalog {
  catalog: Catalog;
  source: CatalogSource;
  /** When the endpoint's copy was fetched; null for the bundled copy. */
  fetchedAt: number | null;
  /** Why the endpoint's catalog could not be fetched just now, when it could not. */
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

function fromCache(row: CatalogCacheRow | null): LoadedCatalog {
  return row
    ? { catalog: row.catalog, source: 'endpoint', fetchedAt: row.fetchedAt }
    : { catalog: BUNDLED_CATALOG, source: 'bundled', fetchedAt: null };
}

/** The cached endpoint catalog (whatever its age), or the bundled one. Reads only the database. */
export async function cachedCatalog(db: PrivacyDb): Promise<LoadedCatalog> {
  return fromCache(await readCatalogCache(db));
}

const Problem = z.looseObject({ title: z.optional(z.string()), detail: z.optional(z.string()) });

/** `application/problem+json`'s own words, when the endpoint gave any. */
async function problemText(response: Response): Promise<string> {
  if (!/^application\/problem\+json/i.test(response.headers.get('content-type') ?? '')) return '';
  const problem = Problem.safeParse(await response.json().catch(() => null));
  const words = problem.success ? (problem.data.detail ?? problem.data.title) : undefined;
  return words ? ` (“${words}”)` : '';
}

async function fetchCatalog(opts: LoadCatalogOptions): Promise<Catalog> {
  let response: Response;
  try {
    response = await opts.fetch(`${opts.base}/catalog`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(opts.timeoutMs ?? CATALOG_TIMEOUT_MS),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new CatalogError(
        'catalog/timeout',
        'Ingroup’s endpoint did not answer in time with the widget catalog. Try again later.',
        { cause: error },
      );
    }
    throw new CatalogError(
      'catalog/network',
      'Ingroup’s endpoint could not be reached for the widget catalog. Check the connection and the endpoint address in Options.',
      { cause: error },
    );
  }
  if (!response.ok) {
    const words = await problemText(response);
    throw new CatalogError(
      'catalog/status',
      `Ingroup’s endpoint answered HTTP ${response.status}${words} for the widget catalog. Try again later.`,
      { status: response.status },
    );
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    throw new CatalogError(
      'catalog/malformed',
      'Ingroup’s widget catalog is not valid JSON; the endpoint needs fixing.',
      { cause: error },
    );
  }
  const parsed = parseCatalog(body);
  if (!parsed.success) {
    throw new CatalogError(
      'catalog/malformed',
      `Ingroup’s widget catalog is not in the documented shape (at ${parsed.where}); the endpoint needs fixing.`,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}

/** A fresh cache is served without network; otherwise fetch, validate, cache — or fall back. */
export async function loadCatalog(opts: LoadCatalogOptions): Promise<LoadedCatalog> {
  const row = await readCatalogCache(opts.db);
  if (row && row.base === opts.base && opts.now() - row.fetchedAt < (opts.maxAgeMs ?? CATALOG_MAX_AGE_MS))
    return fromCache(row);
  try {
    const catalog = await fetchCatalog(opts);
    const fetchedAt = opts.now();
    await writeCatalogCache(opts.db, { fetchedAt, base: opts.base, catalog });
    // The endpoint answered in the contract's shape: it exists (lib/requests/liveness.ts).
    await recordAnswered(opts.db, opts.base, 'catalog', fetchedAt);
    return { catalog, source: 'endpoint', fetchedAt };
  } catch (error) {
    if (!(error instanceof CatalogError)) throw error;
    if (error.code !== 'catalog/malformed') await recordFailure(opts.db, opts.base, opts.now(), error.status);
    return { ...fromCache(row), error };
  }
}
