// @vitest-environment node
/**
 * The outbox's promises that depend on timing and on the admin acting while an attempt is on the
 * wire, against a scripted endpoint and an injected clock: every wait is asserted to the
 * millisecond, so a schedule that runs backwards, reads the clock at the wrong moment or takes the
 * shorter of two waits shows.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import {
  attemptSend,
  drain,
  enqueue,
  moveToEndpoint,
  nextSendAt,
  nextWakeAt,
  pollDue,
  recordEmailSent,
  requeue,
  RequestNotFound,
  type OutboxDeps,
} from '@/lib/requests/outbox';
import { deriveStatus, type RequestEvent, type RequestRecord } from '@/lib/requests/record';
import type { RequestBody } from '@/lib/requests/types';
import { makeBody } from './fixtures';

const BASE = 'https://privacy.fixture.example/v1';
const OTHER_BASE = 'https://other.fixture.example/v1';
const START = Date.parse('2026-03-02T09:00:00Z');
/** Time a request spends on the wire in these tests: the schedule counts from the answer, not the ask. */
const WIRE_MS = 700;

const clock = { t: START };

type Handler = (call: { method: string; id: string; body?: RequestBody }) => Response | Promise<Response>;

/** An endpoint that answers from a script, one handler per call, and counts what reached it. */
function scriptedEndpoint(handlers: Handler[], fallback?: Handler) {
  const calls: Array<{ method: string; id: string }> = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    const method = init.method ?? 'GET';
    const body = method === 'POST' ? (JSON.parse(init.body as string) as RequestBody) : undefined;
    const id = body?.id ?? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
    calls.push({ method, id });
    clock.t += WIRE_MS;
    const handler = handlers.shift() ?? fallback;
    if (!handler) throw new Error(`unscripted ${method} ${id}`);
    return handler({ method, id, ...(body ? { body } : {}) });
  };
  return {
    fetch,
    calls,
    posts: (id: string): number => calls.filter((c) => c.method === 'POST' && c.id === id).length,
  };
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json', ...headers } });
}

const receipt =
  (extra: Record<string, unknown> = {}): Handler =>
  ({ id }) =>
    json(201, {
      id,
      reference: 'IG-2026-000042',
      status: 'received',
      receivedAt: new Date(clock.t).toISOString(),
      verification: 'none',
      ...extra,
    });

const status =
  (value: string, extra: Record<string, unknown> = {}): Handler =>
  ({ id }) =>
    json(200, { id, reference: 'IG-2026-000042', status: value, updatedAt: new Date(clock.t).toISOString(), ...extra });

const problem =
  (code: number, headers: Record<string, string> = {}, detail = 'fixture problem'): Handler =>
  () =>
    new Response(JSON.stringify({ title: 'Problem', detail }), {
      status: code,
      headers: { 'content-type': 'application/problem+json', ...headers },
    });

/** Jitter pinned to the middle: backoff after n failures is 1 000 · 2^(n−1) ms, a poll step's wait ¾ of it. */
const HALF = (): number => 0.5;

function deps(fetch: OutboxDeps['fetch'], overrides: Partial<OutboxDeps> = {}): OutboxDeps {
  return { base: BASE, fetch, now: () => clock.t, random: HALF, timeoutMs: 1_000, concurrency: 1, ...overrides };
}

async function stored(id: string): Promise<RequestRecord> {
  const record = await db().requests.get(id);
  if (!record) throw new Error(`no record ${id}`);
  return record;
}

async function queued(at = clock.t, origin?: string): Promise<RequestRecord> {
  return enqueue(db(), makeBody(), 'endpoint', at, undefined, origin);
}

/** A request the endpoint holds (received at START), with its first poll due now. */
async function received(
  extra: Partial<RequestRecord> = {},
  receivedEvent: Partial<RequestEvent> = {},
): Promise<RequestRecord> {
  const record = await queued(START - 60_000);
  const next: RequestRecord = {
    ...record,
    attempts: 1,
    receipt: {
      id: record.id,
      reference: 'IG-2026-000042',
      status: 'received',
      receivedAt: new Date(START).toISOString(),
      verification: 'none',
    },
    events: [
      ...record.events,
      { at: START - 59_000, kind: 'sent' },
      { at: START - 59_000, kind: 'received', reference: 'IG-2026-000042', ...receivedEvent },
    ],
    pollDueAt: clock.t,
    polls: 0,
    ...extra,
  };
  delete next.outboxDueAt;
  await db().requests.put(next);
  return next;
}

