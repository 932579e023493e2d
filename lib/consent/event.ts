/**
 * One consent ledger event (DESIGN §6): append-only, never updated in place. `hash` is the
 * SHA-256 of the canonical event (every field but `seq` and `hash`), and `prevHash` chains it to
 * the event before it, so any edit, deletion or reordering shows (see chain.ts).
 */
import { z } from 'zod/mini';
import {
  AccountHostSchema,
  ConsentMethod,
  ConsentPurpose,
  ConsentState,
  PolicyVersionSchema,
  Sha256Hex,
} from '../vocabulary';

export const GENESIS_HASH = '0'.repeat(64);

/** ISO 8601 with the zone written out (`Z` or `±hh:mm`), e.g. 2026-11-25T09:30:00.000+03:00. */
export const ZonedTimestamp = z.iso.datetime({ offset: true });

export const LedgerEventSchema = z
  .object({
    /** Assigned by Dexie on insert; orders the chain locally. Not hashed, not exported. */
    seq: z.optional(z.int().check(z.positive())),
    id: z.uuid(),
    timestamp: ZonedTimestamp,
    account: z.object({ id: z.nullable(z.int()), host: AccountHostSchema }),
    /** Copy of `account.host` for the index. */
    host: AccountHostSchema,
    adminUserId: z.nullable(z.int()),
    purpose: ConsentPurpose,
    state: ConsentState,
    method: ConsentMethod,
    policy: PolicyVersionSchema,
    extensionVersion: z.string().check(z.minLength(1)),
    /** On events added by an import: the event in the imported file this one records. */
    importedFrom: z.optional(z.object({ id: z.uuid(), hash: Sha256Hex, method: ConsentMethod })),
    prevHash: Sha256Hex,
    hash: Sha256Hex,
  })
  .check(
    z.refine((event) => event.host === event.account.host, { message: 'host must equal account.host', path: ['host'] }),
  );
export type LedgerEvent = z.infer<typeof LedgerEventSchema>;

/** The fields that are hashed: everything but `seq` and `hash`. */
export type UnhashedEvent = Omit<LedgerEvent, 'seq' | 'hash'>;

/** `date` as ISO 8601 in the local zone with its offset (never a bare `Z` for local time). */
export function zonedTimestamp(date: Date): string {
  const offsetMin = -date.getTimezoneOffset();
  const local = new Date(date.getTime() + offsetMin * 60_000).toISOString().slice(0, -1);
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
