/**
 * The one message protocol (DESIGN §8, STYLE 4): every message is parsed with zod where it
 * arrives, every sender is checked in one place, and each type names who may send it.
 *
 * - `content`: a content script on an amoCRM account origin (tiny allowlist).
 * - `panel`: the panel, an extension page framed inside an amoCRM tab. The page around it is
 *   hostile (DESIGN §8): its account is the tab's, bound here, and it may send only what it needs.
 * - `page`: a top-level extension page (popup, options) — everything that changes data.
 *
 * Every message is a strict object: a member the schema does not name is refused, not dropped.
 * Background → content-script messages (`amo/fetch`, `panel/open`) are checked the same way on
 * the receiving side: only this extension may send them.
 */
import { z } from 'zod/mini';
import { AccountHostSchema as Host, ConsentPurpose, ConsentState, isAccountOrigin, RegimeSchema } from './vocabulary';
import { AppError, toWire } from './errors';

/** The administrator's word on a widget (lib/attribution/marks.ts holds the rows). */
const MarkValue = z.enum(['ingroup', 'not_ingroup']);
/** A request the page made to an Ingroup host, from its Resource Timing entries. */
const TrafficHit = z.strictObject({ url: z.string().check(z.maxLength(2000)), at: z.number() });

export const ToBackground = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page/seen'), host: Host }),
  /**
   * What the page showed, read after it loaded: the MAIN-world script's report (raw JSON, parsed in
   * the background) and the page's requests to Ingroup's hosts. Page-controlled evidence.
   */
  z.strictObject({
    type: z.literal('page/evidence'),
    host: Host,
    report: z.nullable(z.string().check(z.maxLength(500_000))),
    traffic: z.array(TrafficHit).check(z.maxLength(500)),
  }),
  /** The administrator's mark on a widget: from the panel or the other pages, never a content script. */
  z.strictObject({
    type: z.literal('widget/mark'),
    host: Host,
    code: z.string().check(z.minLength(1), z.maxLength(200)),
    mark: z.nullable(MarkValue),
  }),
  z.strictObject({
    type: z.literal('snapshot/refresh'),
    host: Host,
    tabId: z.optional(z.int()),
    force: z.optional(z.boolean()),
  }),
  z.strictObject({
    type: z.literal('consent/record'),
    host: Host,
    purpose: ConsentPurpose,
    state: ConsentState,
    method: z.enum(['popup', 'panel']),
  }),
  /** Tell Ingroup the marketing choice in force for an account (an imported one is only recorded). */
  z.strictObject({ type: z.literal('consent/send-marketing'), host: Host }),
  z.strictObject({
    type: z.literal('consent/record-all'),
    state: z.enum(['given', 'refused']),
    method: z.enum(['popup', 'panel']),
  }),
  /** A new request: sent through the endpoint by the outbox, or (`route: 'email'`) saved for the admin to email. */
  z.strictObject({
    type: z.literal('request/submit'),
    draft: z.record(z.string(), z.unknown()),
    route: z.optional(z.enum(['endpoint', 'email'])),
  }),
  /** Ingroup's answer to a request sent by email, as the admin read it (lib/requests/answers.ts parses it). */
  z.strictObject({ type: z.literal('request/answer'), id: z.uuid(), answer: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal('request/email-sent'), id: z.uuid() }),
  z.strictObject({ type: z.literal('request/retry'), id: z.uuid() }),
  /** Send a request made for another endpoint to the one in force (asked per request, in Options). */
  z.strictObject({ type: z.literal('request/move'), id: z.uuid() }),
  /** Send what is due now; with `checkNow`, also ask Ingroup for every open request's status now. */
  z.strictObject({ type: z.literal('outbox/flush'), checkNow: z.optional(z.boolean()) }),
  z.strictObject({ type: z.literal('ledger/import'), text: z.string().check(z.maxLength(20_000_000)) }),
  z.strictObject({ type: z.literal('data/wipe'), confirm: z.literal('wipe') }),
  z.strictObject({ type: z.literal('settings/regime'), host: Host, regime: RegimeSchema }),
  z.strictObject({ type: z.literal('settings/endpoint'), base: z.nullable(z.url({ protocol: /^https$/ })) }),
  z.strictObject({ type: z.literal('panel/close') }),
  /** Which required host permissions are withheld: Firefox gives the panel's frame no `permissions` API. */
  z.strictObject({ type: z.literal('access/missing') }),
]);
export type ToBackground = z.infer<typeof ToBackground>;
export type ToBackgroundType = ToBackground['type'];
export type MessageOf<K extends ToBackgroundType> = Extract<ToBackground, { type: K }>;

export type SenderKind = 'content' | 'panel' | 'page';

const PAGES: readonly SenderKind[] = ['panel', 'page'];
const OPTIONS_ONLY: readonly SenderKind[] = ['page'];

/**
 * Who may send each message to the background. Wiping, importing, the endpoint and choosing for
 * every account at once are for the popup and Options, never the panel framed inside amoCRM.
 */
export const SENDERS: Record<ToBackgroundType, readonly SenderKind[]> = {
  'page/seen': ['content'],
  'page/evidence': ['content'],
  'widget/mark': PAGES,
  'snapshot/refresh': PAGES,
  'consent/record': PAGES,
  'consent/record-all': OPTIONS_ONLY,
  'consent/send-marketing': OPTIONS_ONLY,
  'request/submit': PAGES,
  'request/email-sent': PAGES,
  'request/answer': PAGES,
  'request/retry': PAGES,
  'request/move': OPTIONS_ONLY,
  'outbox/flush': PAGES,
  'ledger/import': OPTIONS_ONLY,
  'data/wipe': OPTIONS_ONLY,
  'settings/regime': PAGES,
  'settings/endpoint': OPTIONS_ONLY,
  'panel/close': ['panel'],
  'access/missing': PAGES,
};

