/**
 * The first-run page (issue 16): opened once, when the extension is installed — not on an update
 * or a browser update. Opening a tab needs no `tabs` permission (DESIGN §8).
 *
 * Chromium reports an extension loaded from the command line (`--load-extension`, as the tests and
 * `npm start` load it) as installed at every start, so the page is shown once per profile: the
 * first showing is remembered in the settings table (a wipe of local data forgets it, an uninstall
 * too, and a new install shows the page again).
 */
import type { browser as Browser } from 'wxt/browser';
import type { PrivacyDb } from '../store/db';

export const FIRST_RUN_PAGE = '/welcome.html';
const SHOWN = 'firstRunShownAt';

async function showOnce(browser: typeof Browser, db: PrivacyDb, now: () => number): Promise<void> {
  const opened = await db.transaction('rw', db.settings, async () => {
    if (await db.settings.get(SHOWN)) return false;
    await db.settings.put({ key: SHOWN, value: now() });
    return true;
  });
  if (opened) await browser.tabs.create({ url: browser.runtime.getURL(FIRST_RUN_PAGE) });
}

export function openFirstRunOnInstall(browser: typeof Browser, db: PrivacyDb, now: () => number): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason !== 'install') return;
    showOnce(browser, db, now).catch((error: unknown) => console.error('[ingroup-privacy] first-run page', error));
  });
}
