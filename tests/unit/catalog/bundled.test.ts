import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { CatalogSchema } from '@/lib/catalog/schema';
import { CATEGORIES, POLICY_VERSION } from '@/lib/policy';

const raw: unknown = JSON.parse(readFileSync('lib/catalog/bundled.json', 'utf8'));

describe('the bundled catalog', () => {
  it('is a plain JSON file in the shape the endpoint serves', () => {
    expect(CatalogSchema.parse(raw)).toEqual(BUNDLED_CATALOG);
  });

  it('names Ingroup and the bundled policy version', () => {
    expect(BUNDLED_CATALOG.vendor).toMatchObject({
      name: 'Ingroup LLC',
      product: 'Widgets by Ingroup',
      email: 'support@ingru.ru',
    });
    expect(BUNDLED_CATALOG.policy).toEqual(POLICY_VERSION);
  });

  it('holds only invented demo codes, named in Russian and English', () => {
    expect(BUNDLED_CATALOG.widgets.map((w) => w.code)).toEqual([
      'ingroup_demo_autotasks',
      'ingroup_demo_duplicates',
      'ingroup_demo_telephony',
      'ingroup_demo_reports',
    ]);
    for (const w of BUNDLED_CATALOG.widgets) {
      expect(w.name.ru).toMatch(/[а-яё]/i);
      expect(w.name.en).toMatch(/demo/);
    }
  });

  it('covers every category at least once, each widget without repeats', () => {
    const seen = new Set(BUNDLED_CATALOG.widgets.flatMap((w) => w.collects));
    expect([...seen].sort()).toEqual(CATEGORIES.map((c) => c.key).sort());
    for (const w of BUNDLED_CATALOG.widgets) expect(new Set(w.collects).size).toBe(w.collects.length);
  });
});
