/**
 * What each message to the background may carry, at its limits: a content script runs beside
 * amoCRM's page, which another script may control, so every member is bounded and typed. The
 * table of who may send what is written out here, not read back from the code.
 */
import { describe, expect, it } from 'vitest';
import { SENDERS, ToBackground } from '@/lib/messages';

const ID = '3f0c6c1e-8a57-4c1f-9a51-0d9a7a5b2c11';
const host = 'demo.amocrm.ru';

describe('who may send each message', () => {
  it('is exactly this table', () => {
    expect(SENDERS).toEqual({
      'page/seen': ['content'],
      'page/evidence': ['content'],
      'widget/mark': ['panel', 'page'],
      'snapshot/refresh': ['panel', 'page'],
      'consent/record': ['panel', 'page'],
      'consent/record-all': ['page'],
      'consent/send-marketing': ['page'],
      'request/submit': ['panel', 'page'],
      'request/answer': ['panel', 'page'],
      'request/email-sent': ['panel', 'page'],
      'request/retry': ['panel', 'page'],
      'request/move': ['page'],
      'outbox/flush': ['panel', 'page'],
      'ledger/import': ['page'],
      'data/wipe': ['page'],
      'settings/regime': ['panel', 'page'],
      'settings/endpoint': ['page'],
      'panel/close': ['panel'],
      'access/missing': ['panel', 'page'],
    });
  });
});

const ok = (raw: unknown): boolean => ToBackground.safeParse(raw).success;

