/**
 * Ingroup's widget catalog, contract v1 `GET {base}/catalog` (DESIGN §5, §7; docs/openapi.yaml).
 *
 * Forward compatible: a category the policy does not name is kept (the panel shows it as named by
 * the catalog, not in the policy), and one malformed widget entry is dropped with a note
 * (`parseCatalog`), never the whole catalog.
 */
import { z } from 'zod/mini';
import { Bilingual } from '../policy/schema';
import { PolicyVersionSchema } from '../vocabulary';

export const CatalogWidgetSchema = z.looseObject({
  code: z.string().check(z.minLength(1), z.maxLength(200)),
  name: Bilingual,
  /** Data categories: the policy's keys, or one it does not name (kept, shown as such). */
  collects: z.array(z.string().check(z.minLength(1), z.maxLength(100))),
});
export type CatalogWidget = z.infer<typeof CatalogWidgetSchema>;

/** A widget entry left out, and why: shown to the administrator as a note. */
export const DroppedEntrySchema = z.object({ index: z.int(), reason: z.string() });
export type DroppedEntry = z.infer<typeof DroppedEntrySchema>;

const CatalogHead = {
  /** `string | integer` in the contract: a string once parsed. */
  version: z.pipe(
    z.union([z.string().check(z.minLength(1)), z.int()]),
    z.transform((v) => String(v)),
  ),
  vendor: z.looseObject({ name: z.string(), product: z.string(), email: z.string(), policyUrl: z.string() }),
  policy: PolicyVersionSchema,
};

export const CatalogSchema = z.looseObject({
  ...CatalogHead,
  widgets: z.array(CatalogWidgetSchema),
  /** Entries of the catalog as received that could not be read (absent when there were none). */
  dropped: z.optional(z.array(DroppedEntrySchema)),
});
export type Catalog = z.infer<typeof CatalogSchema>;

/** The catalog as it arrives: the head checked, the widgets read one by one (`parseCatalog`). */
const CatalogEnvelopeSchema = z.looseObject({ ...CatalogHead, widgets: z.array(z.unknown()) });

export type ParsedCatalog =
  { success: true; data: Catalog } | { success: false; where: string; error: z.core.$ZodError };

/** Reads a catalog: its head must be whole; a widget entry that is not is dropped and noted. */
export function parseCatalog(raw: unknown): ParsedCatalog {
  const envelope = CatalogEnvelopeSchema.safeParse(raw);
  if (!envelope.success)
    return {
      success: false,
      where: envelope.error.issues[0]?.path.join('.') || 'the top level',
      error: envelope.error,
    };
  const widgets: CatalogWidget[] = [];
  const dropped: DroppedEntry[] = [];
  envelope.data.widgets.forEach((entry, index) => {
    const parsed = CatalogWidgetSchema.safeParse(entry);
    if (parsed.success) widgets.push(parsed.data);
    else
      dropped.push({
        index,
        reason: `${parsed.error.issues[0]?.path.join('.') || 'entry'}: ${parsed.error.issues[0]?.message ?? 'unreadable'}`,
      });
  });
  return { success: true, data: { ...envelope.data, widgets, ...(dropped.length ? { dropped } : {}) } };
}

export const CatalogSource = z.enum(['endpoint', 'bundled']);
export type CatalogSource = z.infer<typeof CatalogSource>;

/** The endpoint's catalog as cached in Dexie. */
export const CatalogCacheRowSchema = z.object({
  key: z.literal('endpoint'),
  fetchedAt: z.number(),
  base: z.string(),
  catalog: CatalogSchema,
});
export type CatalogCacheRow = z.infer<typeof CatalogCacheRowSchema>;
