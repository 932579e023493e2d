import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { loadCatalog } from '@/lib/catalog/load';
import { matchIngroupWidgets, policyVersionDiffers } from '@/lib/catalog/match';
import { CatalogSchema } from '@/lib/catalog/schema';
import { db, resetDbForTests } from '@/lib/db';

const BASE = 'https://api.ingru.ru/privacy/v1';
const remote = { ...BUNDLED_CATALOG, version: 'remote-1', widgets: [{ code: 'ingroup_remote', name: { ru: 'Удалённый', en: 'Remote' }, collects: ['admin_email'] }] };
const json = (body: unknown, status = 200): typeof fetch => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const fail: typeof fetch = async () => {
  throw new TypeError('Failed to fetch');
};

describe('the widget catalog', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('ships a bundled catalog that matches the contract, with demo codes only', () => {
    expect(CatalogSchema.safeParse(BUNDLED_CATALOG).success).toBe(true);
    expect(BUNDLED_CATALOG.widgets.every((w) => w.code.startsWith('ingroup_demo_'))).toBe(true);
  });

  it.each([
    ['the endpoint is unreachable', fail, 'catalog/network'],
    ['the endpoint answers 500', json({ title: 'oops' }, 500), 'catalog/status'],
    ['the endpoint answers malformed JSON', (async () => new Response('{"version":', { status: 200 })) as typeof fetch, 'catalog/malformed'],
    ['the endpoint answers the wrong shape', json({ version: 1, widgets: 'none' }), 'catalog/malformed'],
  ])('falls back to the bundled catalog when %s, and says why', async (_label, fetchImpl, code) => {
    const loaded = await loadCatalog({ fetch: fetchImpl, base: BASE, db: db(), now: () => 1000 });
    expect(loaded.source).toBe('bundled');
    expect(loaded.error?.code).toBe(code);
  });

  it('caches the endpoint catalog and serves it fresh without the network', async () => {
    await loadCatalog({ fetch: json(remote), base: BASE, db: db(), now: () => 1000 });
    const again = await loadCatalog({ fetch: fail, base: BASE, db: db(), now: () => 2000 });
    expect(again).toMatchObject({ source: 'endpoint', fetchedAt: 1000 });
    expect(again.catalog.version).toBe('remote-1');
  });

  it('keeps a stale cached catalog when the endpoint fails later', async () => {
    await loadCatalog({ fetch: json(remote), base: BASE, db: db(), now: () => 1000 });
    const later = await loadCatalog({ fetch: fail, base: BASE, db: db(), now: () => 1000 + 48 * 3600_000 });
    expect(later.source).toBe('endpoint');
    expect(later.error?.code).toBe('catalog/network');
  });

  it('matches installed widgets by code and names the catalog', () => {
    const matches = matchIngroupWidgets([{ code: 'ingroup_demo_reports' }, { code: 'someone_else' }], BUNDLED_CATALOG, 'bundled');
    expect(matches.map((m) => [m.code, m.source])).toEqual([['ingroup_demo_reports', 'bundled']]);
  });

  it('notices a catalog that speaks of another policy version', () => {
    expect(policyVersionDiffers(BUNDLED_CATALOG)).toBe(false);
    expect(policyVersionDiffers({ ...BUNDLED_CATALOG, policy: { effectiveDate: '2026-01-01', sha256: 'a'.repeat(64) } })).toBe(true);
  });
});
