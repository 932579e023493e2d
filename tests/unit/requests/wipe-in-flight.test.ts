/**
 * A wipe while a send or a status check is on the wire: what the wipe deleted stays deleted (the
 * request carries the admin's name, email and phone), and nothing more is sent.
 */
import Dexie from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { attemptSend, drain, enqueue, pollDue, type OutboxDeps } from '@/lib/requests/outbox';
import type { RequestRecord } from '@/lib/requests/record';
import { wipeAll } from '@/lib/wipe';
import { makeBody } from './fixtures';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const receipt = (id: string): Response =>
  new Response(
    JSON.stringify({
      id,
      reference: 'ING-1',
      status: 'received',
      receivedAt: new Date(NOW).toISOString(),
      verification: 'none',
    }),
    {
      status: 202,
      headers: { 'content-type': 'application/json' },
    },
  );

/** An endpoint whose answers wait until the test lets them go, counting what reached it. */
function heldEndpoint() {
  const posted: string[] = [];
  const gets: string[] = [];
  let release: () => void = () => undefined;
  let arrived: () => void = () => undefined;
  const onWire = new Promise<void>((resolve) => (arrived = resolve));
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    const id = new URL(url).pathname.split('/').pop() ?? '';
    if (init?.method === 'POST') {
      const body = JSON.parse(init.body as string) as { id: string };
      posted.push(body.id);
      arrived();
      await gate;
      return receipt(body.id);
    }
    gets.push(id);
    arrived();
    await gate;
    return new Response(
      JSON.stringify({ id, reference: 'ING-1', status: 'in_progress', updatedAt: new Date(NOW).toISOString() }),
      {
        status: 200,
        headers: { 'content-type': 'application/json' },
      },
    );
  };
  const deps: OutboxDeps = {
    base: 'https://api.ingru.ru/privacy/v1',
    fetch,
    now: () => NOW,
    random: () => 0.5,
    concurrency: 1,
  };
  return { deps, posted, gets, onWire, release: () => release() };
}

beforeEach(async () => {
  await resetDbForTests();
});

/**
 * The admin wipes everything at the moment the outbox reads a request (Dexie's `reading` hook runs
 * as the row comes back, before the outbox sees it); resolves when the wipe is done.
 */
function wipeOnFirstRead(): { wiped: Promise<void>; reads: () => number } {
  let reads = 0;
  let done: (wipe: Promise<void>) => void = () => undefined;
  const wiped = new Promise<Promise<void>>((resolve) => (done = resolve)).then((wipe) => wipe);
  const hook = (record: RequestRecord): RequestRecord => {
    reads += 1;
    if (reads === 1) done(Dexie.ignoreTransaction(() => wipeAll(db())));
    return record;
  };
  db().requests.hook('reading', hook);
  return { wiped: wiped.finally(() => db().requests.hook('reading').unsubscribe(hook)), reads: () => reads };
}

