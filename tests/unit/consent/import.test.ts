import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/db';
import { ledgerFileJson } from '@/lib/consent/export';
import { importLedger } from '@/lib/consent/import';
import { allEvents, appendConsent, currentChoices } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { buildChain, consentInput } from './fixtures';

beforeEach(async () => {
  await resetDbForTests();
});

async function snapshot(): Promise<string> {
  return JSON.stringify(await allEvents(db()));
}

describe('importLedger', () => {
  it('appends the file’s events as imports, keeping their original fields, on an intact local chain', async () => {
    await appendConsent(db(), consentInput());
    const file = await buildChain(4);
    const result = await importLedger(db(), ledgerFileJson(file));
    expect(result).toEqual({ added: 4, duplicates: 0, rejected: [] });
    const local = await allEvents(db());
    expect(local).toHaveLength(5);
    expect(local.slice(1).map((e) => [e.method, e.importedFrom?.id, e.importedFrom?.hash, e.timestamp, e.state])).toEqual(
      file.map((e) => ['import', e.id, e.hash, e.timestamp, e.state]),
    );
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 5 });
  });

  it('adds nothing when the same file is imported again', async () => {
    const text = ledgerFileJson(await buildChain(4));
    await importLedger(db(), text);
    expect(await importLedger(db(), text)).toEqual({ added: 0, duplicates: 4, rejected: [] });
    expect(await db().ledger.count()).toBe(4);
  });

  it('adds nothing when this ledger’s own export, or an export of an import, comes back', async () => {
    await appendConsent(db(), consentInput());
    await importLedger(db(), ledgerFileJson(await buildChain(2)));
    const own = ledgerFileJson(await allEvents(db()));
    expect(await importLedger(db(), own)).toEqual({ added: 0, duplicates: 3, rejected: [] });
  });

  it('merges in timestamp order, whatever the file’s order', async () => {
    const backwards = await buildChain(3, Date.UTC(2026, 0, 1), -60_000);
    await importLedger(db(), ledgerFileJson(backwards));
    expect((await allEvents(db())).map((e) => e.importedFrom?.id)).toEqual(backwards.map((e) => e.id).reverse());
  });

  it('does not let an imported older choice override a newer local one', async () => {
    await appendConsent(db(), consentInput({ state: 'refused', timestamp: '2026-11-25T09:30:00.000+03:00', account: { id: 31000000, host: 'fixture-0.amocrm.ru' } }));
    await importLedger(db(), ledgerFileJson(await buildChain(1, Date.UTC(2025, 0, 1))));
    expect((await currentChoices(db(), 'fixture-0.amocrm.ru')).marketing?.state).toBe('refused');
  });

  describe('changes nothing and says why', () => {
    beforeEach(async () => {
      await appendConsent(db(), consentInput());
      await appendConsent(db(), consentInput({ state: 'given' }));
    });

    async function expectRefused(text: string, index: number, reason: RegExp): Promise<void> {
      const before = await snapshot();
      const result = await importLedger(db(), text);
      expect(result.added).toBe(0);
      expect(result.rejected).toEqual([{ index, reason: expect.stringMatching(reason) }]);
      expect(result.rejected[0]!.reason).toMatch(/Nothing was imported/);
      expect(await snapshot()).toBe(before);
    }

    it('for a file edited after export', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(4)));
      file.events[2].state = 'given' === file.events[2].state ? 'refused' : 'given';
      await expectRefused(JSON.stringify(file), 2, /Event #3 .* changed after it was recorded/);
    });

    it('for a file with an event deleted', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(4)));
      file.events.splice(1, 1);
      await expectRefused(JSON.stringify(file), 1, /events between them were deleted, or event #1 was changed/);
    });

    it('for a file with events reordered', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(4)));
      file.events.reverse();
      await expectRefused(JSON.stringify(file), 0, /out of order/);
    });

    it('for text that is not JSON', async () => {
      await expectRefused('{"format": "ingroup-privacy-ledger", ', -1, /not valid JSON/);
    });

    it('for JSON that is not a ledger export', async () => {
      await expectRefused(JSON.stringify({ format: 'something-else', events: [] }), -1, /not an Ingroup privacy ledger export/);
      await expectRefused(JSON.stringify([1, 2, 3]), -1, /not an Ingroup privacy ledger export/);
    });

    it('for a ledger export of a newer version', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(1)));
      file.version = 2;
      await expectRefused(JSON.stringify(file), -1, /version 2.*Update the extension/);
    });

    it('for a malformed event, naming it', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(3)));
      file.events[1].host = 'evil.example.com';
      file.events[1].account.host = 'evil.example.com';
      await expectRefused(JSON.stringify(file), 1, /Event #2 in the file is malformed \(account\.host: expected an amoCRM account host\)/);
    });

    it.each([
      ['a timestamp without its offset', (e: Record<string, unknown>) => (e.timestamp = '2026-11-25T06:30:00'), /\(timestamp: not a date and time with its UTC offset \(ISO 8601\)\)/],
      ['no extension version', (e: Record<string, unknown>) => delete e.extensionVersion, /\(extensionVersion: missing\)/],
      ['an empty extension version', (e: Record<string, unknown>) => (e.extensionVersion = ''), /\(extensionVersion: empty\)/],
      ['an unknown purpose', (e: Record<string, unknown>) => (e.purpose = 'spam'), /\(purpose: expected "marketing" or "improvements" or "third_party_combination"\)/],
      ['an admin id as text', (e: Record<string, unknown>) => (e.adminUserId = '7001'), /\(adminUserId: expected number, got string\)/],
      ['a short hash', (e: Record<string, unknown>) => (e.hash = 'abc'), /\(hash: expected a SHA-256 as 64 lowercase hex digits\)/],
    ])('for an event with %s, saying what is wrong in plain words', async (_name, spoil, reason) => {
      const file = JSON.parse(ledgerFileJson(await buildChain(3)));
      spoil(file.events[1]);
      await expectRefused(JSON.stringify(file), 1, reason);
    });

    it('for an export without its date, naming the field', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(1)));
      delete file.exportedAt;
      await expectRefused(JSON.stringify(file), -1, /incomplete \(exportedAt: missing\)/);
    });
  });
});
