import { render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '@/components/options/OptionsApp';
import { PopupApp } from '@/components/popup/PopupApp';
import { appendConsents } from '@/lib/consent/ledger';
import { db, resetDbForTests } from '@/lib/store/db';
import { panelModel } from '@/lib/store/queries';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeBody, makeRecord } from '../requests/fixtures';
import { account, choice } from './consent/fixtures';

vi.mock('@/components/popup/current-tab', () => ({ currentAmoTab: async () => null }));

/** Every IndexedDB read, as the object store (and index) it went to and whether it had a key range. */
type Read = { store: string; index: string | null; method: string; ranged: boolean };
const READS = ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'] as const;

/** The key or range a read asked for: its first argument, or the `query` of the options form `getAll({ query, count, direction })`. */
function queryOf(arg: unknown): unknown {
  if (arg instanceof IDBKeyRange || typeof arg !== 'object' || arg === null) return arg;
  return 'query' in arg ? arg.query : arg;
}

function recordReads(): Read[] {
  const reads: Read[] = [];
  for (const Proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const method of READS) {
      const original = Proto[method] as (this: IDBObjectStore | IDBIndex, ...args: unknown[]) => IDBRequest;
      vi.spyOn(Proto, method).mockImplementation(function (this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
        const isIndex = this instanceof IDBIndex;
        const store = isIndex ? this.objectStore.name : this.name;
        reads.push({ store, index: isIndex ? this.name : null, method, ranged: queryOf(args[0]) != null });
        return original.apply(this, args);
      } as never);
    }
  }
  return reads;
}

/** A read that walks a whole table: no key range, over the store or one of its indexes. */
const wholeTable = (reads: Read[], stores: string[]): Read[] =>
  reads.filter((r) => stores.includes(r.store) && !r.ranged && r.method !== 'get');

describe('opening the popup, the options page and the panel at an agency’s scale', () => {
  beforeEach(async () => {
    await resetDbForTests();
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '0.1.0' });
    const hosts = Array.from({ length: 40 }, (_, i) => `agency-${i}.amocrm.ru`);
    await db().accounts.bulkPut(hosts.map((host, i) => account(host, i + 1)));
    await appendConsents(
      db(),
      hosts.flatMap((host, i) => [
        choice(host, 'refused', `2026-11-${String(10 + (i % 9)).padStart(2, '0')}T10:00:00.000+03:00`),
        choice(host, 'given', `2026-11-${String(10 + (i % 9)).padStart(2, '0')}T11:00:00.000+03:00`, 'improvements'),
      ]),
    );
    await db().requests.bulkPut(
      hosts.flatMap((host, i) =>
        Array.from({ length: 5 }, (_, k) =>
          makeRecord([], {
            body: makeBody({ account: { id: 31000000 + i, subdomain: host.split('.')[0]!, host } }),
            ...(k === 0 ? { outboxDueAt: Date.now(), openSince: Date.now() } : {}),
          }),
        ),
      ),
    );
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sees a whole-table read when there is one (so an empty list below means something)', async () => {
    const reads = recordReads();
    await db().ledger.toArray();
    await db().requests.orderBy('createdAt').toArray();
    expect(wholeTable(reads, ['ledger', 'requests'])).toEqual([
      { store: 'ledger', index: null, method: 'getAll', ranged: false },
      { store: 'requests', index: 'createdAt', method: 'getAll', ranged: false },
    ]);
  });

  it('paints the popup’s accounts without walking the ledger or the requests', async () => {
    const reads = recordReads();
    render(<PopupApp lang="en" />);
    await screen.findByText('agency-39.amocrm.ru', { selector: '.account-line .muted' });
    await screen.findByText(/Open requests: 40|40 open requests/);
    expect(wholeTable(reads, ['ledger', 'requests', 'choices'])).toEqual([]);
    // It did read: the accounts (the list itself) and the marketing choices through their index.
    expect(reads.some((r) => r.store === 'accounts')).toBe(true);
    expect(reads.some((r) => r.store === 'choices' && r.index === 'purpose' && r.ranged)).toBe(true);
  });

  it('paints the options page’s accounts without walking the ledger or the requests', async () => {
    const reads = recordReads();
    render(<OptionsApp lang="en" />);
    await screen.findByRole('article', { name: 'agency-39.amocrm.ru' });
    expect(wholeTable(reads, ['ledger', 'requests', 'choices'])).toEqual([]);
    expect(reads.some((r) => r.store === 'accounts')).toBe(true);
  });

  it('reads one account’s panel model through its indexes', async () => {
    const reads = recordReads();
    const model = await panelModel(db(), 'agency-7.amocrm.ru');
    expect(model.requests).toHaveLength(5);
    expect(model.consentHistory).toHaveLength(2);
    expect(wholeTable(reads, ['ledger', 'requests', 'choices', 'accounts', 'snapshots'])).toEqual([]);
  });
});
