/**
 * The message protocol's contracts, held to oracles written here by hand rather than derived from
 * the schemas under test: which hosts a message may name, what each reply carries, what the reply
 * envelope must hold, and the words a refused message is answered with.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import {
  acceptToBackground,
  Envelope,
  errorReply,
  MessageRefused,
  REPLIES,
  senderKind,
  SENDERS,
  tabAccountHost,
  ToBackground,
  ToContent,
  type ToBackgroundType,
} from '@/lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const page = { id: ID, url: `${ORIGIN}/options.html` };
const panel = { id: ID, url: `${ORIGIN}/panel.html`, tab: { id: 3, url: 'https://demo.amocrm.ru/leads' }, frameId: 5 };
const content = { id: ID, url: 'https://demo.amocrm.ru/leads', tab: { id: 7, url: 'https://demo.amocrm.ru/leads' } };

describe('the account host a message names', () => {
  it.each(['demo.amocrm.ru', 'acme-2.amocrm.com', 'acme.kommo.com', '0.amocrm.ru'])('accepts %s', (host) => {
    expect(ToBackground.safeParse({ type: 'page/seen', host }).success).toBe(true);
  });

  it.each([
    ['a host with something before the account', 'evil.demo.amocrm.ru'],
    ['a URL rather than a host', 'https://demo.amocrm.ru'],
    ['a path ending in an account host', 'evil.example/demo.amocrm.ru'],
    ['a look-alike with a suffix', 'demo.amocrm.ru.evil.example'],
    ['a host ending in the domain without its dot', 'demoamocrm.ru'],
    ['any character where the dot belongs', 'demo-amocrm.ru'],
    ['capitals', 'Demo.amocrm.ru'],
    ['another domain', 'demo.amocrm.org'],
    ['a bare domain', 'amocrm.ru'],
    ['nothing', ''],
  ])('refuses %s (%s)', (_name, host) => {
    expect(ToBackground.safeParse({ type: 'page/seen', host }).success).toBe(false);
  });
});

/**
 * One reply per message type, written out by hand, with the members that may be null. Every other
 * member is required and typed: the oracle below removes each and gives each a wrong type.
 */
const REPLY_EXAMPLES: Record<
  ToBackgroundType,
  { value: Record<string, unknown>; nullable?: string[]; optional?: string[]; bad?: Array<Record<string, unknown>> }
> = {
  'page/seen': {
    value: { ingroupCount: 2, report: true },
    nullable: ['ingroupCount'],
    optional: ['report'],
    bad: [{ ingroupCount: -1 }, { ingroupCount: 1.5 }],
  },
  'page/evidence': { value: { ingroupCount: 0 }, nullable: ['ingroupCount'], bad: [{ ingroupCount: -1 }] },
  'widget/mark': { value: { mark: 'ingroup' }, nullable: ['mark'], bad: [{ mark: 'maybe' }] },
  'snapshot/refresh': { value: { fetchedAt: 1_772_442_000_000 } },
  'consent/record': { value: { id: 'e1' } },
  'consent/record-all': { value: { count: 3 }, bad: [{ count: 2.5 }] },
  'consent/send-marketing': { value: { id: 'r1' } },
  'request/submit': { value: { id: 'r1' } },
  'request/answer': { value: { id: 'r1' } },
  'request/email-sent': { value: { id: 'r1' } },
  'request/retry': { value: { id: 'r1' } },
  'request/move': { value: { id: 'r1' } },
  'outbox/flush': {
    value: { sent: 1, retried: 0, failed: 0, nextDueAt: 1_772_442_000_000 },
    nullable: ['nextDueAt'],
    bad: [
      { sent: 0.5, retried: 0, failed: 0, nextDueAt: null },
      { sent: 0, retried: 0.5, failed: 0, nextDueAt: null },
      { sent: 0, retried: 0, failed: 0.5, nextDueAt: null },
    ],
  },
  'ledger/import': {
    value: {
      added: 2,
      duplicates: 1,
      rejected: [
        {
          index: 3,
          error: { v: 1, code: 'ledger/future', params: { n: 4, timestamp: '2030-01-01T00:00:00Z' }, message: 'x' },
        },
      ],
    },
    bad: [
      {
        added: 2,
        duplicates: 1,
        rejected: [{ index: 3, error: { v: 1, code: 'ledger/past', params: {}, message: 'x' } }],
      },
      { added: 2, duplicates: 1, rejected: [{ error: { v: 1, code: 'ledger/future', params: {}, message: 'x' } }] },
      { added: 2, duplicates: 1, rejected: [{ index: 3 }] },
      // The shape before the one error type: English words and an optional code of its own.
      {
        added: 2,
        duplicates: 1,
        rejected: [{ index: 3, reason: 'hash mismatch', code: 'future', timestamp: '2030-01-01T00:00:00Z' }],
      },
      {
        added: 2,
        duplicates: 1,
        rejected: [{ index: 3, error: { v: 1, code: 'ledger/future', params: { at: true }, message: 'x' } }],
      },
      {
        added: 2,
        duplicates: 1,
        rejected: [{ index: 0.5, error: { v: 1, code: 'ledger/future', params: {}, message: 'x' } }],
      },
    ],
  },
  'data/wipe': { value: { wiped: true }, bad: [{ wiped: false }] },
  'settings/regime': { value: { regime: 'gdpr' }, bad: [{ regime: 'ccpa' }] },
  'settings/endpoint': { value: { base: 'https://privacy.example.org/v1' } },
  'panel/close': { value: { closed: false } },
  'access/missing': { value: { missing: ['https://*.amocrm.ru/*'] }, bad: [{ missing: [1] }] },
};