beforeEach(async () => {
  await resetDbForTests();
  clock.t = START;
});

describe('the send schedule, on an injected clock', () => {
  it('schedules a retry after the failed answer, by the backoff for the number of failures so far', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([problem(503), problem(503)]);

    const first = await attemptSend(db(), record.id, deps(endpoint.fetch));
    expect(first).toMatchObject({ kind: 'retry', dueAt: START + WIRE_MS + 1_000 });
    let now = await stored(record.id);
    expect(now.outboxDueAt).toBe(START + WIRE_MS + 1_000);
    expect(now.events.at(-1)).toEqual({
      at: START + WIRE_MS,
      kind: 'attempt_failed',
      detail: expect.stringContaining('HTTP 503'),
      httpStatus: 503,
    });
    expect(now.attempts).toBe(1);
    expect(now.lastError).toMatch(/server error \(HTTP 503\): fixture problem\. The request will be sent again/);

    clock.t = now.outboxDueAt!;
    const second = await attemptSend(db(), record.id, deps(endpoint.fetch));
    // The second failure doubles the wait, counted from the second answer.
    expect(second).toMatchObject({ kind: 'retry', dueAt: clock.t + 2_000 });
    now = await stored(record.id);
    expect(now.outboxDueAt).toBe(clock.t + 2_000);
    expect(now.attempts).toBe(2);
  });

  it.each([
    ['a Retry-After longer than the backoff is obeyed', '120', 120_000],
    ['a Retry-After shorter than the backoff does not hurry the retry', '0', 1_000],
    ['an HTTP-date Retry-After counts from the answer', new Date(START + WIRE_MS + 300_000).toUTCString(), 300_000],
  ])('%s', async (_name, retryAfter, wait) => {
    const record = await queued();
    const endpoint = scriptedEndpoint([problem(429, { 'retry-after': retryAfter })]);
    const outcome = await attemptSend(db(), record.id, deps(endpoint.fetch));
    expect(outcome).toMatchObject({ kind: 'retry', dueAt: START + WIRE_MS + wait });
    expect((await stored(record.id)).outboxDueAt).toBe(START + WIRE_MS + wait);
  });

  it('sends nothing before the retry is due, and sends at the due moment', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([problem(503), receipt()]);
    const first = await drain(db(), deps(endpoint.fetch));
    expect(first).toEqual({ sent: 0, retried: 1, failed: 0, nextDueAt: START + WIRE_MS + 1_000 });

    clock.t = START + WIRE_MS + 999;
    expect(await drain(db(), deps(endpoint.fetch))).toEqual({
      sent: 0,
      retried: 0,
      failed: 0,
      nextDueAt: START + WIRE_MS + 1_000,
    });
    expect(endpoint.posts(record.id)).toBe(1);

    clock.t = START + WIRE_MS + 1_000;
    expect(await drain(db(), deps(endpoint.fetch))).toEqual({ sent: 1, retried: 0, failed: 0, nextDueAt: null });
    expect(endpoint.posts(record.id)).toBe(2);
  });

  it('holds the other due requests just behind the one that will probe the endpoint next', async () => {
    const probe = await queued(START - 2);
    const waiting = await queued(START - 1);
    const endpoint = scriptedEndpoint([problem(503)]);
    const result = await drain(db(), deps(endpoint.fetch));
    const dueAt = START + WIRE_MS + 1_000;
    expect(result).toEqual({ sent: 0, retried: 1, failed: 0, nextDueAt: dueAt });
    expect((await stored(probe.id)).outboxDueAt).toBe(dueAt);
    expect((await stored(waiting.id)).outboxDueAt).toBe(dueAt + 1);
    expect((await stored(waiting.id)).attempts).toBe(0);
  });

  it('leaves a request due after the hold at its own time', async () => {
    await queued(START - 2);
    const later = await queued(START + 10 * 60_000);
    const endpoint = scriptedEndpoint([problem(503)]);
    await drain(db(), deps(endpoint.fetch));
    expect((await stored(later.id)).outboxDueAt).toBe(START + 10 * 60_000);
  });

  it('does not hold anything back after a request the endpoint refused for good', async () => {
    const refused = await queued(START - 2);
    const next = await queued(START - 1);
    const endpoint = scriptedEndpoint([problem(422), receipt()]);
    expect(await drain(db(), deps(endpoint.fetch))).toEqual({ sent: 1, retried: 0, failed: 1, nextDueAt: null });
    expect(deriveStatus(await stored(refused.id)).status).toBe('failed');
    expect(deriveStatus(await stored(next.id)).status).toBe('received');
  });

  it('starts following a sent request with its first status poll ¾ of a minute after the receipt', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([receipt({ dueAt: '2026-03-16' })]);
    expect(await attemptSend(db(), record.id, deps(endpoint.fetch))).toMatchObject({
      kind: 'sent',
      receipt: { reference: 'IG-2026-000042' },
    });
    const now = await stored(record.id);
    expect(now.pollDueAt).toBe(START + WIRE_MS + 45_000);
    expect(now.polls).toBe(0);
    expect(now.outboxDueAt).toBeUndefined();
    expect(now.lastError).toBeUndefined();
    expect(now.attempts).toBe(1);
    expect(now.events.slice(1)).toEqual([
      { at: START + WIRE_MS, kind: 'sent' },
      { at: START + WIRE_MS, kind: 'received', reference: 'IG-2026-000042', verification: 'none', dueAt: '2026-03-16' },
    ]);
    expect(await nextWakeAt(db(), BASE)).toBe(START + WIRE_MS + 45_000);
  });

  it('gives up on the tenth failure and says so, with the email route', async () => {
    const record = await queued();
    await db().requests.update(record.id, { attempts: 9 });
    const endpoint = scriptedEndpoint([problem(500)]);
    const outcome = await attemptSend(db(), record.id, deps(endpoint.fetch));
    expect(outcome.kind).toBe('failed');
    const now = await stored(record.id);
    expect(now.outboxDueAt).toBeUndefined();
    expect(now.attempts).toBe(10);
    expect(now.lastError).toBe(
      "Gave up after 10 attempts. Last error: Ingroup's endpoint had a server error (HTTP 500): fixture problem. The request will be sent again with the same id. Send the request by email instead.",
    );
    expect(now.events.at(-1)).toEqual({ at: START + WIRE_MS, kind: 'failed', detail: now.lastError, httpStatus: 500 });
  });

  it('keeps the request and tries later when sending breaks for a reason of its own', async () => {
    const record = await queued();
    const outcome = await attemptSend(
      db(),
      record.id,
      deps(() => Promise.reject(new Error('boom'))),
    );
    // The fetch never answered, so the endpoint client words it as a network error.
    expect(outcome).toMatchObject({ kind: 'retry', dueAt: START + 1_000 });
    expect((await stored(record.id)).lastError).toMatch(/network error/);
  });

  it('words a failure that is no EndpointError and keeps the request queued', async () => {
    const record = await queued();
    const outcome = await attemptSend(
      db(),
      record.id,
      deps(async () => {
        // A reply that breaks when read: a runtime fault, not anything the endpoint said.
        return {
          get ok(): boolean {
            throw new Error('disk full');
          },
        } as unknown as Response;
      }),
    );
    expect(outcome).toMatchObject({ kind: 'retry', error: { kind: 'retryable', cause: new Error('disk full') } });
    const now = await stored(record.id);
    expect(now.lastError).toBe('Sending failed unexpectedly: disk full');
    expect(now.outboxDueAt).toBe(START + 1_000);
  });

  it('skips what is not waiting to be sent, or waits for another endpoint', async () => {
    const endpoint = scriptedEndpoint([]);
    const email = await enqueue(db(), makeBody(), 'email', START);
    const elsewhere = await queued(START, new URL(OTHER_BASE).origin);
    expect(await attemptSend(db(), email.id, deps(endpoint.fetch))).toEqual({ kind: 'skipped', reason: 'not-pending' });
    expect(await attemptSend(db(), crypto.randomUUID(), deps(endpoint.fetch))).toEqual({
      kind: 'skipped',
      reason: 'not-pending',
    });
    expect(await attemptSend(db(), elsewhere.id, deps(endpoint.fetch))).toEqual({
      kind: 'skipped',
      reason: 'other-endpoint',
    });
    expect(await drain(db(), deps(endpoint.fetch))).toEqual({ sent: 0, retried: 0, failed: 0, nextDueAt: null });
    expect(endpoint.calls).toEqual([]);
    // The other endpoint's request is still due, for that endpoint.
    expect(await nextSendAt(db())).toBe(START);
    expect(await nextSendAt(db(), OTHER_BASE)).toBe(START);
    expect(await nextWakeAt(db(), BASE)).toBeNull();
  });

  it('wakes for whichever is sooner, a send or a status poll', async () => {
    await queued(START + 5_000);
    await received({ pollDueAt: START + 3_000 });
    expect(await nextWakeAt(db(), BASE)).toBe(START + 3_000);
    await db()
      .requests.where('pollDueAt')
      .above(0)
      .modify((r) => {
        r.pollDueAt = START + 9_000;
      });
    expect(await nextWakeAt(db(), BASE)).toBe(START + 5_000);
  });
});

