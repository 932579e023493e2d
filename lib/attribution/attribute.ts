/**
 * Which installed widgets are Ingroup's, from every piece of evidence there is (DESIGN §5), each
 * match saying what it rests on, strongest first: the catalog, the vendor contact the widget
 * declares, the page's traffic to Ingroup's hosts, the administrator's own word. The
 * administrator's "not Ingroup's" overrules the rest.
 */
import { z } from 'zod/mini';
import type { Catalog, CatalogSource } from '../catalog/schema';
import { declaresIngroup, isIngroupHost, type EvidenceRow } from './evidence';
import { MarkValue, type MarkRow } from './marks';

export const EvidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('catalog'), source: z.enum(['endpoint', 'bundled']) }),
  z.object({ kind: z.literal('declared'), contact: z.string() }),
  z.object({ kind: z.literal('traffic'), hosts: z.array(z.string()) }),
  z.object({ kind: z.literal('admin') }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

export const AttributionSchema = z.object({
  code: z.string(),
  /** The catalog's name, else the name the page gives, else null. */
  name: z.nullable(z.object({ ru: z.string(), en: z.string() })),
  ingroup: z.boolean(),
  evidence: z.array(EvidenceSchema),
  mark: z.nullable(MarkValue),
  /** The catalog's categories, or null when no catalog names the widget. */
  collects: z.nullable(z.array(z.string())),
});
export type Attribution = z.infer<typeof AttributionSchema>;

/** Does `url` name the widget: its code as a path segment or a query value. */
function urlNames(url: string, code: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.pathname.split('/').includes(code) || [...parsed.searchParams.values()].includes(code);
  } catch {
    return false;
  }
}

export interface AttributionInput {
  installed: ReadonlyArray<{ code: string }>;
  catalog: Catalog;
  source: CatalogSource;
  evidence: EvidenceRow | null;
  marks: readonly MarkRow[];
}

/** Every installed widget with its evidence and verdict, in amoCRM's order. */
export function attributeWidgets({ installed, catalog, source, evidence, marks }: AttributionInput): Attribution[] {
  const byCode = new Map(catalog.widgets.map((w) => [w.code, w]));
  const declared = new Map((evidence?.declared ?? []).map((w) => [w.code, w]));
  const markOf = new Map(marks.map((m) => [m.code, m.mark]));
  return installed.map(({ code }) => {
    const entry = byCode.get(code);
    const page = declared.get(code);
    const found: Evidence[] = [];
    if (entry) found.push({ kind: 'catalog', source });
    if (page && declaresIngroup(page))
      found.push({ kind: 'declared', contact: (page.supportEmail ?? page.supportLink ?? '').trim() });
    const hosts = (evidence?.observed ?? [])
      .filter((o) => isIngroupHost(o.host) && o.urls.some((url) => urlNames(url, code)))
      .map((o) => o.host);
    if (hosts.length) found.push({ kind: 'traffic', hosts });
    const mark = markOf.get(code) ?? null;
    if (mark === 'ingroup') found.push({ kind: 'admin' });
    const pageName = page?.name ? { ru: page.name, en: page.name } : null;
    return {
      code,
      name: entry ? entry.name : pageName,
      ingroup: mark === 'ingroup' || (mark === null && found.length > 0),
      evidence: found,
      mark,
      collects: entry ? entry.collects : null,
    };
  });
}
