/**
 * How extension pages talk to the background: the reply is parsed with the schema of the
 * message's own type, and a refusal or failure becomes the `AppError` it was in the background.
 */
import { browser } from 'wxt/browser';
import { AppError, fromWire } from './errors';
import { Envelope, REPLIES, type ReplyOf } from './message-replies';
import type { ToBackground } from './messages';

export async function send<M extends ToBackground>(message: M): Promise<ReplyOf<M['type']>> {
  const raw: unknown = await browser.runtime.sendMessage(message);
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success)
    throw new AppError('message/bad_reply', `The background's answer to ${message.type} is not an envelope`, {
      type: message.type,
    });
  if (!envelope.data.ok) throw fromWire(envelope.data.error);
  const value = REPLIES[message.type].safeParse(envelope.data.value);
  if (!value.success)
    throw new AppError('message/bad_reply', `The background's answer to ${message.type} is not its reply`, {
      type: message.type,
    });
  return value.data as ReplyOf<M['type']>;
}