describe('the status poll schedule', () => {
  it('looks again later, further apart each time nothing changes, and sooner after a change', async () => {
    const record = await received();
    const endpoint = scriptedEndpoint([
      status('received'),
      status('received'),
      status('in_progress'),
      status('in_progress'),
    ]);
    const d = deps(endpoint.fetch);

    expect(await pollDue(db(), d)).toEqual({ polled: 1, changed: 0, nextDueAt: START + WIRE_MS + 90_000 });
    let now = await stored(record.id);
    expect(now.polls).toBe(1);

    clock.t = now.pollDueAt!;
    expect(await pollDue(db(), d)).toMatchObject({ polled: 1, changed: 0 });
    now = await stored(record.id);
    expect(now.pollDueAt).toBe(clock.t + 180_000);
    expect(now.polls).toBe(2);

    clock.t = now.pollDueAt!;
    expect(await pollDue(db(), d)).toMatchObject({ polled: 1, changed: 1 });
    now = await stored(record.id);
    expect(now.polls).toBe(0);
    expect(now.pollDueAt).toBe(clock.t + 45_000);
    expect(now.events.at(-1)).toEqual({
      at: clock.t,
      kind: 'status',
      status: 'in_progress',
      reference: 'IG-2026-000042',
    });

    // Not due yet: nothing is asked.
    clock.t = now.pollDueAt! - 1;
    expect(await pollDue(db(), d)).toEqual({ polled: 0, changed: 0, nextDueAt: now.pollDueAt });
    expect(endpoint.calls).toHaveLength(3);
  });

  it.each([
    ['a Retry-After longer than the poll step is obeyed', '3600', 3_600_000],
    ['a Retry-After shorter than the poll step does not hurry the next look', '1', 90_000],
    ['no Retry-After: the poll step', undefined, 90_000],
  ])('after a failed status check, %s', async (_name, retryAfter, wait) => {
    const record = await received();
    const endpoint = scriptedEndpoint([problem(503, retryAfter === undefined ? {} : { 'retry-after': retryAfter })]);
    expect(await pollDue(db(), deps(endpoint.fetch))).toEqual({
      polled: 1,
      changed: 0,
      nextDueAt: START + WIRE_MS + wait,
    });
    const now = await stored(record.id);
    expect(now.pollDueAt).toBe(START + WIRE_MS + wait);
    expect(now.polls).toBe(1);
    // Polling trouble is no event in the request's history.
    expect(now.events).toEqual(record.events);
  });

  it('stops following a request once it is completed or rejected', async () => {
    const done = await received();
    const refused = await received();
    const endpoint = scriptedEndpoint([], ({ id }) =>
      id === done.id
        ? status('completed')({ method: 'GET', id })
        : status('rejected', { reason: 'Not the administrator' })({ method: 'GET', id }),
    );
    expect(await pollDue(db(), deps(endpoint.fetch, { concurrency: 2 }))).toEqual({
      polled: 2,
      changed: 2,
      nextDueAt: null,
    });
    for (const id of [done.id, refused.id]) {
      const now = await stored(id);
      expect(now.pollDueAt).toBeUndefined();
      expect(now.polls).toBeUndefined();
    }
    expect(deriveStatus(await stored(refused.id))).toMatchObject({
      status: 'rejected',
      reason: 'Not the administrator',
    });
  });

  it.each<[string, Record<string, unknown>, Partial<RequestEvent>]>([
    ['only the extended due date', { extendedDueAt: '2026-03-30' }, { extendedDueAt: '2026-03-30' }],
    ['only the due date', { dueAt: '2026-03-18' }, { dueAt: '2026-03-18' }],
    ['only a note', { message: 'We need one more week.' }, { message: 'We need one more week.' }],
    ['only a reason', { reason: 'Identity not confirmed' }, { reason: 'Identity not confirmed' }],
  ])('keeps a status answer that changes %s', async (_name, reply, kept) => {
    const record = await received({}, { dueAt: '2026-03-16' });
    const endpoint = scriptedEndpoint([status('received', { dueAt: '2026-03-16', ...reply })]);
    expect(await pollDue(db(), deps(endpoint.fetch))).toMatchObject({ polled: 1, changed: 1 });
    const now = await stored(record.id);
    expect(now.events.at(-1)).toEqual({
      at: START + WIRE_MS,
      kind: 'status',
      status: 'received',
      reference: 'IG-2026-000042',
      dueAt: '2026-03-16',
      ...kept,
    });
    expect(deriveStatus(now)).toMatchObject({ status: 'received', ...kept });
    expect(now.polls).toBe(0);
  });

  it('stores nothing for an answer that says what is already known (negative control)', async () => {
    const record = await received({}, { dueAt: '2026-03-16' });
    const endpoint = scriptedEndpoint([status('received', { dueAt: '2026-03-16' })]);
    expect(await pollDue(db(), deps(endpoint.fetch))).toMatchObject({ polled: 1, changed: 0 });
    expect((await stored(record.id)).events).toEqual(record.events);
  });

  it('keeps a new reference from the endpoint', async () => {
    const record = await received();
    const endpoint = scriptedEndpoint([status('received', { reference: 'IG-2026-000043' })]);
    expect(await pollDue(db(), deps(endpoint.fetch))).toMatchObject({ changed: 1 });
    expect(deriveStatus(await stored(record.id)).reference).toBe('IG-2026-000043');
  });

  it('skips a request whose poll was cancelled while the round was starting', async () => {
    const record = await received();
    const endpoint = scriptedEndpoint([], async ({ id }) => {
      // The admin sent it by email while the answer was on the wire: polling stops, the answer is dropped.
      await recordEmailSent(db(), id, clock.t);
      return status('in_progress')({ method: 'GET', id });
    });
    expect(await pollDue(db(), deps(endpoint.fetch))).toEqual({ polled: 0, changed: 0, nextDueAt: null });
    const now = await stored(record.id);
    expect(now.events.map((e) => e.kind)).toEqual(['queued', 'sent', 'received', 'email_sent']);
    expect(now.pollDueAt).toBeUndefined();
    expect(now.polls).toBeUndefined();
  });
});

