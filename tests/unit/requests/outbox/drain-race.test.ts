// @vitest-environment node
/**
 * Two workers of one drain reading the queue at once can both find the same due request: each
 * read runs before the other worker claims what it found. fake-indexeddb's timing alone never
 * shows this (a claim always runs before the other cursor reaches the row), so here each of the
 * first two reads is held until both have their answer. The request still goes out once.
 */
import { beforeEach, expect, it, vi } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { drain, enqueue, type OutboxDeps } from '@/lib/requests/outbox';
import * as rows from '@/lib/requests/outbox/rows';
import { makeBody } from '../fixtures';

const NOW = Date.parse('2026-03-02T09:00:00Z');
/** How long a held read waits for the other one before it goes on anyway. */
const PATIENCE_MS = 500;

beforeEach(async () => {
  await resetDbForTests();
});

it('sends a request once when both workers of a drain found it', async () => {
  const real = { firstDueToSend: rows.firstDueToSend };
  const found: Array<string | undefined> = [];
  let held: Array<() => void> = [];
  vi.spyOn(rows, 'firstDueToSend').mockImplementation(async (...args) => {
    const row = await real.firstDueToSend(...args);
    if (found.length < 2) {
      found.push(row?.id);
      await new Promise<void>((resolve) => {
        held.push(resolve);
        if (held.length === 2) {
          held.forEach((go) => go());
          held = [];
        } else setTimeout(resolve, PATIENCE_MS);
      });
    }
    return row;
  });
  const posted: string[] = [];
  const deps: OutboxDeps = {
    base: 'https://api.ingru.ru/privacy/v1',
    fetch: async (_url: string, init?: RequestInit): Promise<Response> => {
      const { id } = JSON.parse(init?.body as string) as { id: string };
      posted.push(id);
      const receipt = {
        id,
        reference: 'ING-1',
        status: 'received',
        receivedAt: new Date(NOW).toISOString(),
        verification: 'none',
      };
      return new Response(JSON.stringify(receipt), { status: 202, headers: { 'content-type': 'application/json' } });
    },
    now: () => NOW,
    random: () => 0.5,
    concurrency: 2,
  };
  const record = await enqueue(db(), makeBody(), 'endpoint', NOW);

  const result = await drain(db(), deps);

  // The race was staged: both workers' first reads found the request.
  expect(found).toEqual([record.id, record.id]);
  expect(posted).toEqual([record.id]);
  expect(result).toMatchObject({ sent: 1, retried: 0, failed: 0 });
});
