/**
 * What the panel lists for an account: the installed Ingroup widgets, and for each the data
 * categories it collects with the actual values amoCRM holds for this account (policy §1).
 */
import type { Snapshot } from '../amocrm/snapshot';
import { matchIngroupWidgets } from '../catalog/match';
import type { Catalog, CatalogSource } from '../catalog/schema';
import type { Lang } from '../i18n/launcher';
import { CATEGORIES } from '../policy/categories';
import type { CategoryKey } from '../policy/schema';

export interface CollectedValue {
  key: CategoryKey;
  label: string;
  section: string;
  /** The value as amoCRM holds it; null when amoCRM does not show it to this user. */
  value: string | null;
  /** Why the value is missing. */
  missing?: 'admin_only' | 'no_phone';
}

export interface IngroupWidgetView {
  code: string;
  name: string;
  version: string;
  source: CatalogSource;
  collected: CollectedValue[];
}

export interface Inventory {
  widgets: IngroupWidgetView[];
  /** Installed widgets that are not Ingroup's. */
  otherInstalled: number;
  /** Every widget amoCRM listed for the account (public, installed, own). */
  listed: number;
}

function valueOf(key: CategoryKey, snapshot: Snapshot): Pick<CollectedValue, 'value' | 'missing'> {
  const admin = snapshot.admin;
  switch (key) {
    case 'account_id':
      return { value: String(snapshot.account.id) };
    case 'account_subdomain':
      return { value: snapshot.account.subdomain };
    case 'account_user_count':
      return snapshot.userCount === null ? { value: null, missing: 'admin_only' } : { value: String(snapshot.userCount) };
    case 'admin_name':
      return admin ? { value: admin.name } : { value: null, missing: 'admin_only' };
    case 'admin_email':
      return admin ? { value: admin.email } : { value: null, missing: 'admin_only' };
    case 'admin_phone':
      if (!admin) return { value: null, missing: 'admin_only' };
      return admin.phone ? { value: admin.phone } : { value: null, missing: 'no_phone' };
  }
}

export function buildInventory(snapshot: Snapshot, catalog: Catalog, source: CatalogSource, lang: Lang): Inventory {
  const matches = matchIngroupWidgets(snapshot.widgets, catalog, source);
  const versions = new Map(snapshot.widgets.map((w) => [w.code, w.version]));
  const widgets = matches.map((match) => ({
    code: match.code,
    name: match.entry.name[lang],
    version: versions.get(match.code) ?? '',
    source: match.source,
    collected: CATEGORIES.filter((c) => match.entry.collects.includes(c.key)).map((c) => ({
      key: c.key,
      label: c.label[lang],
      section: c.section,
      ...valueOf(c.key, snapshot),
    })),
  }));
  return { widgets, otherInstalled: snapshot.widgets.length - widgets.length, listed: snapshot.widgetTotal };
}
