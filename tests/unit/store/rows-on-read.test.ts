import 'fake-indexeddb/auto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RequestRecord } from '@/lib/requests/record';
import { PrivacyDb } from '@/lib/store/db';
import { watch } from '@/lib/store/live';
import { accountLines, heldRequests, recentRequests } from '@/lib/store/queries';
import { makeRecord } from '../requests/fixtures';

const d = new PrivacyDb(`rows-on-read-${Math.random()}`);
afterAll(() => d.delete());
beforeEach(async () => {
  await Promise.all([d.accounts.clear(), d.requests.clear(), d.choices.clear()]);
});

function request(n: number, overrides: Partial<RequestRecord> = {}): RequestRecord {
  const id = `3f0c6c1e-8a57-4c1f-9a51-${String(n).padStart(12, '0')}`;
  return makeRecord([], { id, host: 'a.amocrm.ru', createdAt: n, ...overrides });
}

describe('rows read back from the store', () => {
  it('a row that no longer parses costs only itself: the other accounts are still listed', async () => {
    await d.accounts.bulkPut([
      { host: 'a.amocrm.ru', subdomain: 'a', firstSeenAt: 1, lastSeenAt: 1 },
      // Written by some older release, or by hand: no subdomain, a regime that does not exist.
      { host: 'broken.amocrm.ru', firstSeenAt: 2, lastSeenAt: 2, regime: 'mars' } as never,
      { host: 'b.amocrm.ru', subdomain: 'b', firstSeenAt: 3, lastSeenAt: 3 },
    ]);
    expect((await accountLines(d)).map((l) => l.account.host)).toEqual(['b.amocrm.ru', 'a.amocrm.ru']);
  });

  it('a request that no longer parses is left out of the list, never the list itself', async () => {
    await d.requests.bulkAdd([request(1), { ...request(2), events: 'lost' } as never, request(3)]);
    expect((await recentRequests(d, 10)).map((r) => r.createdAt)).toEqual([3, 1]);
    // Negative control: read without the store, the bad row is there.
    expect(await d.requests.count()).toBe(3);
  });

  it('holds back only requests bound for another endpoint than the one in force', async () => {
    await d.requests.bulkAdd([
      request(1, { outboxDueAt: 5, endpointOrigin: 'https://old.example.org' }),
      request(2, { outboxDueAt: 5, endpointOrigin: 'https://api.ingru.ru' }),
      request(3, { endpointOrigin: 'https://old.example.org' }),
    ]);
    expect((await heldRequests(d, 'https://api.ingru.ru/privacy/v1')).map((r) => r.createdAt)).toEqual([1]);
  });
});

describe('watching a named query', () => {
  it('gives the result again when a row it read changes, and stops when told', async () => {
    const seen: string[][] = [];
    let changed: () => void = () => undefined;
    const stop = watch(
      accountLines,
      {
        next: (lines) => {
          seen.push(lines.map((l) => l.account.host));
          changed();
        },
        error: (error) => {
          throw error;
        },
      },
      d,
    );
    await new Promise<void>((resolve) => (changed = resolve));
    const again = new Promise<void>((resolve) => (changed = resolve));
    await d.accounts.put({ host: 'c.amocrm.ru', subdomain: 'c', firstSeenAt: 9, lastSeenAt: 9 });
    await again;
    stop();
    await d.accounts.put({ host: 'd.amocrm.ru', subdomain: 'd', firstSeenAt: 10, lastSeenAt: 10 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toEqual([[], ['c.amocrm.ru']]);
  });
});
