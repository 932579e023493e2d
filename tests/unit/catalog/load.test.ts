import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { CATALOG_MAX_AGE_MS, cachedCatalog, loadCatalog } from '@/lib/catalog/load';
import { db, resetDbForTests } from '@/lib/store/db';

const BASE = 'https://api.ingru.ru/privacy/v1';
const remote = {
  ...BUNDLED_CATALOG,
  version: 'remote-1',
  widgets: [
    {
      code: 'ingroup_demo_remote',
      name: { ru: 'С сервера (демо)', en: 'From the endpoint (demo)' },
      collects: ['admin_email'],
    },
  ],
};

const json = (body: unknown, status = 200, type = 'application/json'): typeof fetch =>
  vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': type } }));
const unreachable = (): typeof fetch =>
  vi.fn(async () => {
    throw new TypeError('Failed to fetch');
  });
const timedOut = (): typeof fetch =>
  vi.fn(async () => {
    throw new DOMException('The operation timed out.', 'TimeoutError');
  });
const text = (body: string): typeof fetch =>
  vi.fn(async () => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } }));

const load = (fetchImpl: typeof fetch, now: number, base = BASE) =>
  loadCatalog({ fetch: fetchImpl, base, db: db(), now: () => now });

describe('loading the widget catalog', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('fetches GET {base}/catalog, keeps it in the database and says it came from the endpoint', async () => {
    const fetchImpl = json(remote);
    const loaded = await load(fetchImpl, 1000);
    expect(loaded).toMatchObject({ source: 'endpoint', fetchedAt: 1000, catalog: { version: 'remote-1' } });
    expect(loaded.error).toBeUndefined();
    const [url, init] = vi.mocked(fetchImpl).mock.calls[0] ?? [];
    expect(url).toBe(`${BASE}/catalog`);
    expect(init?.signal).toBeInstanceOf(AbortSignal);
    expect(await db().catalog.get('endpoint')).toMatchObject({
      key: 'endpoint',
      fetchedAt: 1000,
      base: BASE,
      catalog: { version: 'remote-1' },
    });
  });

  it('serves a fresh cached copy without touching the network', async () => {
    await load(json(remote), 1000);
    const fetchImpl = unreachable();
    const again = await load(fetchImpl, 1000 + CATALOG_MAX_AGE_MS - 1);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(again).toMatchObject({ source: 'endpoint', fetchedAt: 1000, catalog: { version: 'remote-1' } });
    expect(again.error).toBeUndefined();
  });

  it('fetches again once the cached copy is a day old', async () => {
    await load(json(remote), 1000);
    const newer = json({ ...remote, version: 'remote-2' });
    const later = await load(newer, 1000 + CATALOG_MAX_AGE_MS);
    expect(newer).toHaveBeenCalledOnce();
    expect(later).toMatchObject({
      source: 'endpoint',
      fetchedAt: 1000 + CATALOG_MAX_AGE_MS,
      catalog: { version: 'remote-2' },
    });
  });

  it('fetches again when the endpoint address changed, however fresh the cache', async () => {
    await load(json(remote), 1000);
    const other = json({ ...remote, version: 'other-1' });
    const loaded = await load(other, 1001, 'https://privacy.example.test/v1');
    expect(vi.mocked(other).mock.calls[0]?.[0]).toBe('https://privacy.example.test/v1/catalog');
    expect(loaded.catalog.version).toBe('other-1');
  });

  it.each([
    ['the endpoint is unreachable', unreachable(), 'catalog/network', /could not be reached/],
    ['the endpoint does not answer in time', timedOut(), 'catalog/timeout', /did not answer in time/],
    [
      'the endpoint answers 500 with a problem',
      json(
        { type: 'about:blank', title: 'Internal error', status: 500, detail: 'Catalog store is down' },
        500,
        'application/problem+json',
      ),
      'catalog/status',
      /HTTP 500 \(“Catalog store is down”\)/,
    ],
    [
      'the endpoint answers 404 with an HTML page',
      vi.fn(
        async () => new Response('<html>', { status: 404, headers: { 'content-type': 'text/html' } }),
      ) as typeof fetch,
      'catalog/status',
      /HTTP 404 for/,
    ],
    ['the endpoint answers JSON cut short', text('{"version":'), 'catalog/malformed', /not valid JSON/],
    [
      'the endpoint answers the wrong shape',
      json({ ...remote, widgets: 'none' }),
      'catalog/malformed',
      /documented shape \(at widgets\)/,
    ],
  ])('falls back to the bundled catalog when %s, and says why', async (_label, fetchImpl, code, message) => {
    const loaded = await load(fetchImpl, 1000);
    expect(loaded).toMatchObject({ source: 'bundled', fetchedAt: null, catalog: BUNDLED_CATALOG });
    expect(loaded.error?.code).toBe(code);
    expect(loaded.error?.message).toMatch(message);
    expect(await db().catalog.get('endpoint')).toBeUndefined();
  });

  it('keeps using a stale cached copy when the endpoint fails later, and says why', async () => {
    await load(json(remote), 1000);
    const later = await load(json({ title: 'Busy' }, 503, 'application/problem+json'), 1000 + 2 * CATALOG_MAX_AGE_MS);
    expect(later).toMatchObject({ source: 'endpoint', fetchedAt: 1000, catalog: { version: 'remote-1' } });
    expect(later.error).toMatchObject({ code: 'catalog/status', status: 503 });
  });

  it('never replaces a good cached copy with a malformed answer', async () => {
    await load(json(remote), 1000);
    await load(text('not json'), 1000 + 2 * CATALOG_MAX_AGE_MS);
    expect((await db().catalog.get('endpoint'))?.catalog.version).toBe('remote-1');
  });

  it('ignores a cached row that no longer parses and goes to the endpoint', async () => {
    await db().catalog.put({ key: 'endpoint', fetchedAt: 1000, base: BASE, catalog: { version: 7 } } as never);
    expect(await cachedCatalog(db())).toMatchObject({ source: 'bundled', fetchedAt: null });
    const fetchImpl = json(remote);
    const loaded = await load(fetchImpl, 1001);
    expect(fetchImpl).toHaveBeenCalledOnce();
    expect(loaded.catalog.version).toBe('remote-1');
  });

  it('reads the cached copy for pages without any network', async () => {
    expect(await cachedCatalog(db())).toEqual({ catalog: BUNDLED_CATALOG, source: 'bundled', fetchedAt: null });
    await load(json(remote), 1000);
    expect(await cachedCatalog(db())).toMatchObject({
      source: 'endpoint',
      fetchedAt: 1000,
      catalog: { version: 'remote-1' },
    });
  });
});
