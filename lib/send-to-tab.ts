/**
 * How the background and the popup talk to the content script in an amoCRM tab: the message is a
 * `ToContent` (lib/messages.ts; the content script checks it with lib/messages-to-content.ts), sent
 * to the tab's top frame only, and the answer is parsed with the schema of the message's own type —
 * the caller never picks the reply type (STYLE 4).
 */
import type { browser as Browser } from 'wxt/browser';
import { CONTENT_REPLIES, type ContentReplyOf } from './message-replies';
import type { ToContent } from './messages';

/** The tab answered, but not with what its message's type answers (an old content script, another page). */
export class TabReplyRefused extends Error {
  constructor(readonly type: ToContent['type']) {
    super(`The amoCRM tab gave no usable answer to ${type}`);
    this.name = 'TabReplyRefused';
  }
}

/**
 * Sends `message` to the content script of tab `tabId` (its top frame: the panel frame and other
 * frames never answer). Rejects as the browser does when nothing listens there, and with
 * `TabReplyRefused` when the answer does not parse.
 */
export async function sendToTab<M extends ToContent>(
  browser: Pick<typeof Browser, 'tabs'>,
  tabId: number,
  message: M,
): Promise<ContentReplyOf<M['type']>> {
  const raw: unknown = await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  const reply = CONTENT_REPLIES[message.type].safeParse(raw);
  if (!reply.success) throw new TabReplyRefused(message.type);
  return reply.data as ContentReplyOf<M['type']>;
}
