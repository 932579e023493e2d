import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { browser as Browser } from 'wxt/browser';
import type { OutboxRunner } from '@/lib/background/outbox-runner';
import type { BackgroundDeps } from '@/lib/background/deps';
import { createHandlers } from '@/lib/background/handlers';
import { sendMarketingChoice } from '@/lib/background/request-handlers';
import { db, resetDbForTests } from '@/lib/store/db';
import { DEFAULT_ENDPOINT_BASE } from '@/lib/manifest';
import { POLICY_VERSION } from '@/lib/policy/version';
import { enqueue, sendsTo } from '@/lib/requests/outbox';
import { readEndpointBase } from '@/lib/settings';
import { makeBody } from '../requests/fixtures';
import { appendConsents } from '@/lib/consent/ledger';
import { consentInput } from '../consent/fixtures';
import { FIXTURE_ADMIN, fixtureSnapshot } from '../amocrm/fixtures';

const NOW = Date.parse('2026-11-02T09:00:00Z');
const HOST = 'fixture-agency.amocrm.ru';
const ctx = { kind: 'page' as const, tabId: undefined };

const draft = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'access',
  host: HOST,
  locale: 'ru',
  regime: 'ru152',
  widgets: ['fixture_ingroup_calls'],
  requester: { userId: 7001, name: 'Ирина Тестова', email: 'irina@fixture.example' },
  account: { id: 31000001, subdomain: 'fixture-agency', host: HOST },
  ...overrides,
});

function setup(granted: readonly string[] = []) {
  const seenAtRun: number[] = [];
  const outbox: OutboxRunner = {
    run: vi.fn(async () => {
      // What the database holds at the moment the send is kicked off.
      seenAtRun.push(await db().requests.count());
      return { sent: 1, retried: 0, failed: 0, nextDueAt: null };
    }),
    regimeOf: async () => 'ru152',
  };
  const contains = vi.fn(async ({ origins }: { origins: string[] }) => origins.every((o) => granted.includes(o)));
  const remove = vi.fn(async () => true);
  const browser = { runtime: { getManifest: () => ({ version: '1.2.3' }) }, permissions: { contains, remove } };
  const deps: BackgroundDeps = { browser: browser as unknown as typeof Browser, db: db(), now: () => NOW, outbox };
  return { deps, handlers: createHandlers(deps), outbox, contains, remove, seenAtRun };
}

