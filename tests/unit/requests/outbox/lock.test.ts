// @vitest-environment node
/**
 * The outbox's one lock: send rounds, poll rounds and direct attempts take turns — under the
 * browser's Web Locks where there are any, under an in-context promise chain where there are none
 * (Node, here). The Web Locks used below are a small stand-in that keeps the API's promise (one
 * holder per name, the rest in the order asked); the browsers' own run in the e2e suites.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { attemptSend, drain, enqueue, pollDue, type OutboxDeps } from '@/lib/requests/outbox';
import { availableLocks, outboxLockName, promiseChainLocks, serialised, type Locks } from '@/lib/requests/outbox/lock';
import { makeBody } from '../fixtures';

const NOW = Date.parse('2026-03-02T09:00:00Z');

/** A task that runs until the test lets it finish, noting when it starts and ends. */
function heldTask(log: string[], label: string, outcome: 'ok' | 'throw' = 'ok') {
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const running = new Promise<void>((resolve) => (started = resolve));
  const task = async (): Promise<string> => {
    log.push(`${label} starts`);
    started();
    await gate;
    log.push(`${label} ends`);
    if (outcome === 'throw') throw new Error(`${label} failed`);
    return label;
  };
  return { task, running, release: () => release() };
}

/** Lets every pending promise callback run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Web Locks as the API promises them: one holder per name, the others granted in the order asked. */
function webLocks(): Locks & { asked: string[]; mostHeldAtOnce: () => number } {
  const queues = new Map<string, Array<() => void>>();
  const asked: string[] = [];
  let held = 0;
  let most = 0;
  return {
    asked,
    mostHeldAtOnce: () => most,
    async request<T>(name: string, callback: () => Promise<T>): Promise<T> {
      asked.push(name);
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      const granted = new Promise<void>((resolve) => queue.push(resolve));
      if (queue.length === 1) queue[0]?.();
      await granted;
      held += 1;
      most = Math.max(most, held);
      try {
        return await callback();
      } finally {
        held -= 1;
        queue.shift();
        queue[0]?.();
      }
    },
  };
}

