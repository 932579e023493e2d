/**
 * What the panel lists for an account: the installed widgets that are Ingroup's on the evidence
 * (lib/attribution/), each with what it rests on and the data categories it collects, with the
 * actual values amoCRM holds for this account (policy §1); the other installed widgets, which the
 * administrator may mark; and what the page was seen sending to Ingroup's hosts.
 */
import type { Snapshot } from '../amocrm/snapshot-schema';
import { attributeWidgets, type Evidence } from '../attribution/attribute';
import type { EvidenceRow } from '../attribution/evidence';
import type { MarkRow, MarkValue } from '../attribution/marks';
import { observedValues, type ObservedHostView } from '../attribution/observed';
import type { Catalog, CatalogSource } from '../catalog/schema';
import { CATEGORIES } from '../policy/categories';
import type { CategoryKey } from '../policy/schema';
import type { Lang } from '../vocabulary';

export interface CollectedValue {
  /** A policy category, or a category Ingroup's catalog names that the policy does not. */
  key: string;
  label: string;
  /** The policy section; null for a category the policy does not name. */
  section: string | null;
  /** The value as amoCRM holds it; null when amoCRM does not show it to this user. */
  value: string | null;
  /** Why the value is missing. */
  missing?: 'admin_only' | 'no_phone' | 'not_in_policy';
}

export interface IngroupWidgetView {
  code: string;
  name: string;
  version: string;
  /** What the attribution rests on, strongest first. */
  evidence: Evidence[];
  mark: MarkValue | null;
  /** Where the categories come from: the catalog's entry, or the policy's §1 list when no catalog names the widget. */
  collectsFrom: 'catalog' | 'policy';
  collected: CollectedValue[];
}

export interface OtherWidgetView {
  code: string;
  /** The name the page gives, if any (page-supplied text). */
  name: string | null;
  mark: MarkValue | null;
}

export interface Inventory {
  widgets: IngroupWidgetView[];
  /** Installed widgets that are not Ingroup's on the evidence (or that the administrator marked so). */
  others: OtherWidgetView[];
  /** Every widget amoCRM listed for the account (public, installed, own). */
  listed: number;
  /** Entries of amoCRM's list that could not be read and were skipped. */
  skipped: number;
  /** Entries of Ingroup's catalog that were malformed and left out. */
  dropped: number;
  /** The page's requests to Ingroup's hosts, with this account's values found in them. */
  observed: ObservedHostView[];
}

const KNOWN = new Set<string>(CATEGORIES.map((c) => c.key));

function valueOf(key: CategoryKey, snapshot: Snapshot): Pick<CollectedValue, 'value' | 'missing'> {
  const admin = snapshot.admin;
  switch (key) {
    case 'account_id':
      return { value: String(snapshot.account.id) };
    case 'account_subdomain':
      return { value: snapshot.account.subdomain };
    case 'account_user_count':
      return snapshot.userCount === null
        ? { value: null, missing: 'admin_only' }
        : { value: String(snapshot.userCount) };
    case 'admin_name':
      return admin ? { value: admin.name } : { value: null, missing: 'admin_only' };
    case 'admin_email':
      return admin ? { value: admin.email } : { value: null, missing: 'admin_only' };
    case 'admin_phone':
      if (!admin) return { value: null, missing: 'admin_only' };
      return admin.phone ? { value: admin.phone } : { value: null, missing: 'no_phone' };
  }
}

/** The items `collects` names (every §1 item when null), with this account's values. */
export function collected(collects: readonly string[] | null, snapshot: Snapshot, lang: Lang): CollectedValue[] {
  // No catalog entry: the policy's §1 says what every widget collects from the installing administrator.
  const keys = collects ?? CATEGORIES.map((c) => c.key);
  const known = CATEGORIES.filter((c) => keys.includes(c.key)).map((c) => ({
    key: c.key,
    label: c.label[lang],
    section: c.section,
    ...valueOf(c.key, snapshot),
  }));
  const unknown = keys
    .filter((key) => !KNOWN.has(key))
    .map((key) => ({ key, label: key, section: null, value: null, missing: 'not_in_policy' as const }));
  return [...known, ...unknown];
}

export interface InventoryInput {
  snapshot: Snapshot;
  catalog: Catalog;
  source: CatalogSource;
  evidence: EvidenceRow | null;
  marks: readonly MarkRow[];
  lang: Lang;
}

export function buildInventory({ snapshot, catalog, source, evidence, marks, lang }: InventoryInput): Inventory {
  const versions = new Map(snapshot.widgets.map((w) => [w.code, w.version]));
  const attributed = attributeWidgets({ installed: snapshot.widgets, catalog, source, evidence, marks });
  const widgets = attributed
    .filter((a) => a.ingroup)
    .map((a) => ({
      code: a.code,
      name: a.name?.[lang] ?? a.code,
      version: versions.get(a.code) ?? '',
      evidence: a.evidence,
      mark: a.mark,
      collectsFrom: a.collects ? ('catalog' as const) : ('policy' as const),
      collected: collected(a.collects, snapshot, lang),
    }));
  const others = attributed
    .filter((a) => !a.ingroup)
    .map((a) => ({ code: a.code, name: a.name?.[lang] ?? null, mark: a.mark }));
  const admin = snapshot.admin;
  return {
    widgets,
    others,
    listed: snapshot.widgetTotal,
    skipped: snapshot.widgetsSkipped ?? 0,
    dropped: catalog.dropped?.length ?? 0,
    observed: observedValues(evidence?.observed ?? [], {
      account_id: String(snapshot.account.id),
      account_subdomain: snapshot.account.subdomain,
      admin_email: admin?.email ?? null,
      admin_phone: admin?.phone ?? null,
    }),
  };
}
