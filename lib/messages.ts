/**
 * The one message protocol (DESIGN §8, STYLE 4): every message is parsed with zod where it
 * arrives, every sender is checked in one place, and each type names who may send it.
 *
 * - `content`: a content script on an amoCRM account origin (tiny allowlist).
 * - `page`: an extension page (panel, popup, options) — everything that changes data.
 * Background → content-script messages (`amo/fetch`, `panel/open`) are checked the same way on
 * the receiving side: only this extension may send them.
 */
import { z } from 'zod/mini';
import { isAccountOrigin } from './amocrm/host';

const Host = z.string().check(z.regex(/^[a-z0-9-]+\.(amocrm\.ru|amocrm\.com|kommo\.com)$/));

export const ToBackground = z.discriminatedUnion('type', [
  z.object({ type: z.literal('page/seen'), host: Host }),
  z.object({ type: z.literal('snapshot/refresh'), host: Host, tabId: z.optional(z.int()), force: z.optional(z.boolean()) }),
  z.object({
    type: z.literal('consent/record'),
    host: Host,
    purpose: z.enum(['marketing', 'improvements', 'third_party_combination']),
    state: z.enum(['given', 'refused', 'withdrawn']),
    method: z.enum(['popup', 'panel']),
  }),
  z.object({ type: z.literal('consent/record-all'), state: z.enum(['given', 'refused']), method: z.enum(['popup', 'panel']) }),
  z.object({ type: z.literal('request/submit'), draft: z.record(z.string(), z.unknown()) }),
  z.object({ type: z.literal('request/email-sent'), id: z.uuid() }),
  z.object({ type: z.literal('request/retry'), id: z.uuid() }),
  /** Send what is due now; with `checkNow`, also ask Ingroup for every open request's status now. */
  z.object({ type: z.literal('outbox/flush'), checkNow: z.optional(z.boolean()) }),
  z.object({ type: z.literal('ledger/import'), text: z.string().check(z.maxLength(20_000_000)) }),
  z.object({ type: z.literal('data/wipe'), confirm: z.literal('wipe') }),
  z.object({ type: z.literal('settings/regime'), host: Host, regime: z.enum(['ru152', 'gdpr']) }),
  z.object({ type: z.literal('settings/endpoint'), base: z.nullable(z.url({ protocol: /^https$/ })) }),
  z.object({ type: z.literal('panel/close') }),
  /** Which required host permissions are withheld: Firefox gives the panel's frame no `permissions` API. */
  z.object({ type: z.literal('access/missing') }),
]);
export type ToBackground = z.infer<typeof ToBackground>;
export type ToBackgroundType = ToBackground['type'];

/** Who may send each message to the background. */
export const SENDERS: Record<ToBackgroundType, 'content' | 'page'> = {
  'page/seen': 'content',
  'snapshot/refresh': 'page',
  'consent/record': 'page',
  'consent/record-all': 'page',
  'request/submit': 'page',
  'request/email-sent': 'page',
  'request/retry': 'page',
  'outbox/flush': 'page',
  'ledger/import': 'page',
  'data/wipe': 'page',
  'settings/regime': 'page',
  'settings/endpoint': 'page',
  'panel/close': 'page',
  'access/missing': 'page',
};

import { AMO_PATH } from './messages-to-content';

/** Background → content script. The content script checks these with lightweight guards (lib/messages-to-content.ts). */
export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('amo/fetch'), path: z.string().check(z.regex(AMO_PATH)) }),
  z.object({ type: z.literal('panel/open') }),
  z.object({ type: z.literal('panel/close') }),
]);
export type ToContent = z.infer<typeof ToContent>;

/** What a content script's fetch of amoCRM's API came back with, before any parsing. */
export const AmoFetchReply = z.object({
  status: z.int(),
  contentType: z.string(),
  retryAfter: z.nullable(z.string()),
  body: z.string(),
});
export type AmoFetchReply = z.infer<typeof AmoFetchReply>;

