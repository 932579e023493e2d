import { describe, expect, it } from 'vitest';
import { acceptToBackground, MessageRefused, SENDERS, senderKind, ToBackground } from '@/lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const page = { id: ID, url: `${ORIGIN}/popup.html` };
const content = { id: ID, url: 'https://demo.amocrm.ru/leads', tab: { id: 7, url: 'https://demo.amocrm.ru/leads' } };

describe('who may send what', () => {
  it.each([
    ['an extension page', page, 'page'],
    [
      'the panel frame inside an amoCRM tab',
      { ...page, url: `${ORIGIN}/panel.html`, tab: { id: 3, url: 'https://demo.amocrm.ru/leads' }, frameId: 5 },
      'panel',
    ],
    [
      'Options open in its own tab',
      { ...page, url: `${ORIGIN}/options.html`, tab: { id: 3, url: `${ORIGIN}/options.html` }, frameId: 0 },
      'page',
    ],
    [
      'our page framed in another site’s tab',
      { ...page, url: `${ORIGIN}/panel.html`, tab: { id: 3, url: 'https://evil.example/' }, frameId: 5 },
      null,
    ],
    ['a content script on an amoCRM account', content, 'content'],
    ['a content script on kommo.com', { ...content, url: 'https://acme.kommo.com/' }, 'content'],
    ['another extension', { ...page, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }, null],
    ['a content script on the www site', { ...content, url: 'https://www.amocrm.ru/' }, null],
    ['a content script on a look-alike host', { ...content, url: 'https://demo.amocrm.ru.evil.example/' }, null],
    ['a content script over plain HTTP', { ...content, url: 'http://demo.amocrm.ru/' }, null],
    ['a sender without a URL', { id: ID }, null],
  ] as const)('%s is %s', (_label, sender, expected) => {
    expect(senderKind(sender, ID, ORIGIN)).toBe(expected);
  });

  it('lets a content script send only page/seen and page/evidence, and only for its own host', () => {
    const contentTypes = Object.entries(SENDERS)
      .filter(([, kinds]) => kinds.includes('content'))
      .map(([type]) => type);
    expect(contentTypes).toEqual(['page/seen', 'page/evidence']);
    expect(acceptToBackground({ type: 'page/seen', host: 'demo.amocrm.ru' }, content, ID, ORIGIN).kind).toBe('content');
    expect(() => acceptToBackground({ type: 'page/seen', host: 'other.amocrm.ru' }, content, ID, ORIGIN)).toThrow(
      MessageRefused,
    );
    const evidence = { type: 'page/evidence', report: null, traffic: [] };
    expect(acceptToBackground({ ...evidence, host: 'demo.amocrm.ru' }, content, ID, ORIGIN).kind).toBe('content');
    expect(() => acceptToBackground({ ...evidence, host: 'other.amocrm.ru' }, content, ID, ORIGIN)).toThrow(
      MessageRefused,
    );
  });

  it('takes the administrator’s mark on a widget from an extension page only', () => {
    const mark = { type: 'widget/mark', host: 'demo.amocrm.ru', code: 'ig_autodocs', mark: 'ingroup' };
    expect(() => acceptToBackground(mark, content, ID, ORIGIN)).toThrow(MessageRefused);
  });

  it.each([
    { type: 'data/wipe', confirm: 'wipe' },
    { type: 'ledger/import', text: '{}' },
    { type: 'settings/endpoint', base: 'https://evil.example' },
    { type: 'request/submit', draft: {} },
    { type: 'consent/record', host: 'demo.amocrm.ru', purpose: 'marketing', state: 'refused', method: 'panel' },
  ])('refuses the page-only $type from a content script', (message) => {
    expect(ToBackground.safeParse(message).success).toBe(true);
    expect(() => acceptToBackground(message, content, ID, ORIGIN)).toThrow(/may not be sent from a content script/);
  });

  it.each([
    null,
    42,
    'page/seen',
    {},
    { type: 'nope' },
    { type: 'page/seen', host: 'evil.example' },
    { type: 'data/wipe', confirm: 'yes' },
    { type: 'data/wipe', confirm: 'wipe', extra: 1 },
  ])('refuses the malformed message %j', (raw) => {
    expect(() => acceptToBackground(raw, page, ID, ORIGIN)).toThrow(MessageRefused);
  });
});

describe('the endpoint setting', () => {
  it.each(['javascript:alert(1)x', 'http://api.ingru.ru/privacy/v1', 'ftp://api.ingru.ru', 'not a url'])(
    'refuses %s',
    (base) => {
      expect(ToBackground.safeParse({ type: 'settings/endpoint', base }).success).toBe(false);
    },
  );
  it.each(['https://privacy.example.org/v1', null])('accepts %s', (base) => {
    expect(ToBackground.safeParse({ type: 'settings/endpoint', base }).success).toBe(true);
  });
});
