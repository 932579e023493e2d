/**
 * Imported marketing choices Ingroup has not been told (DESIGN §6, issue 14): a choice made here is
 * sent to Ingroup as it is made, but one brought in by an import is only recorded. Where it differs
 * from what Ingroup last heard — the last marketing request for the account, or, with none, the
 * policy's default (promotional email allowed) — the admin is offered to send it.
 */
import type { PrivacyDb } from '../store/db';
import { deriveStatus, type RequestRecord } from '../requests/record';
import type { ChoiceRow } from './choices';
import type { LedgerEvent } from './event';
import type { ConsentState } from '../vocabulary';

export interface UnsentChoice {
  host: string;
  state: ConsentState;
  /** The imported event's own time. */
  timestamp: string;
}

/** What Ingroup last heard for the account: the latest marketing request that did not fail, else the policy's default. */
export function ingroupKnows(
  requests: ReadonlyArray<Pick<RequestRecord, 'type' | 'createdAt' | 'events'>>,
): 'given' | 'refused' {
  const told = requests
    .filter(
      (r) => (r.type === 'marketing_opt_in' || r.type === 'marketing_opt_out') && deriveStatus(r).status !== 'failed',
    )
    .sort((a, b) => a.createdAt - b.createdAt)
    .at(-1);
  return told?.type === 'marketing_opt_out' ? 'refused' : 'given';
}

/** The imported marketing choice in force for an account, when it differs from what Ingroup last heard. */
export function unsentChoice(
  row: ChoiceRow,
  event: Pick<LedgerEvent, 'method'> | undefined,
  requests: Parameters<typeof ingroupKnows>[0],
): UnsentChoice | null {
  if (row.purpose !== 'marketing' || event?.method !== 'import') return null;
  const wanted = row.state === 'given' ? 'given' : 'refused';
  return wanted === ingroupKnows(requests) ? null : { host: row.host, state: row.state, timestamp: row.timestamp };
}

/**
 * Every account's imported marketing choice that Ingroup has not heard, read through the
 * `purpose`, `id` and `host` indexes (no whole-table read): the named query Options shows.
 */
export async function unsentMarketingChoices(db: PrivacyDb): Promise<UnsentChoice[]> {
  const rows = await db.choices.where('purpose').equals('marketing').toArray();
  const events = await db.ledger
    .where('id')
    .anyOf(rows.map((r) => r.eventId))
    .toArray();
  const requests = await db.requests
    .where('host')
    .anyOf(rows.map((r) => r.host))
    .toArray();
  return rows
    .map((row) =>
      unsentChoice(
        row,
        events.find((e) => e.id === row.eventId),
        requests.filter((r) => r.host === row.host),
      ),
    )
    .filter((c): c is UnsentChoice => c !== null);
}