describe('request messages in the background', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('saves a request for the email route without queueing it for the endpoint, and records Ingroup’s answer once it is emailed', async () => {
    const { handlers } = setup();
    const { id } = await handlers['request/submit']({ type: 'request/submit', draft: draft(), route: 'email' }, ctx);
    const saved = await db().requests.get(id);
    expect(saved).toMatchObject({ channel: 'email', openSince: NOW });
    expect(saved?.outboxDueAt).toBeUndefined();
    await expect(
      handlers['request/answer'](
        { type: 'request/answer', id, answer: { answer: 'acknowledged', on: '2026-11-03' } },
        ctx,
      ),
    ).rejects.toThrow(/I have sent the email/);
    await handlers['request/email-sent']({ type: 'request/email-sent', id }, ctx);
    await handlers['request/answer'](
      { type: 'request/answer', id, answer: { answer: 'acknowledged', on: '2026-11-03' } },
      ctx,
    );
    expect((await db().requests.get(id))?.events.at(-1)).toMatchObject({
      kind: 'answer',
      answer: 'acknowledged',
      answeredOn: '2026-11-03',
    });
  });

  it('writes a submitted request to the database before anything is sent, with a fresh id, the policy version and the client', async () => {
    const { handlers, outbox, seenAtRun } = setup();
    const { id } = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    await vi.waitFor(() => expect(seenAtRun).toEqual([1]));
    expect(outbox.run).toHaveBeenCalledTimes(1);
    const record = await db().requests.get(id);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(record).toMatchObject({
      id,
      host: HOST,
      channel: 'endpoint',
      outboxDueAt: NOW,
      events: [{ kind: 'queued', at: NOW }],
    });
    expect(record?.body).toMatchObject({
      id,
      policy: POLICY_VERSION,
      client: { name: 'ingroup-privacy-amocrm', version: '1.2.3' },
      createdAt: '2026-11-02T09:00:00.000Z',
    });
  });

  it('keeps the identity details the admin typed on the request, locally, and never in the body sent to the endpoint (152-FZ Art. 14(3))', async () => {
    const { handlers } = setup();
    const identity = { document: 'паспорт 0000 000000 (fixture)', relationship: 'администратор аккаунта demo' };
    const { id } = await handlers['request/submit']({ type: 'request/submit', draft: { ...draft(), identity } }, ctx);
    const record = await db().requests.get(id);
    expect(record?.identity).toEqual(identity);
    expect(JSON.stringify(record?.body)).not.toContain('0000 000000');
  });

  it('carries the consent ledger’s head at the moment the request is saved', async () => {
    const { handlers } = setup();
    const empty = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    expect((await db().requests.get(empty.id))?.body.ledger).toEqual({ headHash: '0'.repeat(64), events: 0 });
    const events = await appendConsents(db(), [
      consentInput({ state: 'refused' }),
      consentInput({ state: 'given', purpose: 'improvements' }),
    ]);
    const later = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    expect((await db().requests.get(later.id))?.body.ledger).toEqual({ headHash: events[1]!.hash, events: 2 });
    // The first request keeps the head of its own moment: its body is never rewritten.
    expect((await db().requests.get(empty.id))?.body.ledger.events).toBe(0);
  });

  it('gives every submission its own id', async () => {
    const { handlers } = setup();
    const a = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    const b = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    expect(a.id).not.toBe(b.id);
    expect(await db().requests.count()).toBe(2);
  });

  it.each([
    ['a correction request without corrections', draft({ type: 'rectification' }), /correct value/],
    [
      'an account that is not the page’s',
      draft({ account: { id: 1, subdomain: 'other', host: 'other.amocrm.ru' } }),
      /not the account of this page/,
    ],
    ['an unknown request type', draft({ type: 'delete_everything' }), /type: expected "access" or "rectification"/],
    [
      'a requester without a valid email',
      draft({ requester: { userId: 7001, name: 'X', email: 'nope' } }),
      /requester\.email: not an email address/,
    ],
  ])('refuses %s in words, and stores and sends nothing', async (_label, bad, words) => {
    const { handlers, outbox } = setup();
    await expect(handlers['request/submit']({ type: 'request/submit', draft: bad }, ctx)).rejects.toMatchObject({
      code: 'request/bad_draft',
      message: expect.stringMatching(words),
    });
    expect(await db().requests.count()).toBe(0);
    expect(outbox.run).not.toHaveBeenCalled();
  });

  it('records a request sent by email and takes it off the send queue', async () => {
    const { handlers, outbox } = setup();
    const body = makeBody();
    await enqueue(db(), body, 'endpoint', NOW - 1000);
    await handlers['request/email-sent']({ type: 'request/email-sent', id: body.id }, ctx);
    const record = await db().requests.get(body.id);
    expect(record).toMatchObject({ channel: 'email' });
    expect(record?.outboxDueAt).toBeUndefined();
    expect(record?.events.at(-1)).toMatchObject({ kind: 'email_sent', at: NOW });
    await vi.waitFor(() => expect(outbox.run).toHaveBeenCalled());
  });

  it('queues a failed request again under the same id on "try again", and sends it', async () => {
    const { handlers, outbox } = setup();
    const body = makeBody();
    const queued = await enqueue(db(), body, 'endpoint', NOW - 5000);
    const { outboxDueAt: _due, ...rest } = queued;
    await db().requests.put({
      ...rest,
      attempts: 1,
      events: [...queued.events, { at: NOW - 4000, kind: 'failed', detail: '422' }],
    });
    await handlers['request/retry']({ type: 'request/retry', id: body.id }, ctx);
    expect(await db().requests.get(body.id)).toMatchObject({ id: body.id, outboxDueAt: NOW, attempts: 0, body });
    await vi.waitFor(() => expect(outbox.run).toHaveBeenCalled());
  });

  it('says which request it could not find', async () => {
    const { handlers } = setup();
    const id = crypto.randomUUID();
    await expect(handlers['request/retry']({ type: 'request/retry', id }, ctx)).rejects.toMatchObject({
      code: 'request/not_found',
      params: { id },
    });
  });

  it('flushes the outbox and, when asked, checks every open request’s status now', async () => {
    const { handlers, outbox } = setup();
    const body = makeBody();
    const record = await enqueue(db(), body, 'endpoint', NOW);
    await db().requests.put({ ...record, pollDueAt: NOW + 3_600_000 });
    await expect(handlers['outbox/flush']({ type: 'outbox/flush' }, ctx)).resolves.toEqual({
      sent: 1,
      retried: 0,
      failed: 0,
      nextDueAt: null,
    });
    expect((await db().requests.get(body.id))?.pollDueAt).toBe(NOW + 3_600_000);
    await handlers['outbox/flush']({ type: 'outbox/flush', checkNow: true }, ctx);
    expect((await db().requests.get(body.id))?.pollDueAt).toBe(NOW);
    expect(outbox.run).toHaveBeenCalledTimes(2);
  });
});

