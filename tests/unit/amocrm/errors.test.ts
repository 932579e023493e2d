import { describe, expect, it } from 'vitest';
import { AMO_ERROR_KINDS, AmoError, amoErrorKindForStatus, type AmoErrorKind } from '@/lib/amocrm/errors';
import { AppError, fromWire } from '@/lib/errors';
import { describeError } from '@/lib/i18n/errors';
import { errorReply } from '@/lib/messages';

describe('amoCRM error kinds', () => {
  it.each<{ status: number; kind: AmoErrorKind }>([
    { status: 401, kind: 'signed_out' },
    { status: 403, kind: 'not_admin' },
    { status: 429, kind: 'rate_limited' },
    { status: 500, kind: 'server' },
    { status: 503, kind: 'server' },
    { status: 599, kind: 'server' },
    { status: 400, kind: 'unexpected' },
    { status: 404, kind: 'unexpected' },
    { status: 302, kind: 'unexpected' },
  ])('reads HTTP $status as $kind', ({ status, kind }) => {
    expect(amoErrorKindForStatus(status)).toBe(kind);
  });

  it.each<{ path: string; body: string; kind: AmoErrorKind }>([
    { path: '/api/v4/users/5', body: '{"title":"Forbidden","status":403}', kind: 'not_admin' },
    { path: '/api/v4/account', body: '{"title":"Forbidden","status":403}', kind: 'account_unreadable' },
    { path: '/api/v4/account', body: '{"title":"Forbidden","status":403,"error_code":113}', kind: 'ip_restricted' },
    {
      path: '/api/v4/users?limit=1',
      body: '{"detail":"Access to this account is prohibited from your IP address"}',
      kind: 'ip_restricted',
    },
    {
      path: '/api/v4/users/5',
      body: '{"detail":"Доступ к аккаунту запрещён с вашего IP-адреса"}',
      kind: 'ip_restricted',
    },
    // A word merely containing the letters is not the IP whitelist.
    { path: '/api/v4/users/5', body: '{"detail":"Tip: ask an administrator"}', kind: 'not_admin' },
  ])('tells apart a 403 on $path: $kind', ({ path, body, kind }) => {
    expect(amoErrorKindForStatus(403, path, body)).toBe(kind);
  });

  it.each(AMO_ERROR_KINDS)('carries %s through the background reply envelope, with amoCRM’s status', (kind) => {
    const reply = errorReply(new AmoError(kind, 'fixture failure', { status: 401 }));
    expect(reply).toEqual({
      ok: false,
      error: { v: 1, code: `amo/${kind}`, params: { status: 401 }, message: 'fixture failure' },
    });
    if (!reply.ok) expect(fromWire(reply.error)).toMatchObject({ code: `amo/${kind}`, params: { status: 401 } });
  });

  it('is the one error type, with amoCRM’s wait in whole seconds among its params', () => {
    const err = new AmoError('rate_limited', 'x', { retryAfterMs: 3500 });
    expect(err).toBeInstanceOf(AppError);
    expect(err.params).toEqual({ retryAfterS: 4 });
  });

  it('keeps status, path, problem and cause', () => {
    const cause = new Error('underneath');
    const err = new AmoError('server', 'x', {
      status: 502,
      path: '/api/v4/account',
      problem: { title: 'Bad Gateway', status: 502 },
      cause,
    });
    expect(err).toMatchObject({
      name: 'AmoError',
      kind: 'server',
      status: 502,
      path: '/api/v4/account',
      problem: { title: 'Bad Gateway' },
    });
    expect(err.cause).toBe(cause);
    expect(err).toBeInstanceOf(Error);
  });
});

describe('describing amoCRM errors to an administrator', () => {
  const cases = AMO_ERROR_KINDS.flatMap((kind) => (['en', 'ru'] as const).map((lang) => ({ kind, lang })));

  it.each(cases)('says what happened and what to do for $kind in $lang', ({ kind, lang }) => {
    const text = describeError(new AmoError(kind, 'x'), lang);
    for (const part of [text.title, text.detail, text.action]) expect(part.trim().length).toBeGreaterThan(10);
    const script = lang === 'ru' ? /[а-яё]/i : /^[^а-яё]*$/i;
    expect(text.title + text.action).toMatch(script);
  });

  it.each(['en', 'ru'] as const)('gives each kind its own words in %s', (lang) => {
    const titles = AMO_ERROR_KINDS.map((kind) => describeError(new AmoError(kind, 'x'), lang).title);
    expect(new Set(titles).size).toBe(AMO_ERROR_KINDS.length);
  });

  it.each([
    {
      lang: 'en' as const,
      seen: /account and its installed widgets/,
      unseen: /name, email and phone, or the number of users/,
    },
    {
      lang: 'ru' as const,
      seen: /аккаунт и установленные в нём виджеты/,
      unseen: /имя, почта и телефон администратора и не число пользователей/,
    },
  ])('tells a non-administrator what they can and cannot see ($lang)', ({ lang, seen, unseen }) => {
    const { detail } = describeError(new AmoError('not_admin', 'x', { status: 403 }), lang);
    expect(detail).toMatch(seen);
    expect(detail).toMatch(unseen);
  });

  it.each([
    { lang: 'en' as const, expected: 'HTTP 503' },
    { lang: 'ru' as const, expected: 'HTTP 503' },
  ])('names amoCRM’s status when there was one ($lang)', ({ lang, expected }) => {
    expect(describeError(new AmoError('server', 'x', { status: 503 }), lang).detail).toContain(expected);
    expect(describeError(new AmoError('network', 'x'), lang).detail).not.toContain('HTTP');
  });

  it.each([
    { lang: 'en' as const, expected: 'wait 4 s' },
    { lang: 'ru' as const, expected: 'подождать 4 с' },
  ])('passes on how long amoCRM asked to wait ($lang)', ({ lang, expected }) => {
    expect(describeError(new AmoError('rate_limited', 'x', { retryAfterMs: 3500 }), lang).detail).toContain(expected);
  });

  it('describes an error that arrived as a reply envelope', () => {
    const reply = errorReply(new AmoError('signed_out', 'x'));
    if (reply.ok) throw new Error('expected a failure');
    expect(describeError(fromWire(reply.error), 'en').title).toBe('You are signed out of amoCRM');
  });

  it.each([new Error('boom'), 'text', null, { code: 'amo/signed_out' }])(
    'describes anything that is not an AppError as unexpected: %s',
    (err) => {
      expect(describeError(err, 'en').title).toBe('Something went wrong');
    },
  );
});
