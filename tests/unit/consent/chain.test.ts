import { describe, expect, it } from 'vitest';
import { canonicalJson, hashEvent, sha256Hex } from '@/lib/consent/chain';
import { checkAnchor, parseHeadHash, verifyChain } from '@/lib/consent/verify';
import { GENESIS_HASH, type LedgerEvent, type UnhashedEvent } from '@/lib/consent/event';
import { buildChain } from './fixtures';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } }, '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [['é', 1.5, true], '["é",1.5,true]'],
  ])('writes %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('does not depend on the order keys were written in', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });
});

describe('hashing', () => {
  it('is SHA-256 in lowercase hex', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('leaves seq and hash out of an event’s hash', async () => {
    const [event] = await buildChain(1);
    expect(await hashEvent({ ...event!, seq: 42, hash: 'f'.repeat(64) })).toBe(event!.hash);
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain and an empty one', async () => {
    const events = await buildChain(5);
    expect(await verifyChain(events)).toEqual({ ok: true, count: 5, headHash: events[4]!.hash });
    expect(await verifyChain([])).toMatchObject({ ok: true, count: 0 });
  });

  it('catches an edited event at its index', async () => {
    const events = await buildChain(6);
    events[3] = { ...events[3]!, state: 'given' === events[3]!.state ? 'refused' : 'given' };
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      index: 3,
      id: events[3].id,
      reason: 'edited',
      message: expect.stringContaining('#4'),
    });
  });

  it('catches an event deleted from the local ledger, counting the missing events from the row numbers', async () => {
    const events = (await buildChain(6)).map((e, i) => ({ ...e, seq: i + 1 }));
    events.splice(2, 2);
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      index: 2,
      reason: 'deleted',
      params: { gap: 2 },
      message: '2 event(s) are missing between event #2 and event #3 (' + events[2]!.id + ').',
    });
  });

  it('in a file, where nothing numbers the rows, says a gap may be a deletion or a re-hashed edit, and does not pretend to know', async () => {
    const events = await buildChain(6);
    events.splice(2, 1);
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      index: 2,
      reason: 'unlinked',
      message: expect.stringMatching(/deleted, or event #2 was changed/),
    });
  });

  it('catches the first event deleted', async () => {
    const events = await buildChain(4);
    expect(await verifyChain(events.slice(1))).toMatchObject({ ok: false, index: 0, reason: 'deleted' });
  });

  it('catches two swapped events at the first of them', async () => {
    const events = await buildChain(6);
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      index: 1,
      reason: 'reordered',
      message: expect.stringContaining('out of order'),
    });
  });

  it('catches an event moved to the end', async () => {
    const events = await buildChain(5);
    const [moved] = events.splice(1, 1);
    events.push(moved!);
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 1, reason: 'reordered' });
  });

  it('names an event edited with its hash recomputed, and what was changed, rather than calling an event missing', async () => {
    const events = await buildChain(6);
    const { hash: _hash, ...rest } = events[2]!;
    const forged = { ...rest, state: rest.state === 'given' ? ('withdrawn' as const) : ('given' as const) };
    events[2] = { ...forged, hash: await hashEvent(forged) };
    const verdict = await verifyChain(events);
    expect(verdict).toMatchObject({
      ok: false,
      index: 2,
      id: events[2].id,
      reason: 'edited',
      params: { n: 3, fields: `state ${rest.state} → ${forged.state}` },
    });
    expect(verdict.ok ? '' : verdict.message).toMatch(
      /^Event #3 .* was changed after it was recorded .* and its hash recomputed/,
    );
    expect(verdict.ok ? '' : verdict.message).not.toMatch(/missing/);
  });

  it('names an event edited beyond recovery with its hash recomputed, in a local ledger with consecutive row numbers', async () => {
    const events = (await buildChain(4)).map((e, i) => ({ ...e, seq: i + 1 }));
    const { hash: _hash, seq: _seq, ...rest } = events[1]!;
    const forged = { ...rest, timestamp: '2020-01-01T00:00:00.000+03:00' };
    events[1] = { ...forged, seq: 2, hash: await hashEvent(forged) };
    expect(await verifyChain(events)).toMatchObject({
      ok: false,
      index: 1,
      reason: 'edited',
      message: expect.stringContaining('hash recomputed'),
    });
  });

  it('cannot see an edit when the whole chain after it was re-hashed too: that takes a head hash kept elsewhere', async () => {
    const events = await buildChain(4);
    const rehashed = await rehashFrom(events, 1, { state: 'given' });
    expect(await verifyChain(rehashed)).toMatchObject({ ok: true, count: 4 });
    expect(await checkAnchor(rehashed, events[3]!.hash)).toEqual({ kind: 'rewritten', count: 4 });
  });

  it('catches a duplicated event', async () => {
    const events = await buildChain(3);
    events.push(events[2]!);
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 3, reason: 'duplicate' });
  });
});