/** A value of another JSON type than `value`'s. */
function wrongType(value: unknown): unknown {
  if (typeof value === 'number') return '1';
  if (typeof value === 'string') return 1;
  if (typeof value === 'boolean') return 'true';
  if (Array.isArray(value)) return { length: 0 };
  return 'object';
}

describe('each reply’s contract', () => {
  it('covers every message type, and only those', () => {
    expect(Object.keys(REPLIES).sort()).toEqual(Object.keys(SENDERS).sort());
    expect(Object.keys(REPLIES).sort()).toEqual(Object.keys(REPLY_EXAMPLES).sort());
  });

  it.each(Object.entries(REPLY_EXAMPLES))(
    '%s: takes the reply as written, refuses it with a member missing or of the wrong type',
    (type, { value, nullable = [], optional = [], bad = [] }) => {
      const schema = REPLIES[type as ToBackgroundType];
      expect(schema.safeParse(value).success).toBe(true);
      for (const key of Object.keys(value)) {
        const { [key]: _gone, ...without } = value;
        expect(schema.safeParse(without).success, `${type} without ${key}`).toBe(optional.includes(key));
        expect(
          schema.safeParse({ ...value, [key]: wrongType(value[key]) }).success,
          `${type} with ${key} of the wrong type`,
        ).toBe(false);
        expect(schema.safeParse({ ...value, [key]: null }).success, `${type} with ${key} null`).toBe(
          nullable.includes(key),
        );
      }
      for (const wrong of bad) expect(schema.safeParse(wrong).success, `${type}: ${JSON.stringify(wrong)}`).toBe(false);
      expect(schema.safeParse(null).success).toBe(false);
      expect(schema.safeParse('ok').success).toBe(false);
    },
  );

  it('an import report names each rejection with an error of the one type, or has none', () => {
    expect(
      REPLIES['ledger/import'].safeParse({
        added: 0,
        duplicates: 0,
        rejected: [{ index: -1, error: { v: 1, code: 'ledger/not_json', params: {}, message: 'x' } }],
      }).success,
    ).toBe(true);
    expect(REPLIES['ledger/import'].safeParse({ added: 0, duplicates: 0, rejected: [] }).success).toBe(true);
  });
});

describe('the reply envelope', () => {
  it.each([
    ['a value', { ok: true, value: { id: 'r1' } }, true],
    [
      'an error with its version, code, params and log words',
      { ok: false, error: { v: 1, code: 'message/bad_sender', params: {}, message: 'Message from an unknown sender' } },
      true,
    ],
    [
      'an error with params',
      { ok: false, error: { v: 1, code: 'amo/server', params: { status: 503, said: 'down' }, message: 'x' } },
      true,
    ],
    ['a success with no value member', { ok: true }, false],
    ['a failure without its error', { ok: false }, false],
    [
      'a failure in the old shape (code and words only)',
      { ok: false, error: { code: 'message/bad_sender', message: 'Message from an unknown sender' } },
      false,
    ],
    [
      'a failure of another wire version',
      { ok: false, error: { v: 2, code: 'unexpected', params: {}, message: 'x' } },
      false,
    ],
    [
      'a failure whose code is not on the list',
      { ok: false, error: { v: 1, code: 'failed', params: {}, message: 'x' } },
      false,
    ],
    ['a failure whose error has no log words', { ok: false, error: { v: 1, code: 'unexpected', params: {} } }, false],
    ['a failure whose error has no params', { ok: false, error: { v: 1, code: 'unexpected', message: 'x' } }, false],
    [
      'a failure whose param is not text or a number',
      { ok: false, error: { v: 1, code: 'unexpected', params: { n: null }, message: 'x' } },
      false,
    ],
    [
      'a failure whose error carries a member the wire form does not name',
      { ok: false, error: { v: 1, code: 'unexpected', params: {}, message: 'x', stack: 's' } },
      false,
    ],
    ['a failure whose code is not text', { ok: false, error: { v: 1, code: 500, params: {}, message: 'x' } }, false],
    ['ok written as text', { ok: 'true', value: 1 }, false],
    ['no ok at all', { value: 1 }, false],
    ['nothing', null, false],
  ])('%s is %s', (_name, raw, expected) => {
    expect(Envelope.safeParse(raw).success).toBe(expected);
  });
});

