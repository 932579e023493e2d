import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { Table } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/popup/PopupApp';
import { accountLines, openRequestCount } from '@/lib/store/queries';
import { appendConsents } from '@/lib/consent/ledger';
import { db, resetDbForTests } from '@/lib/store/db';
import { AppError } from '@/lib/errors';
import { recordChoice, recordChoiceForAll } from '@/lib/background/consent-handlers';
import type { ToBackground } from '@/lib/messages';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeBody, makeRecord } from '../../requests/fixtures';
import { account, choice } from './fixtures';

// The background, in process: its consent handlers write the same database the popup reads.
const sent: unknown[] = [];
let refuse: AppError | null = null;
let hold: Promise<void> = Promise.resolve();
vi.mock('@/lib/send', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/send')>()),
  send: vi.fn(async (message: ToBackground) => {
    sent.push(message);
    await hold;
    if (refuse) throw refuse;
    const outbox = {
      run: async () => ({ sent: 0, retried: 0, failed: 0, nextDueAt: null }),
      regimeOf: async () => 'ru152' as const,
    };
    const deps = { browser: fakeBrowser, db: db(), now: Date.now, outbox };
    // Ingroup is told nothing here: the popup's part ends with the ledger.
    const untold = async (): Promise<null> => null;
    if (message.type === 'consent/record') return recordChoice(deps, message, untold);
    if (message.type === 'consent/record-all') return recordChoiceForAll(deps, message, untold);
    throw new Error(`unexpected ${message.type}`);
  }),
}));
let currentTab: { tabId: number; host: string } | null = null;
vi.mock('@/components/popup/current-tab', () => ({ currentAmoTab: async () => currentTab }));

const switchFor = (host: string): HTMLInputElement =>
  screen.getByRole<HTMLInputElement>('switch', { name: `Promotional email from Ingroup for ${host}` });

