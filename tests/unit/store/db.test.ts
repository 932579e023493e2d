import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { latestChoices, type StoredEvent } from '@/lib/consent/choices';
import { appendConsents, allEvents, currentChoices } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { PrivacyDb, SCHEMA_V1, SCHEMA_V2, SCHEMA_V4_ADDED } from '@/lib/store/db';
import { readLiveness } from '@/lib/store/liveness';
import { makeRecord } from '../requests/fixtures';
import { POLICY_VERSION } from '@/lib/policy';

const NAME = 'ingroup-privacy-migration-test';

async function eventsMadeElsewhere(count: number): Promise<StoredEvent[]> {
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
  const rows = (await scratch.ledger.orderBy('seq').toArray()) as StoredEvent[];
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
    expect(current.verno).toBe(5);
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

  it('fills the choices in force from the ledger when a version 2 database is opened by this release', async () => {
    const events = await eventsMadeElsewhere(60);
    // An older choice recorded last (as an import leaves it) must not show over a newer one.
    const older = {
      ...events[0]!,
      id: '00000000-0000-4000-8000-000000000999',
      seq: 61,
      timestamp: '2020-01-01T00:00:00.000+03:00',
      state: 'withdrawn' as const,
      method: 'import' as const,
    };
    const v2 = new Dexie(NAME);
    v2.version(2).stores(SCHEMA_V2);
    await v2.table('ledger').bulkAdd([...events, older]);
    v2.close();

    const current = new PrivacyDb(NAME);
    await current.open();
    expect(current.verno).toBe(5);
    const rows = await current.choices.toArray();
    expect(rows).toHaveLength(6);
    expect(rows).toEqual(expect.arrayContaining(latestChoices(events)));
    const acme = await currentChoices(current, 'acme.kommo.com');
    const lastAcmeMarketing = events.filter((e) => e.host === 'acme.kommo.com' && e.purpose === 'marketing').at(-1)!;
    expect(acme.marketing).toEqual({
      state: lastAcmeMarketing.state,
      at: lastAcmeMarketing.timestamp,
      policy: lastAcmeMarketing.policy,
      eventId: lastAcmeMarketing.id,
    });
    expect(await current.choices.where('purpose').equals('marketing').count()).toBe(2);
    current.close();
  });

  it('counts failed and emailed requests as open, and keeps what old data proves of the endpoint, when a version 4 database is opened by this release', async () => {
    const v4 = new Dexie(NAME);
    v4.version(4).stores({ ...SCHEMA_V2, choices: '[host+purpose], purpose', ...SCHEMA_V4_ADDED });
    const failed = makeRecord([
      { at: 1, kind: 'queued' },
      { at: 2, kind: 'failed', detail: 'gave up' },
    ]);
    const emailed = makeRecord(
      [
        { at: 1, kind: 'queued' },
        { at: 2, kind: 'email_sent' },
      ],
      { channel: 'email' },
    );
    const completed = makeRecord(
      [
        { at: 1, kind: 'queued' },
        { at: 2, kind: 'sent' },
        { at: 2, kind: 'received', reference: 'IG-1' },
        { at: 3, kind: 'status', status: 'completed', reference: 'IG-1' },
      ],
      {
        endpointOrigin: 'https://api.ingru.ru',
        receipt: {
          id: 'x',
          reference: 'IG-1',
          status: 'received',
          receivedAt: '2026-03-02T09:00:00Z',
          verification: 'none',
        },
      },
    );
    await v4.table('requests').bulkAdd([failed, emailed, completed]);
    v4.close();

    const current = new PrivacyDb(NAME);
    await current.open();
    expect(current.verno).toBe(5);
    const open = (await current.requests.where('openSince').above(0).primaryKeys()).sort();
    expect(open).toEqual([failed.id, emailed.id].sort());
    // A receipt is an answer: the endpoint it came from is known to exist; another one is not.
    const liveness = await readLiveness(current, 'https://api.ingru.ru/privacy/v1');
    expect(liveness).toMatchObject({ answeredAt: Date.parse('2026-03-02T09:00:00Z'), answeredVia: 'request' });
    expect((await readLiveness(current, 'https://privacy.example.org/v1')).answeredAt).toBeNull();
    current.close();
  });
});
