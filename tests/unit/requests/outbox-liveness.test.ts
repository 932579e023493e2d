/**
 * What each answer of the endpoint says of it (lib/requests/liveness.ts): a receipt, a status or
 * a catalog proves it exists; no connection or an HTTP error is noted as its last problem; a 2xx
 * off the contract is neither.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { loadCatalog } from '@/lib/catalog/load';
import { db, resetDbForTests } from '@/lib/store/db';
import { readLiveness } from '@/lib/store/liveness';
import { attemptSend, enqueue, type OutboxDeps } from '@/lib/requests/outbox';
import { makeBody } from './fixtures';

const BASE = 'https://api.ingru.ru/privacy/v1';
const NOW = Date.parse('2026-11-02T09:00:00Z');

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

function deps(answer: (body: { id: string }) => Response | Promise<Response>): OutboxDeps {
  return {
    base: BASE,
    fetch: async (_url, init) => answer(JSON.parse(init.body as string) as { id: string }),
    now: () => NOW,
    random: () => 0.5,
  };
}

async function sendOne(answer: Parameters<typeof deps>[0]): Promise<void> {
  const record = await enqueue(db(), makeBody(), 'endpoint', NOW);
  await attemptSend(db(), record.id, deps(answer));
}

describe('what a send attempt says of the endpoint', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('notes no connection when the name does not resolve, and that it never answered', async () => {
    await sendOne(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: null, failedAt: NOW, problem: 'unreachable' });
  });

  it('notes an HTTP error, which is not an answer', async () => {
    await sendOne(() => json(503, { title: 'Unavailable' }, { 'retry-after': '86400' }));
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: null, problem: 'http', httpStatus: 503 });
  });

  it('takes a receipt as an answer', async () => {
    await sendOne((body) =>
      json(202, {
        id: body.id,
        reference: 'IG-1',
        status: 'received',
        receivedAt: '2026-11-02T09:00:00Z',
        verification: 'none',
      }),
    );
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: NOW, answeredVia: 'request' });
  });

  it('takes a 2xx off the contract as neither an answer nor a failure', async () => {
    await sendOne(() => json(200, { hello: 'parked domain' }));
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: null, failedAt: null });
  });
});

describe('what the catalog fetch says of the endpoint', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('takes a catalog in the documented shape as an answer', async () => {
    await loadCatalog({ db: db(), base: BASE, now: () => NOW, fetch: async () => json(200, BUNDLED_CATALOG) });
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: NOW, answeredVia: 'catalog' });
  });

  it('notes a catalog that could not be fetched, and keeps the bundled one', async () => {
    const loaded = await loadCatalog({
      db: db(),
      base: BASE,
      now: () => NOW,
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
    });
    expect(loaded.source).toBe('bundled');
    expect(await readLiveness(db(), BASE)).toMatchObject({ answeredAt: null, problem: 'unreachable' });
  });
});
