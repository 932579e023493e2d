import { describe, expect, it } from 'vitest';
import type { Lang, Regime } from '@/lib/vocabulary';
import { complaintFor, complaintText } from '@/lib/requests/complaint';
import type { RequestEvent } from '@/lib/requests/record';
import { requestView } from '@/lib/requests/view';
import { REQUEST_ID, requestRecord, sentEvents } from './fixtures';

const RECEIVED = '2026-11-02T09:00:00Z';

function overdue(regime: Regime, type: Parameters<typeof requestRecord>[2] = 'access', extra: RequestEvent[] = []) {
  const view = requestView(
    requestRecord([...sentEvents(RECEIVED), ...extra], RECEIVED, type),
    regime,
    new Date('2026-12-20T12:00:00Z'),
  );
  expect(view.overdue).toBe(true);
  return view;
}

describe('the complaint text when Ingroup misses a deadline', () => {
  it.each<[Regime, Lang, RegExp, RegExp, string]>([
    ['ru152', 'ru', /Роскомнадзор/, /ч\. 1 ст\. 17 152-ФЗ/, '17.11.2026'],
    ['ru152', 'en', /Roskomnadzor/, /152-FZ Art\. 17\(1\)/, '2026-11-17'],
    ['gdpr', 'en', /supervisory authority/, /GDPR Art\. 77/, '2026-12-02'],
    ['gdpr', 'ru', /Надзорный орган/, /ст\. 77 GDPR/, '02.12.2026'],
  ])(
    '%s in %s: names the authority, the right to complain, the request id, reference, dates and the deadline',
    (regime, lang, authority, right, due) => {
      const text = complaintText(overdue(regime), regime, lang);
      expect(text).toMatch(authority);
      expect(text).toMatch(right);
      expect(text).toContain(REQUEST_ID);
      expect(text).toContain('IG-2026-000001');
      expect(text).toContain(due);
      expect(text).toContain('support@ingru.ru');
      expect(text).toContain('demo.amocrm.ru');
    },
  );

  it.each<[Regime, string]>([
    ['ru152', '10 рабочих дней с получения запроса'],
    ['gdpr', 'One month from receipt'],
  ])('%s: states the law’s deadline with its source', (regime, rule) => {
    const { text } = complaintFor(overdue(regime), regime, 'en');
    expect(text).toContain(rule);
    expect(text).toContain(regime === 'ru152' ? '152-ФЗ' : 'Art. 12(3)');
  });

  it.each<[Regime, Lang, Lang, Lang | undefined]>([
    ['ru152', 'ru', 'ru', undefined],
    ['ru152', 'en', 'ru', 'en'],
    ['gdpr', 'en', 'en', undefined],
    ['gdpr', 'ru', 'en', 'ru'],
  ])('%s, admin reads %s: filed in %s, with a translation in %s when needed', (regime, lang, filed, translated) => {
    const complaint = complaintFor(overdue(regime), regime, lang);
    expect(complaint.lang).toBe(filed);
    expect(complaint.text).toBe(complaintText(overdue(regime), regime, filed));
    expect(complaint.translation?.lang).toBe(translated);
    if (translated) expect(complaint.translation?.text).toBe(complaintText(overdue(regime), regime, translated));
  });

  it('points an EU complaint to the EDPB’s list of authorities', () => {
    expect(complaintFor(overdue('gdpr'), 'gdpr', 'en').authority.url).toBe(
      'https://www.edpb.europa.eu/about-edpb/about-edpb/members_en',
    );
  });

  it('says when Ingroup extended the deadline, and that the extended date passed too', () => {
    const view = overdue('ru152', 'access', [
      { at: Date.parse('2026-11-10T09:00:00Z'), kind: 'status', status: 'in_progress', extendedDueAt: '2026-11-24' },
    ]);
    const text = complaintText(view, 'ru152', 'ru');
    expect(text).toContain('Срок по закону истёк: 24.11.2026 (с продлением, о котором сообщил оператор)');
    expect(text).toContain('Статус у оператора: в работе');
  });

  it('adds, for a marketing opt-out, that the advertising law asks for an immediate stop', () => {
    const text = complaintText(overdue('ru152', 'marketing_opt_out'), 'ru152', 'ru');
    expect(text).toMatch(/немедленно/i);
    expect(text).toContain('38-ФЗ');
  });

  it('asks Roskomnadzor for its measures under Art. 23(3), not for "an inspection" (152-FZ Arts. 17(1), 23(3))', () => {
    const text = complaintText(overdue('ru152'), 'ru152', 'ru');
    expect(text).toContain('принять меры, предусмотренные ч. 3 ст. 23 152-ФЗ');
    expect(text).not.toMatch(/проверк/);
    expect(text).not.toMatch(/ч\. 2 ст\. 17/);
  });

  it('names the operator as its policy does, Ingroup LLC, and says what the policy leaves out', () => {
    for (const lang of ['ru', 'en'] as const) {
      const text = complaintText(overdue('ru152'), 'ru152', lang);
      expect(text).toContain('Ingroup LLC');
      expect(text).not.toContain('Ингруп');
      expect(text).toMatch(lang === 'ru' ? /адрес, ОГРН и ИНН в ней не указаны/ : /no address or registration numbers/);
    }
  });

  it('quotes the legal date, not a later one Ingroup gave (152-FZ Art. 14(3): at most 5 more working days)', () => {
    const view = overdue('ru152', 'access', [
      { at: Date.parse('2026-11-10T09:00:00Z'), kind: 'status', status: 'in_progress', extendedDueAt: '2026-12-31' },
    ]);
    const text = complaintText(view, 'ru152', 'ru');
    expect(text).toContain('Срок по закону истёк: 24.11.2026');
    expect(text).toContain('Срок, который назвал оператор: 31.12.2026 — закон его не продлевает');
  });

  it('is plain text: the requester’s own words cannot turn it into markup', () => {
    const view = overdue('gdpr');
    view.record.body.requester.name = '<img src=x onerror=alert(1)>';
    expect(complaintText(view, 'gdpr', 'en')).toContain('From: <img src=x onerror=alert(1)>, ');
  });
});
