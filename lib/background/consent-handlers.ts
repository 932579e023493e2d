/**
 * Consent messages: the background is the ledger's only writer. A marketing choice is also sent
 * to Ingroup as a `marketing_opt_out` / `marketing_opt_in` request (DESIGN §6, issue: opt-out
 * reaches Ingroup) through `onMarketingChange`.
 */
import { readSnapshot } from '../store/snapshots';
import { appendConsents, currentChoices, LedgerWriteFailed, type ConsentInput } from '../consent/ledger';
import { importLedger } from '../consent/import';
import { POLICY_VERSION } from '../policy/version';
import type { BackgroundDeps } from './deps';
import type { Handlers } from './router';
import type { ConsentState } from '../vocabulary';

/** A choice for a host the extension has never recorded (a typo, or data wiped since the popup opened). */
export class UnknownAccount extends Error {
  readonly code = 'unknown-account';
  constructor(host: string) {
    super(`${host} has not been seen by the extension, so there is no account to record this choice for. Open the account in amoCRM once, then choose again.`);
    this.name = 'UnknownAccount';
  }
}

/** The ledger has the choice, but the matching request to Ingroup could not be queued for some accounts. */
export class MarketingRequestNotQueued extends Error {
  readonly code = 'marketing-request-not-queued';
  constructor(failures: ReadonlyArray<{ host: string; message: string }>) {
    const list = failures.map((f) => `${f.host} (${f.message})`).join('; ');
    super(`The choice is recorded in the consent ledger, but the request telling Ingroup could not be queued for ${list}. Switch it again to retry, or send the request from the panel.`);
    this.name = 'MarketingRequestNotQueued';
  }
}

export type ConsentHandlers = Pick<Handlers, 'consent/record' | 'consent/record-all' | 'consent/send-marketing' | 'ledger/import'>;
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

/** Queues the marketing request for `state`; the request id, or null without the administrator's profile. */
export type SendMarketing = (host: string, state: ConsentState) => Promise<string | null>;

export function consentHandlers(deps: BackgroundDeps, onMarketingChange?: MarketingChange, sendMarketing?: SendMarketing): ConsentHandlers {
  // Every account is told even when one fails; the failures are reported together, after.
  const tellIngroup = async (hosts: readonly string[], state: ConsentState): Promise<void> => {
    if (!onMarketingChange) return;
    const failures: Array<{ host: string; message: string }> = [];
    for (const host of hosts) {
      try {
        await onMarketingChange(host, state);
      } catch (error) {
        failures.push({ host, message: error instanceof Error ? error.message : String(error) });
      }
    }
    if (failures.length) throw new MarketingRequestNotQueued(failures);
  };
  return {
    'consent/record': async ({ host, purpose, state, method }) => {
      if (!(await deps.db.accounts.get(host))) throw new UnknownAccount(host);
      const [event] = await appendConsents(deps.db, [await inputFor(deps, host, { purpose, state, method })]);
      if (!event) throw new LedgerWriteFailed('The consent ledger did not keep this choice; nothing was written. Try again.');
      if (purpose === 'marketing') await tellIngroup([host], state);
      return { id: event.id };
    },
    'consent/record-all': async ({ state, method }) => {
      const hosts = await deps.db.accounts.toCollection().primaryKeys();
      const inputs = await Promise.all(hosts.map((host) => inputFor(deps, host, { purpose: 'marketing', state, method })));
      const events = await appendConsents(deps.db, inputs);
      await tellIngroup(hosts, state);
      return { count: events.length };
    },
    'consent/send-marketing': async ({ host }) => {
      const choice = (await currentChoices(deps.db, host)).marketing;
      if (!choice || !sendMarketing) throw Object.assign(new Error(`No marketing choice is recorded for ${host}.`), { code: 'no-choice' });
      const id = await sendMarketing(host, choice.state);
      if (!id) throw Object.assign(new Error(`The request needs the administrator’s profile: open the privacy panel in ${host} once, then send it again.`), { code: 'no-profile' });
      return { id };
    },
    'ledger/import': async ({ text }) => importLedger(deps.db, text, deps.now()),
  };
}
