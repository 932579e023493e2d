/** Ingroup's widgets among those installed, each saying which catalog recognised it. */
import { isKnownPolicyVersion } from '../policy/version';
import type { Catalog, CatalogSource, CatalogWidget } from './schema';

export interface IngroupMatch {
  code: string;
  entry: CatalogWidget;
  source: CatalogSource;
}

export function matchIngroupWidgets(
  installed: ReadonlyArray<{ code: string }>,
  catalog: Catalog,
  source: CatalogSource,
): IngroupMatch[] {
  const byCode = new Map(catalog.widgets.map((w) => [w.code, w]));
  return installed.flatMap(({ code }) => {
    const entry = byCode.get(code);
    return entry ? [{ code, entry, source }] : [];
  });
}

/** The catalog speaks of another policy than the one bundled: the admin should review it. */
export function policyVersionDiffers(catalog: Catalog): boolean {
  return !isKnownPolicyVersion(catalog.policy);
}
