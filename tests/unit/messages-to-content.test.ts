import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PageSeenReply, ToContent } from '@/lib/messages';
import {
  parsePageSeenCount,
  parsePageSeenReport,
  parseToContent,
  type ToContentMessage,
} from '@/lib/messages-to-content';

describe('the content script’s message guards agree with the zod schemas', () => {
  it('have the same message type', () => {
    expectTypeOf<ToContentMessage>().toEqualTypeOf<ToContent>();
  });

  it.each([
    { type: 'amo/fetch', path: '/api/v4/account' },
    { type: 'amo/fetch', path: '/api/v4/users/7001001?with=phone_number' },
    { type: 'amo/fetch', path: '/api/v4/widgets?limit=250&page=2' },
    { type: 'amo/fetch', path: '/api/v4/leads' },
    { type: 'amo/fetch', path: 'https://evil.example/api/v4/account' },
    { type: 'amo/fetch', path: '/api/v4/account/../../private' },
    { type: 'amo/fetch' },
    { type: 'panel/open' },
    { type: 'panel/close', extra: 1 },
    { type: 'panel/destroy' },
    null,
    'panel/open',
    [],
  ])('%j', (raw) => {
    const zod = ToContent.safeParse(raw);
    expect(parseToContent(raw)).toEqual(zod.success ? zod.data : null);
  });

  it('agree on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ type: fc.constantFrom('amo/fetch', 'panel/open', 'panel/close'), path: fc.string() }),
        ),
        (raw) => {
          const zod = ToContent.safeParse(raw);
          expect(parseToContent(raw)).toEqual(zod.success ? zod.data : null);
        },
      ),
    );
  });

  it.each([
    [{ ok: true, value: { ingroupCount: 3 } }, 3],
    [{ ok: true, value: { ingroupCount: null } }, null],
    [{ ok: true, value: { ingroupCount: -1 } }, undefined],
    [{ ok: true, value: { ingroupCount: '3' } }, undefined],
    [{ ok: false, error: { code: 'x', message: 'y' } }, undefined],
    [undefined, undefined],
  ])('reads the launcher count from %j as %j', (reply, expected) => {
    expect(parsePageSeenCount(reply)).toBe(expected);
    if (expected !== undefined)
      expect(PageSeenReply.parse((reply as { value: unknown }).value).ingroupCount).toBe(expected);
  });

  it.each([
    [{ ok: true, value: { ingroupCount: 3, report: true } }, true],
    [{ ok: true, value: { ingroupCount: 3, report: false } }, false],
    [{ ok: true, value: { ingroupCount: 3 } }, false],
    [{ ok: true, value: { ingroupCount: 3, report: 'true' } }, false],
    [{ ok: false, value: { report: true } }, false],
    [{ ok: true, report: true }, false],
    [null, false],
  ])('reads whether the page’s widget list is asked for from %j as %j', (reply, expected) => {
    expect(parsePageSeenReport(reply)).toBe(expected);
    const value = (reply as { value?: unknown } | null)?.value;
    const zod = PageSeenReply.safeParse(value);
    // Where the zod schema reads the reply, it reads the same answer.
    if (zod.success && (reply as { ok?: unknown }).ok === true) expect(zod.data.report === true).toBe(expected);
  });
});
