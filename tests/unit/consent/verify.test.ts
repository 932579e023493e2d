/**
 * Every way the ledger's chain can break, each with the exact sentence Options and the import
 * report show and the parameters the UI words it with. The events are built by hand here — a
 * forger's edits, a file cut or spliced — and the expected words are written out, not derived
 * from the verifier.
 */
import { describe, expect, it } from 'vitest';
import { hashEvent } from '@/lib/consent/chain';
import { GENESIS_HASH, type LedgerEvent, type UnhashedEvent } from '@/lib/consent/event';
import { checkAnchor, parseHeadHash, recoverOriginal, verifyChain, type ChainVerdict } from '@/lib/consent/verify';
import { buildChain } from './fixtures';

const ID = (i: number): string => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;

/** The chain with Dexie's row numbers, as the local ledger has it. */
async function localChain(n: number): Promise<LedgerEvent[]> {
  return (await buildChain(n)).map((e, i) => ({ ...e, seq: i + 1 }));
}

/** `event` changed by `change` and re-hashed, keeping its link and row number: a forger's edit. */
async function rehashed(event: LedgerEvent, change: Partial<UnhashedEvent>): Promise<LedgerEvent> {
  const { hash: _hash, seq, ...rest } = event;
  const forged: UnhashedEvent = { ...rest, ...change };
  return { ...forged, ...(seq !== undefined ? { seq } : {}), hash: await hashEvent(forged) };
}

function broken(verdict: ChainVerdict): Extract<ChainVerdict, { ok: false }> {
  if (verdict.ok) throw new Error('expected a broken chain');
  return verdict;
}

describe('verifyChain names each break in words', () => {
  it('an intact chain verifies, with its count and its head (negative control)', async () => {
    const events = await localChain(4);
    expect(await verifyChain(events)).toEqual({ ok: true, count: 4, headHash: events[3]!.hash });
    expect(await verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it('an event that appears twice', async () => {
    const events = await buildChain(3);
    const verdict = broken(await verifyChain([...events, events[1]!]));
    expect(verdict).toEqual({
      ok: false,
      index: 3,
      id: ID(1),
      reason: 'duplicate',
      message: `Event #4 (${ID(1)}) appears twice in the ledger.`,
      params: { n: 4, id: ID(1), words: 'duplicate' },
    });
  });

  it('an event changed without re-hashing', async () => {
    const events = await buildChain(3);
    events[1] = { ...events[1]!, adminUserId: 9999 };
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 1,
      id: ID(1),
      reason: 'edited',
      message: `Event #2 (${ID(1)}) was changed after it was recorded: its content no longer matches its hash.`,
      params: { n: 2, id: ID(1), words: 'edited' },
    });
  });

  it('an event that claims to start the ledger in the middle of it', async () => {
    const events = await buildChain(3);
    events[2] = await rehashed(events[2]!, { prevHash: GENESIS_HASH });
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 2,
      id: ID(2),
      reason: 'broken_link',
      message: `Event #3 (${ID(2)}) claims to be the first event of a ledger, but 2 event(s) come before it.`,
      params: { n: 3, id: ID(2), other: 2, words: 'claimsFirst' },
    });
  });

  it('an event moved before the one it follows', async () => {
    const events = await buildChain(4);
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 1,
      id: ID(2),
      reason: 'reordered',
      message: `Event #2 (${ID(2)}) is out of order: the event it follows is #3, which comes after it.`,
      params: { n: 2, id: ID(2), other: 3, words: 'reordered' },
    });
  });

  it('an event spliced in after the wrong event (a fork of the chain)', async () => {
    const events = await buildChain(3);
    // A fourth event recorded against event #1, as a second copy of the ledger would.
    const fork = await rehashed({ ...events[2]!, id: ID(9) }, { id: ID(9), prevHash: events[0]!.hash });
    expect(broken(await verifyChain([...events, fork]))).toEqual({
      ok: false,
      index: 3,
      id: ID(9),
      reason: 'broken_link',
      message: `Event #4 (${ID(9)}) follows event #1, not the event right before it.`,
      params: { n: 4, id: ID(9), other: 1, words: 'followsOther' },
    });
  });

  it('the start of the ledger deleted', async () => {
    const events = await buildChain(3);
    expect(broken(await verifyChain(events.slice(1)))).toEqual({
      ok: false,
      index: 0,
      id: ID(1),
      reason: 'deleted',
      message: `Event #1 (${ID(1)}) follows an event that is missing: the start of the ledger was deleted.`,
      params: { n: 1, id: ID(1), words: 'startDeleted' },
    });
  });

  it('an event edited and re-hashed, with the fields a forger changed', async () => {
    const events = await buildChain(4);
    const was = events[1]!;
    events[1] = await rehashed(was, { purpose: 'third_party_combination', method: 'popup' });
    const fields = `purpose ${was.purpose} → third_party_combination, method panel → popup`;
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 1,
      id: ID(1),
      reason: 'edited',
      message: `Event #2 (${ID(1)}) was changed after it was recorded (${fields}) and its hash recomputed to hide it: event #3 still links to the original.`,
      params: { n: 2, id: ID(1), fields, words: 'rehashedFields' },
    });
  });

  it('an event edited beyond recovery and re-hashed, in the local ledger: the next row still links to the original', async () => {
    const events = await localChain(4);
    events[1] = await rehashed(events[1]!, { timestamp: '2020-01-01T00:00:00.000+03:00' });
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 1,
      id: ID(1),
      reason: 'edited',
      message: `Event #2 (${ID(1)}) was changed after it was recorded and its hash recomputed: event #3, recorded right after it, still links to the original.`,
      params: { n: 2, id: ID(1), words: 'rehashed' },
    });
  });

  it('one event deleted from the local ledger reads as deleted, not as rewritten', async () => {
    const events = await localChain(5);
    events.splice(2, 1);
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 2,
      id: ID(3),
      reason: 'deleted',
      message: `1 event(s) are missing between event #2 and event #3 (${ID(3)}).`,
      params: { n: 3, id: ID(3), gap: 1, other: 2, words: 'gap' },
    });
  });

  it('a gap in a file without row numbers: the chain cannot tell a deletion from a re-hashed edit, and says so', async () => {
    const events = await buildChain(5);
    events.splice(2, 1);
    expect(broken(await verifyChain(events))).toEqual({
      ok: false,
      index: 2,
      id: ID(3),
      reason: 'unlinked',
      message: `Event #3 (${ID(3)}) does not follow event #2: either events between them were deleted, or event #2 was changed and its hash recomputed. The chain alone cannot tell which.`,
      params: { n: 3, id: ID(3), other: 2, words: 'unlinked' },
    });
  });

  it.each([
    ['the event before has a row number, this one none', [2, undefined]],
    ['this event has a row number, the one before none', [undefined, 4]],
  ] as const)('does not count rows when %s', async (_name, [before, after]) => {
    const events = await buildChain(5);
    events.splice(2, 1);
    const { seq: _a, ...prev } = events[1]!;
    const { seq: _b, ...next } = events[2]!;
    events[1] = { ...prev, ...(before !== undefined ? { seq: before } : {}) };
    events[2] = { ...next, ...(after !== undefined ? { seq: after } : {}) };
    expect(broken(await verifyChain(events)).reason).toBe('unlinked');
  });

  it('reports the first break when there are several', async () => {
    const events = await buildChain(6);
    events[1] = { ...events[1]!, adminUserId: 1 };
    events[4] = { ...events[4]!, adminUserId: 1 };
    expect(broken(await verifyChain(events)).index).toBe(1);
  });
});

