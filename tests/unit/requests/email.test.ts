// @vitest-environment node
import { describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import { emailText, legalBasis, MAILTO_MAX, mailtoFor } from '@/lib/requests/email';
import { emlFor, encodeWords } from '@/lib/requests/eml';
import type { RequestRecord } from '@/lib/requests/record';
import type { RequestBody } from '@/lib/requests/types';
import { makeBody, makeRecord } from './fixtures';

function record(overrides: Partial<RequestBody> = {}): RequestRecord {
  return makeRecord([{ at: 1, kind: 'queued' }], { body: makeBody(overrides) });
}

function decode(mailto: string): { to: string; subject: string; body: string } {
  const match = /^mailto:([^?]+)\?subject=([^&]*)&body=(.*)$/.exec(mailto);
  if (!match) throw new Error(`not a mailto URL: ${mailto.slice(0, 80)}`);
  return { to: match[1]!, subject: decodeURIComponent(match[2]!), body: decodeURIComponent(match[3]!) };
}

describe('mailtoFor', () => {
  it.each(['ru', 'en'] as const)(
    'carries the whole letter to support@ingru.ru, id in the subject, when it fits (%s)',
    (lang) => {
      const r = record({ locale: lang });
      const link = mailtoFor(r, lang, 100_000);
      expect(link.whole).toBe(true);
      const mail = decode(link.href);
      expect(mail.to).toBe('support@ingru.ru');
      expect(mail.subject).toContain(r.id);
      expect(mail.body).toBe(emailText(r, lang).body);
    },
  );

  it('encodes per RFC 6068: CRLF line breaks, nothing left raw that needs escaping', () => {
    const url = mailtoFor(record({ details: 'a & b = c?\nnext line #1 100%' }), 'en', 100_000).href;
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).not.toMatch(/[\s#\n\r]/);
    expect(query.split('&')).toHaveLength(2);
    expect(url).toContain('%0D%0A');
    expect(url.replaceAll('%0D%0A', '')).not.toContain('%0A');
    expect(decode(url).body).toContain('a & b = c?');
  });

  it.each([
    ['a Russian request', { locale: 'ru' }, 'ru'],
    [
      'a request with 3,000 characters of details',
      { details: 'Прошу также сообщить, кому передавались данные. '.repeat(60) },
      'ru',
    ],
    ['a request naming 200 widgets', { widgets: Array.from({ length: 200 }, (_, i) => `fixture_widget_${i}`) }, 'en'],
  ] as const)(
    'never shortens the letter: past the limit it opens a new email with the subject only, for %s',
    (_name, overrides, lang) => {
      const r = record(overrides);
      const link = mailtoFor(r, lang);
      expect(link.href.length).toBeLessThanOrEqual(MAILTO_MAX);
      expect(link.whole).toBe(false);
      expect(link.href).not.toContain('body=');
      expect(decodeURIComponent(link.href)).toContain(r.id);
      const full = emailText(r, lang).body;
      if (r.body.details) expect(full).toContain(r.body.details.trim());
      for (const w of r.body.widgets) expect(full).toContain(w);
      expect(full).not.toMatch(/\[сокращено\]|\[shortened\]/);
    },
  );
});

describe('emailText', () => {
  it.each([
    ['ru152', 'access', 'ru', 'ч. 7 ст. 14 и ч. 1 ст. 20'],
    ['ru152', 'erasure', 'en', 'Art. 14(1) and Art. 20(3) of Russian Federal Law No. 152-FZ'],
    ['ru152', 'marketing_opt_out', 'ru', 'ч. 2 ст. 15'],
    ['ru152', 'withdraw_consent', 'en', 'Art. 9(2)'],
    ['gdpr', 'access', 'en', 'GDPR Art. 15'],
    ['gdpr', 'rectification', 'en', 'GDPR Art. 16'],
    ['gdpr', 'erasure', 'ru', 'ст. 17 GDPR'],
    ['gdpr', 'restriction', 'en', 'GDPR Art. 18'],
    ['gdpr', 'portability', 'en', 'GDPR Art. 20'],
    ['gdpr', 'objection', 'en', 'GDPR Art. 21(1)'],
  ] as const)('cites the law for %s %s in %s', (regime, type, lang, citation) => {
    expect(legalBasis(regime, type, lang)).toContain(citation);
    const r = record({
      regime,
      type,
      ...(type === 'rectification' ? { corrections: [{ field: 'admin_phone', value: '+7 900 111-22-33' }] } : {}),
    });
    expect(emailText(r, lang).body).toContain(citation);
  });

  it.each(['ru', 'en'] as const)(
    'carries the consent ledger’s head the body carries, in the letter and in a mail link that carries it whole (%s)',
    (lang) => {
      const r = record({ details: 'Прошу также сообщить, кому передавались данные. '.repeat(60) });
      expect(emailText(r, lang).body).toContain(
        `${r.body.ledger.headHash} (${lang === 'ru' ? 'событий: 3' : '3 events'})`,
      );
      const link = decode(mailtoFor(r, lang, 100_000).href);
      expect(link.body).toContain(r.body.ledger.headHash);
    },
  );

  it('lists the corrections of a rectification request', () => {
    const body = emailText(
      record({ type: 'rectification', corrections: [{ field: 'admin_phone', value: '+7 900 111-22-33' }] }),
      'ru',
    ).body;
    expect(body).toContain('admin_phone: +7 900 111-22-33');
  });
});

describe('the .eml file', () => {
  it.each(['ru', 'en'] as const)(
    'parses, with a MIME parser we did not write, as a message to support@ingru.ru with the same text (%s)',
    async (lang) => {
      const r = record({ locale: lang, details: 'Строка 1\nLine 2 — «кавычки» & <b>not markup</b>' });
      const text = emailText(r, lang);
      const eml = emlFor(text, {
        from: { name: r.body.requester.name, email: r.body.requester.email },
        date: new Date('2026-12-17T09:00:00Z'),
      });
      const parsed = await PostalMime.parse(eml);
      expect(parsed.to?.map((a) => ('address' in a ? a.address : ''))).toEqual(['support@ingru.ru']);
      expect(parsed.from).toMatchObject({ name: r.body.requester.name, address: r.body.requester.email });
      expect(parsed.subject).toBe(text.subject);
      expect(parsed.subject).toContain(r.id);
      expect(parsed.text?.replace(/\r\n/g, '\n').trimEnd()).toBe(text.body.replace(/\r\n/g, '\n'));
      expect(parsed.date).toBe('2026-12-17T09:00:00.000Z');
    },
  );

  it('keeps every header line within RFC 5322’s 78 characters, long Russian subjects included', () => {
    const r = record({ locale: 'ru', type: 'withdraw_consent' });
    const eml = emlFor(emailText(r, 'ru'), {
      from: { name: 'Очень Длинное Имя Администратора Аккаунта', email: 'a@fixture.example' },
      date: new Date(0),
    });
    for (const line of eml.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(encodeWords('plain ascii')).toBe('plain ascii');
  });
});