/** The chain re-hashed from event `from` on, with `change` applied to that event: a forger's rewrite. */
async function rehashFrom(
  events: readonly LedgerEvent[],
  from: number,
  change: Partial<UnhashedEvent>,
): Promise<LedgerEvent[]> {
  const out: LedgerEvent[] = events.slice(0, from);
  for (let i = from; i < events.length; i++) {
    const { hash: _hash, seq: _seq, ...rest } = events[i]!;
    const unhashed: UnhashedEvent = {
      ...rest,
      ...(i === from ? change : {}),
      prevHash: out.at(-1)?.hash ?? GENESIS_HASH,
    };
    out.push({ ...unhashed, hash: await hashEvent(unhashed) });
  }
  return out;
}

describe('checkAnchor: the ledger against a head hash kept outside the browser', () => {
  it('tells the same chain, a chain extended since, and a chain rewritten since', async () => {
    const events = await buildChain(6);
    const anchoredAt4 = events[3]!.hash;
    expect(await checkAnchor(events, events[5]!.hash)).toEqual({ kind: 'intact', count: 6 });
    expect(await checkAnchor(events, anchoredAt4)).toEqual({ kind: 'extended', at: 4, added: 2 });
    expect(await checkAnchor(events, GENESIS_HASH)).toEqual({ kind: 'extended', at: 0, added: 6 });
    // Event #2 changed and everything after it re-hashed: the chain verifies, the anchor does not hold.
    expect(
      await checkAnchor(await rehashFrom(events, 1, { timestamp: '2020-01-01T00:00:00.000+03:00' }), anchoredAt4),
    ).toEqual({ kind: 'rewritten', count: 6 });
    // A change after the anchored point leaves the anchored part standing.
    expect(
      await checkAnchor(await rehashFrom(events, 4, { timestamp: '2020-01-01T00:00:00.000+03:00' }), anchoredAt4),
    ).toEqual({ kind: 'extended', at: 4, added: 2 });
    // Cut short below the anchor.
    expect(await checkAnchor(events.slice(0, 3), anchoredAt4)).toEqual({ kind: 'rewritten', count: 3 });
  });

  it('reports a broken chain as broken, whatever was pasted', async () => {
    const events = await buildChain(4);
    events.splice(1, 1);
    expect(await checkAnchor(events, events[2]!.hash)).toMatchObject({
      kind: 'broken',
      verdict: { reason: 'unlinked' },
    });
  });

  it.each([
    ['  ' + 'AB'.repeat(32) + '\n', 'ab'.repeat(32)],
    ['ab'.repeat(16) + ' ' + 'ab'.repeat(16), 'ab'.repeat(32)],
    ['ab'.repeat(31), null],
    ['zz'.repeat(32), null],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseHeadHash(text)).toBe(expected);
  });

  it('refuses what is not a hash', async () => {
    expect(await checkAnchor(await buildChain(1), 'not a hash')).toEqual({ kind: 'malformed' });
  });
});
