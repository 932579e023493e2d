import { describe, expect, it } from 'vitest';
import { CatalogCacheRowSchema, CatalogSchema, parseCatalog } from '@/lib/catalog/schema';

const widget = {
  code: 'ingroup_demo_reports',
  name: { ru: 'Отчёты (демо)', en: 'Reports (demo)' },
  collects: ['admin_email', 'account_id'],
};
const valid = {
  version: '2026-11-01',
  vendor: {
    name: 'Ingroup LLC',
    product: 'Widgets by Ingroup',
    email: 'support@ingru.ru',
    policyUrl: 'https://example.test/privacy',
  },
  policy: { effectiveDate: '2022-01-20', sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb' },
  widgets: [widget],
};

describe('the catalog schema (contract v1 GET /catalog)', () => {
  it.each([
    ['the documented shape', valid],
    ['no widgets at all', { ...valid, widgets: [] }],
    ['a widget that collects nothing', { ...valid, widgets: [{ ...widget, collects: [] }] }],
    [
      'fields the contract does not name yet',
      {
        ...valid,
        etag: 'x',
        vendor: { ...valid.vendor, site: 'https://x.test' },
        widgets: [{ ...widget, icon: 'x.png' }],
      },
    ],
  ])('accepts %s', (_label, input) => {
    expect(CatalogSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a missing version', { ...valid, version: undefined }],
    ['an empty version', { ...valid, version: '' }],
    ['no vendor', { ...valid, vendor: undefined }],
    ['a vendor without email', { ...valid, vendor: { ...valid.vendor, email: undefined } }],
    [
      'a policy date that is not a date',
      { ...valid, policy: { ...valid.policy, effectiveDate: 'January 20th, 2022' } },
    ],
    ['a policy hash that is not SHA-256 hex', { ...valid, policy: { ...valid.policy, sha256: 'abc' } }],
    ['widgets that are not a list', { ...valid, widgets: 'none' }],
    ['a widget with an empty code', { ...valid, widgets: [{ ...widget, code: '' }] }],
    ['a widget named in one language only', { ...valid, widgets: [{ ...widget, name: { en: 'Reports' } }] }],
    ['null', null],
    ['an HTML page', '<html>'],
  ])('rejects %s', (_label, input) => {
    expect(CatalogSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    [
      'a cached endpoint catalog',
      { key: 'endpoint', fetchedAt: 1, base: 'https://api.ingru.ru/privacy/v1', catalog: valid },
      true,
    ],
    [
      'a row under another key',
      { key: 'bundled', fetchedAt: 1, base: 'https://api.ingru.ru/privacy/v1', catalog: valid },
      false,
    ],
    [
      'a row without its fetch time',
      { key: 'endpoint', base: 'https://api.ingru.ru/privacy/v1', catalog: valid },
      false,
    ],
    [
      'a row whose catalog no longer parses',
      { key: 'endpoint', fetchedAt: 1, base: 'x', catalog: { version: 1 } },
      false,
    ],
  ])('reads back %s: %s', (_label, row, ok) => {
    expect(CatalogCacheRowSchema.safeParse(row).success).toBe(ok);
  });
});

describe('a newer catalog than this extension knows', () => {
  it('keeps a category the policy does not name', () => {
    const parsed = parseCatalog({ ...valid, widgets: [{ ...widget, collects: ['admin_email', 'call_recordings'] }] });
    expect(parsed.success && parsed.data.widgets[0]?.collects).toEqual(['admin_email', 'call_recordings']);
  });

  it('reads an integer version, as the contract allows', () => {
    const parsed = parseCatalog({ ...valid, version: 7 });
    expect(parsed.success && parsed.data.version).toBe('7');
  });

  it('drops one malformed widget entry with a note and keeps the rest', () => {
    const parsed = parseCatalog({ ...valid, widgets: [{ ...widget, code: '' }, widget, 'nonsense'] });
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.data.widgets.map((w) => w.code)).toEqual(['ingroup_demo_reports']);
    expect(parsed.data.dropped?.map((d) => d.index)).toEqual([0, 2]);
    expect(parsed.data.dropped?.[0]?.reason).toContain('code');
  });

  it('notes nothing when every entry is whole', () => {
    const parsed = parseCatalog(valid);
    expect(parsed.success && parsed.data.dropped).toBeUndefined();
  });

  it.each([
    ['no vendor', { ...valid, vendor: undefined }],
    ['widgets that are not a list', { ...valid, widgets: 'none' }],
    ['a policy hash that is not SHA-256 hex', { ...valid, policy: { ...valid.policy, sha256: 'abc' } }],
  ])('still refuses a catalog whose head is broken: %s', (_label, input) => {
    expect(parseCatalog(input).success).toBe(false);
  });
});
