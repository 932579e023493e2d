import { describe, expect, it } from 'vitest';
import { CatalogCacheRowSchema, CatalogSchema } from '@/lib/catalog/schema';

const widget = { code: 'ingroup_demo_reports', name: { ru: 'Отчёты (демо)', en: 'Reports (demo)' }, collects: ['admin_email', 'account_id'] };
const valid = {
  version: '2026-11-01',
  vendor: { name: 'Ingroup LLC', product: 'Widgets by Ingroup', email: 'support@ingru.ru', policyUrl: 'https://example.test/privacy' },
  policy: { effectiveDate: '2022-01-20', sha256: '798bbae77da8aa56e178355f301f576cf58522a3576f63124604e15ec86abafb' },
  widgets: [widget],
};

describe('the catalog schema (contract v1 GET /catalog)', () => {
  it.each([
    ['the documented shape', valid],
    ['no widgets at all', { ...valid, widgets: [] }],
    ['a widget that collects nothing', { ...valid, widgets: [{ ...widget, collects: [] }] }],
    ['fields the contract does not name yet', { ...valid, etag: 'x', vendor: { ...valid.vendor, site: 'https://x.test' }, widgets: [{ ...widget, icon: 'x.png' }] }],
  ])('accepts %s', (_label, input) => {
    expect(CatalogSchema.safeParse(input).success).toBe(true);
  });

  it.each([
    ['a missing version', { ...valid, version: undefined }],
    ['an empty version', { ...valid, version: '' }],
    ['a numeric version', { ...valid, version: 1 }],
    ['no vendor', { ...valid, vendor: undefined }],
    ['a vendor without email', { ...valid, vendor: { ...valid.vendor, email: undefined } }],
    ['a policy date that is not a date', { ...valid, policy: { ...valid.policy, effectiveDate: 'January 20th, 2022' } }],
    ['a policy hash that is not SHA-256 hex', { ...valid, policy: { ...valid.policy, sha256: 'abc' } }],
    ['widgets that are not a list', { ...valid, widgets: 'none' }],
    ['a widget with an empty code', { ...valid, widgets: [{ ...widget, code: '' }] }],
    ['a widget named in one language only', { ...valid, widgets: [{ ...widget, name: { en: 'Reports' } }] }],
    ['a category the policy does not name', { ...valid, widgets: [{ ...widget, collects: ['admin_password'] }] }],
    ['null', null],
    ['an HTML page', '<html>'],
  ])('rejects %s', (_label, input) => {
    expect(CatalogSchema.safeParse(input).success).toBe(false);
  });

  it.each([
    ['a cached endpoint catalog', { key: 'endpoint', fetchedAt: 1, base: 'https://api.ingru.ru/privacy/v1', catalog: valid }, true],
    ['a row under another key', { key: 'bundled', fetchedAt: 1, base: 'https://api.ingru.ru/privacy/v1', catalog: valid }, false],
    ['a row without its fetch time', { key: 'endpoint', base: 'https://api.ingru.ru/privacy/v1', catalog: valid }, false],
    ['a row whose catalog no longer parses', { key: 'endpoint', fetchedAt: 1, base: 'x', catalog: { version: 1 } }, false],
  ])('reads back %s: %s', (_label, row, ok) => {
    expect(CatalogCacheRowSchema.safeParse(row).success).toBe(ok);
  });
});