describe('the endpoint override', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it.each([
    ['https://privacy.example.org/v1/', ['https://privacy.example.org/*'], 'https://privacy.example.org/v1'],
    [
      'https://privacy.example.org:8443/api/privacy/v1',
      ['https://privacy.example.org:8443/*'],
      'https://privacy.example.org:8443/api/privacy/v1',
    ],
  ])('stores %s once its origin is granted', async (base, granted, stored) => {
    const { handlers, outbox } = setup(granted);
    await expect(handlers['settings/endpoint']({ type: 'settings/endpoint', base }, ctx)).resolves.toEqual({
      base: stored,
    });
    expect(await readEndpointBase(db())).toBe(stored);
    await vi.waitFor(() => expect(outbox.run).toHaveBeenCalled());
  });

  it.each([
    ['http://privacy.example.org/v1', 'settings/endpoint_not_https', {}],
    ['https://user:secret@privacy.example.org/v1', 'settings/endpoint_not_plain', {}],
    ['https://privacy.example.org/v1?key=1', 'settings/endpoint_not_plain', {}],
    ['https://privacy.example.org/v1', 'settings/endpoint_not_granted', { origin: 'https://privacy.example.org' }],
  ])('refuses %s (%s) and keeps the endpoint it had', async (base, code, params) => {
    const { handlers } = setup([]);
    await expect(handlers['settings/endpoint']({ type: 'settings/endpoint', base }, ctx)).rejects.toMatchObject({
      code,
      params,
    });
    expect(await readEndpointBase(db())).toBe(DEFAULT_ENDPOINT_BASE);
  });

  it('goes back to Ingroup’s own endpoint on reset, and gives back the grant for the one it leaves', async () => {
    const { handlers, remove } = setup(['https://privacy.example.org/*']);
    await handlers['settings/endpoint']({ type: 'settings/endpoint', base: 'https://privacy.example.org/v1' }, ctx);
    // Leaving Ingroup's own endpoint revokes nothing: its host permission is the manifest's.
    expect(remove).not.toHaveBeenCalled();
    await expect(handlers['settings/endpoint']({ type: 'settings/endpoint', base: null }, ctx)).resolves.toEqual({
      base: DEFAULT_ENDPOINT_BASE,
    });
    expect(await readEndpointBase(db())).toBe(DEFAULT_ENDPOINT_BASE);
    expect(remove).toHaveBeenCalledWith({ origins: ['https://privacy.example.org/*'] });
  });

  it('keeps each request for the endpoint it was made for, and moves it to a new one only when asked, one by one', async () => {
    const { handlers } = setup(['https://privacy.example.org/*']);
    const first = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    const second = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    expect((await db().requests.get(first.id))?.endpointOrigin).toBe('https://api.ingru.ru');
    await handlers['settings/endpoint']({ type: 'settings/endpoint', base: 'https://privacy.example.org/v1' }, ctx);
    const base = await readEndpointBase(db());
    const records = await db().requests.toArray();
    expect(records.filter((r) => sendsTo(r, base))).toEqual([]);
    await handlers['request/move']({ type: 'request/move', id: first.id }, ctx);
    expect((await db().requests.get(first.id))?.endpointOrigin).toBe('https://privacy.example.org');
    expect((await db().requests.get(second.id))?.endpointOrigin).toBe('https://api.ingru.ru');
    // The control: a request made now is for the new endpoint.
    const third = await handlers['request/submit']({ type: 'request/submit', draft: draft() }, ctx);
    expect(sendsTo((await db().requests.get(third.id))!, base)).toBe(true);
  });
});

describe('a marketing choice reaching Ingroup as a request', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  const snapshot = fixtureSnapshot({ fetchedAt: NOW, admin: { ...FIXTURE_ADMIN, phone: '+7 900 000-00-00' } });

  it('waits for the administrator’s identity: no snapshot, no request', async () => {
    const { deps } = setup();
    await expect(sendMarketingChoice(deps, HOST, 'refused')).resolves.toBeNull();
    expect(await db().requests.count()).toBe(0);
  });

  it.each([
    ['refused', 'marketing_opt_out'],
    ['withdrawn', 'marketing_opt_out'],
    ['given', 'marketing_opt_in'],
  ] as const)('sends a %s choice as %s, from the administrator of the account', async (state, type) => {
    const { deps } = setup();
    await db().snapshots.put(snapshot);
    const id = await sendMarketingChoice(deps, HOST, state);
    const record = await db().requests.get(id ?? '');
    expect(record?.body).toMatchObject({
      type,
      regime: 'ru152',
      locale: 'ru',
      requester: { userId: 7001, email: 'irina@fixture.example', phone: '+7 900 000-00-00' },
    });
  });
});
