/**
 * From the composer's draft to the body sent to the endpoint: the background adds what only it
 * may decide — the request id (the Idempotency-Key for every attempt), the time, the policy
 * version the admin saw, the consent ledger's head at that moment, and the extension's name and
 * version.
 */
import type { z } from 'zod/mini';
import { DraftSchema, RequestBodySchema, type ClientRef, type LedgerHeadRef, type RequestBody } from './types';
import type { PolicyVersion } from '../vocabulary';
import { AppError } from '../errors';

export interface ComposeContext {
  /** A fresh `crypto.randomUUID()`. */
  id: string;
  /** Epoch milliseconds. */
  now: number;
  policy: PolicyVersion;
  /** The consent ledger's head as the request is saved (lib/consent/ledger.ts `ledgerHead`). */
  ledger: LedgerHeadRef;
  client: ClientRef;
  /**
   * The words for what a refused draft got wrong (`issueWords`, lib/issue-words.ts). The background
   * passes them; the panel's preview shows no refusal, so it leaves them out and does not ship them.
   */
  words?: z.core.$ZodErrorMap;
}

/** Stands in for the ledger's head in a preview: the background reads the real one as it saves the request. */
export const PREVIEW_LEDGER = { headHash: '0'.repeat(64), events: 0 };

export class DraftRejected extends AppError {
  constructor(readonly issues: readonly string[]) {
    super(
      'request/bad_draft',
      `The request could not be prepared: ${issues.join('; ')}. Check the form and send it again.`,
      { count: issues.length },
    );
    this.name = 'DraftRejected';
  }
}

/** Parses the draft (an opaque record off the message bus) and builds the body; throws `DraftRejected`. */
export function bodyFromDraft(draft: unknown, context: ComposeContext): RequestBody {
  const parsed = DraftSchema.safeParse(draft, { error: context.words });
  if (!parsed.success) {
    throw new DraftRejected(
      parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)),
    );
  }
  const d = parsed.data;
  const body: RequestBody = {
    id: context.id,
    type: d.type,
    createdAt: new Date(context.now).toISOString(),
    locale: d.locale,
    regime: d.regime,
    account: d.account,
    requester: d.requester,
    widgets: d.widgets,
    ...(d.details?.trim() ? { details: d.details.trim() } : {}),
    ...(d.corrections?.length ? { corrections: d.corrections } : {}),
    policy: context.policy,
    ledger: context.ledger,
    client: context.client,
  };
  // The body is what the endpoint will validate; fail here, in words, rather than there.
  return RequestBodySchema.parse(body, { error: context.words });
}
