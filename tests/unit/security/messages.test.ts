/**
 * DESIGN §8 at the router: every message type, from every sender it must not trust, is refused
 * with a typed error before any handler runs.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createRouter, type Handlers } from '@/lib/background/router';
import { SENDERS, ToBackground, type SenderLike, type ToBackgroundType } from '@/lib/messages';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}`;
const HOST = 'demo.amocrm.ru';
const UUID = '0b7c2f4e-1d2a-4c3b-9e8f-123456789abc';

/** One well-formed message of every type the background accepts. */
const VALID: Record<ToBackgroundType, ToBackground> = {
  'page/seen': { type: 'page/seen', host: HOST },
  'page/evidence': {
    type: 'page/evidence',
    host: HOST,
    report: '{"lang":"ru","widgets":[]}',
    traffic: [{ url: 'https://hooks.ingru.ru/x', at: 1 }],
  },
  'widget/mark': { type: 'widget/mark', host: HOST, code: 'ig_autodocs', mark: 'not_ingroup' },
  'snapshot/refresh': { type: 'snapshot/refresh', host: HOST, force: true },
  'consent/record': { type: 'consent/record', host: HOST, purpose: 'marketing', state: 'refused', method: 'panel' },
  'consent/record-all': { type: 'consent/record-all', state: 'refused', method: 'popup' },
  'consent/send-marketing': { type: 'consent/send-marketing', host: HOST },
  'request/submit': { type: 'request/submit', draft: { type: 'access' } },
  'request/email-sent': { type: 'request/email-sent', id: UUID },
  'request/answer': { type: 'request/answer', id: UUID, answer: { answer: 'acknowledged', on: '2026-03-03' } },
  'request/retry': { type: 'request/retry', id: UUID },
  'request/move': { type: 'request/move', id: UUID },
  'outbox/flush': { type: 'outbox/flush' },
  'ledger/import': { type: 'ledger/import', text: '{}' },
  'data/wipe': { type: 'data/wipe', confirm: 'wipe' },
  'settings/regime': { type: 'settings/regime', host: HOST, regime: 'gdpr' },
  'settings/endpoint': { type: 'settings/endpoint', base: 'https://api.ingru.ru/privacy/v1' },
  'panel/close': { type: 'panel/close' },
  'access/missing': { type: 'access/missing' },
};
const TYPES = Object.keys(SENDERS) as ToBackgroundType[];
const PAGE_ONLY = TYPES.filter((type) => !SENDERS[type].includes('content'));
const OPTIONS_ONLY = TYPES.filter((type) => !SENDERS[type].includes('panel'));

const page: SenderLike = { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN };
const optionsTab: SenderLike = { ...page, tab: { id: 9, url: `${ORIGIN}/options.html` }, frameId: 0 };
const content: SenderLike = {
  id: ID,
  url: `https://${HOST}/leads`,
  origin: `https://${HOST}`,
  tab: { id: 7, url: `https://${HOST}/leads` },
  frameId: 0,
};
/** The panel: our page, framed in the amoCRM tab (the browser says which tab, and its address). */
const panel: SenderLike = {
  id: ID,
  url: `${ORIGIN}/panel.html?lang=ru`,
  origin: ORIGIN,
  tab: { id: 7, url: `https://${HOST}/leads` },
  frameId: 3,
};
const SENDER_OF = { page, panel, content } as const;