describe('errorReply: a failure in the envelope', () => {
  it('keeps a refusal’s code and log words', () => {
    expect(errorReply(new MessageRefused('message/not_allowed', 'data/wipe may not be sent from the panel'))).toEqual({
      ok: false,
      error: { v: 1, code: 'message/not_allowed', params: {}, message: 'data/wipe may not be sent from the panel' },
    });
  });

  it('keeps the code and params an AppError carries, and the envelope reads it back', () => {
    const reply = errorReply(new AppError('request/not_found', 'The request r1 is not here.', { id: 'r1' }));
    expect(reply).toEqual({
      ok: false,
      error: { v: 1, code: 'request/not_found', params: { id: 'r1' }, message: 'The request r1 is not here.' },
    });
    expect(Envelope.safeParse(reply).success).toBe(true);
  });

  it('calls anything that is not an AppError "unexpected", its text kept as a param — even one that looks typed', () => {
    expect(errorReply(new Error('disk full'))).toEqual({
      ok: false,
      error: { v: 1, code: 'unexpected', params: { message: 'disk full' }, message: 'disk full' },
    });
    expect(errorReply(Object.assign(new Error('x'), { code: 'request/not_found' }))).toMatchObject({
      error: { code: 'unexpected' },
    });
    expect(errorReply('plain words')).toEqual({
      ok: false,
      error: { v: 1, code: 'unexpected', params: { message: 'plain words' }, message: 'plain words' },
    });
    expect(errorReply({ code: 'looks-typed', message: 'not an Error' })).toMatchObject({
      error: { code: 'unexpected', message: '[object Object]' },
    });
  });
});

describe('refusals, in words', () => {
  function refusal(raw: unknown, sender: Parameters<typeof acceptToBackground>[1]): { code: string; message: string } {
    try {
      acceptToBackground(raw, sender, ID, ORIGIN);
    } catch (error) {
      if (error instanceof MessageRefused) return { code: error.code, message: error.message };
      throw error;
    }
    throw new Error('accepted');
  }

  it.each([
    [
      'an unknown sender',
      { type: 'panel/close' },
      { id: 'other' },
      { code: 'message/bad_sender', message: 'Message from an unknown sender' },
    ],
    [
      'a malformed message',
      { type: 'panel/close', extra: 1 },
      page,
      { code: 'message/bad_message', message: 'Malformed message' },
    ],
    [
      'a page-only message from the panel',
      { type: 'data/wipe', confirm: 'wipe' },
      panel,
      { code: 'message/not_allowed', message: 'data/wipe may not be sent from the panel' },
    ],
    [
      'a panel-only message from a page',
      { type: 'panel/close' },
      page,
      { code: 'message/not_allowed', message: 'panel/close may not be sent from a page' },
    ],
    [
      'a page message from a content script',
      { type: 'outbox/flush' },
      content,
      { code: 'message/not_allowed', message: 'outbox/flush may not be sent from a content script' },
    ],
    [
      'a content script naming another account',
      { type: 'page/seen', host: 'other.amocrm.ru' },
      content,
      { code: 'message/not_allowed', message: 'Host does not match the sender' },
    ],
    [
      'the panel naming another account than its tab’s',
      { type: 'consent/record', host: 'other.amocrm.ru', purpose: 'marketing', state: 'refused', method: 'panel' },
      panel,
      { code: 'message/not_allowed', message: 'Host does not match the tab the panel is in' },
    ],
  ] as const)('%s', (_name, raw, sender, expected) => {
    expect(refusal(raw, sender)).toEqual(expected);
  });

  it('lets each sender through with what it may send (negative control)', () => {
    expect(acceptToBackground({ type: 'page/seen', host: 'demo.amocrm.ru' }, content, ID, ORIGIN)).toEqual({
      kind: 'content',
      message: { type: 'page/seen', host: 'demo.amocrm.ru' },
    });
    expect(
      acceptToBackground(
        { type: 'consent/record', host: 'demo.amocrm.ru', purpose: 'marketing', state: 'refused', method: 'panel' },
        panel,
        ID,
        ORIGIN,
      ).kind,
    ).toBe('panel');
    expect(acceptToBackground({ type: 'panel/close' }, panel, ID, ORIGIN).kind).toBe('panel');
    expect(
      acceptToBackground({ type: 'settings/regime', host: 'any.kommo.com', regime: 'gdpr' }, page, ID, ORIGIN).kind,
    ).toBe('page');
    // A message without a host from a content script is checked for its type only.
    expect(() => acceptToBackground({ type: 'access/missing' }, content, ID, ORIGIN)).toThrow(
      'access/missing may not be sent from a content script',
    );
  });
});

