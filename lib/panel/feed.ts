/**
 * The panel's live view of one account, served by the background over a runtime Port.
 *
 * Why not Dexie in the panel, like the popup and options pages: the panel is an extension frame
 * inside the amoCRM page, i.e. a third-party frame, and Chromium denies IndexedDB to third-party
 * frames whenever third-party cookies are blocked ("The user denied permission to access the
 * database") — the default in Incognito and in a growing number of profiles. The background's
 * storage is never third-party, so it watches the store's `panelModel` query (the pages watch
 * theirs the same way, lib/store/live.ts) and pushes each new model down the port.
 */
import type { PrivacyDb } from '../store/db';
import { AppError, toWire } from '../errors';
import { watch } from '../store/live';
import { panelModel } from '../store/queries';
import { FeedRequest, type FeedMessage } from './feed-protocol';
import type { PanelModel } from './model-schema';

export { FeedMessage, FeedRequest, PANEL_FEED_PORT } from './feed-protocol';

export interface FeedPort {
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

/**
 * Background side: answer one panel's subscription until its port closes. `host` is the account
 * of the tab the panel sits in, as the browser reports it (lib/messages.ts `tabAccountHost`).
 */
export function servePanelFeed(port: FeedPort, db: PrivacyDb, host: string): void {
  let unsubscribe: (() => void) | undefined;
  port.onDisconnect.addListener(() => unsubscribe?.());
  port.onMessage.addListener((raw) => {
    const request = FeedRequest.safeParse(raw);
    if (!request.success) {
      port.postMessage({
        type: 'error',
        error: toWire(new AppError('message/bad_message', 'Malformed subscription')),
      } satisfies FeedMessage);
      return;
    }
    unsubscribe?.();
    unsubscribe = watch(
      (d) => panelModel(d, host),
      {
        next: (model: PanelModel) => port.postMessage({ type: 'model', model } satisfies FeedMessage),
        error: (error: unknown) => port.postMessage({ type: 'error', error: toWire(error) } satisfies FeedMessage),
      },
      db,
    );
  });
}