describe('the popup’s marketing switches', () => {
  beforeEach(async () => {
    await resetDbForTests();
    sent.length = 0;
    refuse = null;
    hold = Promise.resolve();
    currentTab = null;
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'x', version: '0.1.0' });
  });

  it('lists every account seen, the current tab’s first, then the most recently seen, each with its choice', async () => {
    await db().accounts.bulkPut([
      account('old.amocrm.ru', 1),
      account('recent.kommo.com', 3),
      account('here.amocrm.com', 2),
    ]);
    await appendConsents(db(), [choice('recent.kommo.com', 'refused', '2026-11-20T10:00:00.000+03:00')]);
    currentTab = { tabId: 7, host: 'here.amocrm.com' };
    render(<PopupApp lang="en" />);
    await screen.findByText('here.amocrm.com', { selector: '.account-line .muted' });
    const accountSwitches = screen
      .getAllByRole('switch')
      .filter((s) => /for /.test(s.getAttribute('aria-label') ?? ''));
    expect(
      accountSwitches.map((s) => [s.getAttribute('aria-label')?.split(' for ')[1], (s as HTMLInputElement).checked]),
    ).toEqual([
      ['here.amocrm.com', true],
      ['recent.kommo.com', false],
      ['old.amocrm.ru', true],
    ]);
    expect(screen.getByRole('switch', { name: 'Promotional email from Ingroup, all accounts' })).toHaveProperty(
      'checked',
      false,
    );
    expect(screen.getByRole('button', { name: 'Open the privacy panel' })).toBeTruthy();
  });

  it('shows an opt-out at once, while the background records it, and keeps it once the ledger has it', async () => {
    await db().accounts.bulkPut([account('a.amocrm.ru', 2), account('b.amocrm.ru', 1)]);
    let answer = (): void => undefined;
    hold = new Promise((resolve) => (answer = resolve));
    render(<PopupApp lang="en" />);
    await waitFor(() => switchFor('b.amocrm.ru'));
    fireEvent.click(switchFor('b.amocrm.ru'));
    expect(sent).toEqual([
      { type: 'consent/record', host: 'b.amocrm.ru', purpose: 'marketing', state: 'refused', method: 'popup' },
    ]);
    expect(switchFor('b.amocrm.ru').checked).toBe(false);
    answer();
    await waitFor(async () => expect(await db().ledger.count()).toBe(1));
    expect([switchFor('a.amocrm.ru').checked, switchFor('b.amocrm.ru').checked]).toEqual([true, false]);
  });

  it('follows a choice made elsewhere (the panel) after its own', async () => {
    await db().accounts.bulkPut([account('a.amocrm.ru', 1)]);
    render(<PopupApp lang="en" />);
    await waitFor(() => switchFor('a.amocrm.ru'));
    fireEvent.click(switchFor('a.amocrm.ru'));
    await waitFor(async () => expect(await db().ledger.count()).toBe(1));
    await appendConsents(db(), [
      choice('a.amocrm.ru', 'given', new Date(Date.now() + 1000).toISOString(), 'marketing', 'panel'),
    ]);
    await waitFor(() => expect(switchFor('a.amocrm.ru').checked).toBe(true));
  });

  it('opts every account out with one switch, in one message', async () => {
    await db().accounts.bulkPut([account('a.amocrm.ru', 2), account('b.amocrm.ru', 1)]);
    render(<PopupApp lang="en" />);
    const all = await screen.findByRole<HTMLInputElement>('switch', {
      name: 'Promotional email from Ingroup, all accounts',
    });
    fireEvent.click(all);
    expect(sent).toEqual([{ type: 'consent/record-all', state: 'refused', method: 'popup' }]);
    expect([switchFor('a.amocrm.ru').checked, switchFor('b.amocrm.ru').checked, all.checked]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('puts the switch back and says why when the choice could not be recorded', async () => {
    await db().accounts.bulkPut([account('a.amocrm.ru', 1)]);
    refuse = new AppError(
      'ledger/write_failed',
      'The consent ledger kept changing while this choice was being recorded; nothing was written.',
    );
    render(<PopupApp lang="en" />);
    await waitFor(() => switchFor('a.amocrm.ru'));
    fireEvent.click(switchFor('a.amocrm.ru'));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Problem with this choice: The choice was not recorded. The consent ledger kept changing while this choice was being written, so nothing was written. Try again.',
    );
    expect(switchFor('a.amocrm.ru').checked).toBe(true);
  });

  it('counts the requests still open', async () => {
    const open = (due: 'outboxDueAt' | 'pollDueAt') => makeRecord([], { body: makeBody(), [due]: 5, openSince: 1 });
    await db().requests.bulkPut([
      open('outboxDueAt'),
      open('pollDueAt'),
      open('pollDueAt'),
      makeRecord([], { body: makeBody() }),
    ]);
    render(<PopupApp lang="en" />);
    await screen.findByText('Open requests: 3');
  });

  it('says how many of the open requests need the admin, as the badge counts them', async () => {
    await db().requests.put(
      makeRecord([{ at: 1, kind: 'failed', detail: 'gave up' }], { body: makeBody(), openSince: 1 }),
    );
    await db().settings.put({
      key: 'attention',
      value: { open: 1, needYou: 1, notGettingThrough: 0, failed: 1, awaitingEmail: 0, overdue: 0, dueSoon: 0 },
    });
    render(<PopupApp lang="en" />);
    expect((await screen.findByText(/Open requests: 1/)).textContent).toBe(
      'Open requests: 1 — not getting through: 1, send by email',
    );
  });

  it('speaks Russian', async () => {
    await db().accounts.bulkPut([account('a.amocrm.ru', 1)]);
    render(<PopupApp lang="ru" />);
    await screen.findByRole('switch', { name: 'Рекламные письма Ingroup для a.amocrm.ru' });
  });
});

