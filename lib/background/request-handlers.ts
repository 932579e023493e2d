/**
 * Request messages: the background is the outbox's only writer and the endpoint's only caller.
 * A request is written to the database before any send; the send itself runs in the outbox.
 */
import { readSnapshot } from '../store/snapshots';
import { issueWords } from '../issue-words';
import { DEFAULT_ENDPOINT_BASE } from '../manifest';
import { ledgerHead } from '../consent/verify';
import { POLICY_VERSION } from '../policy/version';
import { bodyFromDraft } from '../requests/compose';
import { checkEndpointBase, originPattern } from '../requests/endpoint-base';
import { enqueue, moveToEndpoint, recordEmailSent, requeue } from '../requests/outbox';
import { IdentitySchema } from '../requests/identity';
import { recordAnswer } from '../requests/answers';
import type { Channel } from '../requests/record';
import { readEndpointBase } from '../settings';
import { marketingDraft } from '../requests/marketing';
import type { BackgroundDeps } from './deps';
import type { OutboxRunner } from './outbox-runner';
import type { Handlers } from './router';
import type { ConsentState } from '../vocabulary';

export type RequestHandlers = Pick<Handlers, 'request/submit' | 'request/email-sent' | 'request/answer' | 'request/retry' | 'request/move' | 'outbox/flush' | 'settings/endpoint'>;

export interface RequestDeps extends BackgroundDeps {
  outbox: OutboxRunner;
}

function kick(outbox: OutboxRunner): void {
  outbox.run().catch((error: unknown) => console.error('[ingroup-privacy] outbox', error));
}

/**
 * Saves a new request before anything else happens. Through the endpoint (`endpoint`), the outbox
 * sends it; by email (`email`), it waits for the admin to send the letter and say so.
 */
export async function submitDraft(deps: RequestDeps, draft: unknown, route: Channel = 'endpoint'): Promise<string> {
  const { headHash, events } = await ledgerHead(deps.db);
  const body = bodyFromDraft(draft, {
    id: crypto.randomUUID(),
    now: deps.now(),
    policy: POLICY_VERSION,
    ledger: { headHash, events },
    client: { name: 'ingroup-privacy-amocrm', version: deps.browser.runtime.getManifest().version },
    words: issueWords,
  });
  const identity = IdentitySchema.safeParse((draft as { identity?: unknown } | null)?.identity);
  // Made for the endpoint in force now: it is sent there, or, if the endpoint changes, only where the admin says.
  const origin = new URL(await readEndpointBase(deps.db)).origin;
  await enqueue(deps.db, body, route, deps.now(), identity.success ? identity.data : undefined, origin);
  kick(deps.outbox);
  return body.id;
}

/**
 * A marketing choice reaches Ingroup as a request. It needs the administrator's identity from a
 * snapshot; an account whose panel was never opened gets its request once it is (the choice
 * itself is in the ledger either way, and the panel says it was not sent).
 */
export async function sendMarketingChoice(deps: RequestDeps, host: string, state: ConsentState): Promise<string | null> {
  const snapshot = await readSnapshot(deps.db, host);
  const account = await deps.db.accounts.get(host);
  const draft = marketingDraft(snapshot, host, account?.regime, state);
  return draft ? submitDraft(deps, draft) : null;
}

const ENDPOINT_REFUSALS = {
  'not-an-address': 'That is not an address. Enter Ingroup’s endpoint as https://host/path.',
  'not-https': 'Ingroup’s endpoint must be an https:// address.',
  'not-plain': 'Enter the endpoint’s base address only, without a user name, password, “?…” or “#…”.',
  'not-a-name': 'Use the endpoint’s domain name: not an IP address, localhost or a name ending in a dot.',
  amocrm: 'An amoCRM address cannot be Ingroup’s endpoint.',
} as const;

/** A plain https:// base whose origin the admin has granted (asked for on the options page, where the click allows the prompt). */
async function grantedEndpointBase(deps: RequestDeps, input: string): Promise<string> {
  const checked = checkEndpointBase(input);
  if (!checked.ok) throw Object.assign(new Error(ENDPOINT_REFUSALS[checked.reason]), { code: 'bad-endpoint' });
  const granted = await deps.browser.permissions.contains({ origins: [originPattern(checked.origin)] });
  if (!granted) {
    throw Object.assign(new Error(`The extension may not reach ${checked.origin}: allow it when the browser asks, then save again.`), { code: 'no-permission' });
  }
  return checked.base;
}

/** The custom endpoint left behind loses its host permission: the extension keeps no grant it no longer uses. */
async function revokeOldGrant(deps: RequestDeps, previous: string, current: string): Promise<void> {
  const old = new URL(previous).origin;
  if (old === new URL(current).origin || old === new URL(DEFAULT_ENDPOINT_BASE).origin) return;
  await deps.browser.permissions.remove({ origins: [originPattern(old)] });
}

export function requestHandlers(deps: RequestDeps): RequestHandlers {
  return {
    'request/submit': async ({ draft, route }) => ({ id: await submitDraft(deps, draft, route) }),
    'request/answer': async ({ id, answer }) => {
      await recordAnswer(deps.db, id, answer, deps.now());
      // The badge and the reminders follow the answer at once.
      kick(deps.outbox);
      return { id };
    },
    'request/email-sent': async ({ id }) => {
      await recordEmailSent(deps.db, id, deps.now());
      kick(deps.outbox);
      return { id };
    },
    'request/retry': async ({ id }) => {
      await requeue(deps.db, id, deps.now());
      kick(deps.outbox);
      return { id };
    },
    'request/move': async ({ id }) => {
      await moveToEndpoint(deps.db, id, new URL(await readEndpointBase(deps.db)).origin, deps.now());
      kick(deps.outbox);
      return { id };
    },
    'outbox/flush': async ({ checkNow }) => {
      if (checkNow) await deps.db.requests.where('pollDueAt').above(deps.now()).modify({ pollDueAt: deps.now() });
      return deps.outbox.run();
    },
    'settings/endpoint': async ({ base }) => {
      const previous = await readEndpointBase(deps.db);
      if (base === null) {
        await deps.db.settings.delete('endpointBase');
      } else {
        await deps.db.settings.put({ key: 'endpointBase', value: await grantedEndpointBase(deps, base) });
      }
      const current = await readEndpointBase(deps.db);
      await revokeOldGrant(deps, previous, current);
      // Requests made for the new endpoint go now; those made for another wait to be moved, one by one.
      kick(deps.outbox);
      return { base: current };
    },
  };
}
