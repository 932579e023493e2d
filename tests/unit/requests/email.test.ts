// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emailText, legalBasis, MAILTO_MAX, mailtoFor } from '@/lib/requests/email';
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
  it.each(['ru', 'en'] as const)('addresses support@ingru.ru and names the request id (%s)', (lang) => {
    const r = record({ locale: lang });
    const mail = decode(mailtoFor(r, lang));
    expect(mail.to).toBe('support@ingru.ru');
    expect(mail.subject).toContain(r.id);
    expect(mail.body).toContain(r.id);
    expect(mail.body).toContain('fixture-agency.amocrm.ru');
    expect(mail.body).toContain('irina@fixture.example');
    expect(mail.body).toContain('fixture_ingroup_calls');
  });

  it('encodes per RFC 6068: CRLF line breaks, nothing left raw that needs escaping', () => {
    const url = mailtoFor(record({ details: 'a & b = c?\nnext line #1 100%' }), 'en');
    const query = url.slice(url.indexOf('?') + 1);
    expect(query).not.toMatch(/[\s#\n\r]/);
    expect(query.split('&')).toHaveLength(2);
    expect(url).toContain('%0D%0A');
    expect(url.replaceAll('%0D%0A', '')).not.toContain('%0A');
    expect(decode(url).body).toContain('a & b = c?');
  });

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
    const r = record({ regime, type, ...(type === 'rectification' ? { corrections: [{ field: 'admin_phone', value: '+7 900 111-22-33' }] } : {}) });
    expect(emailText(r, lang).body).toContain(citation);
  });

  it.each(['ru', 'en'] as const)('carries the consent ledger’s head the body carries, in the letter and in the mailto link (%s)', (lang) => {
    const r = record({ details: 'Прошу также сообщить, кому передавались данные. '.repeat(60) });
    expect(emailText(r, lang).body).toContain(`${r.body.ledger.headHash} (${lang === 'ru' ? 'событий: 3' : '3 events'})`);
    const link = decode(mailtoFor(r, lang));
    expect(link.body).toContain(r.body.ledger.headHash);
    expect(link.body).toContain(lang === 'ru' ? '[сокращено]' : '[shortened]');
  });

  it('lists the corrections of a rectification request', () => {
    const body = emailText(record({ type: 'rectification', corrections: [{ field: 'admin_phone', value: '+7 900 111-22-33' }] }), 'ru').body;
    expect(body).toContain('admin_phone: +7 900 111-22-33');
  });

  it.each([
    ['a Russian request', { locale: 'ru' }, 'ru'],
    ['an English request', { locale: 'en', regime: 'gdpr' }, 'en'],
    ['a request with 3,000 characters of details', { details: 'Прошу также сообщить, кому передавались данные. '.repeat(60) }, 'ru'],
    ['a request naming 200 widgets', { widgets: Array.from({ length: 200 }, (_, i) => `fixture_widget_${i}`) }, 'en'],
  ] as const)('keeps the URL under %i characters for %s, the id still in it', (_name, overrides, lang) => {
    const r = record(overrides as Partial<RequestBody>);
    const url = mailtoFor(r, lang);
    expect(url.length).toBeLessThanOrEqual(MAILTO_MAX);
    expect(decode(url).body).toContain(r.id);
  });

  it('says when details were shortened, and keeps the full text for copying', () => {
    const details = 'Прошу также сообщить, кому передавались данные. '.repeat(60);
    const r = record({ details });
    expect(decode(mailtoFor(r, 'ru')).body).toContain('[сокращено]');
    expect(emailText(r, 'ru').body).toContain(details.trim());
  });
});
