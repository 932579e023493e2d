import { browser } from 'wxt/browser';
import { parseAccountHost } from '@/lib/vocabulary';

export interface CurrentTab {
  tabId: number;
  host: string;
}

/** The active tab, when it is an amoCRM account (its URL is visible through our host permissions only). */
export async function currentAmoTab(): Promise<CurrentTab | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (!tab?.id || !tab.url) return null;
  const account = parseAccountHost(new URL(tab.url).hostname);
  return account ? { tabId: tab.id, host: account.host } : null;
}
