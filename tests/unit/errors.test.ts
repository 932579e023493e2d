/**
 * The one error type (lib/errors.ts): a closed code, params and log words, carried between the
 * background and the pages in a versioned wire form, and worded by the pages in their language.
 */
import { describe, expect, it } from 'vitest';
import { AmoError } from '@/lib/amocrm/errors';
import { AppError, asAppError, ERROR_CODES, fromWire, isErrorCode, toWire, WireError } from '@/lib/errors';
import { MessageRefused } from '@/lib/messages';
import { EndpointError } from '@/lib/requests/endpoint';

describe('the one error type', () => {
  it('is what every module that throws for the UI throws', () => {
    for (const error of [
      new AmoError('server', 'x', { status: 502 }),
      new EndpointError('permanent', 'x', { status: 422 }),
      new MessageRefused('message/bad_sender', 'x'),
    ]) {
      expect(error).toBeInstanceOf(AppError);
      expect(isErrorCode(error.code)).toBe(true);
    }
  });

  it('passes an AppError through unchanged, and makes anything else `unexpected` keeping its text', () => {
    const typed = new AppError('account/no_tab', 'x');
    expect(asAppError(typed)).toBe(typed);
    expect(asAppError(new Error('disk full'))).toMatchObject({ code: 'unexpected', params: { message: 'disk full' } });
    // A look-alike with a code of its own is still not trusted as one of ours.
    expect(asAppError(Object.assign(new Error('x'), { code: 'account/no_tab' })).code).toBe('unexpected');
  });

  it('crosses the wire and comes back with the same code, params and log words', () => {
    const error = new EndpointError('retryable', 'later', {
      status: 503,
      retryAfterMs: 2_500,
      problem: { title: 'Busy' },
    });
    const wire = toWire(error);
    expect(WireError.safeParse(wire).success).toBe(true);
    expect(wire).toEqual({
      v: 1,
      code: 'endpoint/retryable',
      params: { status: 503, retryAfterS: 3, said: 'Busy' },
      message: 'later',
    });
    expect(fromWire(wire)).toMatchObject({ code: 'endpoint/retryable', params: wire.params, message: 'later' });
  });

  it.each(ERROR_CODES)('%s is a code the wire form takes', (code) => {
    expect(WireError.safeParse({ v: 1, code, params: {}, message: '' }).success).toBe(true);
  });

  it.each(['failed', 'amo/', 'bad-sender', 'request/not-found', ''])('%s is not a code (negative control)', (code) => {
    expect(isErrorCode(code)).toBe(false);
    expect(WireError.safeParse({ v: 1, code, params: {}, message: '' }).success).toBe(false);
  });
});
