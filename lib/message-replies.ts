/**
 * What each message to the background answers (lib/messages.ts is the protocol): parsed by the
 * sender, so no caller picks its own reply type. Kept apart from the message schemas, which only
 * the background needs, so the pages that send messages stay small.
 */
import { z } from 'zod/mini';
import { RegimeSchema } from './vocabulary';
import { WireError } from './errors';

/**
 * The background's answer to `page/seen`: how many Ingroup widgets the launcher may show, and
 * whether this page load should pass on the page's widget list (`report`: the one kept is missing
 * or older than PAGE_REPORT_EVERY_MS, lib/attribution/evidence.ts), so most loads send no message.
 */
export const PageSeenReply = z.object({
  ingroupCount: z.nullable(z.int().check(z.nonnegative())),
  report: z.optional(z.boolean()),
});

/** What each message answers — parsed by the sender, so no caller picks its own reply type. */
export const REPLIES = {
  'page/seen': PageSeenReply,
  'page/evidence': PageSeenReply,
  'widget/mark': z.object({ mark: z.nullable(z.enum(['ingroup', 'not_ingroup'])) }),
  'snapshot/refresh': z.object({ fetchedAt: z.number() }),
  'consent/record': z.object({ id: z.string() }),
  'consent/record-all': z.object({ count: z.int() }),
  'consent/send-marketing': z.object({ id: z.string() }),
  'request/submit': z.object({ id: z.string() }),
  'request/email-sent': z.object({ id: z.string() }),
  'request/answer': z.object({ id: z.string() }),
  'request/retry': z.object({ id: z.string() }),
  'request/move': z.object({ id: z.string() }),
  'outbox/flush': z.object({ sent: z.int(), retried: z.int(), failed: z.int(), nextDueAt: z.nullable(z.number()) }),
  'ledger/import': z.object({
    added: z.int(),
    duplicates: z.int(),
    rejected: z.array(z.object({ index: z.int(), error: WireError })),
  }),
  'data/wipe': z.object({ wiped: z.literal(true) }),
  'settings/regime': z.object({ regime: RegimeSchema }),
  'settings/endpoint': z.object({ base: z.string() }),
  'panel/close': z.object({ closed: z.boolean() }),
  'access/missing': z.object({ missing: z.array(z.string()) }),
} satisfies Record<string, z.core.$ZodType>;
/** The message types that have a reply: every message to the background (held in lib/messages.ts). */
export type RepliedType = keyof typeof REPLIES;
export type ReplyOf<T extends RepliedType> = z.infer<(typeof REPLIES)[T]>;

/** What a content script's fetch of amoCRM's API came back with, before any parsing. */
export const AmoFetchReply = z.object({
  status: z.int(),
  contentType: z.string(),
  retryAfter: z.nullable(z.string()),
  body: z.string(),
});
export type AmoFetchReply = z.infer<typeof AmoFetchReply>;

/** The content script's answer as it crosses to the background: the reply, and the origin that gave it. */
export const AmoFetchAnswer = z.extend(AmoFetchReply, { origin: z.string() });
export type AmoFetchAnswer = z.infer<typeof AmoFetchAnswer>;

/**
 * What the content script answers each background → content message (lib/send-to-tab.ts parses it):
 * the fetch's answer, or null when the fetch failed; `true` once the panel is opened or closed.
 */
export const CONTENT_REPLIES = {
  'amo/fetch': z.nullable(AmoFetchAnswer),
  'panel/open': z.literal(true),
  'panel/close': z.literal(true),
} satisfies Record<string, z.core.$ZodType>;
/** lib/messages.ts checks that these are exactly the ToContent message types. */
export type ContentRepliedType = keyof typeof CONTENT_REPLIES;
export type ContentReplyOf<T extends ContentRepliedType> = z.infer<(typeof CONTENT_REPLIES)[T]>;

/**
 * Every reply is an envelope, so a refused or failed message is a typed error, not a throw. The
 * error is the one error type's wire form (lib/errors.ts `WireError`, versioned): a code from a
 * closed list and its params, which the pages word in their own language.
 */
export const ReplyError = WireError;
export type Reply<T> = { ok: true; value: T } | { ok: false; error: WireError };
export const Envelope = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ReplyError }),
]);
