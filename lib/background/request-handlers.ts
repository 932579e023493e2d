/**
 * Request messages: the background is the outbox's only writer and the endpoint's only caller.
 * A request is written to the database before any send; the send itself runs in the outbox.
 */
import { readSnapshot } from '../store/snapshots';
import { issueWords } from '../issue-words';
import { DEFAULT_ENDPOINT_BASE } from '../manifest';
import type { ConsentState } from '../vocabulary';
import { ledgerHead } from '../consent/verify';
import { POLICY_VERSION } from '../policy/version';
import { bodyFromDraft } from '../requests/compose';
import { checkEndpointBase, originPattern } from '../requests/endpoint-base';
import { enqueue, moveToEndpoint, recordEmailSent, requeue, type DrainResult } from '../requests/outbox';
import { IdentitySchema } from '../requests/identity';
import { recordAnswer } from '../requests/answers';
import type { Channel } from '../requests/record';
import { readEndpointBase } from '../settings';
import { marketingDraft } from '../requests/marketing';
import { AppError, type ErrorCode } from '../errors';
import type { BackgroundDeps, OutboxRunner } from './deps';

function kick(outbox: OutboxRunner): void {
  outbox.run().catch((error: unknown) => console.error('[ingroup-privacy] outbox', error));
}

/**
 * Saves a new request before anything else happens. Through the endpoint (`endpoint`), the outbox
 * sends it; by email (`email`), it waits for the admin to send the letter and say so.
 */
export async function submitDraft(deps: BackgroundDeps, draft: unknown, route: Channel = 'endpoint'): Promise<string> {
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
export async function sendMarketingChoice(
  deps: BackgroundDeps,
  host: string,
  state: ConsentState,
): Promise<string | null> {
  const snapshot = await readSnapshot(deps.db, host);
  const account = await deps.db.accounts.get(host);
  const draft = marketingDraft(snapshot, host, account?.regime, state);
  return draft ? submitDraft(deps, draft) : null;
}

const ENDPOINT_REFUSALS = {
  'not-an-address': 'settings/endpoint_not_an_address',
  'not-https': 'settings/endpoint_not_https',
  'not-plain': 'settings/endpoint_not_plain',
  'not-a-name': 'settings/endpoint_not_a_name',
  amocrm: 'settings/endpoint_amocrm',
} as const satisfies Record<string, ErrorCode>;

/** A plain https:// base whose origin the admin has granted (asked for on the options page, where the click allows the prompt). */
async function grantedEndpointBase(deps: BackgroundDeps, input: string): Promise<string> {
  const checked = checkEndpointBase(input);
  if (!checked.ok)
    throw new AppError(ENDPOINT_REFUSALS[checked.reason], `Endpoint address refused (${checked.reason}).`);
  const granted = await deps.browser.permissions.contains({ origins: [originPattern(checked.origin)] });
  if (!granted)
    throw new AppError('settings/endpoint_not_granted', `The extension may not reach ${checked.origin}.`, {
      origin: checked.origin,
    });
  return checked.base;
}

/** The custom endpoint left behind loses its host permission: the extension keeps no grant it no longer uses. */
async function revokeOldGrant(deps: BackgroundDeps, previous: string, current: string): Promise<void> {
  const old = new URL(previous).origin;
  if (old === new URL(current).origin || old === new URL(DEFAULT_ENDPOINT_BASE).origin) return;
  await deps.browser.permissions.remove({ origins: [originPattern(old)] });
}

export async function recordEmailAnswer(deps: BackgroundDeps, id: string, answer: unknown): Promise<{ id: string }> {
  await recordAnswer(deps.db, id, answer, deps.now());
  // The badge and the reminders follow the answer at once.
  kick(deps.outbox);
  return { id };
}

export async function markEmailSent(deps: BackgroundDeps, id: string): Promise<{ id: string }> {
  await recordEmailSent(deps.db, id, deps.now());
  kick(deps.outbox);
  return { id };
}

export async function retryRequest(deps: BackgroundDeps, id: string): Promise<{ id: string }> {
  await requeue(deps.db, id, deps.now());
  kick(deps.outbox);
  return { id };
}

/** Sends a request made for another endpoint to the one in force (asked per request, in Options). */
export async function moveRequest(deps: BackgroundDeps, id: string): Promise<{ id: string }> {
  await moveToEndpoint(deps.db, id, new URL(await readEndpointBase(deps.db)).origin, deps.now());
  kick(deps.outbox);
  return { id };
}

/** Sends what is due now; with `checkNow`, also asks Ingroup for every open request's status now. */
export async function flushOutbox(deps: BackgroundDeps, checkNow: boolean): Promise<DrainResult> {
  if (checkNow) await deps.db.requests.where('pollDueAt').above(deps.now()).modify({ pollDueAt: deps.now() });
  return deps.outbox.run();
}

/** Sets (or, with null, resets) Ingroup's endpoint; a custom one must be granted first. */
export async function setEndpoint(deps: BackgroundDeps, base: string | null): Promise<{ base: string }> {
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
}