describe('the admin acts while an attempt is on the wire', () => {
  it('a request sent by email meanwhile is not put back on the send queue when the attempt fails', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([
      async ({ id }) => {
        await recordEmailSent(db(), id, clock.t);
        return problem(503)({ method: 'POST', id });
      },
    ]);
    const outcome = await drain(db(), deps(endpoint.fetch));
    expect(outcome).toMatchObject({ retried: 1, nextDueAt: null });
    const now = await stored(record.id);
    expect(now.outboxDueAt).toBeUndefined();
    expect(now.channel).toBe('email');
    expect(now.events.map((e) => e.kind)).toEqual(['queued', 'email_sent', 'attempt_failed']);
    expect(deriveStatus(now)).toMatchObject({ status: 'sent', sentBy: 'email' });

    // Nothing goes to the endpoint later either.
    clock.t += 24 * 3_600_000;
    await drain(db(), deps(endpoint.fetch));
    expect(endpoint.posts(record.id)).toBe(1);
  });

  it('a request sent by email meanwhile keeps that record when the endpoint refuses the attempt', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([
      async ({ id }) => {
        await recordEmailSent(db(), id, clock.t);
        return problem(422)({ method: 'POST', id });
      },
    ]);
    await attemptSend(db(), record.id, deps(endpoint.fetch));
    const now = await stored(record.id);
    expect(now.channel).toBe('email');
    expect(now.events.map((e) => e.kind)).toEqual(['queued', 'email_sent', 'failed']);
  });

  it('a request the endpoint stored keeps its receipt even if it was also sent by email meanwhile', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([
      async ({ id, body }) => {
        await recordEmailSent(db(), id, clock.t);
        return receipt()({ method: 'POST', id, ...(body ? { body } : {}) });
      },
    ]);
    expect((await attemptSend(db(), record.id, deps(endpoint.fetch))).kind).toBe('sent');
    const now = await stored(record.id);
    expect(now.events.map((e) => e.kind)).toEqual(['queued', 'email_sent', 'sent', 'received']);
    expect(now.receipt?.reference).toBe('IG-2026-000042');
  });

  it('a request "Try again" queued during a drain is sent in that drain, not at the next alarm', async () => {
    const refused = await queued(START - 2);
    const other = await queued(START - 1);
    const d = deps(scriptedEndpoint([]).fetch);
    let joined: Promise<unknown> | undefined;
    const endpoint = scriptedEndpoint([
      problem(422),
      async ({ id, body }) => {
        // While the second request is on the wire, the admin retries the refused one.
        await requeue(db(), refused.id, clock.t);
        joined = drain(db(), d);
        return receipt()({ method: 'POST', id, ...(body ? { body } : {}) });
      },
      receipt(),
    ]);
    d.fetch = endpoint.fetch;
    const result = await drain(db(), d);
    expect(await joined).toBe(result);
    expect(result).toEqual({ sent: 2, retried: 0, failed: 1, nextDueAt: null });
    expect(endpoint.posts(refused.id)).toBe(2);
    expect(endpoint.posts(other.id)).toBe(1);
    expect(deriveStatus(await stored(refused.id)).status).toBe('received');
  });

  it('a request deleted while its attempt was on the wire is not written back', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([
      async ({ id }) => {
        await db().requests.delete(id);
        return problem(503)({ method: 'POST', id });
      },
    ]);
    expect(await attemptSend(db(), record.id, deps(endpoint.fetch))).toEqual({ kind: 'skipped', reason: 'wiped' });
    expect(await db().requests.get(record.id)).toBeUndefined();
  });

  it('gives up an attempt and a status check after the timeout it is given', async () => {
    const hang: OutboxDeps['fetch'] = (_url, init) =>
      new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason)));
    const record = await queued();
    expect(await attemptSend(db(), record.id, deps(hang, { timeoutMs: 30 }))).toMatchObject({
      kind: 'retry',
      error: { message: expect.stringContaining('did not answer within 0 s') },
    });
    const followed = await received();
    expect(await pollDue(db(), deps(hang, { timeoutMs: 30 }))).toMatchObject({ polled: 1, changed: 0 });
    expect((await stored(followed.id)).polls).toBe(1);
  });

  it('a drain asked for after one finished starts afresh', async () => {
    const endpoint = scriptedEndpoint([], receipt());
    await queued();
    const first = drain(db(), deps(endpoint.fetch));
    await first;
    await queued();
    const second = drain(db(), deps(endpoint.fetch));
    expect(second).not.toBe(first);
    expect(await second).toMatchObject({ sent: 1 });
  });
});

