/**
 * Consent messages: the background is the ledger's only writer. A marketing choice is also sent
 * to Ingroup as a `marketing_opt_out` / `marketing_opt_in` request (DESIGN §6, issue: opt-out
 * reaches Ingroup) through `onMarketingChange`.
 */
import { readSnapshot } from '../amocrm/snapshot';
import type { ConsentState } from '../consent/event';
import { appendConsents, type ConsentInput } from '../consent/ledger';
import { importLedger } from '../consent/import';
import { POLICY_VERSION } from '../policy/version';
import type { BackgroundDeps } from './handlers';
import type { Handlers } from './router';

export type ConsentHandlers = Pick<Handlers, 'consent/record' | 'consent/record-all' | 'ledger/import'>;
export type MarketingChange = (host: string, state: ConsentState) => Promise<void>;

async function inputFor(deps: BackgroundDeps, host: string, rest: Pick<ConsentInput, 'purpose' | 'state' | 'method'>): Promise<ConsentInput> {
  const [account, snapshot] = await Promise.all([deps.db.accounts.get(host), readSnapshot(deps.db, host)]);
  return {
    account: { id: account?.accountId ?? snapshot?.account.id ?? null, host },
    adminUserId: snapshot?.admin?.id ?? null,
    policy: POLICY_VERSION,
    extensionVersion: deps.browser.runtime.getManifest().version,
    ...rest,
  };
}

export function consentHandlers(deps: BackgroundDeps, onMarketingChange?: MarketingChange): ConsentHandlers {
  const tellIngroup = async (hosts: string[], state: ConsentState): Promise<void> => {
    if (!onMarketingChange) return;
    for (const host of hosts) await onMarketingChange(host, state);
  };
  return {
    'consent/record': async ({ host, purpose, state, method }) => {
      if (!(await deps.db.accounts.get(host))) throw Object.assign(new Error(`${host} has not been seen by the extension`), { code: 'unknown-account' });
      const [event] = await appendConsents(deps.db, [await inputFor(deps, host, { purpose, state, method })]);
      if (purpose === 'marketing') await tellIngroup([host], state);
      return { id: event!.id };
    },
    'consent/record-all': async ({ state, method }) => {
      const hosts = (await deps.db.accounts.toCollection().primaryKeys()) as string[];
      const inputs = await Promise.all(hosts.map((host) => inputFor(deps, host, { purpose: 'marketing', state, method })));
      const events = await appendConsents(deps.db, inputs);
      await tellIngroup(hosts, state);
      return { count: events.length };
    },
    'ledger/import': async ({ text }) => importLedger(deps.db, text),
  };
}
