import { useLayoutEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AppError, fromWire } from '@/lib/errors';
import { FeedMessage, PANEL_FEED_PORT } from '@/lib/panel/feed-protocol';
import type { PanelModel } from '@/lib/panel/model-schema';
import type { LiveResult } from '../common/use-live-query';

/**
 * The panel's live model of its account, pushed by the background whenever the database changes.
 * Which account is the background's to say: the one of the tab the panel sits in (DESIGN §8).
 */
export function usePanelFeed(): LiveResult<PanelModel> {
  const [result, setResult] = useState<LiveResult<PanelModel>>({ status: 'loading' });
  // A layout effect: subscribed as soon as the dialog is first rendered, not after the next frame.
  useLayoutEffect(() => {
    let port = browser.runtime.connect({ name: PANEL_FEED_PORT });
    let closed = false;
    const wire = (): void => {
      port.onMessage.addListener((raw: unknown) => {
        const message = FeedMessage.safeParse(raw);
        if (!message.success)
          setResult({
            status: 'error',
            error: new AppError('message/bad_reply', 'The extension sent an unreadable update.'),
          });
        else if (message.data.type === 'model') setResult({ status: 'ready', value: message.data.model });
        else setResult({ status: 'error', error: fromWire(message.data.error) });
      });
      // The service worker may be stopped by the browser; reconnect and carry on.
      port.onDisconnect.addListener(() => {
        if (closed) return;
        port = browser.runtime.connect({ name: PANEL_FEED_PORT });
        wire();
      });
      port.postMessage({ type: 'subscribe' });
    };
    wire();
    return () => {
      closed = true;
      port.disconnect();
    };
  }, []);
  return result;
}
