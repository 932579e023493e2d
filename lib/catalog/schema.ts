/** Ingroup's widget catalog, contract v1 `GET {base}/catalog` (DESIGN §5, §7). */
import { z } from 'zod/mini';
import { Bilingual, CategoryKey, PolicyVersionSchema } from '../policy/schema';

export const CatalogWidgetSchema = z.looseObject({
  code: z.string().check(z.minLength(1), z.maxLength(200)),
  name: Bilingual,
  collects: z.array(CategoryKey),
});
export type CatalogWidget = z.infer<typeof CatalogWidgetSchema>;

export const CatalogSchema = z.looseObject({
  version: z.string().check(z.minLength(1)),
  vendor: z.looseObject({ name: z.string(), product: z.string(), email: z.string(), policyUrl: z.string() }),
  policy: PolicyVersionSchema,
  widgets: z.array(CatalogWidgetSchema),
});
export type Catalog = z.infer<typeof CatalogSchema>;

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
