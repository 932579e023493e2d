/**
 * Messages the background sends to the content script, checked without zod: the content script
 * runs on every amoCRM page and zod/mini alone would cost 5.4 KB of its 10 KB gzipped budget
 * (DESIGN §9). These guards are held to the zod schemas in lib/messages.ts by
 * tests/unit/messages-to-content.test.ts, so the two cannot drift.
 */

export type ToContentMessage = { type: 'amo/fetch'; path: string } | { type: 'panel/open' } | { type: 'panel/close' };

/** Only the three read-only API v4 resources the snapshot needs, GET only. */
export const AMO_PATH = /^\/api\/v4\/(account|users|widgets)(\/\d+)?(\?[\w=&,.-]*)?$/;

function isRecord(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

export function parseToContent(raw: unknown): ToContentMessage | null {
  if (!isRecord(raw)) return null;
  if (raw.type === 'amo/fetch')
    return typeof raw.path === 'string' && AMO_PATH.test(raw.path) ? { type: 'amo/fetch', path: raw.path } : null;
  if (raw.type === 'panel/open' || raw.type === 'panel/close') return { type: raw.type };
  return null;
}

/** True when the background's `page/seen` reply asks for the page's widget list (anything else: false). */
export function parsePageSeenReport(raw: unknown): boolean {
  return isRecord(raw) && raw.ok === true && isRecord(raw.value) && raw.value.report === true;
}

/** The background's `page/seen` reply envelope, reduced to the launcher's count. */
export function parsePageSeenCount(raw: unknown): number | null | undefined {
  if (!isRecord(raw) || raw.ok !== true || !isRecord(raw.value)) return undefined;
  const count = raw.value.ingroupCount;
  return count === null || (typeof count === 'number' && Number.isInteger(count) && count >= 0) ? count : undefined;
}
