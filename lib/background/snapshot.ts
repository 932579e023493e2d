/**
 * Reading an account through the amoCRM tab's content script: one limiter for all tabs (amoCRM
 * counts 7 requests/second per account, not per tab), and a fresh snapshot is never read twice.
 */
import type { browser as Browser } from 'wxt/browser';
import { createAmoClient, type AmoTransport } from '../amocrm/client';
import { AmoError } from '../amocrm/errors';
import { parseAccountHost } from '../amocrm/host';
import { createLimiter } from '../amocrm/limiter';
import { buildSnapshot, isStale, readSnapshot, saveSnapshot, type Snapshot } from '../amocrm/snapshot';
import type { PrivacyDb } from '../db';
import { AmoFetchReply } from '../messages';

const limiter = createLimiter();

/** amoCRM's API as seen from the account's own tab (same origin, the admin's session). */
export function tabTransport(browser: typeof Browser, tabId: number): AmoTransport {
  return async (path) => {
    let raw: unknown;
    try {
      raw = await browser.tabs.sendMessage(tabId, { type: 'amo/fetch', path }, { frameId: 0 });
    } catch (error) {
      throw new AmoError('network', 'The amoCRM tab did not answer; reload the amoCRM page and try again.', { path, cause: error });
    }
    const reply = AmoFetchReply.safeParse(raw);
    if (!reply.success) throw new AmoError('network', 'The amoCRM tab gave no answer; reload the amoCRM page and try again.', { path });
    return reply.data;
  };
}

/** The tab must show the account it is asked about: a panel cannot read another account's tab. */
export async function assertTabHost(browser: typeof Browser, tabId: number, host: string): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  const tabHost = tab.url ? parseAccountHost(new URL(tab.url).hostname)?.host : undefined;
  if (tabHost !== host) throw Object.assign(new Error('That tab does not show this amoCRM account.'), { code: 'wrong-tab' });
}

export interface RefreshDeps {
  browser: typeof Browser;
  db: PrivacyDb;
  now: () => number;
}

export async function refreshSnapshot(deps: RefreshDeps, host: string, tabId: number, force: boolean): Promise<Snapshot> {
  const cached = await readSnapshot(deps.db, host);
  if (cached && !force && !isStale(cached, deps.now())) return cached;
  await assertTabHost(deps.browser, tabId, host);
  const client = createAmoClient({ transport: tabTransport(deps.browser, tabId), limiter, key: host });
  const snapshot = await buildSnapshot(client, host, deps.now());
  await saveSnapshot(deps.db, snapshot);
  await deps.db.accounts.update(host, {
    accountId: snapshot.account.id,
    name: snapshot.account.name,
    widgetsReadAt: snapshot.fetchedAt,
  });
  return snapshot;
}

/** The launcher's widgets read: at most once per account per 10 minutes (DESIGN §9). */
export const WIDGETS_READ_INTERVAL_MS = 10 * 60_000;

export async function readInstalledWidgetCodes(deps: RefreshDeps, host: string, tabId: number): Promise<string[] | null> {
  const account = await deps.db.accounts.get(host);
  if (account?.widgetsReadAt !== undefined && deps.now() - account.widgetsReadAt < WIDGETS_READ_INTERVAL_MS) return null;
  // Claim the read first, so tabs opening together do not all read.
  await deps.db.accounts.update(host, { widgetsReadAt: deps.now() });
  const client = createAmoClient({ transport: tabTransport(deps.browser, tabId), limiter, key: host });
  const widgets = await client.listWidgets();
  return widgets.filter((w) => w.is_active_in_account).map((w) => w.code);
}
