// @vitest-environment node
/**
 * How many requests a round has on the wire at once: two by default, as many as the background
 * asks for, and never none — for the sends of a drain and for the status checks of a poll round.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { drain, enqueue, pollDue, type OutboxDeps } from '@/lib/requests/outbox';
import { makeBody } from '../fixtures';

const NOW = Date.parse('2026-03-02T09:00:00Z');
/** How long a call waits for company on the wire before it is answered anyway. */
const PATIENCE_MS = 250;

function json(status: number, value: unknown): Response {
  return new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
}

/**
 * An endpoint that holds each call until `company` calls are on the wire together (or its
 * patience runs out), and notes the most it ever had at once.
 */
function crowdedEndpoint(company: number) {
  let onWire = 0;
  let most = 0;
  let waiting: Array<() => void> = [];
  const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
    onWire += 1;
    most = Math.max(most, onWire);
    if (onWire >= company) {
      waiting.forEach((go) => go());
      waiting = [];
    } else {
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        setTimeout(resolve, PATIENCE_MS);
      });
    }
    onWire -= 1;
    if (init?.method === 'POST') {
      const { id } = JSON.parse(init.body as string) as { id: string };
      return json(202, {
        id,
        reference: 'ING-1',
        status: 'received',
        receivedAt: new Date(NOW).toISOString(),
        verification: 'none',
      });
    }
    const id = new URL(url).pathname.split('/').pop() ?? '';
    return json(200, { id, reference: 'ING-1', status: 'in_progress', updatedAt: new Date(NOW).toISOString() });
  };
  const deps = (concurrency?: number): OutboxDeps => ({
    base: 'https://api.ingru.ru/privacy/v1',
    fetch,
    now: () => NOW,
    random: () => 0.5,
    timeoutMs: 5_000,
    ...(concurrency === undefined ? {} : { concurrency }),
  });
  return { deps, most: () => most };
}

async function queued(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await enqueue(db(), makeBody(), 'endpoint', NOW)).id);
  return ids;
}

async function followed(n: number): Promise<string[]> {
  const ids = await queued(n);
  for (const id of ids) await db().requests.update(id, { outboxDueAt: undefined, pollDueAt: NOW, polls: 0 });
  return ids;
}

beforeEach(async () => {
  await resetDbForTests();
});

describe('requests on the wire at once', () => {
  it.each([
    ['two by default', undefined, 2],
    ['one when told one', 1, 1],
    ['three when told three', 3, 3],
    ['still one when told none', 0, 1],
  ])('a drain sends %s', async (_label, concurrency, expected) => {
    await queued(4);
    const endpoint = crowdedEndpoint(expected);
    await expect(drain(db(), endpoint.deps(concurrency))).resolves.toMatchObject({ sent: 4, retried: 0, failed: 0 });
    expect(endpoint.most()).toBe(expected);
  });

  it.each([
    ['two by default', undefined, 2],
    ['one when told one', 1, 1],
    ['still one when told none', 0, 1],
  ])('a poll round checks %s', async (_label, concurrency, expected) => {
    await followed(4);
    const endpoint = crowdedEndpoint(expected);
    await expect(pollDue(db(), endpoint.deps(concurrency))).resolves.toMatchObject({ polled: 4, changed: 4 });
    expect(endpoint.most()).toBe(expected);
  });
});

describe('an outage met by two sends at once', () => {
  it('holds the rest just behind the sooner of the two retries', async () => {
    const ids = await queued(3);
    // Both sends meet the outage together; the endpoint asks the first to come back in 10 s, the other in 60 s.
    const arrived: string[] = [];
    let bothThere: () => void = () => undefined;
    const together = new Promise<void>((resolve) => (bothThere = resolve));
    const fetch = async (_url: string, init?: RequestInit): Promise<Response> => {
      const { id } = JSON.parse(init?.body as string) as { id: string };
      arrived.push(id);
      if (arrived.length === 2) bothThere();
      await together;
      return new Response(JSON.stringify({ title: 'Unavailable', detail: 'fixture outage' }), {
        status: 503,
        headers: { 'content-type': 'application/problem+json', 'retry-after': arrived[0] === id ? '10' : '60' },
      });
    };
    const deps: OutboxDeps = {
      base: 'https://api.ingru.ru/privacy/v1',
      fetch,
      now: () => NOW,
      random: () => 0.5,
      timeoutMs: 5_000,
      concurrency: 2,
    };
    await expect(drain(db(), deps)).resolves.toEqual({ sent: 0, retried: 2, failed: 0, nextDueAt: NOW + 10_000 });
    const dueAt = async (id: string | undefined): Promise<number | undefined> =>
      (await db().requests.get(id ?? ''))?.outboxDueAt;
    const [first, second] = arrived;
    const held = ids.find((id) => !arrived.includes(id));
    expect(await dueAt(first)).toBe(NOW + 10_000);
    expect(await dueAt(second)).toBe(NOW + 60_000);
    expect(await dueAt(held)).toBe(NOW + 10_001);
  });
});
