import { describe, expect, it } from 'vitest';
import { canonicalJson, hashEvent, sha256Hex, verifyChain } from '@/lib/consent/chain';
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
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 3, id: events[3]!.id, reason: 'edited', message: expect.stringContaining('#4') });
  });

  it('catches an event deleted from the middle, reporting the event after the gap', async () => {
    const events = await buildChain(6);
    events.splice(2, 1);
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 2, reason: 'deleted', message: expect.stringContaining('missing') });
  });

  it('catches the first event deleted', async () => {
    const events = await buildChain(4);
    expect(await verifyChain(events.slice(1))).toMatchObject({ ok: false, index: 0, reason: 'deleted' });
  });

  it('catches two swapped events at the first of them', async () => {
    const events = await buildChain(6);
    [events[1], events[2]] = [events[2]!, events[1]!];
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 1, reason: 'reordered', message: expect.stringContaining('out of order') });
  });

  it('catches an event moved to the end', async () => {
    const events = await buildChain(5);
    const [moved] = events.splice(1, 1);
    events.push(moved!);
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 1, reason: 'reordered' });
  });

  it('catches an edited event whose hash was recomputed, in a local ledger with consecutive seq', async () => {
    const events = (await buildChain(4)).map((e, i) => ({ ...e, seq: i + 1 }));
    const { hash: _hash, seq: _seq, ...rest } = events[1]!;
    const forged = { ...rest, state: 'given' as const };
    events[1] = { ...forged, seq: 2, hash: await hashEvent(forged) };
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 2, reason: 'broken_link' });
  });

  it('catches a duplicated event', async () => {
    const events = await buildChain(3);
    events.push(events[2]!);
    expect(await verifyChain(events)).toMatchObject({ ok: false, index: 3, reason: 'duplicate' });
  });
});
