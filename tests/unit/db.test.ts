import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { appendConsents, allEvents, verifyLedger } from '@/lib/consent/ledger';
import { PrivacyDb, SCHEMA_V1 } from '@/lib/db';
import { POLICY_VERSION } from '@/lib/policy';

const NAME = 'ingroup-privacy-migration-test';

async function eventsMadeElsewhere(count: number): Promise<unknown[]> {
  const scratch = new PrivacyDb('ingroup-privacy-scratch');
  await appendConsents(
    scratch,
    Array.from({ length: count }, (_, i) => ({
      account: { id: 31415926, host: i % 2 ? 'demo.amocrm.ru' : 'acme.kommo.com' },
      adminUserId: 7001001,
      purpose: (['marketing', 'improvements', 'third_party_combination'] as const)[i % 3]!,
      state: i % 4 ? ('refused' as const) : ('given' as const),
      method: 'popup' as const,
      policy: POLICY_VERSION,
      extensionVersion: '0.1.0',
    })),
  );
  const rows = await scratch.ledger.orderBy('seq').toArray();
  await scratch.delete();
  return rows;
}

describe('database migrations', () => {
  afterEach(async () => {
    await Dexie.delete(NAME);
  });

  it('keeps every ledger event and request when a version 1 database is opened by this release', async () => {
    const events = await eventsMadeElsewhere(60);
    const v1 = new Dexie(NAME);
    v1.version(1).stores(SCHEMA_V1);
    await v1.table('ledger').bulkAdd(events);
    await v1.table('requests').bulkAdd([
      { id: 'a', host: 'demo.amocrm.ru', createdAt: 1 },
      { id: 'b', host: 'demo.amocrm.ru', createdAt: 3 },
      { id: 'c', host: 'acme.kommo.com', createdAt: 2 },
    ]);
    v1.close();

    const current = new PrivacyDb(NAME);
    await current.open();
    expect(current.verno).toBe(2);
    expect(await allEvents(current)).toHaveLength(60);
    await expect(verifyLedger(current)).resolves.toMatchObject({ ok: true, count: 60 });
    const newestFirst = await current.requests
      .where('[host+createdAt]')
      .between(['demo.amocrm.ru', Dexie.minKey], ['demo.amocrm.ru', Dexie.maxKey])
      .reverse()
      .primaryKeys();
    expect(newestFirst).toEqual(['b', 'a']);
    current.close();
  });
});
