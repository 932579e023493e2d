/**
 * What the background's work is given, in one place: the browser, the database and the clock,
 * and the outbox runner made from them. Kept apart from the handler map so that the domain modules
 * the map calls (consent, requests, evidence, snapshot) import it without importing the map.
 */
import type { browser as Browser } from 'wxt/browser';
import type { Regime } from '../vocabulary';
import type { PrivacyDb } from '../store/db';
import type { DrainResult } from '../requests/outbox';

/** The browser, the database and the clock: all that reading an account or writing the ledger needs. */
export interface CoreDeps {
  browser: typeof Browser;
  db: PrivacyDb;
  now: () => number;
}

/** The outbox as the handlers see it (lib/background/outbox-runner.ts makes it). */
export interface OutboxRunner {
  /** Send what is due and poll what is due, then set the alarm and the badge. */
  run(): Promise<DrainResult>;
  regimeOf(host: string): Promise<Regime>;
}

/** Everything a message handler may use. */
export interface BackgroundDeps extends CoreDeps {
  outbox: OutboxRunner;
}
