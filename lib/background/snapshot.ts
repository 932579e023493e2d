/**
 * Reading an account through the amoCRM tab's content script: one limiter for all tabs (amoCRM
 * counts 7 requests/second per account, not per tab), and a fresh snapshot is never read twice.
 */
import type { browser as Browser } from 'wxt/browser';
import { createAmoClient, type AmoTransport } from '../amocrm/client';
import { AmoError } from '../amocrm/errors';
import { parseAccountHost } from '../vocabulary';
import { createLimiter } from '../amocrm/limiter';
import { buildSnapshot, isStale, type Snapshot } from '../amocrm/snapshot';
import { readSnapshot, saveSnapshot } from '../store/snapshots';
import { attributeWidgets } from '../attribution/attribute';
import { readEvidence, readMarks } from '../store/evidence';
import { loadCatalog, type LoadedCatalog } from '../catalog/load';
import { AppError } from '../errors';
import type { AmoFetchAnswer } from '../messages';
import { sendToTab, TabReplyRefused } from '../send-to-tab';
import { readEndpointBase } from '../settings';
import { isCurrent, wipeGeneration } from '../wipe';
import type { CoreDeps } from './deps';

const limiter = createLimiter();

/**
 * amoCRM's API as seen from the account's own tab (same origin, the admin's session). Every answer
 * must come from `host`'s origin: a tab that moved to another account mid-read answers for that
 * account, and its answer is dropped rather than mixed in.
 */
export function tabTransport(browser: typeof Browser, tabId: number, host: string): AmoTransport {
  return async (path) => {
    let reply: AmoFetchAnswer | null;
    try {
      reply = await sendToTab(browser, tabId, { type: 'amo/fetch', path });
    } catch (error) {
      if (error instanceof TabReplyRefused) reply = null;
      else
        throw new AmoError('network', 'The amoCRM tab did not answer; reload the amoCRM page and try again.', {
          path,
          cause: error,
        });
    }
    // The content script answers null when its fetch failed.
    if (!reply)
      throw new AmoError('network', 'The amoCRM tab gave no answer; reload the amoCRM page and try again.', { path });
    const { origin, ...answer } = reply;
    if (origin !== `https://${host}`) throw tabMoved();
    return answer;
  };
}

const tabMoved = (): AppError => new AppError('account/wrong_tab', 'That tab does not show this amoCRM account.');

/** The tab must show the account it is asked about: a panel cannot read another account's tab. */
export async function assertTabHost(browser: typeof Browser, tabId: number, host: string): Promise<void> {
  const tab = await browser.tabs.get(tabId);
  const tabHost = tab.url ? parseAccountHost(new URL(tab.url).hostname)?.host : undefined;
  if (tabHost !== host) throw tabMoved();
}

/**
 * What amoCRM said about the account must be the account asked about: its subdomain is the host's,
 * and its id the one this host has shown before (an account keeps its id; a host that now names
 * another account is a different account, read again from scratch by a wipe, not merged).
 */
export function assertSameAccount(snapshot: Snapshot, host: string, knownId: number | undefined): void {
  const subdomain = parseAccountHost(host)?.subdomain;
  if (
    snapshot.account.subdomain.toLowerCase() !== subdomain ||
    (knownId !== undefined && snapshot.account.id !== knownId)
  ) {
    throw new AppError('account/wrong_account', `amoCRM answered for another account than ${host}.`, { host });
  }
}

/** Ingroup's catalog: the endpoint's (cached for a day), else the bundled copy. */
export async function currentCatalog(deps: CoreDeps): Promise<LoadedCatalog> {
  return loadCatalog({
    fetch: (input, init) => fetch(input, init),
    base: await readEndpointBase(deps.db),
    db: deps.db,
    now: deps.now,
  });
}

/** How many installed widgets are Ingroup's, on all the evidence kept for the account (lib/attribution/). */
export async function countIngroup(
  deps: CoreDeps,
  host: string,
  installed: ReadonlyArray<{ code: string }>,
): Promise<number> {
  const [{ catalog, source }, evidence, marks] = await Promise.all([
    currentCatalog(deps),
    readEvidence(deps.db, host),
    readMarks(deps.db, host),
  ]);
  return attributeWidgets({ installed, catalog, source, evidence, marks }).filter((a) => a.ingroup).length;
}

export async function refreshSnapshot(deps: CoreDeps, host: string, tabId: number, force: boolean): Promise<Snapshot> {
  const cached = await readSnapshot(deps.db, host);
  if (cached && !force && !isStale(cached, deps.now())) return cached;
  await assertTabHost(deps.browser, tabId, host);
  const generation = wipeGeneration(deps.db);
  const client = createAmoClient({ transport: tabTransport(deps.browser, tabId, host), limiter, key: host });
  const [snapshot] = await Promise.all([buildSnapshot(client, host, deps.now()), currentCatalog(deps)]);
  assertSameAccount(snapshot, host, (await deps.db.accounts.get(host))?.accountId);
  // A tab that moved while the account was read: nothing of the read is kept.
  await assertTabHost(deps.browser, tabId, host);
  const ingroupCount = await countIngroup(deps, host, snapshot.widgets);
  await deps.db.transaction('rw', deps.db.snapshots, deps.db.accounts, async () => {
    // Wiped while amoCRM was read: the admin's data is not written back.
    if (!isCurrent(deps.db, generation))
      throw new AppError('account/wiped', 'Local data was wiped while the account was read.');
    await saveSnapshot(deps.db, snapshot);
    await deps.db.accounts.update(host, {
      accountId: snapshot.account.id,
      name: snapshot.account.name,
      widgetsReadAt: snapshot.fetchedAt,
      ingroupCount,
      installed: snapshot.widgets.map((w) => w.code),
    });
  });
  return snapshot;
}

/** The panel's "read again" (or first read): through the tab it sits in, or the tab the popup names. */
export async function refreshForPage(
  deps: CoreDeps,
  host: string,
  tabId: number | undefined,
  force: boolean,
): Promise<{ fetchedAt: number }> {
  if (tabId === undefined) throw new AppError('account/no_tab', 'Open the amoCRM account in a tab first.');
  const snapshot = await refreshSnapshot(deps, host, tabId, force);
  return { fetchedAt: snapshot.fetchedAt };
}

/** The launcher's widgets read: at most once per account per 10 minutes (DESIGN §9). */
export const WIDGETS_READ_INTERVAL_MS = 10 * 60_000;

/**
 * How many Ingroup widgets the launcher shows: a cached count, refreshed by one widgets read
 * when the last is older than 10 minutes. Returns the count known after the read, if any.
 */
export async function launcherCount(deps: CoreDeps, host: string, tabId: number): Promise<number | null> {
  const account = await deps.db.accounts.get(host);
  if (account?.widgetsReadAt !== undefined && deps.now() - account.widgetsReadAt < WIDGETS_READ_INTERVAL_MS) {
    return account.ingroupCount ?? null;
  }
  // Claim the read first, so tabs opening together do not all read.
  await deps.db.accounts.update(host, { widgetsReadAt: deps.now() });
  const client = createAmoClient({ transport: tabTransport(deps.browser, tabId, host), limiter, key: host });
  const installed = (await client.listWidgets()).widgets.filter((w) => w.is_active_in_account);
  const ingroupCount = await countIngroup(deps, host, installed);
  await deps.db.accounts.update(host, { ingroupCount, installed: installed.map((w) => w.code) });
  return ingroupCount;
}
