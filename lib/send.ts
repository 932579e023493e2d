/**
 * How extension pages talk to the background: the reply is parsed with the schema of the
 * message's own type, and a refusal or failure becomes a `BackgroundError` with its code.
 */
import { browser } from 'wxt/browser';
import { Envelope, REPLIES, type ReplyOf } from './message-replies';
import type { ToBackground } from './messages';

export class BackgroundError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'BackgroundError';
  }
}

export async function send<M extends ToBackground>(message: M): Promise<ReplyOf<M['type']>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const envelope = Envelope.parse(raw);
  if (!envelope.ok) throw new BackgroundError(envelope.error.code, envelope.error.message);
  return REPLIES[message.type].parse(envelope.value) as ReplyOf<M['type']>;
}
