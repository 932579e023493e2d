/**
 * One handler map for every message the background accepts; the sender is checked and the
 * message parsed in one place (lib/messages.ts `acceptToBackground`) before any handler runs.
 */
import {
  acceptToBackground,
  errorReply,
  type MessageOf,
  type Reply,
  type ReplyOf,
  type SenderKind,
  type SenderLike,
  type ToBackground,
  type ToBackgroundType,
} from '../messages';

export interface HandlerContext {
  kind: SenderKind;
  /** The tab the message came from: the amoCRM tab for content scripts and the panel frame. */
  tabId: number | undefined;
}

export type Handlers = {
  [K in ToBackgroundType]: (message: MessageOf<K>, context: HandlerContext) => Promise<ReplyOf<K>>;
};

export type Router = (raw: unknown, sender: SenderLike) => Promise<Reply<unknown>>;

export function createRouter(handlers: Handlers, self: { id: string; origin: string }): Router {
  return async (raw, sender) => {
    try {
      const { message, kind } = acceptToBackground(raw, sender, self.id, self.origin);
      const handler = handlers[message.type] as (m: ToBackground, c: HandlerContext) => Promise<unknown>;
      const value = await handler(message, { kind, tabId: sender.tab?.id });
      return { ok: true, value };
    } catch (error) {
      if (!(error instanceof Error && error.name === 'MessageRefused')) console.error('[ingroup-privacy]', error);
      return errorReply(error);
    }
  };
}
