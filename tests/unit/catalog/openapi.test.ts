/**
 * docs/openapi.yaml and the client's catalog schema say the same thing: read with a YAML parser
 * (yaml), not by eye.
 */
import { readFileSync } from 'node:fs';
import { resolve as resolvePath } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { CatalogWidgetSchema, parseCatalog } from '@/lib/catalog/schema';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';

interface JsonSchema {
  type?: string | string[];
  required?: string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
}

const spec = parseYaml(readFileSync(resolvePath(process.cwd(), 'docs/openapi.yaml'), 'utf8')) as {
  components: { schemas: Record<string, JsonSchema> };
};
const catalog = spec.components.schemas['Catalog'];
const widget = catalog?.properties?.['widgets']?.items;

/** The smallest catalog the contract allows, built from the contract's own `required` lists. */
function minimal(schema: JsonSchema | undefined, name: string): unknown {
  const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
  if (type === 'array') return [minimal(schema?.items, name)];
  if (type === 'integer') return 3;
  if (type === 'string' || type === undefined) {
    if (name === 'effectiveDate') return '2022-01-20';
    if (name === 'sha256') return BUNDLED_CATALOG.policy.sha256;
    return `fixture ${name}`;
  }
  return Object.fromEntries(
    (schema?.required ?? []).map((key) => [key, minimal(resolve(schema?.properties?.[key]), key)]),
  );
}

function resolve(schema: JsonSchema | undefined): JsonSchema | undefined {
  const ref = (schema as { $ref?: string } | undefined)?.$ref;
  return ref ? spec.components.schemas[ref.split('/').pop() ?? ''] : schema;
}

describe('the catalog contract and the client agree', () => {
  it('requires the same widget fields as the contract', () => {
    expect(widget?.required?.slice().sort()).toEqual(Object.keys(CatalogWidgetSchema.def.shape).sort());
  });

  it('reads the smallest catalog the contract allows', () => {
    const parsed = parseCatalog(minimal(catalog, 'catalog'));
    expect(parsed.success).toBe(true);
    expect(parsed.success && parsed.data.dropped).toBeUndefined();
  });

  it('reads every version type the contract allows', () => {
    const types = catalog?.properties?.['version']?.type;
    expect(types).toEqual(['string', 'integer']);
    for (const version of ['2026-12-01', 42]) expect(parseCatalog({ ...BUNDLED_CATALOG, version }).success).toBe(true);
  });

  it('takes any string as a category, as the contract does (no list of keys to fall behind)', () => {
    expect(widget?.properties?.['collects']?.items).toEqual({ type: 'string' });
    const parsed = parseCatalog({
      ...BUNDLED_CATALOG,
      widgets: [{ code: 'x', name: { ru: 'x', en: 'x' }, collects: ['call_recordings'] }],
    });
    expect(parsed.success && parsed.data.widgets[0]?.collects).toEqual(['call_recordings']);
  });
});