describe('a wipe while requests are on the wire', () => {
  it('keeps the sent request when nothing was wiped (the control)', async () => {
    const wire = heldEndpoint();
    const record = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const sending = attemptSend(db(), record.id, wire.deps);
    await wire.onWire;
    wire.release();
    await expect(sending).resolves.toMatchObject({ kind: 'sent' });
    expect(await db().requests.get(record.id)).toMatchObject({ receipt: { reference: 'ING-1' } });
  });

  it('writes nothing back of a send that was on the wire during the wipe, and sends nothing more', async () => {
    const wire = heldEndpoint();
    const first = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const second = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const draining = drain(db(), wire.deps);
    await wire.onWire;
    await wipeAll(db());
    wire.release();
    await draining;
    expect(await db().requests.count()).toBe(0);
    // Nor what the answer said of the endpoint: the wipe cleared that too.
    expect(await db().settings.count()).toBe(0);
    expect(wire.posted).toHaveLength(1);
    expect([first.id, second.id]).toContain(wire.posted[0]);
  });

  it('writes nothing back of a status check answered after the wipe', async () => {
    const wire = heldEndpoint();
    const record = await enqueue(db(), makeBody(), 'endpoint', NOW);
    await db().requests.update(record.id, { outboxDueAt: undefined, pollDueAt: NOW, polls: 0 });
    const polling = pollDue(db(), wire.deps);
    await wire.onWire;
    await wipeAll(db());
    wire.release();
    // The round counts no look whose answer it threw away, and follows nothing more.
    expect(await polling).toEqual({ polled: 0, changed: 0, nextDueAt: null });
    expect(wire.gets).toEqual([record.id]);
    expect(await db().requests.count()).toBe(0);
    expect(await db().settings.count()).toBe(0);
  });

  it('notes nothing of the endpoint when a failure answers a send after the wipe', async () => {
    const wire = heldEndpoint();
    const record = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const failing: OutboxDeps = {
      ...wire.deps,
      fetch: async (url, init) => {
        await wire.deps.fetch(url, init);
        return new Response(JSON.stringify({ title: 'Unavailable', detail: 'fixture outage' }), {
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
        });
      },
    };
    const sending = attemptSend(db(), record.id, failing);
    await wire.onWire;
    await wipeAll(db());
    wire.release();
    await expect(sending).resolves.toEqual({ kind: 'skipped', reason: 'wiped' });
    expect(await db().requests.count()).toBe(0);
    expect(await db().settings.count()).toBe(0);
  });

  it('notes the failure when nothing was wiped (the control)', async () => {
    const wire = heldEndpoint();
    wire.release();
    const record = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const failing: OutboxDeps = {
      ...wire.deps,
      fetch: async () =>
        new Response(JSON.stringify({ title: 'Unavailable', detail: 'fixture outage' }), {
          status: 503,
          headers: { 'content-type': 'application/problem+json' },
        }),
    };
    await expect(attemptSend(db(), record.id, failing)).resolves.toMatchObject({ kind: 'retry' });
    expect(await db().settings.count()).toBe(1);
  });

  it('sends nothing of a request wiped between reading it and sending it, and brings nothing back', async () => {
    const wire = heldEndpoint();
    wire.release();
    const record = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const wipe = wipeOnFirstRead();
    await expect(attemptSend(db(), record.id, wire.deps)).resolves.toEqual({ kind: 'skipped', reason: 'wiped' });
    await wipe.wiped;
    expect(wipe.reads()).toBe(1);
    expect(wire.posted).toEqual([]);
    expect(await db().requests.count()).toBe(0);
    // Not even the endpoint's liveness is noted: nothing went out.
    expect(await db().settings.count()).toBe(0);
  });

  it('sends nothing when the wipe comes as a drain reads the next request due', async () => {
    const wire = heldEndpoint();
    wire.release();
    await enqueue(db(), makeBody(), 'endpoint', NOW);
    await enqueue(db(), makeBody(), 'endpoint', NOW);
    const wipe = wipeOnFirstRead();
    await expect(drain(db(), wire.deps)).resolves.toMatchObject({ sent: 0, retried: 0, failed: 0, nextDueAt: null });
    await wipe.wiped;
    expect(wipe.reads()).toBeGreaterThan(0);
    expect(wire.posted).toEqual([]);
    expect(await db().requests.count()).toBe(0);
  });

  it('skips a request whose record is gone by the time its status poll reads it, and polls the rest', async () => {
    const wire = heldEndpoint();
    wire.release();
    const first = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const second = await enqueue(db(), makeBody(), 'endpoint', NOW);
    await db().requests.update(first.id, { outboxDueAt: undefined, pollDueAt: NOW - 1, polls: 0 });
    await db().requests.update(second.id, { outboxDueAt: undefined, pollDueAt: NOW, polls: 0 });
    const gone = wipeOnFirstRead();
    // The round lists both, then the first read wipes them; the second is read as gone.
    await expect(pollDue(db(), wire.deps)).resolves.toEqual({ polled: 0, changed: 0, nextDueAt: null });
    await gone.wiped;
    expect(wire.gets).toEqual([]);
    expect(await db().requests.count()).toBe(0);
  });

  it('polls the request still there when another disappears during the round (the control)', async () => {
    const wire = heldEndpoint();
    wire.release();
    const kept = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const deleted = await enqueue(db(), makeBody(), 'endpoint', NOW);
    await db().requests.update(kept.id, { outboxDueAt: undefined, pollDueAt: NOW - 1, polls: 0 });
    await db().requests.update(deleted.id, { outboxDueAt: undefined, pollDueAt: NOW, polls: 0 });
    const deps: OutboxDeps = {
      ...wire.deps,
      // While the first status check is on the wire, the other request is deleted.
      fetch: async (url, init) => {
        await db().requests.delete(deleted.id);
        return wire.deps.fetch(url, init);
      },
    };
    await expect(pollDue(db(), deps)).resolves.toMatchObject({ polled: 1, changed: 1 });
    expect(wire.gets).toEqual([kept.id]);
    expect(await db().requests.get(deleted.id)).toBeUndefined();
    expect(await db().requests.get(kept.id)).toMatchObject({
      polls: 0,
      events: expect.arrayContaining([expect.objectContaining({ kind: 'status', status: 'in_progress' })]),
    });
  });

  it('does not hold a request made after the wipe behind an outage met before it', async () => {
    const failed = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const onWireDuringWipe = await enqueue(db(), makeBody(), 'endpoint', NOW);
    // One send fails at once (come back in 10 s); the other is still on the wire when the admin
    // wipes everything and then makes a new request.
    let releaseHeld: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (releaseHeld = resolve));
    let heldArrived: () => void = () => undefined;
    const heldOnWire = new Promise<void>((resolve) => (heldArrived = resolve));
    const answered: string[] = [];
    let calls = 0;
    const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
      const { id } = JSON.parse(init?.body as string) as { id: string };
      calls += 1;
      if (calls === 2) {
        heldArrived();
        await held;
      }
      answered.push(id);
      return new Response(JSON.stringify({ title: 'Unavailable', detail: 'fixture outage' }), {
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'retry-after': '10' },
      });
    };
    const deps: OutboxDeps = {
      base: 'https://api.ingru.ru/privacy/v1',
      fetch,
      now: () => NOW,
      random: () => 0.5,
      concurrency: 2,
    };
    const draining = drain(db(), deps);
    await heldOnWire;
    // The failed one's retry is stored (the drain will hold the rest behind it) before the wipe.
    await vi.waitFor(async () => expect((await db().requests.toArray()).some((r) => r.attempts === 1)).toBe(true));
    await wipeAll(db());
    const fresh = await enqueue(db(), makeBody(), 'endpoint', NOW);
    releaseHeld();
    await draining;
    expect([failed.id, onWireDuringWipe.id]).toContain(answered[0]);
    expect(await db().requests.count()).toBe(1);
    // Due now, as it was made: the outage it would be held behind belongs to wiped requests.
    expect((await db().requests.get(fresh.id))?.outboxDueAt).toBe(NOW);
  });
});