describe('recoverOriginal', () => {
  it('finds the event as it was before its state, purpose or method was changed', async () => {
    const [event] = await buildChain(1);
    const forged = await rehashed(event!, { state: 'withdrawn' });
    const { hash: _hash, seq: _seq, ...original } = event!;
    expect(recoverOriginal(forged, event!.hash)).toEqual(original);
  });

  it('finds nothing when something else was changed, or for the event’s own hash', async () => {
    const [event] = await buildChain(1);
    const forged = await rehashed(event!, { adminUserId: 1 });
    expect(recoverOriginal(forged, event!.hash)).toBeNull();
    expect(recoverOriginal(event!, event!.hash)).toBeNull();
  });
});

describe('checkAnchor', () => {
  it('reports a broken ledger with the verifier’s verdict', async () => {
    const events = await buildChain(3);
    const verdict = await checkAnchor(events.slice(1), events[2]!.hash);
    expect(verdict).toMatchObject({ kind: 'broken', verdict: { ok: false, reason: 'deleted', index: 0 } });
  });

  it('finds an anchor at the first event', async () => {
    const events = await buildChain(3);
    expect(await checkAnchor(events, events[0]!.hash)).toEqual({ kind: 'extended', at: 1, added: 2 });
  });

  it('an empty ledger anchored at its empty head is intact', async () => {
    expect(await checkAnchor([], GENESIS_HASH)).toEqual({ kind: 'intact', count: 0 });
  });
});

describe('a pasted head hash', () => {
  it.each([
    ['something before the hash', 'x' + 'ab'.repeat(32)],
    ['something after the hash', 'ab'.repeat(32) + 'x'],
  ])('with %s is not a hash', (_name, text) => {
    expect(parseHeadHash(text)).toBeNull();
  });
});
