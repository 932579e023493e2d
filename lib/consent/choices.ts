/**
 * The choice in force per [host+purpose]: the ledger's latest event for each, kept as a table so
 * the popup can show 200 accounts' marketing choices with one indexed read instead of walking
 * thousands of events (DESIGN §9: no full-table scans on open).
 *
 * It is derived, never edited by hand: the ledger stays the source of truth. The table is written
 * only in the same Dexie transaction as the ledger events it follows (lib/store/ledger.ts
 * `followLedger`, called by lib/consent/ledger.ts, which imports also go through), filled once from the ledger by the v3 upgrade (lib/store/db.ts), and
 * cleared with everything else by a wipe — so it cannot drift from the ledger it summarises.
 */
import { z } from 'zod/mini';
import { ConsentPurpose, ConsentState, PolicyVersionSchema } from '../vocabulary';
import type { LedgerEvent } from './event';

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

/** A ledger event as stored: with the `seq` Dexie gave it. */
export type StoredEvent = LedgerEvent & { seq: number };

type Ordered = Pick<LedgerEvent, 'timestamp' | 'seq'>;

/**
 * Whether `event`, added to the ledger after `known`, becomes the choice in force. A choice made
 * in this browser (panel, popup, request) is the latest by ledger order — its sequence, not its
 * timestamp: a clock that ran ahead, or an event dated 9999, must not lock a choice for ever.
 * An imported choice was made elsewhere, earlier (the import refuses events dated after it): it
 * takes over only from a choice older than itself; equal instants fall back to ledger order.
 */
export function takesOver(event: Ordered & Pick<LedgerEvent, 'method'>, known: Ordered): boolean {
  const later = (event.seq ?? 0) > (known.seq ?? 0);
  if (event.method !== 'import') return later;
  const te = Date.parse(event.timestamp);
  const tk = Date.parse(known.timestamp);
  return te !== tk ? te > tk : later;
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

/** The event in force for each [host+purpose] `events` touch, taken in ledger order. */
export function inForce(events: Iterable<StoredEvent>): StoredEvent[] {
  const latest = new Map<string, StoredEvent>();
  for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
    const key = JSON.stringify([event.host, event.purpose]);
    const known = latest.get(key);
    if (!known || takesOver(event, known)) latest.set(key, event);
  }
  return [...latest.values()];
}

/** The choice in force for each [host+purpose] `events` touch, as table rows. */
export function latestChoices(events: Iterable<StoredEvent>): ChoiceRow[] {
  return inForce(events).map(choiceOf);
}
