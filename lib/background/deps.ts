/** What the background's handlers are given: the browser, the database and the clock. */
import type { browser as Browser } from 'wxt/browser';
import type { PrivacyDb } from '../store/db';

export interface BackgroundDeps {
  browser: typeof Browser;
  db: PrivacyDb;
  now: () => number;
}
