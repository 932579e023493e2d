import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { GENESIS_HASH, ZonedTimestamp } from '@/lib/consent/event';
import { appendConsents, currentChoices, CurrentChoicesSchema, history } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { consentInput, recordOne } from './fixtures';

beforeEach(async () => {
  await resetDbForTests();
});

describe('appendConsents, one choice at a time', () => {
  it('chains each event to the one before, starting from 64 zeros', async () => {
    const first = await recordOne(db(), consentInput());
    const second = await recordOne(db(), consentInput({ purpose: 'improvements', state: 'given' }));
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(second.prevHash).toBe(first.hash);
    expect(second.seq).toBeGreaterThan(first.seq!);
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 2 });
  });

  it('stamps the event with its time zone and duplicates the host for the index', async () => {
    const event = await recordOne(db(), consentInput());
    expect(ZonedTimestamp.safeParse(event.timestamp).success).toBe(true);
    expect(event.timestamp).toMatch(/(Z|[+-]\d{2}:\d{2})$/);
    expect(event.host).toBe(event.account.host);
  });

  it('keeps the chain whole when many choices are recorded at once', async () => {
    const purposes = ['marketing', 'improvements', 'third_party_combination'] as const;
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        recordOne(db(), consentInput({ purpose: purposes[i % 3]!, state: i % 2 ? 'given' : 'refused' })),
      ),
    );
    await appendConsents(db(), [consentInput(), consentInput({ state: 'given' })]);
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 32 });
  });

  it('refuses an event for a host that is not an amoCRM account, writing nothing', async () => {
    await expect(recordOne(db(), consentInput({ account: { id: 1, host: 'evil.example.com' } }))).rejects.toThrow();
    expect(await db().ledger.count()).toBe(0);
  });
});

describe('currentChoices', () => {
  const host = 'fixture-agency.amocrm.ru';

  it('is null for every purpose before any choice', async () => {
    expect(await currentChoices(db(), host)).toEqual({
      marketing: null,
      improvements: null,
      third_party_combination: null,
    });
  });

  it('reflects the last event per purpose and account', async () => {
    await recordOne(db(), consentInput({ state: 'given' }));
    await recordOne(db(), consentInput({ purpose: 'improvements', state: 'refused' }));
    const last = await recordOne(db(), consentInput({ state: 'withdrawn' }));
    await recordOne(db(), consentInput({ account: { id: 2, host: 'fixture-other.kommo.com' }, state: 'given' }));
    const choices = await currentChoices(db(), host);
    expect(choices.marketing).toEqual({
      state: 'withdrawn',
      at: last.timestamp,
      policy: last.policy,
      eventId: last.id,
    });
    expect(choices.improvements?.state).toBe('refused');
    expect(choices.third_party_combination).toBeNull();
    expect((await currentChoices(db(), 'fixture-other.kommo.com')).marketing?.state).toBe('given');
  });

  it('lets a later choice win over an older one recorded afterwards (e.g. imported)', async () => {
    await recordOne(db(), consentInput({ state: 'refused', timestamp: '2026-11-25T09:30:00.000+03:00' }));
    await recordOne(
      db(),
      consentInput({ state: 'given', method: 'import', timestamp: '2025-01-10T09:30:00.000+03:00' }),
    );
    expect((await currentChoices(db(), host)).marketing?.state).toBe('refused');
  });

  it('reaches the panel whole: the schema the panel parses it with keeps every field, and refuses a state it does not know', async () => {
    await recordOne(db(), consentInput({ state: 'given' }));
    const choices = await currentChoices(db(), host);
    expect(CurrentChoicesSchema.parse(choices)).toEqual(choices);
    expect(choices.marketing).toMatchObject({ state: 'given', policy: consentInput().policy });
    expect(
      CurrentChoicesSchema.safeParse({ ...choices, marketing: { ...choices.marketing, state: 'maybe' } }).success,
    ).toBe(false);
  });
});

describe('history', () => {
  it('lists one account’s events, oldest first', async () => {
    const a = await recordOne(db(), consentInput({ state: 'given' }));
    await recordOne(db(), consentInput({ account: { id: 2, host: 'fixture-other.kommo.com' } }));
    const b = await recordOne(db(), consentInput({ state: 'refused' }));
    expect((await history(db(), 'fixture-agency.amocrm.ru')).map((e) => e.id)).toEqual([a.id, b.id]);
  });
});