describe('"Try again" and moving a request', () => {
  it('queues a failed request afresh, under the same id, with its error cleared', async () => {
    const record = await queued();
    await attemptSend(db(), record.id, deps(scriptedEndpoint([problem(422)]).fetch));
    clock.t += 60_000;
    const again = await requeue(db(), record.id, clock.t);
    expect(again).toMatchObject({ id: record.id, channel: 'endpoint', attempts: 0, outboxDueAt: clock.t });
    expect(again.lastError).toBeUndefined();
    expect(again.events.at(-1)).toEqual({ at: clock.t, kind: 'queued' });
    expect(deriveStatus(again).status).toBe('queued');
    expect(await stored(record.id)).toEqual(again);
  });

  it('turns a failed email-route request back to the endpoint route', async () => {
    const record = await queued();
    await attemptSend(db(), record.id, deps(scriptedEndpoint([problem(422)]).fetch));
    await db().requests.update(record.id, { channel: 'email' });
    expect((await requeue(db(), record.id, clock.t)).channel).toBe('endpoint');
  });

  const notFailed: Array<[string, () => Promise<RequestRecord>]> = [
    [
      'completed',
      () =>
        received({}, {}).then(async (r) => {
          const done = {
            ...r,
            events: [
              ...r.events,
              { at: START, kind: 'status' as const, status: 'completed' as const, reference: 'IG-2026-000042' },
            ],
          };
          delete done.pollDueAt;
          await db().requests.put(done);
          return done;
        }),
    ],
    ['received', () => received()],
    [
      'sent by email',
      async () => {
        const r = await queued();
        return recordEmailSent(db(), r.id, START);
      },
    ],
    ['still queued', () => queued()],
  ];

  it.each(notFailed)(
    'refuses "Try again" on a request that is %s: it is not sent a second time',
    async (_name, make) => {
      const record = await make();
      const before = await stored(record.id);
      const after = await requeue(db(), record.id, START + 60_000);
      expect(after).toEqual(before);
      expect(await stored(record.id)).toEqual(before);
      expect(after.events.filter((e) => e.kind === 'queued')).toHaveLength(1);
    },
  );

  it('refuses "Try again" on a request that is not there, in words', async () => {
    const id = crypto.randomUUID();
    const attempt = requeue(db(), id);
    await expect(attempt).rejects.toBeInstanceOf(RequestNotFound);
    await expect(requeue(db(), id)).rejects.toThrow(
      `The request ${id} is not in this browser's list of requests. It may have been wiped; reopen the list and try again.`,
    );
    await expect(requeue(db(), id)).rejects.toMatchObject({
      code: 'request/not_found',
      params: { id },
      name: 'RequestNotFound',
    });
  });

  it('moves a request made for another endpoint to the one in force, due at once', async () => {
    const record = await queued(START - 5_000, new URL(OTHER_BASE).origin);
    const moved = await moveToEndpoint(db(), record.id, new URL(BASE).origin, START);
    expect(moved).toMatchObject({ endpointOrigin: new URL(BASE).origin, outboxDueAt: START });
    const endpoint = scriptedEndpoint([receipt()]);
    expect(await drain(db(), deps(endpoint.fetch))).toMatchObject({ sent: 1 });
  });

  it.each<[string, () => Promise<RequestRecord>]>([
    ['one already made for that endpoint', () => queued(START - 5_000, new URL(BASE).origin)],
    ['one made before endpoints were recorded', () => queued(START - 5_000)],
    [
      'one no longer waiting to be sent',
      async () => {
        const r = await queued(START - 5_000, new URL(OTHER_BASE).origin);
        return recordEmailSent(db(), r.id, START);
      },
    ],
  ])('leaves %s as it is', async (_name, make) => {
    const record = await make();
    const before = await stored(record.id);
    expect(await moveToEndpoint(db(), record.id, new URL(BASE).origin, START)).toEqual(before);
  });
});

