/**
 * The ledger's hash chain: canonical JSON, SHA-256 through WebCrypto, and a verifier that names
 * the first broken link in plain words.
 *
 * What a chain can and cannot show: it proves integrity, not origin. An edited, deleted, inserted
 * or reordered event breaks it; but events cut off the END leave a shorter chain that is still
 * whole, and a whole chain re-hashed after an edit verifies, because nothing in it is secret.
 * Only a head hash kept outside the browser catches those (`checkAnchor`, ./verify.ts, which also
 * holds the verifier: kept apart so the panel, which only reads choices, does not load it). Nor does it say who
 * recorded an event: anyone with access to this browser profile could have.
 */
import type { LedgerEvent, UnhashedEvent } from './event';
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
    // Stryker disable next-line ConditionalExpression: an undefined member is dropped by JSON.stringify anyway
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
