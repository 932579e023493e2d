/**
 * Verifying the ledger's hash chain (./chain.ts), naming the first broken link in plain words,
 * and checking the ledger against a head hash kept outside the browser. Only Options and the
 * background's import use it; the panel does not load it.
 */
import type { PrivacyDb } from '../store/db';
import { hashEventSync } from './chain';
import { CONSENT_METHODS, CONSENT_PURPOSES, CONSENT_STATES } from '../vocabulary';
import { GENESIS_HASH, type LedgerEvent, type UnhashedEvent } from './event';
import { allEvents } from './ledger';

/**
 * What broke, as far as the chain can tell:
 * - `edited`: an event's content no longer matches its hash; or an event was changed and its hash
 *   recomputed, which shows when the event after it still links to the original (named when the
 *   original can be recovered, or when the local row numbers say nothing lies between them);
 * - `deleted`: events are missing (the local row numbers have a gap, or the start is gone);
 * - `unlinked`: an event follows one that is not here, and nothing says whether events were deleted
 *   there or the event before was changed and re-hashed (a file without local row numbers);
 * - `reordered`, `broken_link` (an event follows the wrong event), `duplicate`.
 */
export type ChainBreakReason = 'edited' | 'deleted' | 'unlinked' | 'reordered' | 'broken_link' | 'duplicate';

export type ChainVerdict =
  | { ok: true; count: number; headHash: string }
  | {
      ok: false;
      /** The position (0-based) and id of the event the break is reported at. */
      index: number;
      id: string;
      reason: ChainBreakReason;
      /** The same in English words, for logs and the import report. */
      message: string;
      /**
       * For wording it in the UI's language: `words` names the sentence (lib/i18n/ledger-anchor.ts
       * `break.*`); `n` is the event's number (1-based), `id` its id; some add `other` (another
       * event's number), `gap` or `fields`.
       */
      params: Record<string, string | number>;
    };

/**
 * The event as it was when `originalHash` was computed, if it differed only in its state, purpose
 * or method (the fields a forger would change): tries each combination, 36 digests.
 */
export function recoverOriginal(event: LedgerEvent, originalHash: string): UnhashedEvent | null {
  const { seq: _seq, hash: _hash, ...base } = event;
  for (const state of CONSENT_STATES) {
    for (const purpose of CONSENT_PURPOSES) {
      for (const method of CONSENT_METHODS) {
        // Stryker disable next-line ConditionalExpression: the unchanged event hashes to its own hash, never to the different original's
        if (state === base.state && purpose === base.purpose && method === base.method) continue;
        const candidate: UnhashedEvent = { ...base, state, purpose, method };
        if (hashEventSync(candidate) === originalHash) return candidate;
      }
    }
  }
  return null;
}

function changedFields(now: UnhashedEvent, was: UnhashedEvent): string {
  return (['state', 'purpose', 'method'] as const)
    .filter((key) => now[key] !== was[key])
    .map((key) => `${key} ${was[key]} → ${now[key]}`)
    .join(', ');
}

/**
 * Verify events in chain order (ascending `seq`, or file order). Digests are computed first and
 * compared afterwards, with the synchronous SHA-256 (one WebCrypto task per event would take
 * 10,000 events past the 300 ms budget). Stays async so a worker-based digest can slot in.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async on purpose: callers already await it, so a worker-based digest can slot in
export async function verifyChain(events: readonly LedgerEvent[]): Promise<ChainVerdict> {
  const computed = events.map((event) => hashEventSync(event));
  const position = new Map<string, number>();
  events.forEach((event, i) => {
    // Stryker disable next-line ConditionalExpression: two positions share a hash only for a duplicated event, reported before any link
    if (!position.has(event.hash)) position.set(event.hash, i);
  });
  const ids = new Set<string>();

  for (const [i, event] of events.entries()) {
    const n = i + 1;
    /** The chain breaks at this event, or (`at`) at an earlier one it names. */
    const fail = (
      reason: ChainBreakReason,
      message: string,
      params: Record<string, string | number> = {},
      at = i,
    ): ChainVerdict => {
      const id = (events[at] ?? event).id;
      return { ok: false, index: at, id, reason, message, params: { n: at + 1, id, ...params } };
    };

    if (ids.has(event.id))
      return fail('duplicate', `Event #${n} (${event.id}) appears twice in the ledger.`, { words: 'duplicate' });
    ids.add(event.id);

    if (computed[i] !== event.hash) {
      return fail(
        'edited',
        `Event #${n} (${event.id}) was changed after it was recorded: its content no longer matches its hash.`,
        { words: 'edited' },
      );
    }

    // Stryker disable next-line ConditionalExpression: events[-1] is undefined too
    const previous = i === 0 ? undefined : events[i - 1];
    const expected = previous ? previous.hash : GENESIS_HASH;
    if (event.prevHash === expected) continue;

    if (event.prevHash === GENESIS_HASH) {
      return fail(
        'broken_link',
        `Event #${n} (${event.id}) claims to be the first event of a ledger, but ${i} event(s) come before it.`,
        { other: i, words: 'claimsFirst' },
      );
    }
    const target = position.get(event.prevHash);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: undefined > i is false; an event cannot follow itself (its hash covers prevHash)
    if (target !== undefined && target > i) {
      return fail(
        'reordered',
        `Event #${n} (${event.id}) is out of order: the event it follows is #${target + 1}, which comes after it.`,
        { other: target + 1, words: 'reordered' },
      );
    }
    if (target !== undefined) {
      return fail(
        'broken_link',
        `Event #${n} (${event.id}) follows event #${target + 1}, not the event right before it.`,
        { other: target + 1, words: 'followsOther' },
      );
    }
    if (!previous) {
      return fail(
        'deleted',
        `Event #1 (${event.id}) follows an event that is missing: the start of the ledger was deleted.`,
        { words: 'startDeleted' },
      );
    }
    // The event this one follows is not here. The event before it may have been changed and its
    // hash recomputed (this link still holds the original's hash), or events between the two were
    // deleted. Say which when the evidence does.
    const original = recoverOriginal(previous, event.prevHash);
    if (original) {
      const fields = changedFields(previous, original);
      return fail(
        'edited',
        `Event #${i} (${previous.id}) was changed after it was recorded (${fields}) and its hash recomputed to hide it: event #${n} still links to the original.`,
        { fields, words: 'rehashedFields' },
        i - 1,
      );
    }
    // Rows of the local ledger carry Dexie's `seq`: consecutive numbers mean nothing was removed
    // between the two, so the event before was rewritten.
    if (previous.seq !== undefined && event.seq !== undefined) {
      const gap = event.seq - previous.seq - 1;
      if (gap <= 0) {
        return fail(
          'edited',
          `Event #${i} (${previous.id}) was changed after it was recorded and its hash recomputed: event #${n}, recorded right after it, still links to the original.`,
          { words: 'rehashed' },
          i - 1,
        );
      }
      return fail('deleted', `${gap} event(s) are missing between event #${i} and event #${n} (${event.id}).`, {
        gap,
        other: i,
        words: 'gap',
      });
    }
    return fail(
      'unlinked',
      `Event #${n} (${event.id}) does not follow event #${i}: either events between them were deleted, or event #${i} was changed and its hash recomputed. The chain alone cannot tell which.`,
      { other: i, words: 'unlinked' },
    );
  }
  return { ok: true, count: events.length, headHash: events.at(-1)?.hash ?? GENESIS_HASH };
}

