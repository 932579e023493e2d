/**
 * The ledger's hash chain: canonical JSON, SHA-256 through WebCrypto, and a verifier that names
 * the first broken link in plain words.
 *
 * What a chain can and cannot show: an edited, deleted, inserted or reordered event breaks it;
 * events cut off the END of the ledger leave a shorter chain that is still whole.
 */
import { GENESIS_HASH, type LedgerEvent, type UnhashedEvent } from './event';
import { sha256HexSync } from './sha256';

/**
 * JSON with object keys sorted (by UTF-16 code units) and no whitespace; `undefined` members are
 * left out as JSON.stringify does. Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) out[key] = sortKeys(member);
  }
  return out;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export async function sha256Hex(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of digest) hex += HEX[byte];
  return hex;
}

function hashedPart(event: UnhashedEvent | LedgerEvent): string {
  const { seq: _seq, hash: _hash, ...hashed } = event as LedgerEvent;
  return canonicalJson(hashed);
}

/** SHA-256 (WebCrypto) over the canonical event without `seq` and `hash`. */
export async function hashEvent(event: UnhashedEvent | LedgerEvent): Promise<string> {
  return sha256Hex(hashedPart(event));
}

/** The same digest, synchronously (sha256.ts): for verifying thousands of events at once. */
export function hashEventSync(event: UnhashedEvent | LedgerEvent): string {
  return sha256HexSync(hashedPart(event));
}

export type ChainBreakReason = 'edited' | 'deleted' | 'reordered' | 'broken_link' | 'duplicate';

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | { ok: false; index: number; id: string; reason: ChainBreakReason; message: string };

/**
 * Verify events in chain order (ascending `seq`, or file order). Digests are computed first and
 * compared afterwards, with the synchronous SHA-256 (one WebCrypto task per event would take
 * 10,000 events past the 300 ms budget). Stays async so a worker-based digest can slot in.
 */
export async function verifyChain(events: readonly LedgerEvent[]): Promise<ChainVerdict> {
  const computed = events.map((event) => hashEventSync(event));
  const position = new Map<string, number>();
  events.forEach((event, i) => {
    if (!position.has(event.hash)) position.set(event.hash, i);
  });
  const ids = new Set<string>();

  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const n = i + 1;
    const fail = (reason: ChainBreakReason, message: string): ChainVerdict => ({ ok: false, index: i, id: event.id, reason, message });

    if (ids.has(event.id)) return fail('duplicate', `Event #${n} (${event.id}) appears twice in the ledger.`);
    ids.add(event.id);

    if (computed[i] !== event.hash) {
      return fail('edited', `Event #${n} (${event.id}) was changed after it was recorded: its content no longer matches its hash.`);
    }

    const previous = i === 0 ? undefined : events[i - 1];
    const expected = previous ? previous.hash : GENESIS_HASH;
    if (event.prevHash === expected) continue;

    if (event.prevHash === GENESIS_HASH) {
      return fail('broken_link', `Event #${n} (${event.id}) claims to be the first event of a ledger, but ${i} event(s) come before it.`);
    }
    const target = position.get(event.prevHash);
    if (target !== undefined && target > i) {
      return fail('reordered', `Event #${n} (${event.id}) is out of order: the event it follows is #${target + 1}, which comes after it.`);
    }
    if (target !== undefined) {
      return fail('broken_link', `Event #${n} (${event.id}) follows event #${target + 1}, not the event right before it.`);
    }
    // Rows of the local ledger carry Dexie's `seq`: consecutive numbers mean nothing was removed
    // between the two, so the link itself (or the event before) was rewritten.
    if (previous?.seq !== undefined && event.seq === previous.seq + 1) {
      return fail('broken_link', `Event #${n} (${event.id}) does not link to the event before it: that event was rewritten, or this link was.`);
    }
    return fail(
      'deleted',
      i === 0
        ? `Event #1 (${event.id}) follows an event that is missing: the start of the ledger was deleted.`
        : `An event is missing before event #${n} (${event.id}): the event it follows is not in the ledger.`,
    );
  }
  return { ok: true, count: events.length, headHash: events.at(-1)?.hash ?? GENESIS_HASH };
}