describe('enqueue', () => {
  it('keeps the identity only when it says something', async () => {
    const blank = await enqueue(db(), makeBody(), 'endpoint', START, { document: '  ', relationship: '' });
    expect(blank).not.toHaveProperty('identity');
    const told = await enqueue(db(), makeBody(), 'endpoint', START, { relationship: 'the account owner' });
    expect(told.identity).toEqual({ relationship: 'the account owner' });
    const documented = await enqueue(db(), makeBody(), 'endpoint', START, { document: 'passport 1234' });
    expect(documented.identity).toEqual({ document: 'passport 1234' });
    expect(await enqueue(db(), makeBody(), 'endpoint', START, { document: ' ' })).not.toHaveProperty('identity');
    expect(await enqueue(db(), makeBody(), 'endpoint', START, { relationship: '   ' })).not.toHaveProperty('identity');
  });

  it('records the endpoint a request is made for, and none for an email one', async () => {
    const origin = new URL(BASE).origin;
    expect((await enqueue(db(), makeBody(), 'endpoint', START, undefined, origin)).endpointOrigin).toBe(origin);
    expect(await enqueue(db(), makeBody(), 'email', START, undefined, origin)).not.toHaveProperty('endpointOrigin');
    expect(await enqueue(db(), makeBody(), 'endpoint', START)).not.toHaveProperty('endpointOrigin');
  });

  it('refuses to enqueue the same request twice', async () => {
    const body = makeBody();
    await enqueue(db(), body, 'endpoint', START);
    await expect(enqueue(db(), body, 'endpoint', START)).rejects.toThrow();
    expect(await db().requests.count()).toBe(1);
  });
});

