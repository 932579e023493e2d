/**
 * The choice in force per [host+purpose]: the ledger's latest event for each, kept as a table so
 * the popup can show 200 accounts' marketing choices with one indexed read instead of walking
 * thousands of events (DESIGN §9: no full-table scans on open).
 *
 * It is derived, never edited by hand: the ledger stays the source of truth. The table is written
 * only in the same Dexie transaction as the ledger events it follows (lib/consent/ledger.ts,
 * which imports also go through), filled once from the ledger by the v3 upgrade (lib/db.ts), and
 * cleared with everything else by a wipe — so it cannot drift from the ledger it summarises.
 */
import type { Table } from 'dexie';
import { z } from 'zod/mini';
import { ConsentPurpose, ConsentState, PolicyVersionSchema, type LedgerEvent } from './event';

export const ChoiceRowSchema = z.object({
  host: z.string(),
  purpose: ConsentPurpose,
  state: ConsentState,
  /** The event's zoned timestamp. */
  timestamp: z.string(),
  /** The event's position in the ledger: breaks ties between equal instants. */
  seq: z.int(),
  eventId: z.string(),
  policy: PolicyVersionSchema,
});
export type ChoiceRow = z.infer<typeof ChoiceRowSchema>;

export type ChoiceTable = Table<ChoiceRow, [string, ConsentPurpose]>;

/** A ledger event as stored: with the `seq` Dexie gave it. */
export type StoredEvent = LedgerEvent & { seq: number };

type Ordered = Pick<LedgerEvent, 'timestamp' | 'seq'>;

/** Later in time wins; equal instants fall back to ledger order. */
export function isLater(a: Ordered, b: Ordered): boolean {
  const ta = Date.parse(a.timestamp);
  const tb = Date.parse(b.timestamp);
  return ta !== tb ? ta > tb : (a.seq ?? 0) > (b.seq ?? 0);
}

export function choiceOf(event: StoredEvent): ChoiceRow {
  return {
    host: event.host,
    purpose: event.purpose,
    state: event.state,
    timestamp: event.timestamp,
    seq: event.seq,
    eventId: event.id,
    policy: { effectiveDate: event.policy.effectiveDate, sha256: event.policy.sha256 },
  };
}

/** The latest of `events` for each [host+purpose] they touch, as table rows. */
export function latestChoices(events: Iterable<StoredEvent>): ChoiceRow[] {
  const latest = new Map<string, StoredEvent>();
  for (const event of events) {
    const key = JSON.stringify([event.host, event.purpose]);
    const known = latest.get(key);
    if (!known || isLater(event, known)) latest.set(key, event);
  }
  return [...latest.values()].map(choiceOf);
}

/**
 * Brings the table up to date with events just added to the ledger. Call it inside the
 * transaction that added them: a row is replaced only by a later event, so an older choice brought
 * in by an import never hides a newer one.
 */
export async function followLedger(table: ChoiceTable, added: readonly StoredEvent[]): Promise<void> {
  const candidates = latestChoices(added);
  if (candidates.length === 0) return;
  const existing = await table.bulkGet(candidates.map((c): [string, ConsentPurpose] => [c.host, c.purpose]));
  const newer = candidates.filter((candidate, i) => {
    const known = existing[i];
    return !known || isLater(candidate, known);
  });
  if (newer.length) await table.bulkPut(newer);
}
