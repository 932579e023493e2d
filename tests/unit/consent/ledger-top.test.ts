/** The ledger's head as Options shows it and every request carries it: one row, read from the top. */
import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { GENESIS_HASH } from '@/lib/consent/event';
import { ledgerHead, ledgerTop } from '@/lib/consent/verify';
import { consentInput, recordOne } from './fixtures';

beforeEach(async () => {
  await resetDbForTests();
});

describe('ledgerTop and ledgerHead', () => {
  it('an empty ledger: sixty-four zeros, no time, no events', async () => {
    expect(await ledgerTop(db())).toEqual({ headHash: GENESIS_HASH, at: null });
    expect(await ledgerHead(db())).toEqual({ headHash: GENESIS_HASH, at: null, events: 0 });
  });

  it('the newest event’s hash and time, with the count', async () => {
    await recordOne(db(), consentInput({ timestamp: '2026-11-25T09:30:00.000+03:00' }));
    const last = await recordOne(db(), consentInput({ state: 'given', timestamp: '2026-11-26T10:00:00.000+03:00' }));
    expect(await ledgerTop(db())).toEqual({ headHash: last.hash, at: '2026-11-26T10:00:00.000+03:00' });
    expect(await ledgerHead(db())).toEqual({ headHash: last.hash, at: '2026-11-26T10:00:00.000+03:00', events: 2 });
  });
});
