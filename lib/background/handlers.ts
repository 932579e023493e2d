/** What the background does for each message (the router has already checked sender and shape). */
import type { browser as Browser } from 'wxt/browser';
import type { PrivacyDb } from '../db';
import { recordAccountSeen, updateAccount } from './accounts';
import type { Handlers } from './router';

export interface BackgroundDeps {
  browser: typeof Browser;
  db: PrivacyDb;
  now: () => number;
}

class NotAvailable extends Error {
  readonly code = 'not-available';
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { browser, db, now } = deps;
  const pending = (what: string) => async (): Promise<never> => {
    throw new NotAvailable(`${what} is not available in this version`);
  };
  return {
    'page/seen': async ({ host }) => {
      const account = await recordAccountSeen(db, host, now());
      return { ingroupCount: account.ingroupCount ?? null };
    },
    'panel/close': async (_message, { tabId }) => {
      if (tabId === undefined) return { closed: false };
      await browser.tabs.sendMessage(tabId, { type: 'panel/close' }, { frameId: 0 });
      return { closed: true };
    },
    'settings/regime': async ({ host, regime }) => {
      await updateAccount(db, host, { regime });
      return { regime };
    },
    'data/wipe': async () => {
      await Promise.all(db.tables.map((table) => table.clear()));
      return { wiped: true };
    },
    'snapshot/refresh': pending('Reading the account'),
    'consent/record': pending('Recording a choice'),
    'consent/record-all': pending('Recording a choice'),
    'request/submit': pending('Sending a request'),
    'request/email-sent': pending('Recording an email'),
    'outbox/flush': pending('Sending queued requests'),
    'ledger/import': pending('Importing a ledger'),
    'settings/endpoint': pending('Changing the endpoint'),
  };
}
