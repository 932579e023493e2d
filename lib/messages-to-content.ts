/**
 * Messages the background sends to the content script, and what the content script answers.
 * Written with `zod/mini` so the content script — which runs on every amoCRM page — stays within
 * its 10 KB budget (DESIGN §9); lib/messages.ts re-exports these for the background.
 */
import * as z from 'zod/mini';

export const ToContent = z.discriminatedUnion('type', [
  // Only the three read-only API v4 resources the snapshot needs, GET only.
  z.object({ type: z.literal('amo/fetch'), path: z.string().check(z.regex(/^\/api\/v4\/(account|users|widgets)(\/\d+)?(\?[\w=&,.-]*)?$/)) }),
  z.object({ type: z.literal('panel/open') }),
  z.object({ type: z.literal('panel/close') }),
]);
export type ToContentMessage = z.infer<typeof ToContent>;

/** What a content script's fetch of amoCRM's API came back with, before any parsing. */
export const AmoFetchReply = z.object({
  status: z.number(),
  contentType: z.string(),
  retryAfter: z.nullable(z.string()),
  body: z.string(),
});
export type AmoFetchReply = z.infer<typeof AmoFetchReply>;

/** The background's answer to `page/seen`: how many Ingroup widgets the launcher may show. */
export const PageSeenReply = z.object({ ingroupCount: z.nullable(z.number()) });
export type PageSeenReply = z.infer<typeof PageSeenReply>;