describe('who is sending, from what the browser reports', () => {
  it.each([
    ['a page the browser gives an origin', { id: ID, origin: ORIGIN, url: 'about:blank' }, 'page'],
    ['a URL that only starts with the extension origin', { id: ID, url: `${ORIGIN}.evil.example/x` }, null],
    ['the extension origin without a path', { id: ID, url: ORIGIN }, null],
    [
      'a content script the browser gives an origin',
      { id: ID, origin: 'https://demo.amocrm.ru', url: 'https://elsewhere.example/', tab: { id: 1 } },
      'content',
    ],
    ['a content script outside any tab', { id: ID, url: 'https://demo.amocrm.ru/' }, null],
    ['an extension frame in a tab without an id', { ...panel, tab: { url: 'https://demo.amocrm.ru/' } }, null],
    ['an extension frame in a tab with no URL', { ...panel, tab: { id: 3 } }, null],
    [
      'an extension frame in an amoCRM tab over plain HTTP',
      { ...panel, tab: { id: 3, url: 'http://demo.amocrm.ru/' } },
      null,
    ],
    ['an extension frame in a tab with a broken URL', { ...panel, tab: { id: 3, url: 'not a url' } }, null],
  ] as const)('%s is %s', (_name, sender, expected) => {
    expect(senderKind(sender, ID, ORIGIN)).toBe(expected);
  });

  it('the panel speaks for the host of its tab', () => {
    expect(tabAccountHost(panel)).toBe('demo.amocrm.ru');
    expect(tabAccountHost({ tab: { id: 3, url: 'https://acme.kommo.com/leads/1' } })).toBe('acme.kommo.com');
    expect(tabAccountHost({ tab: { id: 3, url: 'https://www.amocrm.ru/' } })).toBeNull();
    expect(tabAccountHost({})).toBeNull();
  });
});

describe('background → content script', () => {
  it.each([
    [{ type: 'amo/fetch', path: '/api/v4/account' }, true],
    [{ type: 'amo/fetch', path: '/api/v4/users/7?limit=250' }, true],
    [{ type: 'amo/fetch', path: '/api/v4/leads' }, false],
    [{ type: 'amo/fetch' }, false],
    [{ type: 'panel/open' }, true],
    [{ type: 'panel/close' }, true],
    [{ type: 'panel/toggle' }, false],
  ])('%j is %s', (raw, expected) => {
    expect(ToContent.safeParse(raw).success).toBe(expected);
  });
});

describe('every choice a message offers', () => {
  it.each([
    ['either mark on a widget', { type: 'widget/mark', host: 'demo.amocrm.ru', code: 'w', mark: 'not_ingroup' }],
    ['a refusal for every account, from the popup', { type: 'consent/record-all', state: 'refused', method: 'popup' }],
    ['a consent for every account, from the panel', { type: 'consent/record-all', state: 'given', method: 'panel' }],
    ['a request saved for email', { type: 'request/submit', draft: {}, route: 'email' }],
    ['a request sent through the endpoint', { type: 'request/submit', draft: {}, route: 'endpoint' }],
  ])('accepts %s', (_name, message) => {
    expect(ToBackground.safeParse(message).success).toBe(true);
  });

  it('takes back either mark in the reply', () => {
    expect(REPLIES['widget/mark'].safeParse({ mark: 'not_ingroup' }).success).toBe(true);
    expect(REPLIES['widget/mark'].safeParse({ mark: 'ingroup' }).success).toBe(true);
  });

  it.each(['httpsx://privacy.example.org/v1', 'xhttps://privacy.example.org/v1'])(
    'refuses an endpoint whose scheme only contains https: %s',
    (base) => {
      expect(ToBackground.safeParse({ type: 'settings/endpoint', base }).success).toBe(false);
    },
  );

  it('names a refusal as such in the logs', () => {
    expect(new MessageRefused('message/bad_message', 'Malformed message').name).toBe('MessageRefused');
  });
});