/** The background's answer to `page/seen`: how many Ingroup widgets the launcher may show. */
export const PageSeenReply = z.object({ ingroupCount: z.nullable(z.int().check(z.nonnegative())) });

/** What each message answers — parsed by the sender, so no caller picks its own reply type. */
export const REPLIES = {
  'page/seen': PageSeenReply,
  'snapshot/refresh': z.object({ fetchedAt: z.number() }),
  'consent/record': z.object({ id: z.string() }),
  'consent/record-all': z.object({ count: z.int() }),
  'request/submit': z.object({ id: z.string() }),
  'request/email-sent': z.object({ id: z.string() }),
  'request/retry': z.object({ id: z.string() }),
  'outbox/flush': z.object({ sent: z.int(), retried: z.int(), failed: z.int(), nextDueAt: z.nullable(z.number()) }),
  'ledger/import': z.object({ added: z.int(), duplicates: z.int(), rejected: z.array(z.object({ index: z.int(), reason: z.string() })) }),
  'data/wipe': z.object({ wiped: z.literal(true) }),
  'settings/regime': z.object({ regime: z.enum(['ru152', 'gdpr']) }),
  'settings/endpoint': z.object({ base: z.string() }),
  'panel/close': z.object({ closed: z.boolean() }),
  'access/missing': z.object({ missing: z.array(z.string()) }),
} satisfies Record<ToBackgroundType, z.core.$ZodType>;
export type ReplyOf<T extends ToBackgroundType> = z.infer<(typeof REPLIES)[T]>;

/** Every reply is an envelope, so a refused or failed message is a typed error, not a throw. */
export const ReplyError = z.object({ code: z.string(), message: z.string() });
export type Reply<T> = { ok: true; value: T } | { ok: false; error: z.infer<typeof ReplyError> };
export const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ReplyError }),
]);

export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
  tab?: { id?: number | undefined } | undefined;
  frameId?: number | undefined;
}

export type SenderKind = 'content' | 'page';

/**
 * Who sent this: an extension page, a content script on an amoCRM account, or nobody we accept.
 * `extensionOrigin` is `browser.runtime.getURL('')` without the trailing slash.
 */
export function senderKind(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  const url = sender.url ?? '';
  // Compared as text: a WHATWG URL has an opaque ("null") origin for non-web schemes outside the browser.
  if (sender.origin === extensionOrigin || (sender.origin === undefined && url.startsWith(`${extensionOrigin}/`))) return 'page';
  const origin = sender.origin ?? webOrigin(url);
  if (origin && isAccountOrigin(origin) && sender.tab?.id !== undefined) return 'content';
  return null;
}

function webOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

export class MessageRefused extends Error {
  constructor(readonly code: 'bad-sender' | 'bad-message' | 'not-allowed', message: string) {
    super(message);
    this.name = 'MessageRefused';
  }
}

/** Parse and authorise a message for the background. Throws `MessageRefused` with the reason. */
export function acceptToBackground(raw: unknown, sender: SenderLike, extensionId: string, extensionOrigin: string): { message: ToBackground; kind: SenderKind } {
  const kind = senderKind(sender, extensionId, extensionOrigin);
  if (!kind) throw new MessageRefused('bad-sender', 'Message from an unknown sender');
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) throw new MessageRefused('bad-message', 'Malformed message');
  if (SENDERS[parsed.data.type] !== kind) {
    throw new MessageRefused('not-allowed', `${parsed.data.type} may not be sent from a ${kind === 'content' ? 'content script' : 'page'}`);
  }
  if (kind === 'content' && 'host' in parsed.data) {
    // A content script speaks only for the account it runs on.
    const origin = sender.origin ?? webOrigin(sender.url ?? '') ?? '';
    if (new URL(origin).hostname !== parsed.data.host) throw new MessageRefused('not-allowed', 'Host does not match the sender');
  }
  return { message: parsed.data, kind };
}

export function errorReply(error: unknown): Reply<never> {
  if (error instanceof MessageRefused) return { ok: false, error: { code: error.code, message: error.message } };
  const code = error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : 'failed';
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: { code, message } };
}