import { AMO_PATH } from './messages-to-content';

/** Background → content script. The content script checks these with lightweight guards (lib/messages-to-content.ts). */
export const ToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('amo/fetch'), path: z.string().check(z.regex(AMO_PATH)) }),
  z.object({ type: z.literal('panel/open') }),
  z.object({ type: z.literal('panel/close') }),
]);
export type ToContent = z.infer<typeof ToContent>;

// The replies live apart so that pages sending messages (lib/send.ts) do not carry the
// background's whole schema of what it accepts: the panel's first paint has no room (DESIGN §9).
export {
  AmoFetchAnswer,
  AmoFetchReply,
  Envelope,
  PageSeenReply,
  REPLIES,
  ReplyError,
  type Reply,
  type ReplyOf,
} from './message-replies';
import type { ContentRepliedType, RepliedType, Reply } from './message-replies';

// Every message has its reply and every reply its message (checked here: this module knows both,
// and the replies must not import it back).
type Holds<T extends true> = T;
type _EveryMessageReplied = Holds<
  [ToBackgroundType] extends [RepliedType] ? ([RepliedType] extends [ToBackgroundType] ? true : false) : false
>;
type _EveryContentMessageReplied = Holds<
  [ToContent['type']] extends [ContentRepliedType]
    ? [ContentRepliedType] extends [ToContent['type']]
      ? true
      : false
    : false
>;

export interface SenderLike {
  id?: string | undefined;
  url?: string | undefined;
  origin?: string | undefined;
  tab?: { id?: number | undefined; url?: string | undefined } | undefined;
  frameId?: number | undefined;
}

/**
 * Who sent this: a top-level extension page, the panel framed in an amoCRM tab, a content script
 * on an amoCRM account, or nobody we accept. `extensionOrigin` is `browser.runtime.getURL('')`
 * without the trailing slash.
 */
export function senderKind(sender: SenderLike, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId) return null;
  // Stryker disable next-line StringLiteral: text that is no URL neither starts with the extension's origin nor has a web origin
  const url = sender.url ?? '';
  // Compared as text: a WHATWG URL has an opaque ("null") origin for non-web schemes outside the browser.
  if (sender.origin === extensionOrigin || (sender.origin === undefined && url.startsWith(`${extensionOrigin}/`))) {
    // The popup has no tab; Options opened in a tab is that tab's top-level document.
    if (sender.tab === undefined || sender.frameId === 0) return 'page';
    // An extension page framed in a web page: the panel, and only inside an amoCRM account's tab.
    return tabAccountHost(sender) ? 'panel' : null;
  }
  const origin = sender.origin ?? webOrigin(url);
  if (origin && isAccountOrigin(origin) && sender.tab?.id !== undefined) return 'content';
  return null;
}

/**
 * The account a panel frame or content script speaks for: the host of the tab's top-level page,
 * as the browser reports it — never what the frame's own URL or message says.
 */
export function tabAccountHost(sender: SenderLike): string | null {
  const tabUrl = sender.tab?.url;
  // Stryker disable next-line StringLiteral: text that is no URL is no account origin, as '' is not
  if (sender.tab?.id === undefined || !tabUrl || !isAccountOrigin(webOrigin(tabUrl) ?? '')) return null;
  return new URL(tabUrl).hostname;
}

function webOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    // Not a URL: no origin.
  }
  return null;
}

const SENDER_WORDS: Record<SenderKind, string> = { content: 'a content script', panel: 'the panel', page: 'a page' };

/** The background would not take a message: who sent it, or what it says, is not allowed. */
export class MessageRefused extends AppError {
  constructor(code: 'message/bad_sender' | 'message/bad_message' | 'message/not_allowed', message: string) {
    super(code, message);
    this.name = 'MessageRefused';
  }
}

/** Parse and authorise a message for the background. Throws `MessageRefused` with the reason. */
export function acceptToBackground(
  raw: unknown,
  sender: SenderLike,
  extensionId: string,
  extensionOrigin: string,
): { message: ToBackground; kind: SenderKind } {
  const kind = senderKind(sender, extensionId, extensionOrigin);
  if (!kind) throw new MessageRefused('message/bad_sender', 'Message from an unknown sender');
  const parsed = ToBackground.safeParse(raw);
  if (!parsed.success) throw new MessageRefused('message/bad_message', 'Malformed message');
  if (!SENDERS[parsed.data.type].includes(kind)) {
    throw new MessageRefused('message/not_allowed', `${parsed.data.type} may not be sent from ${SENDER_WORDS[kind]}`);
  }
  if (kind === 'content' && 'host' in parsed.data) {
    // A content script speaks only for the account it runs on.
    // Stryker disable next-line StringLiteral: a content sender's origin was read from these already, so neither fallback is reached
    const origin = sender.origin ?? webOrigin(sender.url ?? '') ?? '';
    if (new URL(origin).hostname !== parsed.data.host)
      throw new MessageRefused('message/not_allowed', 'Host does not match the sender');
  }
  if (kind === 'panel' && 'host' in parsed.data && parsed.data.host !== tabAccountHost(sender)) {
    // The panel speaks only for the account of the tab it sits in, whatever its URL says.
    throw new MessageRefused('message/not_allowed', 'Host does not match the tab the panel is in');
  }
  return { message: parsed.data, kind };
}

/** A failure as the envelope carries it: an `AppError`'s code and params, anything else as `unexpected`. */
export function errorReply(error: unknown): Reply<never> {
  return { ok: false, error: toWire(error) };
}