/** Senders nobody should trust, each with the reason it must fail. */
const UNTRUSTED: Array<[string, SenderLike]> = [
  ['another extension posing as an extension page', { ...page, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
  ['another extension posing as a content script', { ...content, id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz' }],
  ['a sender without an extension id', { url: `${ORIGIN}/popup.html`, origin: ORIGIN }],
  [
    'a content script on https://evil.example',
    { ...content, url: 'https://evil.example/', origin: 'https://evil.example' },
  ],
  [
    'a content script on plain-HTTP http://demo.amocrm.ru',
    { ...content, url: 'http://demo.amocrm.ru/leads', origin: 'http://demo.amocrm.ru' },
  ],
  [
    'a content script on the marketing site https://www.amocrm.ru',
    { ...content, url: 'https://www.amocrm.ru/', origin: 'https://www.amocrm.ru' },
  ],
  [
    'a content script on a look-alike host',
    { ...content, url: 'https://demo.amocrm.ru.evil.example/', origin: 'https://demo.amocrm.ru.evil.example' },
  ],
  [
    'a content script on another port',
    { ...content, url: 'https://demo.amocrm.ru:8443/', origin: 'https://demo.amocrm.ru:8443' },
  ],
  ['an extension page URL with a foreign origin', { ...page, origin: 'https://evil.example' }],
  [
    'an amoCRM origin without a tab (not a content script)',
    { id: ID, url: `https://${HOST}/leads`, origin: `https://${HOST}` },
  ],
  ['a sender with a URL that does not parse', { id: ID, url: 'not a url', tab: { id: 1 } }],
  [
    'our page framed in a tab that is not an amoCRM account',
    { ...panel, tab: { id: 7, url: 'https://evil.example/' } },
  ],
  ['our page framed in a tab whose address the browser did not give', { ...panel, tab: { id: 7 } }],
];

function spyHandlers(): { handlers: Handlers; calls: () => number } {
  const spies = Object.fromEntries(TYPES.map((type) => [type, vi.fn(async () => ({}))]));
  return {
    handlers: spies as unknown as Handlers,
    calls: () => Object.values(spies).reduce((n, spy) => n + spy.mock.calls.length, 0),
  };
}

function router(): { route: ReturnType<typeof createRouter>; calls: () => number } {
  const { handlers, calls } = spyHandlers();
  return { route: createRouter(handlers, { id: ID, origin: ORIGIN }), calls };
}

describe('the background router refuses what it must not trust', () => {
  it('has a well-formed example of every message type', () => {
    expect(Object.keys(VALID).sort()).toEqual([...TYPES].sort());
    for (const message of Object.values(VALID)) expect(ToBackground.safeParse(message).success).toBe(true);
  });

  it.each(TYPES.flatMap((type) => SENDERS[type].map((kind) => [type, kind] as const)))(
    'runs the handler of %s from the %s it is meant for',
    async (type, kind) => {
      const { route, calls } = router();
      await expect(route(VALID[type], SENDER_OF[kind])).resolves.toEqual({ ok: true, value: {} });
      expect(calls()).toBe(1);
    },
  );

  it('takes Options in a tab and the popup (no tab) for pages, and only a framed copy in an amoCRM tab for the panel', async () => {
    const { route, calls } = router();
    await expect(route(VALID['data/wipe'], optionsTab)).resolves.toMatchObject({ ok: true });
    await expect(route(VALID['data/wipe'], { ...page, tab: undefined })).resolves.toMatchObject({ ok: true });
    expect(calls()).toBe(2);
  });

  it.each(OPTIONS_ONLY)('refuses the Options-only %s from the panel inside amoCRM', async (type) => {
    const { route, calls } = router();
    const reply = await route(VALID[type], panel);
    expect(reply).toEqual({
      ok: false,
      error: { v: 1, code: 'message/not_allowed', params: {}, message: expect.stringContaining('panel') },
    });
    expect(calls()).toBe(0);
  });

  it('keeps wipe, import, the endpoint and choosing for every account out of the panel', () => {
    expect(OPTIONS_ONLY).toEqual(
      expect.arrayContaining(['data/wipe', 'ledger/import', 'settings/endpoint', 'consent/record-all', 'request/move']),
    );
  });

  it.each([
    ['consent/record', { ...VALID['consent/record'], host: 'other.amocrm.ru' }],
    ['snapshot/refresh', { type: 'snapshot/refresh', host: 'other.amocrm.ru' }],
    ['settings/regime', { ...VALID['settings/regime'], host: 'other.kommo.com' }],
  ])('refuses %s for another account from the panel in demo.amocrm.ru’s tab', async (_type, message) => {
    const { route, calls } = router();
    await expect(route(message, panel)).resolves.toMatchObject({ ok: false, error: { code: 'message/not_allowed' } });
    // The negative control: the same message for the tab's own account goes through.
    await expect(route({ ...message, host: HOST }, panel)).resolves.toMatchObject({ ok: true });
    expect(calls()).toBe(1);
  });

  describe.each(UNTRUSTED)('from %s', (_label, sender) => {
    it.each(TYPES)('refuses %s as bad-sender, running no handler', async (type) => {
      const { route, calls } = router();
      const reply = await route(VALID[type], sender);
      expect(reply).toEqual({
        ok: false,
        error: { v: 1, code: 'message/bad_sender', params: {}, message: expect.any(String) },
      });
      expect(calls()).toBe(0);
    });
  });

  it.each(PAGE_ONLY)('refuses the page-only %s from a content script on an account', async (type) => {
    const { route, calls } = router();
    const reply = await route(VALID[type], content);
    expect(reply).toEqual({
      ok: false,
      error: { v: 1, code: 'message/not_allowed', params: {}, message: expect.stringContaining('content script') },
    });
    expect(calls()).toBe(0);
  });

  it.each(['other.amocrm.ru', 'demo.kommo.com', 'demo.amocrm.com'])(
    'refuses page/seen for %s from a content script on demo.amocrm.ru',
    async (host) => {
      const { route, calls } = router();
      const reply = await route({ type: 'page/seen', host }, content);
      expect(reply).toMatchObject({ ok: false, error: { code: 'message/not_allowed' } });
      expect(calls()).toBe(0);
    },
  );

  it.each([
    ['an extra field smuggled into a strict message', { ...VALID['data/wipe'], extra: 1 }],
    ['an extra field beside a page/seen', { ...VALID['page/seen'], tabId: 1 }],
    ['a wipe with the wrong confirmation', { ...VALID['data/wipe'], confirm: 'yes' }],
    ['a wipe without its confirmation', { type: 'data/wipe' }],
    ['an endpoint that is not a URL', { type: 'settings/endpoint', base: 'api.ingru.ru privacy' }],
    ['a host outside amoCRM', { type: 'snapshot/refresh', host: 'evil.example' }],
    ['a host with a path', { type: 'settings/regime', host: 'demo.amocrm.ru/x', regime: 'gdpr' }],
    ['an id that is not a UUID', { type: 'request/retry', id: '../../etc' }],
    ['a prototype-polluting type', { type: '__proto__' }],
  ])('refuses %s as bad-message from an extension page', async (_label, raw) => {
    const { route, calls } = router();
    await expect(route(raw, page)).resolves.toMatchObject({ ok: false, error: { code: 'message/bad_message' } });
    expect(calls()).toBe(0);
  });
});

describe('the background router under arbitrary input', () => {
  const senders = fc.constantFrom<SenderLike>(page, panel, content, ...UNTRUSTED.map(([, s]) => s));
  /** Objects that look like messages: a real type plus arbitrary members. */
  const messageLike = fc
    .record({ type: fc.constantFrom(...TYPES) })
    .chain((head) =>
      fc
        .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 })
        .map((rest) => ({ ...rest, ...head })),
    );
  /** Real messages with one member replaced by arbitrary JSON. */
  const mutated = fc.tuple(fc.constantFrom(...TYPES), fc.jsonValue({ maxDepth: 2 })).map(([type, value]) => {
    const message: Record<string, unknown> = { ...VALID[type] };
    const keys = Object.keys(message).filter((k) => k !== 'type');
    if (keys.length) message[keys[0]!] = value;
    return message;
  });

  it('answers every input with an envelope, and runs a handler only for a parsed message from its allowed sender', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything(), fc.jsonValue(), messageLike, mutated), senders, async (raw, sender) => {
        const { route, calls } = router();
        const reply = await route(raw, sender);
        const parsed = ToBackground.safeParse(raw);
        if (reply.ok) {
          expect(parsed.success).toBe(true);
          expect(calls()).toBe(1);
        } else {
          expect(['message/bad_sender', 'message/bad_message', 'message/not_allowed']).toContain(reply.error.code);
          expect(reply.error.message.length).toBeGreaterThan(0);
          expect(calls()).toBe(0);
        }
      }),
      { numRuns: 600 },
    );
  });
});