describe('each message at its limits', () => {
  it.each(
    (
      [
        ['evidence without a report', { type: 'page/evidence', host, report: null, traffic: [] }, true],
        [
          'evidence with a 500,000-character report',
          { type: 'page/evidence', host, report: 'x'.repeat(500_000), traffic: [] },
          true,
        ],
        [
          'evidence with a longer report',
          { type: 'page/evidence', host, report: 'x'.repeat(500_001), traffic: [] },
          false,
        ],
        [
          'evidence with 500 requests',
          {
            type: 'page/evidence',
            host,
            report: null,
            traffic: Array.from({ length: 500 }, () => ({ url: 'https://a.ingru.ru/x', at: 1 })),
          },
          true,
        ],
        [
          'evidence with 501 requests',
          {
            type: 'page/evidence',
            host,
            report: null,
            traffic: Array.from({ length: 501 }, () => ({ url: 'https://a.ingru.ru/x', at: 1 })),
          },
          false,
        ],
        [
          'a request address of 2,000 characters',
          { type: 'page/evidence', host, report: null, traffic: [{ url: 'u'.repeat(2000), at: 1 }] },
          true,
        ],
        [
          'a longer request address',
          { type: 'page/evidence', host, report: null, traffic: [{ url: 'u'.repeat(2001), at: 1 }] },
          false,
        ],
        ['a request without its time', { type: 'page/evidence', host, report: null, traffic: [{ url: 'u' }] }, false],
        [
          'a request with a member of its own',
          { type: 'page/evidence', host, report: null, traffic: [{ url: 'u', at: 1, body: 'x' }] },
          false,
        ],
        ['evidence without its traffic', { type: 'page/evidence', host, report: null }, false],
        ['a mark on a widget: Ingroup’s', { type: 'widget/mark', host, code: 'ig_calls', mark: 'ingroup' }, true],
        [
          'a mark on a widget: not Ingroup’s',
          { type: 'widget/mark', host, code: 'ig_calls', mark: 'not_ingroup' },
          true,
        ],
        ['a mark taken back', { type: 'widget/mark', host, code: 'ig_calls', mark: null }, true],
        ['a mark of another kind', { type: 'widget/mark', host, code: 'ig_calls', mark: 'maybe' }, false],
        ['a mark on a widget without a code', { type: 'widget/mark', host, code: '', mark: null }, false],
        ['a mark on a 200-character code', { type: 'widget/mark', host, code: 'c'.repeat(200), mark: null }, true],
        ['a mark on a longer code', { type: 'widget/mark', host, code: 'c'.repeat(201), mark: null }, false],
        ['a refresh of a tab, forced', { type: 'snapshot/refresh', host, tabId: 4, force: true }, true],
        ['a refresh with neither', { type: 'snapshot/refresh', host }, true],
        ['a refresh of tab 1.5', { type: 'snapshot/refresh', host, tabId: 1.5 }, false],
        ['a refresh forced with text', { type: 'snapshot/refresh', host, force: 'yes' }, false],
        [
          'a choice from the popup',
          { type: 'consent/record', host, purpose: 'third_party_combination', state: 'withdrawn', method: 'popup' },
          true,
        ],
        [
          'a choice claiming to be an import',
          { type: 'consent/record', host, purpose: 'marketing', state: 'given', method: 'import' },
          false,
        ],
        [
          'a choice of another purpose',
          { type: 'consent/record', host, purpose: 'analytics', state: 'given', method: 'panel' },
          false,
        ],
        [
          'a choice of another state',
          { type: 'consent/record', host, purpose: 'marketing', state: 'maybe', method: 'panel' },
          false,
        ],
        ['a choice for every account', { type: 'consent/record-all', state: 'refused', method: 'popup' }, true],
        ['a withdrawal for every account', { type: 'consent/record-all', state: 'withdrawn', method: 'popup' }, false],
        [
          'a choice for every account from an import',
          { type: 'consent/record-all', state: 'given', method: 'import' },
          false,
        ],
        ['telling Ingroup the marketing choice', { type: 'consent/send-marketing', host }, true],
        ['a draft', { type: 'request/submit', draft: { type: 'access' } }, true],
        ['a draft that is not an object', { type: 'request/submit', draft: 'access' }, false],
        [
          'Ingroup’s answer recorded',
          { type: 'request/answer', id: ID, answer: { kind: 'acknowledged', at: '2026-12-01', note: '' } },
          true,
        ],
        ['Ingroup’s answer that is not an object', { type: 'request/answer', id: ID, answer: 'acknowledged' }, false],
        [
          'Ingroup’s answer to something that is not a request id',
          { type: 'request/answer', id: 'IG-2026-000001', answer: {} },
          false,
        ],
        ['Ingroup’s answer with extras', { type: 'request/answer', id: ID, answer: {}, by: 'x' }, false],
        ...(['request/email-sent', 'request/retry', 'request/move'] as const).flatMap(
          (type): Array<[string, unknown, boolean]> => [
            [`${type} for a request id`, { type, id: ID }, true],
            [`${type} for something else`, { type, id: 'IG-2026-000001' }, false],
          ],
        ),
        ['a flush', { type: 'outbox/flush' }, true],
        ['a flush that checks now', { type: 'outbox/flush', checkNow: true }, true],
        ['a flush that checks "now"', { type: 'outbox/flush', checkNow: 'now' }, false],
        ['an import of 20,000,000 characters', { type: 'ledger/import', text: 'x'.repeat(20_000_000) }, true],
        ['a longer import', { type: 'ledger/import', text: 'x'.repeat(20_000_001) }, false],
        ['a wipe confirmed', { type: 'data/wipe', confirm: 'wipe' }, true],
        ['a regime', { type: 'settings/regime', host, regime: 'ru152' }, true],
        ['another regime', { type: 'settings/regime', host, regime: 'ccpa' }, false],
        ['the endpoint reset', { type: 'settings/endpoint', base: null }, true],
        ['the endpoint left out', { type: 'settings/endpoint' }, false],
        ['closing the panel', { type: 'panel/close' }, true],
        ['closing the panel with a reason', { type: 'panel/close', reason: 'x' }, false],
        ['asking what access is missing', { type: 'access/missing' }, true],
        ['asking what access is missing, with extras', { type: 'access/missing', all: true }, false],
        ['a page seen, with extras', { type: 'page/seen', host, url: 'x' }, false],
      ] as Array<[string, unknown, boolean]>
    ).map(([name, raw, expected]): [string, unknown, boolean] => [
      `${name} is ${expected ? 'accepted' : 'refused'}`,
      raw,
      expected,
    ]),
  )('%s', (_name, raw, expected) => {
    expect(ok(raw)).toBe(expected);
  });
});
