/**
 * A wipe while a send or a status check is on the wire: what the wipe deleted stays deleted (the
 * request carries the admin's name, email and phone), and nothing more is sent.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { attemptSend, drain, enqueue, pollDue, type OutboxDeps } from '@/lib/requests/outbox';
import { wipeAll } from '@/lib/wipe';
import { makeBody } from './fixtures';

const NOW = Date.parse('2026-03-02T09:00:00Z');
const receipt = (id: string): Response =>
  new Response(JSON.stringify({ id, reference: 'ING-1', status: 'received', receivedAt: new Date(NOW).toISOString(), verification: 'none' }), {
    status: 202,
    headers: { 'content-type': 'application/json' },
  });

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
    return new Response(JSON.stringify({ id, reference: 'ING-1', status: 'in_progress', updatedAt: new Date(NOW).toISOString() }), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
  const deps: OutboxDeps = { base: 'https://api.ingru.ru/privacy/v1', fetch, now: () => NOW, random: () => 0.5, concurrency: 1 };
  return { deps, posted, gets, onWire, release: () => release() };
}

beforeEach(async () => {
  await resetDbForTests();
});

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
    await polling;
    expect(wire.gets).toEqual([record.id]);
    expect(await db().requests.count()).toBe(0);
  });
});
