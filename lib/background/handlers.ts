/**
 * What the background does for each message: one line per message, each calling into the module
 * that owns the work. The router (./router.ts) has already checked the sender and the shape.
 */
import { importLedger } from '../consent/import';
import { missingOrigins } from '../permissions/host-access';
import { wipeAll } from '../wipe';
import { updateAccount } from '../store/accounts';
import { recordChoice, recordChoiceForAll, sendMarketingInForce } from './consent-handlers';
import type { BackgroundDeps } from './deps';
import { markWidget, pageSeen, recordPageEvidence } from './evidence-handlers';
import { closePanel } from './panel';
import {
  flushOutbox,
  markEmailSent,
  moveRequest,
  recordEmailAnswer,
  retryRequest,
  setEndpoint,
  submitDraft,
} from './request-handlers';
import type { Handlers } from './router';
import { refreshForPage } from './snapshot';

export function createHandlers(deps: BackgroundDeps): Handlers {
  return {
    'page/seen': ({ host }, { tabId }) => pageSeen(deps, host, tabId),
    'page/evidence': (message) => recordPageEvidence(deps, message),
    'widget/mark': (message) => markWidget(deps, message),
    // The panel frame lives in the account's tab; the popup names the tab it means.
    'snapshot/refresh': ({ host, tabId, force }, context) =>
      refreshForPage(deps, host, context.tabId ?? tabId, force ?? false),
    'consent/record': (message) => recordChoice(deps, message),
    'consent/record-all': (message) => recordChoiceForAll(deps, message),
    'consent/send-marketing': ({ host }) => sendMarketingInForce(deps, host),
    'request/submit': async ({ draft, route }) => ({ id: await submitDraft(deps, draft, route) }),
    'request/answer': ({ id, answer }) => recordEmailAnswer(deps, id, answer),
    'request/email-sent': ({ id }) => markEmailSent(deps, id),
    'request/retry': ({ id }) => retryRequest(deps, id),
    'request/move': ({ id }) => moveRequest(deps, id),
    'outbox/flush': ({ checkNow }) => flushOutbox(deps, checkNow ?? false),
    'ledger/import': ({ text }) => importLedger(deps.db, text, deps.now()),
    'data/wipe': () => wipeAll(deps.db).then(() => ({ wiped: true as const })),
    'settings/regime': ({ host, regime }) => updateAccount(deps.db, host, { regime }).then(() => ({ regime })),
    'settings/endpoint': ({ base }) => setEndpoint(deps, base),
    'panel/close': (_message, { tabId }) => closePanel(deps.browser, tabId),
    'access/missing': () => missingOrigins(deps.browser.permissions).then((missing) => ({ missing })),
  };
}
