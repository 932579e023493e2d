import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PrivacyDb } from '@/lib/store/db';
import { marketingRequests } from '@/lib/store/requests';
import type { RequestRecord } from '@/lib/requests/record';
import { makeRecord } from '../requests/fixtures';

let n = 0;
function request(host: string, type: RequestRecord['type'], createdAt: number): RequestRecord {
  n += 1;
  const id = `3f0c6c1e-8a57-4c1f-9a51-${String(n).padStart(12, '0')}`;
  return makeRecord([], { id, host, type, createdAt });
}

describe("each account's last marketing request", () => {
  const d = new PrivacyDb(`last-marketing-${Math.random()}`);
  afterEach(async () => {
    await d.requests.clear();
  });

  it('is the newest opt-out or opt-in of that account, past newer requests of other types, and none for an account without one', async () => {
    await d.requests.bulkAdd([
      request('a.amocrm.ru', 'marketing_opt_out', 1),
      request('a.amocrm.ru', 'marketing_opt_in', 2),
      request('a.amocrm.ru', 'erasure', 3),
      request('b.amocrm.ru', 'marketing_opt_out', 5),
      request('b.amocrm.ru', 'marketing_opt_in', 4),
      request('c.amocrm.ru', 'access', 6),
      request('ab.amocrm.ru', 'marketing_opt_out', 9),
    ]);
    const last = await marketingRequests(d, ['a.amocrm.ru', 'b.amocrm.ru', 'c.amocrm.ru']);
    expect([...last].map(([host, r]) => [host, r.type, r.createdAt])).toEqual([
      ['a.amocrm.ru', 'marketing_opt_in', 2],
      ['b.amocrm.ru', 'marketing_opt_out', 5],
    ]);
  });
});