describe('the in-context lock (where the browser has no Web Locks)', () => {
  it('runs tasks under one name one at a time, in the order asked', async () => {
    const locks = promiseChainLocks();
    const log: string[] = [];
    const [a, b, c] = [heldTask(log, 'a'), heldTask(log, 'b'), heldTask(log, 'c')];
    const results = [locks.request('outbox', a.task), locks.request('outbox', b.task)];
    await a.running;
    await settle();
    expect(log).toEqual(['a starts']);
    a.release();
    await b.running;
    // Asked while b runs, after a's turn was over: c still waits for b.
    results.push(locks.request('outbox', c.task));
    await settle();
    expect(log).toEqual(['a starts', 'a ends', 'b starts']);
    b.release();
    c.release();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('hands a failure to its own caller and lets the next task run', async () => {
    const locks = promiseChainLocks();
    const log: string[] = [];
    const failing = heldTask(log, 'a', 'throw');
    const next = heldTask(log, 'b');
    const first = locks.request('outbox', failing.task);
    const second = locks.request('outbox', next.task);
    failing.release();
    next.release();
    await expect(first).rejects.toThrow('a failed');
    await expect(second).resolves.toBe('b');
  });

  it('lets tasks under different names run at once (the control)', async () => {
    const locks = promiseChainLocks();
    const log: string[] = [];
    const a = heldTask(log, 'a');
    const b = heldTask(log, 'b');
    const both = Promise.all([locks.request('one database', a.task), locks.request('another database', b.task)]);
    await Promise.all([a.running, b.running]);
    expect(log).toEqual(['a starts', 'b starts']);
    a.release();
    b.release();
    await both;
  });
});

describe('which lock the outbox takes', () => {
  it('takes the browser’s Web Locks where there are any, and the in-context chain where there are none', () => {
    const browserLocks = webLocks();
    expect(availableLocks({ navigator: { locks: browserLocks } })).toBe(browserLocks);
    const chain = availableLocks({});
    expect(availableLocks({ navigator: {} })).toBe(chain);
    expect(chain).not.toBe(browserLocks);
  });

  it('shares one lock between connections to one database, and none between two databases', async () => {
    const log: string[] = [];
    const held = heldTask(log, 'first connection');
    const same = heldTask(log, 'second connection');
    const other = heldTask(log, 'other database');
    const locks = promiseChainLocks();
    const runs = [
      serialised({ name: 'ingroup-privacy' }, held.task, locks),
      serialised({ name: 'ingroup-privacy' }, same.task, locks),
      serialised({ name: 'ingroup-privacy-other' }, other.task, locks),
    ];
    await Promise.all([held.running, other.running]);
    await settle();
    expect(log).toEqual(['first connection starts', 'other database starts']);
    held.release();
    same.release();
    other.release();
    await Promise.all(runs);
    expect(outboxLockName({ name: 'ingroup-privacy' })).not.toBe(outboxLockName({ name: 'ingroup-privacy-other' }));
  });
});

describe('the outbox under one lock', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  /** An endpoint that receives each request and answers "in progress" to each status check, logging both. */
  function endpoint(log: string[], hold?: Promise<void>): OutboxDeps {
    const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
      if (init?.method === 'POST') {
        const { id } = JSON.parse(init.body as string) as { id: string };
        log.push(`POST ${id}`);
        await hold;
        log.push(`receipt ${id}`);
        return new Response(
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
      }
      const id = new URL(url).pathname.split('/').pop() ?? '';
      log.push(`GET ${id}`);
      return new Response(
        JSON.stringify({ id, reference: 'ING-1', status: 'in_progress', updatedAt: new Date(NOW).toISOString() }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      );
    };
    return { base: 'https://api.ingru.ru/privacy/v1', fetch, now: () => NOW, random: () => 0.5, concurrency: 2 };
  }

  it('holds the browser’s Web Lock for each round, one holder at a time, and sends each request once', async () => {
    const locks = webLocks();
    vi.stubGlobal('navigator', { locks });
    const log: string[] = [];
    const deps = endpoint(log);
    const [first, second] = [
      await enqueue(db(), makeBody(), 'endpoint', NOW),
      await enqueue(db(), makeBody(), 'endpoint', NOW),
    ];
    await db().requests.update(second.id, { outboxDueAt: undefined, pollDueAt: NOW, polls: 0 });
    await Promise.all([drain(db(), deps), pollDue(db(), deps), attemptSend(db(), first.id, deps)]);
    expect(locks.asked).toEqual([outboxLockName(db()), outboxLockName(db()), outboxLockName(db())]);
    expect(locks.mostHeldAtOnce()).toBe(1);
    expect(log.filter((line) => line.startsWith('POST'))).toEqual([`POST ${first.id}`]);
  });

  it('starts a status round only when the send round on the wire has finished (no Web Locks here)', async () => {
    expect(globalThis.navigator?.locks).toBeUndefined();
    const log: string[] = [];
    let answer: () => void = () => undefined;
    const deps = endpoint(log, new Promise<void>((resolve) => (answer = resolve)));
    const sent = await enqueue(db(), makeBody(), 'endpoint', NOW);
    const followed = await enqueue(db(), makeBody(), 'endpoint', NOW);
    await db().requests.update(followed.id, { outboxDueAt: undefined, pollDueAt: NOW, polls: 0 });
    const rounds = Promise.all([drain(db(), deps), pollDue(db(), deps)]);
    await vi.waitFor(() => expect(log).toEqual([`POST ${sent.id}`]));
    await settle();
    expect(log).toEqual([`POST ${sent.id}`]);
    answer();
    await rounds;
    expect(log).toEqual([`POST ${sent.id}`, `receipt ${sent.id}`, `GET ${followed.id}`]);
  });
});
