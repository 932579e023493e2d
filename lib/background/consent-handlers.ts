/**
 * Consent messages: the background is the ledger's only writer. A marketing choice is also sent
 * to Ingroup as a `marketing_opt_out` / `marketing_opt_in` request (DESIGN §6, issue: opt-out
 * reaches Ingroup) through `sendMarketingChoice`.
 */
import { readSnapshot } from '../store/snapshots';
import type { ConsentState } from '../vocabulary';
import { appendConsents, currentChoices, type ConsentInput } from '../consent/ledger';
import { AppError } from '../errors';
import type { MessageOf } from '../messages';
import { POLICY_VERSION } from '../policy/version';
import type { BackgroundDeps, CoreDeps } from './deps';
import { sendMarketingChoice } from './request-handlers';

/** Queues the marketing request for `state`; the request id, or null without the administrator's profile. */
export type SendMarketing = (host: string, state: ConsentState) => Promise<string | null>;

async function inputFor(
  deps: CoreDeps,
  host: string,
  rest: Pick<ConsentInput, 'purpose' | 'state' | 'method'>,
): Promise<ConsentInput> {
  const [account, snapshot] = await Promise.all([deps.db.accounts.get(host), readSnapshot(deps.db, host)]);
  return {
    account: { id: account?.accountId ?? snapshot?.account.id ?? null, host },
    adminUserId: snapshot?.admin?.id ?? null,
    policy: POLICY_VERSION,
    extensionVersion: deps.browser.runtime.getManifest().version,
    ...rest,
  };
}

/** Tells Ingroup every account's choice, even when one fails; the failures are reported together, after. */
async function tellIngroup(hosts: readonly string[], state: ConsentState, send: SendMarketing): Promise<void> {
  const failures: Array<{ host: string; message: string }> = [];
  for (const host of hosts) {
    try {
      await send(host, state);
    } catch (error) {
      failures.push({ host, message: error instanceof Error ? error.message : String(error) });
    }
  }
  if (!failures.length) return;
  const list = failures.map((f) => `${f.host} (${f.message})`).join('; ');
  throw new AppError(
    'consent/not_told',
    `The choice is recorded in the consent ledger, but the request telling Ingroup could not be queued for ${list}.`,
    {
      hosts: failures.map((f) => f.host).join(', '),
    },
  );
}

/** The outbox's way of telling Ingroup a marketing choice. */
function marketingSender(deps: BackgroundDeps): SendMarketing {
  return (host, state) => sendMarketingChoice(deps, host, state);
}

/** One choice for one account; a marketing choice is also sent to Ingroup. */
export async function recordChoice(
  deps: BackgroundDeps,
  message: MessageOf<'consent/record'>,
  send = marketingSender(deps),
): Promise<{ id: string }> {
  const { host, purpose, state, method } = message;
  if (!(await deps.db.accounts.get(host)))
    throw new AppError(
      'account/unknown',
      `${host} has not been seen by the extension, so there is no account to record this choice for.`,
      { host },
    );
  const [event] = await appendConsents(deps.db, [await inputFor(deps, host, { purpose, state, method })]);
  if (!event) throw new AppError('ledger/write_failed', 'The ledger wrote no event for the choice.');
  if (purpose === 'marketing') await tellIngroup([host], state, send);
  return { id: event.id };
}

/** One marketing choice for every account seen, in one step of the chain, each told to Ingroup. */
export async function recordChoiceForAll(
  deps: BackgroundDeps,
  message: MessageOf<'consent/record-all'>,
  send = marketingSender(deps),
): Promise<{ count: number }> {
  const hosts = await deps.db.accounts.toCollection().primaryKeys();
  const inputs = await Promise.all(
    hosts.map((host) => inputFor(deps, host, { purpose: 'marketing', state: message.state, method: message.method })),
  );
  const events = await appendConsents(deps.db, inputs);
  await tellIngroup(hosts, message.state, send);
  return { count: events.length };
}

/** Tells Ingroup the marketing choice in force for an account (an imported one is only recorded until then). */
export async function sendMarketingInForce(
  deps: BackgroundDeps,
  host: string,
  send = marketingSender(deps),
): Promise<{ id: string }> {
  const choice = (await currentChoices(deps.db, host)).marketing;
  if (!choice) throw new AppError('consent/no_choice', `No marketing choice is recorded for ${host}.`, { host });
  const id = await send(host, choice.state);
  if (!id)
    throw new AppError('consent/no_profile', `The request for ${host} needs the administrator’s profile.`, { host });
  return { id };
}
