/**
 * The named queries: every read the panel, the popup and the options page show. The panel gets
 * them from the background over its Port (lib/panel/feed.ts), the pages through `watch`
 * (./live.ts): one read path, two transports. Each takes the database first, so the background,
 * the pages and the tests run the same function.
 */
import type { AccountRow } from '../account';
import type { ConsentState } from '../vocabulary';
import type { Snapshot } from '../amocrm/snapshot-schema';
import { cachedCatalog, type LoadedCatalog } from '../catalog/load';
import { allEvents, currentChoices, history } from '../consent/ledger';
import { unsentMarketingChoices, type UnsentChoice } from '../consent/unsent';
import { ledgerTop, verifyLedger, type LedgerTop, type ChainVerdict } from '../consent/verify';
import type { LedgerEvent } from '../consent/event';
import type { MarkRow } from '../attribution/marks';
import type { PanelModel } from '../panel/model-schema';
import { AttentionSchema, ATTENTION_KEY, type Attention } from '../requests/attention';
import { LIVENESS_KEY, livenessOf, type EndpointLiveness } from '../requests/liveness';
import { ENDPOINT_BASE_KEY, parseEndpointBase, readEndpointBase } from '../settings';
import { accountsNewestFirst, readAccount } from './accounts';
import type { PrivacyDb } from './db';
import { allMarks, readEvidence, readMarks } from './evidence';
import { choicesFor } from './ledger';
import {
  accountRequests,
  heldRequests as heldFor,
  marketingRequests as lastMarketing,
  openRequestCount as countOpen,
  recentRequests as newest,
} from './requests';
import { readSetting } from './settings';
import { readSnapshot } from './snapshots';
import type { RequestRecord } from '../requests/record';

/** Everything the panel shows for one account, read in one go; the panel parses it again on arrival. */
export async function panelModel(db: PrivacyDb, host: string): Promise<PanelModel> {
  const [account, snapshot, choices, consentHistory, requests, catalog, evidence, marks, endpoint] = await Promise.all([
    readAccount(db, host),
    readSnapshot(db, host),
    currentChoices(db, host),
    history(db, host),
    accountRequests(db, host),
    cachedCatalog(db),
    readEvidence(db, host),
    readMarks(db, host),
    endpointStatus(db),
  ]);
  return {
    host,
    account: account ?? null,
    snapshot: snapshot ?? null,
    choices,
    consentHistory,
    requests,
    catalog: { catalog: catalog.catalog, source: catalog.source, fetchedAt: catalog.fetchedAt },
    evidence,
    marks,
    endpoint,
  };
}

export interface AccountLine {
  account: AccountRow;
  /** The marketing choice in force, null when none was recorded (the policy's default: allowed). */
  marketing: ConsentState | null;
}

/**
 * Every account, most recently seen first, with its marketing choice: two indexed reads whatever
 * the number of accounts or the length of the ledger — the accounts by `lastSeenAt`, and the
 * marketing rows of the table of choices in force (lib/consent/choices.ts) by `purpose`. That
 * table already holds the latest choice by time, not by ledger position, so an older choice
 * brought in by an import never shows over a newer one (the panel reads the same rows).
 */
export async function accountLines(db: PrivacyDb): Promise<AccountLine[]> {
  const [accounts, marketing] = await Promise.all([accountsNewestFirst(db), choicesFor(db, 'marketing')]);
  const stateOf = new Map(marketing.map((row) => [row.host, row.state]));
  return accounts.map((account) => ({ account, marketing: stateOf.get(account.host) ?? null }));
}

/** Every account, most recently seen first. */
export function accounts(db: PrivacyDb): Promise<AccountRow[]> {
  return accountsNewestFirst(db);
}

/** Open requests (not completed or rejected), counted from the sparse `openSince` index. */
export function openRequestCount(db: PrivacyDb): Promise<number> {
  return countOpen(db);
}

export interface OpenRequests {
  open: number;
  /** What the badge counts, as the background last derived it; null before its first run. */
  attention: Attention | null;
}

export async function openRequests(db: PrivacyDb): Promise<OpenRequests> {
  const [open, value] = await Promise.all([countOpen(db), readSetting(db, ATTENTION_KEY)]);
  const attention = AttentionSchema.safeParse(value);
  return { open, attention: attention.success ? attention.data : null };
}

/** Every account's requests, newest first, at most `limit`. */
export function recentRequests(db: PrivacyDb, limit: number): Promise<RequestRecord[]> {
  return newest(db, limit);
}

/** Requests held for an endpoint that is no longer in force (`base` is the one in force). */
export function heldRequests(db: PrivacyDb, base: string): Promise<RequestRecord[]> {
  return heldFor(db, base);
}

/** Each of `hosts`' last marketing request (none asked, none read). */
export function marketingRequests(db: PrivacyDb, hosts: readonly string[]): Promise<Map<string, RequestRecord>> {
  return lastMarketing(db, hosts);
}

/** Ingroup's endpoint in force: the Options override, parsed by lib/settings.ts, else the build's default. */
export function endpointBase(db: PrivacyDb): Promise<string> {
  return readEndpointBase(db);
}

/** What is known of the endpoint in force: has it ever answered, when did it last fail. */
export async function endpointStatus(db: PrivacyDb): Promise<EndpointLiveness> {
  // Both rows asked for at once: a live query sees every read made before its first await.
  const [stored, liveness] = await Promise.all([readSetting(db, ENDPOINT_BASE_KEY), readSetting(db, LIVENESS_KEY)]);
  return livenessOf(liveness, parseEndpointBase(stored));
}

/** The cached endpoint catalog, or the bundled one. */
export function catalog(db: PrivacyDb): Promise<LoadedCatalog> {
  return cachedCatalog(db);
}

/** The head of the consent ledger's chain. */
export function ledgerHead(db: PrivacyDb): Promise<LedgerTop> {
  return ledgerTop(db);
}

/** The whole ledger in chain order (exports, the anchor check). */
export function ledgerEvents(db: PrivacyDb): Promise<LedgerEvent[]> {
  return allEvents(db);
}

/** The whole chain checked. */
export function ledgerVerdict(db: PrivacyDb): Promise<ChainVerdict> {
  return verifyLedger(db);
}

/** Every widget mark, for the ledger's export. */
export function widgetMarks(db: PrivacyDb): Promise<MarkRow[]> {
  return allMarks(db);
}

/** Imported marketing choices Ingroup has not heard. */
export function unsentChoices(db: PrivacyDb): Promise<UnsentChoice[]> {
  return unsentMarketingChoices(db);
}

export interface AccountFacts {
  account: AccountRow | undefined;
  snapshot: Snapshot | undefined;
}

/** One account's row and its last amoCRM snapshot, for a request written from Options. */
export async function accountFacts(db: PrivacyDb, host: string): Promise<AccountFacts> {
  const [account, snapshot] = await Promise.all([readAccount(db, host), readSnapshot(db, host)]);
  return { account, snapshot };
}