describe('reading the accounts for the popup', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('shows the latest choice in time, so an older choice brought in by an import does not win', async () => {
    await db().accounts.put(account('a.amocrm.ru', 1));
    await appendConsents(db(), [choice('a.amocrm.ru', 'refused', '2026-11-20T10:00:00.000+03:00')]);
    await appendConsents(db(), [
      choice('a.amocrm.ru', 'given', '2026-01-05T10:00:00.000+03:00', 'marketing', 'import'),
    ]);
    expect((await accountLines(db())).map((l) => l.marketing)).toEqual(['refused']);
  });

  it('ignores the other purposes and other accounts’ choices', async () => {
    await db().accounts.bulkPut([account('a.amocrm.ru', 2), account('b.amocrm.ru', 1)]);
    await appendConsents(db(), [
      choice('a.amocrm.ru', 'refused', '2026-11-20T10:00:00.000+03:00', 'improvements'),
      choice('b.amocrm.ru', 'refused', '2026-11-20T10:00:00.000+03:00'),
      choice('ghost.amocrm.ru', 'given', '2026-11-21T10:00:00.000+03:00'),
    ]);
    expect((await accountLines(db())).map((l) => [l.account.host, l.marketing])).toEqual([
      ['a.amocrm.ru', null],
      ['b.amocrm.ru', 'refused'],
    ]);
  });

  it('reads 200 accounts with one accounts read and one choices read, and never the ledger', async () => {
    const accounts = Array.from({ length: 200 }, (_, i) => account(`agency-${i}.amocrm.ru`, i));
    await db().accounts.bulkPut(accounts);
    await appendConsents(
      db(),
      accounts.map((a) => choice(a.host, 'given', '2026-11-19T10:00:00.000+03:00')),
    );
    await appendConsents(
      db(),
      accounts.filter((_, i) => i % 2 === 0).map((a) => choice(a.host, 'refused', '2026-11-20T10:00:00.000+03:00')),
    );
    const d = db();
    const reversed = vi.spyOn(Object.getPrototypeOf(d.accounts.toCollection()) as { reverse(): unknown }, 'reverse');
    const reads = (table: Table): (() => number) => {
      const methods = [
        'get',
        'bulkGet',
        'where',
        'orderBy',
        'toArray',
        'toCollection',
        'each',
        'filter',
        'count',
      ] as const;
      const spies = methods.map((method) => vi.spyOn(table, method));
      return () => spies.reduce((sum, spy) => sum + spy.mock.calls.length, 0);
    };
    const [accountReads, choiceReads, ledgerReads] = [reads(d.accounts), reads(d.choices), reads(d.ledger)];
    const tablesTouched = new Set<string>();
    const names = new Set(d.tables.map((t) => t.name));
    const watched = new Proxy(d, {
      get: (target, key) => {
        if (typeof key === 'string' && names.has(key)) tablesTouched.add(key);
        return Reflect.get(target, key, target);
      },
    });

    const lines = await accountLines(watched);

    expect([...tablesTouched].sort()).toEqual(['accounts', 'choices']);
    expect([accountReads(), choiceReads(), ledgerReads()]).toEqual([1, 1, 0]);
    expect(lines).toHaveLength(200);
    expect(lines.filter((l) => l.marketing === 'refused')).toHaveLength(100);
    expect(lines.filter((l) => l.marketing === 'given')).toHaveLength(100);
    expect(lines[0]?.account.host).toBe('agency-199.amocrm.ru');
    // Newest first without a reversed collection: Chromium walks one with a cursor, a round trip per row.
    expect(reversed).not.toHaveBeenCalled();
  });

  it('counts every request not yet closed as open — failed and emailed ones too — and no closed one', async () => {
    await db().requests.bulkPut([
      makeRecord([], { body: makeBody(), outboxDueAt: 5, pollDueAt: 9, openSince: 1 }),
      makeRecord([{ at: 1, kind: 'failed', detail: 'not delivered' }], { body: makeBody(), openSince: 1 }),
      makeRecord([{ at: 1, kind: 'email_sent' }], { body: makeBody(), channel: 'email', openSince: 1 }),
      makeRecord([{ at: 1, kind: 'status', status: 'completed' }], { body: makeBody() }),
    ]);
    expect(await openRequestCount(db())).toBe(3);
  });
});
