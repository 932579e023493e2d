/**
 * The background's wiring: one router for messages; alarms and startup resume the outbox.
 * It is the only writer of the ledger and the outbox and the only caller of the endpoint (DESIGN §2).
 */
import type { browser as Browser } from 'wxt/browser';
import { db } from '../store/db';
import { senderKind, tabAccountHost } from '../messages';
import { PANEL_FEED_PORT, servePanelFeed } from '../panel/feed';
import { openFirstRunOnInstall } from './first-run';
import { createHandlers } from './handlers';
import { createOutboxRunner, startOutbox } from './outbox-runner';
import { createRouter } from './router';

export function startBackground(browser: typeof Browser): void {
  const self = { id: browser.runtime.id, origin: new URL(browser.runtime.getURL('/')).origin };
  const core = { browser, db: db(), now: () => Date.now() };
  const outbox = createOutboxRunner(core);
  const deps = { ...core, outbox };
  const handlers = createHandlers(deps);
  const route = createRouter(handlers, self);
  openFirstRunOnInstall(browser, deps.db, deps.now);
  // The polyfill's listener contract: the returned promise is the reply.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  browser.runtime.onMessage.addListener((raw: unknown, sender) => route(raw, sender));
  browser.runtime.onConnect.addListener((port) => {
    // Only the panel, an extension page of ours framed in an amoCRM tab, may subscribe, and only
    // to the account of that tab: the page around it can re-point the frame's URL, not the tab's.
    const host =
      port.sender && senderKind(port.sender, self.id, self.origin) === 'panel' ? tabAccountHost(port.sender) : null;
    if (port.name !== PANEL_FEED_PORT || !host) {
      port.disconnect();
      return;
    }
    servePanelFeed(port, db(), host);
  });
  startOutbox(browser, outbox);
}
