/**
 * The canonical form every ledger hash is taken over: if it changed, every exported ledger would
 * stop verifying. Expected outputs are written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashEvent, hashEventSync, sha256Hex } from '@/lib/consent/chain';
import { sha256HexSync } from '@/lib/consent/sha256';
import { buildChain } from './fixtures';

describe('canonicalJson', () => {
  it.each([
    ['a value with nothing to sort', 'text', '"text"'],
    ['null', null, 'null'],
    ['nothing at all', undefined, 'null'],
    ['an empty object', {}, '{}'],
    ['objects inside arrays, each sorted', [{ b: 1, a: 2 }, [{ d: 1, c: 2 }]], '[{"a":2,"b":1},[{"c":2,"d":1}]]'],
    ['keys in UTF-16 order, capitals first', { b: 1, B: 2, a: 3, _: 4 }, '{"B":2,"_":4,"a":3,"b":1}'],
    ['an undefined member inside an array, as JSON writes it', [undefined, 1], '[null,1]'],
    ['false and zero kept', { z: 0, y: false, x: '' }, '{"x":"","y":false,"z":0}'],
  ])('writes %s as expected', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %d, which JSON cannot hold, in words',
    (n) => {
      expect(() => canonicalJson({ a: { b: [n] } })).toThrow(new TypeError('canonicalJson: non-finite number'));
    },
  );
});

describe('digests', () => {
  it('writes SHA-256 as 64 lowercase hex digits, small bytes with their leading zero', async () => {
    // "abc" has the bytes 0x01 and 0x03 in its digest: each written with its leading zero.
    expect(await sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(await sha256Hex('Ингруп')).toBe(sha256HexSync('Ингруп'));
  });

  it('hashes an event the same way synchronously and through WebCrypto', async () => {
    const [event] = await buildChain(1);
    expect(hashEventSync(event!)).toBe(await hashEvent(event!));
    expect(hashEventSync({ ...event!, seq: 9, hash: '0'.repeat(64) })).toBe(event!.hash);
  });

  it('changes with every hashed field', async () => {
    const [event] = await buildChain(1);
    for (const change of [
      { adminUserId: 1 },
      { extensionVersion: '0.1.1' },
      { prevHash: 'f'.repeat(64) },
      { timestamp: '2026-11-25T06:30:00.001+00:00' },
    ]) {
      expect(await hashEvent({ ...event!, ...change })).not.toBe(event!.hash);
    }
  });
});
