import { beforeEach, describe, expect, it } from 'vitest';
import { db, resetDbForTests } from '@/lib/store/db';
import { ledgerFileJson } from '@/lib/consent/export';
import { FUTURE_SLACK_MS, importLedger, type ImportRejection } from '@/lib/consent/import';
import { allEvents, currentChoices } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { buildChain, chainEvents, consentInput, recordOne } from './fixtures';
import type { ErrorCode } from '@/lib/errors';
import type { LedgerEvent } from '@/lib/consent/event';

beforeEach(async () => {
  await resetDbForTests();
});

async function snapshot(): Promise<string> {
  return JSON.stringify(await allEvents(db()));
}

describe('importLedger', () => {
  it('appends the file’s events as imports, keeping their original fields, on an intact local chain', async () => {
    await recordOne(db(), consentInput());
    const file = await buildChain(4);
    const result = await importLedger(db(), ledgerFileJson(file));
    expect(result).toEqual({ added: 4, duplicates: 0, rejected: [] });
    const local = await allEvents(db());
    expect(local).toHaveLength(5);
    expect(
      local.slice(1).map((e) => [e.method, e.importedFrom?.id, e.importedFrom?.hash, e.timestamp, e.state]),
    ).toEqual(file.map((e) => ['import', e.id, e.hash, e.timestamp, e.state]));
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 5 });
  });

  it('adds nothing when the same file is imported again', async () => {
    const text = ledgerFileJson(await buildChain(4));
    await importLedger(db(), text);
    expect(await importLedger(db(), text)).toEqual({ added: 0, duplicates: 4, rejected: [] });
    expect(await db().ledger.count()).toBe(4);
  });

  it('adds nothing when this ledger’s own export, or an export of an import, comes back', async () => {
    await recordOne(db(), consentInput());
    await importLedger(db(), ledgerFileJson(await buildChain(2)));
    const own = ledgerFileJson(await allEvents(db()));
    expect(await importLedger(db(), own)).toEqual({ added: 0, duplicates: 3, rejected: [] });
  });

  it('merges events of the same instant in id order, whatever the file’s order', async () => {
    const at = '2026-11-30T10:00:00.000+03:00';
    const later = '2026-11-30T10:00:01.000+03:00';
    const id = (n: number): string => `00000000-0000-4000-8000-00000000000${n}`;
    const spec = (n: number, timestamp: string) =>
      ({
        id: id(n),
        timestamp,
        host: 'fixture-agency.amocrm.ru',
        accountId: 31000001,
        purpose: 'marketing',
        state: 'given',
      }) as const;
    const file = await chainEvents([
      spec(6, later),
      spec(2, at),
      spec(4, at),
      spec(1, at),
      spec(3, at),
      spec(5, later),
    ]);
    await importLedger(db(), ledgerFileJson(file));
    expect((await allEvents(db())).map((e) => e.importedFrom?.id)).toEqual([1, 2, 3, 4, 5, 6].map(id));
  });

  it('adds once a choice that arrives by two roads: the original, and another browser’s import of it', async () => {
    const original = ledgerFileJson(await buildChain(3));
    await importLedger(db(), original);
    const otherBrowsers = ledgerFileJson(await allEvents(db()));
    await resetDbForTests();
    await importLedger(db(), original);
    expect(await importLedger(db(), otherBrowsers)).toEqual({ added: 0, duplicates: 3, rejected: [] });
    expect(await db().ledger.count()).toBe(3);
  });

  it('merges in timestamp order, whatever the file’s order', async () => {
    const backwards = await buildChain(3, Date.UTC(2026, 0, 1), -60_000);
    await importLedger(db(), ledgerFileJson(backwards));
    expect((await allEvents(db())).map((e) => e.importedFrom?.id)).toEqual(backwards.map((e) => e.id).reverse());
  });

  it('does not let an imported older choice override a newer local one', async () => {
    await recordOne(
      db(),
      consentInput({
        state: 'refused',
        timestamp: '2026-11-25T09:30:00.000+03:00',
        account: { id: 31000000, host: 'fixture-0.amocrm.ru' },
      }),
    );
    await importLedger(db(), ledgerFileJson(await buildChain(1, Date.UTC(2025, 0, 1))));
    expect((await currentChoices(db(), 'fixture-0.amocrm.ru')).marketing?.state).toBe('refused');
  });

  describe('changes nothing and says why', () => {
    beforeEach(async () => {
      await recordOne(db(), consentInput());
      await recordOne(db(), consentInput({ state: 'given' }));
    });

    async function expectRefused(text: string, index: number, reason: RegExp, code?: ErrorCode): Promise<void> {
      const before = await snapshot();
      const result = await importLedger(db(), text);
      expect(result.added).toBe(0);
      expect(result.rejected).toEqual([
        { index, error: expect.objectContaining({ v: 1, message: expect.stringMatching(reason) }) },
      ]);
      expect(result.rejected[0]!.error.message).toMatch(/Nothing was imported/);
      expect(result.rejected[0]!.error.code).toMatch(/^ledger\//);
      if (code) expect(result.rejected[0]!.error.code).toBe(code);
      expect(await snapshot()).toBe(before);
    }

    it('for a file edited after export', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(4)));
      file.events[2].state = 'given' === file.events[2].state ? 'refused' : 'given';
      await expectRefused(JSON.stringify(file), 2, /Event #3 .* changed after it was recorded/, 'ledger/chain_broken');
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
      await expectRefused('{"format": "ingroup-privacy-ledger", ', -1, /not valid JSON/, 'ledger/not_json');
    });

    it('for JSON that is not a ledger export', async () => {
      await expectRefused(
        JSON.stringify({ format: 'something-else', events: [] }),
        -1,
        /not an Ingroup privacy ledger export/,
        'ledger/not_export',
      );
      await expectRefused(JSON.stringify([1, 2, 3]), -1, /not an Ingroup privacy ledger export/);
    });

    it('for a ledger export of a newer version', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(1)));
      file.version = 2;
      await expectRefused(JSON.stringify(file), -1, /version 2.*Update the extension/, 'ledger/other_version');
    });

    it('for a malformed event, naming it', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(3)));
      file.events[1].host = 'evil.example.com';
      file.events[1].account.host = 'evil.example.com';
      await expectRefused(
        JSON.stringify(file),
        1,
        /Event #2 in the file is malformed \(account\.host: an amoCRM account host such as example\.amocrm\.ru\)/,
        'ledger/event_malformed',
      );
    });

    it.each([
      [
        'a timestamp without its offset',
        (e: Record<string, unknown>) => (e.timestamp = '2026-11-25T06:30:00'),
        /\(timestamp: not a date and time with its UTC offset \(ISO 8601\)\)/,
      ],
      [
        'no extension version',
        (e: Record<string, unknown>) => delete e.extensionVersion,
        /\(extensionVersion: missing\)/,
      ],
      [
        'an empty extension version',
        (e: Record<string, unknown>) => (e.extensionVersion = ''),
        /\(extensionVersion: empty\)/,
      ],
      [
        'an unknown purpose',
        (e: Record<string, unknown>) => (e.purpose = 'spam'),
        /\(purpose: expected "marketing" or "improvements" or "third_party_combination"\)/,
      ],
      [
        'an admin id as text',
        (e: Record<string, unknown>) => (e.adminUserId = '7001'),
        /\(adminUserId: expected number, got string\)/,
      ],
      [
        'a short hash',
        (e: Record<string, unknown>) => (e.hash = 'abc'),
        /\(hash: expected a SHA-256 as 64 lowercase hex digits\)/,
      ],
    ])('for an event with %s, saying what is wrong in plain words', async (_name, spoil, reason) => {
      const file = JSON.parse(ledgerFileJson(await buildChain(3)));
      spoil(file.events[1]);
      await expectRefused(JSON.stringify(file), 1, reason);
    });

    it('for an export without its date, naming the field', async () => {
      const file = JSON.parse(ledgerFileJson(await buildChain(1)));
      delete file.exportedAt;
      await expectRefused(JSON.stringify(file), -1, /incomplete \(exportedAt: missing\)/, 'ledger/incomplete');
    });
  });
});