describe('what a record keeps once the endpoint has it', () => {
  it('a request that got through after a failure keeps no error beside its receipt', async () => {
    const record = await queued();
    const endpoint = scriptedEndpoint([problem(503), receipt()]);
    await attemptSend(db(), record.id, deps(endpoint.fetch));
    expect((await stored(record.id)).lastError).toMatch(/HTTP 503/);
    await attemptSend(db(), record.id, deps(endpoint.fetch));
    const now = await stored(record.id);
    expect(deriveStatus(now).status).toBe('received');
    expect(now).not.toHaveProperty('lastError');
  });

  it('a request answered for good is followed no more: no poll due, no poll count, no open-since mark', async () => {
    const record = await received({ polls: 3, openSince: START - 60_000 });
    await pollDue(db(), deps(scriptedEndpoint([status('completed')]).fetch));
    const now = await stored(record.id);
    expect(deriveStatus(now).status).toBe('completed');
    expect(now).not.toHaveProperty('pollDueAt');
    expect(now).not.toHaveProperty('polls');
    expect(now).not.toHaveProperty('openSince');
  });

  it('an event stores only what the endpoint said: no key for what it left out', async () => {
    const record = await received();
    await pollDue(db(), deps(scriptedEndpoint([status('in_progress', { message: 'Looking into it' })]).fetch));
    const event = (await stored(record.id)).events.at(-1);
    expect(event).toMatchObject({ kind: 'status', status: 'in_progress', message: 'Looking into it' });
    expect(Object.keys(event ?? {}).sort()).toEqual(['at', 'kind', 'message', 'reference', 'status']);
  });
});

