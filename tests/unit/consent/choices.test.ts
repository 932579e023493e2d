import fc from 'fast-check';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createHandlers } from '@/lib/background/handlers';
import type { OutboxRunner } from '@/lib/background/outbox-runner';
import { ledgerFileJson } from '@/lib/consent/export';
import { importLedger } from '@/lib/consent/import';
import { allEvents, appendConsents, currentChoices } from '@/lib/consent/ledger';
import { db, resetDbForTests } from '@/lib/store/db';
import { chainEvents, consentInput, recordOne } from './fixtures';
import type { ConsentPurpose, ConsentState } from '@/lib/vocabulary';

const HOST = 'fixture-agency.amocrm.ru';

beforeEach(async () => {
  await resetDbForTests();
});

/** What the table says for one [host+purpose]: the state and the event it comes from. */
async function inForce(
  host: string,
  purpose: ConsentPurpose,
): Promise<{ state: ConsentState; eventId: string } | undefined> {
  const row = await db().choices.get([host, purpose]);
  return row && { state: row.state, eventId: row.eventId };
}

let fileIds = 0;
interface FileEvent {
  host: string;
  purpose: ConsentPurpose;
  state: ConsentState;
  timestamp: string;
}

/** An export from another browser holding these events, chained in the order given. */
async function exportFile(specs: readonly FileEvent[]): Promise<string> {
  const ids = specs.map(() => `00000000-0000-4000-9000-${String(++fileIds).padStart(12, '0')}`);
  return ledgerFileJson(await chainEvents(specs.map((spec, i) => ({ ...spec, id: ids[i]!, accountId: 31000001 }))));
}

describe('the choices in force, kept beside the ledger', () => {
  it('follows each append: given, then refused, then given again', async () => {
    const given = await recordOne(db(), consentInput({ state: 'given' }));
    expect(await inForce(HOST, 'marketing')).toEqual({ state: 'given', eventId: given.id });
    const refused = await recordOne(db(), consentInput({ state: 'refused' }));
    expect(await inForce(HOST, 'marketing')).toEqual({ state: 'refused', eventId: refused.id });
    const again = await recordOne(db(), consentInput({ state: 'given' }));
    expect(await inForce(HOST, 'marketing')).toEqual({ state: 'given', eventId: again.id });
    expect(await inForce(HOST, 'improvements')).toBeUndefined();
    expect(await db().choices.count()).toBe(1);
  });

  it('takes the latest of several choices recorded in one step', async () => {
    const [, , last] = await appendConsents(db(), [
      consentInput({ state: 'given' }),
      consentInput({ state: 'withdrawn', account: { id: 2, host: 'fixture-other.kommo.com' } }),
      consentInput({ state: 'refused' }),
    ]);
    expect(await inForce(HOST, 'marketing')).toEqual({ state: 'refused', eventId: last!.id });
    expect((await inForce('fixture-other.kommo.com', 'marketing'))?.state).toBe('withdrawn');
  });

  it('keeps a newer local choice when an import brings an older one', async () => {
    const local = await recordOne(db(), consentInput({ state: 'refused', timestamp: '2026-11-25T09:30:00.000+03:00' }));
    await importLedger(
      db(),
      await exportFile([
        { host: HOST, purpose: 'marketing', state: 'given', timestamp: '2025-01-10T09:30:00.000+03:00' },
      ]),
    );
    expect(await db().ledger.count()).toBe(2);
    expect(await inForce(HOST, 'marketing')).toEqual({ state: 'refused', eventId: local.id });
  });

  it('takes a newer choice an import brings', async () => {
    await recordOne(db(), consentInput({ state: 'refused', timestamp: '2026-11-25T09:30:00.000+03:00' }));
    // The same instant would tie; one minute later, written in another zone, is newer.
    await importLedger(
      db(),
      await exportFile([
        { host: HOST, purpose: 'marketing', state: 'given', timestamp: '2026-11-25T06:31:00.000+00:00' },
      ]),
    );
    const imported = (await allEvents(db())).at(-1)!;
    expect(imported.method).toBe('import');
    expect(await inForce(HOST, 'marketing')).toEqual({ state: 'given', eventId: imported.id });
    expect((await currentChoices(db(), HOST)).marketing?.state).toBe('given');
  });

  it('is cleared with everything else by a wipe', async () => {
    await appendConsents(db(), [consentInput({ state: 'given' }), consentInput({ purpose: 'improvements' })]);
    expect(await db().choices.count()).toBe(2);
    const outbox: OutboxRunner = {
      run: vi.fn(async () => ({ sent: 0, retried: 0, failed: 0, nextDueAt: null })),
      regimeOf: async () => 'ru152',
    };
    const handlers = createHandlers({ browser: fakeBrowser, db: db(), now: Date.now, outbox });
    await handlers['data/wipe']({ type: 'data/wipe', confirm: 'wipe' }, { kind: 'page', tabId: undefined });
    expect([await db().ledger.count(), await db().choices.count()]).toEqual([0, 0]);
    expect(await currentChoices(db(), HOST)).toEqual({
      marketing: null,
      improvements: null,
      third_party_combination: null,
    });
  });

  it('always equals the choice in force per account and purpose — the last made here, or an import newer than it — after any appends and imports', async () => {
    const hosts = ['fixture-a.amocrm.ru', 'fixture-b.kommo.com'] as const;
    const purposes = ['marketing', 'improvements'] as const;
    // A few instants, some written in two zones, so that ties between equal instants happen often.
    const instants = [
      '2026-03-01T10:00:00.000+03:00',
      '2026-03-01T07:00:00.000+00:00',
      '2026-03-01T10:00:01.000+03:00',
      '2025-12-31T23:59:59.000+00:00',
      '2026-06-01T12:00:00.000+05:00',
    ];
    const event = fc.record({
      host: fc.constantFrom(...hosts),
      purpose: fc.constantFrom(...purposes),
      state: fc.constantFrom<ConsentState>('given', 'refused', 'withdrawn'),
      timestamp: fc.constantFrom(...instants),
    });
    const step = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), events: fc.array(event, { minLength: 1, maxLength: 3 }) }),
      fc.record({ kind: fc.constant('import' as const), events: fc.array(event, { minLength: 1, maxLength: 4 }) }),
    );

    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        await resetDbForTests();
        for (const { kind, events } of steps) {
          if (kind === 'append')
            await appendConsents(
              db(),
              events.map((e) =>
                consentInput({
                  account: { id: 1, host: e.host },
                  purpose: e.purpose,
                  state: e.state,
                  timestamp: e.timestamp,
                }),
              ),
            );
          else await importLedger(db(), await exportFile(events));
        }
        // The ledger's own answer, worked out here from scratch, in ledger order: a choice made here
        // always takes over (the clock may be wrong); an imported one only from an older instant.
        const inForce = new Map<string, { state: ConsentState; eventId: string; at: number }>();
        for (const e of await allEvents(db())) {
          const key = `${e.host} ${e.purpose}`;
          const known = inForce.get(key);
          if (!known || e.method !== 'import' || Date.parse(e.timestamp) >= known.at)
            inForce.set(key, { state: e.state, eventId: e.id, at: Date.parse(e.timestamp) });
        }
        const expected = new Map([...inForce].map(([key, { state, eventId }]) => [key, { state, eventId }]));
        const table = new Map(
          (await db().choices.toArray()).map((row) => [
            `${row.host} ${row.purpose}`,
            { state: row.state, eventId: row.eventId },
          ]),
        );
        expect(table).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
