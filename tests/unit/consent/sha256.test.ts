import { describe, expect, it } from 'vitest';
import { sha256Hex } from '@/lib/consent/chain';
import { sha256HexSync } from '@/lib/consent/sha256';

describe('the synchronous SHA-256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
  ])('matches the FIPS 180-4 test vector for %j', (input, expected) => {
    expect(sha256HexSync(input)).toBe(expected);
  });

  it('agrees with WebCrypto on every length across block boundaries and on non-ASCII text', async () => {
    const inputs = Array.from({ length: 200 }, (_, n) => 'я€😀a'.repeat(n).slice(0, n) + 'x'.repeat(n % 7));
    const expected = await Promise.all(inputs.map((input) => sha256Hex(input)));
    expect(inputs.map((input) => sha256HexSync(input))).toEqual(expected);
  });
});