describe('a poll round', () => {
  it('does not ask about a request that stopped being followed before its turn came', async () => {
    const first = await received();
    const second = await received();
    const endpoint = scriptedEndpoint([], async ({ id }) => {
      // While the first look is on the wire, the admin records the other request as sent by email.
      await recordEmailSent(db(), id === first.id ? second.id : first.id, clock.t);
      return status('in_progress')({ method: 'GET', id });
    });
    expect(await pollDue(db(), deps(endpoint.fetch))).toMatchObject({ polled: 1 });
    expect(endpoint.calls).toHaveLength(1);
  });

  it('a look that fails waits longer each time it has failed before', async () => {
    const record = await received({ polls: 2 });
    await pollDue(db(), deps(scriptedEndpoint([problem(503)]).fetch));
    expect((await stored(record.id)).polls).toBe(3);
  });

  it('a second ask while a round runs joins it: one look per request, the same result for both', async () => {
    await received();
    const endpoint = scriptedEndpoint([], status('in_progress'));
    const [one, two] = await Promise.all([pollDue(db(), deps(endpoint.fetch)), pollDue(db(), deps(endpoint.fetch))]);
    expect(one).toMatchObject({ polled: 1 });
    expect(two).toEqual(one);
    expect(endpoint.calls).toHaveLength(1);
  });
});
