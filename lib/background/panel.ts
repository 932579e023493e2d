/** The panel's overlay in an amoCRM tab, closed by the tab's own content script. */
import type { browser as Browser } from 'wxt/browser';
import { sendToTab } from '../send-to-tab';

/** Asks the tab's top frame to close the panel; without a tab there is nothing to close. */
export async function closePanel(browser: typeof Browser, tabId: number | undefined): Promise<{ closed: boolean }> {
  if (tabId === undefined) return { closed: false };
  await sendToTab(browser, tabId, { type: 'panel/close' });
  return { closed: true };
}