describe('events dated in the future', () => {
  const IMPORT_AT = Date.UTC(2026, 11, 1, 12, 0);
  const spec = (id: string, timestamp: string, state: 'given' | 'refused') =>
    ({ id, timestamp, host: 'fixture-agency.amocrm.ru', accountId: 31000001, purpose: 'marketing', state }) as const;

  it('refuses a file with an event dated after the import, saying which and why, and imports nothing', async () => {
    const file = await chainEvents([
      spec('00000000-0000-4000-8000-000000000001', '2026-11-30T10:00:00+03:00', 'refused'),
      spec('00000000-0000-4000-8000-000000000002', '9999-12-31T23:59:00+00:00', 'given'),
    ]);
    const result = await importLedger(db(), ledgerFileJson(file), IMPORT_AT);
    expect(result).toMatchObject({
      added: 0,
      rejected: [
        {
          index: 1,
          error: {
            v: 1,
            code: 'ledger/future',
            params: { n: 2, timestamp: '9999-12-31T23:59:00+00:00' },
            message: expect.stringContaining('after this import'),
          },
        },
      ],
    });
    expect(await db().ledger.count()).toBe(0);
  });

  it('takes an event dated within a few minutes of the import (clocks a little apart), and not one beyond that', async () => {
    const near = new Date(IMPORT_AT + FUTURE_SLACK_MS).toISOString();
    const beyond = new Date(IMPORT_AT + FUTURE_SLACK_MS + 1_000).toISOString();
    expect(
      (
        await importLedger(
          db(),
          ledgerFileJson(await chainEvents([spec('00000000-0000-4000-8000-000000000003', beyond, 'given')])),
          IMPORT_AT,
        )
      ).rejected,
    ).toHaveLength(1);
    expect(
      await importLedger(
        db(),
        ledgerFileJson(await chainEvents([spec('00000000-0000-4000-8000-000000000004', near, 'given')])),
        IMPORT_AT,
      ),
    ).toMatchObject({ added: 1 });
  });

  it('allows five minutes for clocks a little apart: an event five minutes after the import is taken, one a second later is not', async () => {
    const fiveMinutesOn = '2026-12-01T12:05:00.000+00:00';
    const aSecondMore = '2026-12-01T12:05:01.000+00:00';
    const file = (id: string, at: string): Promise<LedgerEvent[]> => chainEvents([spec(id, at, 'given')]);
    const late = await importLedger(
      db(),
      ledgerFileJson(await file('00000000-0000-4000-8000-000000000007', aSecondMore)),
      IMPORT_AT,
    );
    expect(late.rejected[0]?.error.code).toBe('ledger/future');
    expect(
      await importLedger(
        db(),
        ledgerFileJson(await file('00000000-0000-4000-8000-000000000008', fiveMinutesOn)),
        IMPORT_AT,
      ),
    ).toMatchObject({ added: 1 });
  });

  it('lets a choice made here override an earlier one dated later by a clock that ran ahead', async () => {
    await recordOne(db(), consentInput({ state: 'given', timestamp: '9999-12-31T23:59:00+00:00' }));
    await recordOne(db(), consentInput({ state: 'refused' }));
    expect((await currentChoices(db(), 'fixture-agency.amocrm.ru')).marketing?.state).toBe('refused');
  });

  it('lets an imported choice replace only an older one (the control: a newer local choice stays)', async () => {
    await recordOne(db(), consentInput({ state: 'refused', timestamp: '2026-11-30T12:00:00+00:00' }));
    const older = await chainEvents([
      spec('00000000-0000-4000-8000-000000000005', '2026-11-29T12:00:00+00:00', 'given'),
    ]);
    await importLedger(db(), ledgerFileJson(older), IMPORT_AT);
    expect((await currentChoices(db(), 'fixture-agency.amocrm.ru')).marketing?.state).toBe('refused');
    const newer = await chainEvents([
      spec('00000000-0000-4000-8000-000000000006', '2026-12-01T11:00:00+00:00', 'given'),
    ]);
    await importLedger(db(), ledgerFileJson(newer), IMPORT_AT);
    expect((await currentChoices(db(), 'fixture-agency.amocrm.ru')).marketing?.state).toBe('given');
  });
});