// ---------------------------------------------------------------------------------------------
// A head hash kept outside the browser

/**
 * Where a head hash the administrator kept (copied from Options, or from a request sent to
 * Ingroup) stands against the ledger now:
 * - `intact`: it is the ledger's head — nothing was added, changed or removed since;
 * - `extended`: it is the hash of event #`at`: the events up to it are exactly those anchored, and
 *   `added` events came after (recorded since, or imported);
 * - `rewritten`: no event has that hash — the anchored ledger was changed and re-hashed, cut short
 *   or wiped, or the hash belongs to another browser's ledger;
 * - `broken`: the ledger itself fails verification (`verdict` says where);
 * - `malformed`: what was pasted is not a SHA-256.
 */
export type AnchorVerdict =
  | { kind: 'intact'; count: number }
  | { kind: 'extended'; at: number; added: number }
  | { kind: 'rewritten'; count: number }
  | { kind: 'broken'; verdict: Extract<ChainVerdict, { ok: false }> }
  | { kind: 'malformed' };

/** A pasted head hash: 64 hex digits, spaces and case forgiven. */
export function parseHeadHash(text: string): string | null {
  // Stryker disable next-line Regex: removing whitespace one character or one run at a time is the same
  const hex = text.replace(/\s+/g, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : null;
}

export async function checkAnchor(events: readonly LedgerEvent[], pasted: string): Promise<AnchorVerdict> {
  const anchor = parseHeadHash(pasted);
  if (!anchor) return { kind: 'malformed' };
  const verdict = await verifyChain(events);
  if (!verdict.ok) return { kind: 'broken', verdict };
  if (anchor === verdict.headHash) return { kind: 'intact', count: events.length };
  // An intact chain commits each event to every event before it: finding the anchor at #k means
  // events 1..k are exactly the ones anchored.
  // Stryker disable next-line ConditionalExpression: no event has the genesis hash, so findIndex + 1 is 0 for it too
  const at = anchor === GENESIS_HASH ? 0 : events.findIndex((e) => e.hash === anchor) + 1;
  if (at === 0 && anchor !== GENESIS_HASH) return { kind: 'rewritten', count: events.length };
  return { kind: 'extended', at, added: events.length - at };
}

export async function verifyLedger(db: PrivacyDb): Promise<ChainVerdict> {
  return verifyChain(await allEvents(db));
}

/** The chain's head: its newest event's hash (64 zeros while empty), and when that event was recorded. */
export interface LedgerTop {
  headHash: string;
  /** The newest event's zoned timestamp, or null while the ledger is empty. */
  at: string | null;
}

/** The newest event only, through the primary key from the top: one row, however long the ledger. */
export async function ledgerTop(db: PrivacyDb): Promise<LedgerTop> {
  // Stryker disable next-line StringLiteral: Dexie reads the primary key for an empty index name, and `seq` is the ledger's primary key (lib/store/db.ts)
  const last = await db.ledger.where('seq').above(0).last();
  return { headHash: last?.hash ?? GENESIS_HASH, at: last?.timestamp ?? null };
}

/** The head with the number of events, as a request carries it; counting walks the table, so not on a page's first paint. */
export interface LedgerHead extends LedgerTop {
  events: number;
}

/** Read in one transaction, so the hash and the count describe the same chain. */
export function ledgerHead(db: PrivacyDb): Promise<LedgerHead> {
  return db.transaction('r', db.ledger, async () => ({ ...(await ledgerTop(db)), events: await db.ledger.count() }));
}
