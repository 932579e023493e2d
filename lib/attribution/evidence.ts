/**
 * Evidence about which widgets are Ingroup's that the amoCRM page gives (DESIGN §5): the vendor
 * contact each installed widget declares (`APP.widgets.list[code].params.support`, read by the
 * MAIN-world script) and the page's own requests to Ingroup's hosts (Resource Timing). All of it is
 * page-controlled: parsed here, where it enters, and shown as evidence, never acted on.
 */
import { z } from 'zod/mini';
import { isIngroupHost } from './hosts';

const Text = (max: number) =>
  z.pipe(
    z.optional(z.nullable(z.string())),
    z.transform((v) => (v ? v.slice(0, max) : null)),
  );

/** One widget as the page's `APP.widgets.list` describes it, reduced by the MAIN-world script. */
export const PageWidgetSchema = z.object({
  code: z.string().check(z.minLength(1), z.maxLength(200)),
  name: Text(200),
  supportEmail: Text(320),
  supportLink: Text(500),
});
export type PageWidget = z.infer<typeof PageWidgetSchema>;

/** What the MAIN-world script hands over: the web app's language and its widget list. */
export const PageReportSchema = z.object({
  lang: Text(20),
  widgets: z.array(z.unknown()).check(z.maxLength(1000)),
});

/** A request the page made to an Ingroup host, from its Resource Timing entries. */
export const TrafficHitSchema = z.object({ url: z.string().check(z.maxLength(2000)), at: z.number() });
export type TrafficHit = z.infer<typeof TrafficHitSchema>;

/** One Ingroup host the page was seen talking to. `urls`: distinct addresses, the first few kept. */
export const ObservedHostSchema = z.object({
  host: z.string(),
  count: z.int().check(z.nonnegative()),
  firstSeen: z.number(),
  lastSeen: z.number(),
  urls: z.array(z.string()),
});
export type ObservedHost = z.infer<typeof ObservedHostSchema>;

/** What the extension has gathered about one account's widgets from its pages (Dexie `evidence`). */
export const EvidenceRowSchema = z.object({
  host: z.string(),
  /** The installed widgets the page listed last, with their declared contacts. */
  declared: z.array(PageWidgetSchema),
  declaredAt: z.nullable(z.number()),
  observed: z.array(ObservedHostSchema),
});
export type EvidenceRow = z.infer<typeof EvidenceRowSchema>;

/**
 * How long a page's widget list stands for the account: as long as amoCRM's own widgets read is kept
 * (lib/background/snapshot.ts). Page loads within it send no widget list, and most send no message.
 */
export const PAGE_REPORT_EVERY_MS = 10 * 60_000;

/** Whether a page load should pass on the page's widget list: none is kept, or the one kept is older than PAGE_REPORT_EVERY_MS. */
export function wantsPageReport(row: Pick<EvidenceRow, 'declaredAt'> | null, now: number): boolean {
  const at = row?.declaredAt ?? null;
  return at === null || now - at >= PAGE_REPORT_EVERY_MS || at > now;
}

/** Addresses kept per host: enough to show which account values went out, never a log. */
export const URLS_PER_HOST = 20;

export { isIngroupHost };

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** A support email or link on Ingroup's domain: the widget declares Ingroup as its vendor. */
export function declaresIngroup(widget: Pick<PageWidget, 'supportEmail' | 'supportLink'>): boolean {
  const emailDomain = widget.supportEmail?.trim().split('@')[1];
  if (emailDomain && widget.supportEmail?.split('@').length === 2 && isIngroupHost(emailDomain)) return true;
  const linkHost = widget.supportLink ? hostOf(widget.supportLink) : null;
  return linkHost !== null && isIngroupHost(linkHost);
}

/** The page's widget list, entry by entry: what cannot be read is left out. */
export function readPageWidgets(raw: readonly unknown[]): PageWidget[] {
  return raw.flatMap((entry) => {
    const parsed = PageWidgetSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Adds a page's requests to Ingroup hosts to what was observed before. */
export function mergeTraffic(observed: readonly ObservedHost[], hits: readonly TrafficHit[]): ObservedHost[] {
  const byHost = new Map(observed.map((o) => [o.host, { ...o, urls: [...o.urls] }]));
  for (const hit of hits) {
    const host = hostOf(hit.url);
    if (!host || !isIngroupHost(host)) continue;
    const row = byHost.get(host) ?? { host, count: 0, firstSeen: hit.at, lastSeen: hit.at, urls: [] };
    row.count += 1;
    row.firstSeen = Math.min(row.firstSeen, hit.at);
    row.lastSeen = Math.max(row.lastSeen, hit.at);
    if (!row.urls.includes(hit.url) && row.urls.length < URLS_PER_HOST) row.urls.push(hit.url);
    byHost.set(host, row);
  }
  return [...byHost.values()].sort((a, b) => a.host.localeCompare(b.host));
}