describe('what a refusal tells the pages', () => {
  async function refusal(text: string, now?: number): Promise<ImportRejection> {
    const result = await importLedger(db(), text, now);
    expect(result).toMatchObject({ added: 0, duplicates: 0 });
    expect(result.rejected).toHaveLength(1);
    return result.rejected[0]!;
  }

  it.each([
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"ingroup-privacy-ledger"'],
    ['true', 'true'],
  ])('calls JSON that is %s not a ledger export', async (_name, text) => {
    expect((await refusal(text)).error).toMatchObject({ code: 'ledger/not_export', params: {} });
  });

  it('names the version a file of another version has, and the one this extension reads', async () => {
    const file = JSON.parse(ledgerFileJson(await buildChain(1)));
    file.version = 2;
    expect((await refusal(JSON.stringify(file))).error.params).toEqual({ version: '2', reads: 1 });
    file.version = '1';
    expect((await refusal(JSON.stringify(file))).error.params).toEqual({ version: '"1"', reads: 1 });
  });

  it('says a file without a version has none', async () => {
    const file = JSON.parse(ledgerFileJson(await buildChain(1)));
    delete file.version;
    const { index, error } = await refusal(JSON.stringify(file));
    expect(index).toBe(-1);
    expect(error).toMatchObject({ code: 'ledger/other_version', params: { version: 'undefined', reads: 1 } });
    expect(error.message).toMatch(/version undefined; this extension reads version 1/);
  });

  it('names the missing field of an incomplete export', async () => {
    const file = JSON.parse(ledgerFileJson(await buildChain(1)));
    delete file.events;
    expect((await refusal(JSON.stringify(file))).error).toMatchObject({
      code: 'ledger/incomplete',
      params: { where: 'events' },
    });
  });

  it('names a malformed event by its number and the path of its first bad field', async () => {
    const file = JSON.parse(ledgerFileJson(await buildChain(4)));
    file.events[2].account.host = 'evil.example.com';
    const { index, error } = await refusal(JSON.stringify(file));
    expect(index).toBe(2);
    expect(error).toMatchObject({ code: 'ledger/event_malformed', params: { n: 3, where: 'account.host' } });
    expect(error.message).toMatch(/^Event #3 in the file is malformed \(account\.host: /);
  });

  it('names an event dated in the future by its number, in the message too', async () => {
    const file = await buildChain(3, Date.UTC(2026, 11, 1, 12, 0));
    // Five minutes' slack: 12:01 is still taken at 11:56, 12:02 is not.
    const { index, error } = await refusal(ledgerFileJson(file), Date.UTC(2026, 11, 1, 11, 56));
    expect(index).toBe(2);
    expect(error.params).toEqual({ n: 3, timestamp: file[2]!.timestamp });
    expect(error.message).toMatch(/^Event #3 in the file is dated 2026-12-01T12:02:00\.000\+00:00, after this import/);
  });
});
