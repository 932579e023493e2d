/** What the background does for each message (the router has already checked sender and shape). */
import { wantsPageReport } from '../attribution/evidence';
import { readEvidence } from '../store/evidence';
import { missingOrigins } from '../permissions/host-access';
import { sendToTab } from '../send-to-tab';
import { recordAccountSeen, updateAccount } from '../store/accounts';
import { consentHandlers } from './consent-handlers';
import type { BackgroundDeps } from './deps';
import { evidenceHandlers } from './evidence-handlers';
import type { OutboxRunner } from './outbox-runner';
import { requestHandlers, sendMarketingChoice } from './request-handlers';
import { launcherCount, refreshSnapshot } from './snapshot';
import type { Handlers } from './router';
import { wipeAll } from '../wipe';

export type { BackgroundDeps } from './deps';

export function createHandlers(deps: BackgroundDeps, outbox: OutboxRunner): Handlers {
  const { browser, db, now } = deps;
  const requestDeps = { ...deps, outbox };
  return {
    ...consentHandlers(
      deps,
      async (host, state) => {
        await sendMarketingChoice(requestDeps, host, state);
      },
      (host, state) => sendMarketingChoice(requestDeps, host, state),
    ),
    ...requestHandlers(requestDeps),
    ...evidenceHandlers(deps),
    'page/seen': async ({ host }, { tabId }) => {
      const account = await recordAccountSeen(db, host, now());
      const report = wantsPageReport(await readEvidence(db, host), now());
      if (tabId === undefined) return { ingroupCount: account.ingroupCount ?? null, report };
      try {
        return { ingroupCount: await launcherCount({ browser, db, now }, host, tabId), report };
      } catch (error) {
        // Signed out, not loaded yet, rate limited: the launcher works without a count.
        console.warn('[ingroup-privacy] launcher count', error);
        return { ingroupCount: account.ingroupCount ?? null, report };
      }
    },
    'access/missing': async () => ({ missing: await missingOrigins(browser.permissions) }),
    'panel/close': async (_message, { tabId }) => {
      if (tabId === undefined) return { closed: false };
      await sendToTab(browser, tabId, { type: 'panel/close' });
      return { closed: true };
    },
    'settings/regime': async ({ host, regime }) => {
      await updateAccount(db, host, { regime });
      return { regime };
    },
    'data/wipe': async () => {
      await wipeAll(db);
      return { wiped: true };
    },
    'snapshot/refresh': async ({ host, tabId, force }, context) => {
      // The panel frame lives in the account's tab; the popup names the tab it means.
      const tab = context.tabId ?? tabId;
      if (tab === undefined) throw Object.assign(new Error('Open the amoCRM account in a tab first.'), { code: 'no-tab' });
      const snapshot = await refreshSnapshot({ browser, db, now }, host, tab, force ?? false);
      return { fetchedAt: snapshot.fetchedAt };
    },
  };
}
