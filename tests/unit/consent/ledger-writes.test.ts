/**
 * Writing the consent ledger when something else writes too: an append whose head moved while it
 * was hashing is chained again onto the new head, never written beside it; one that keeps losing
 * the race gives up in words and writes nothing. And what an event records, field by field.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { GENESIS_HASH, type LedgerEvent } from '@/lib/consent/event';
import { allEvents, appendConsents, LedgerWriteFailed } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { buildChain, consentInput, POLICY, recordOne } from './fixtures';

beforeEach(async () => {
  await resetDbForTests();
});

/** Every time the append hashes, another writer first adds the next of `foreign` to the ledger. */
function anotherWriterDuringHashing(foreign: LedgerEvent[], times = foreign.length): { added: () => number } {
  let added = 0;
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'digest').mockImplementation(async (algorithm, data) => {
    if (added < times) await db().ledger.add(foreign[added++]!);
    return digest(algorithm, data);
  });
  return { added: () => added };
}

describe('appends racing another writer', () => {
  it('chains the event onto the head that moved while it was hashed', async () => {
    const foreign = await buildChain(1);
    const writer = anotherWriterDuringHashing(foreign, 1);
    const event = await recordOne(db(), consentInput());
    expect(writer.added()).toBe(1);
    expect(event.prevHash).toBe(foreign[0]!.hash);
    expect((await allEvents(db())).map((e) => e.id)).toEqual([foreign[0]!.id, event.id]);
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 2 });
  });

  it('gives up after five tries, in words, and writes nothing of its own', async () => {
    const foreign = await buildChain(5);
    anotherWriterDuringHashing(foreign);
    const attempt = recordOne(db(), consentInput());
    await expect(attempt).rejects.toBeInstanceOf(LedgerWriteFailed);
    await expect(attempt).rejects.toThrow(
      'The consent ledger kept changing while this choice was being recorded; nothing was written. Try again.',
    );
    await expect(attempt).rejects.toMatchObject({ code: 'ledger/write_failed', name: 'LedgerWriteFailed' });
    expect((await allEvents(db())).map((e) => e.id)).toEqual(foreign.map((e) => e.id));
    // The next append is not blocked by the failed one.
    vi.restoreAllMocks();
    const next = await recordOne(db(), consentInput());
    expect(next.prevHash).toBe(foreign[4]!.hash);
  });

  it('succeeds on the fifth try', async () => {
    const foreign = await buildChain(4);
    anotherWriterDuringHashing(foreign);
    const event = await recordOne(db(), consentInput());
    expect(event.prevHash).toBe(foreign[3]!.hash);
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 5 });
  });

  it('passes on an error that is not a race, and keeps the queue going', async () => {
    await expect(recordOne(db(), consentInput({ account: { id: 1, host: 'evil.example.com' } }))).rejects.toThrow();
    vi.spyOn(db().ledger, 'bulkAdd').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(recordOne(db(), consentInput())).rejects.toThrow('QuotaExceededError');
    expect(await db().ledger.count()).toBe(0);
    expect((await recordOne(db(), consentInput())).prevHash).toBe(GENESIS_HASH);
  });
});

describe('what an event records', () => {
  it('the choice as given, with the time it was given', async () => {
    const importedFrom = {
      id: '00000000-0000-4000-8000-00000000abcd',
      hash: 'ab'.repeat(32),
      method: 'panel' as const,
    };
    const event = await recordOne(
      db(),
      consentInput({
        account: { id: 31000001, host: 'fixture-agency.amocrm.ru' },
        adminUserId: 7001,
        purpose: 'third_party_combination',
        state: 'withdrawn',
        method: 'import',
        timestamp: '2026-11-25T09:30:00.000+03:00',
        importedFrom,
      }),
    );
    const { id, hash, seq, ...rest } = event;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(seq).toBe(1);
    expect(rest).toEqual({
      timestamp: '2026-11-25T09:30:00.000+03:00',
      account: { id: 31000001, host: 'fixture-agency.amocrm.ru' },
      host: 'fixture-agency.amocrm.ru',
      adminUserId: 7001,
      purpose: 'third_party_combination',
      state: 'withdrawn',
      method: 'import',
      policy: POLICY,
      extensionVersion: '0.1.0',
      importedFrom,
      prevHash: GENESIS_HASH,
    });
    expect(await db().ledger.get(1)).toEqual(event);
  });

  it('no import reference on a choice made here', async () => {
    expect(await recordOne(db(), consentInput())).not.toHaveProperty('importedFrom');
  });

  it('nothing at all for an empty batch', async () => {
    expect(await appendConsents(db(), [])).toEqual([]);
    expect(await db().ledger.count()).toBe(0);
  });

  it('a batch in the order given, each linked to the one before', async () => {
    const events = await appendConsents(db(), [
      consentInput({ state: 'given' }),
      consentInput({ state: 'refused' }),
      consentInput({ state: 'withdrawn' }),
    ]);
    expect(events.map((e) => e.state)).toEqual(['given', 'refused', 'withdrawn']);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
    expect(await allEvents(db())).toEqual(events);
  });
});
