import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { LedgerTools } from '@/components/options/LedgerTools';
import { WipeData } from '@/components/options/WipeData';
import { LedgerFileEnvelope } from '@/lib/consent/file';
import { hashEvent } from '@/lib/consent/chain';
import { appendConsents } from '@/lib/consent/ledger';
import { verifyLedger } from '@/lib/consent/verify';
import { db, resetDbForTests } from '@/lib/store/db';
import type { ImportResult } from '@/lib/consent/import';
import { AppError } from '@/lib/errors';
import { choice } from './fixtures';

const HOST = 'fixture-agency.amocrm.ru';
const sent: unknown[] = [];
let reply: ImportResult | { wiped: true } = { wiped: true };
let refuse: Error | null = null;
vi.mock('@/lib/send', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/send')>()),
  send: vi.fn(async (message: unknown) => {
    sent.push(message);
    if (refuse) throw refuse;
    return reply;
  }),
}));
const downloads: Array<{ name: string; text: string; type: string }> = [];
vi.mock('@/components/common/download', () => ({
  download: (name: string, text: string, type: string) => downloads.push({ name, text, type }),
}));

function show(ui: preact.JSX.Element): void {
  render(<I18nProvider lang="en">{ui}</I18nProvider>);
}

async function twoChoices(): Promise<void> {
  await appendConsents(db(), [
    choice(HOST, 'refused', '2026-11-20T10:00:00.000+03:00'),
    choice(HOST, 'refused', '2026-11-21T10:00:00.000+03:00', 'improvements', 'panel'),
  ]);
}

function chooseFile(text: string): HTMLInputElement {
  const input = screen.getByLabelText<HTMLInputElement>('Import a ledger export');
  Object.defineProperty(input, 'files', {
    configurable: true,
    value: [new File([text], 'ledger.json', { type: 'application/json' })],
  });
  fireEvent.change(input);
  return input;
}

describe('the ledger on the options page', () => {
  beforeEach(async () => {
    await resetDbForTests();
    sent.length = 0;
    downloads.length = 0;
    refuse = null;
  });

  it('exports the ledger as JSON with its hash chain, as Kantara receipts (one per event) and as CSV', async () => {
    await twoChoices();
    show(<LedgerTools />);
    fireEvent.click(screen.getByRole('button', { name: 'Export ledger (JSON with hash chain)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export consent receipts (Kantara CR v1.1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export ledger (CSV)' }));
    await waitFor(() => expect(downloads).toHaveLength(3));
    const named = (pattern: RegExp) => downloads.find((d) => pattern.test(d.name));
    const [json, kantara, csv] = [named(/ledger-.*\.json$/), named(/receipts/), named(/\.csv$/)];
    expect(json?.name).toMatch(/^ingroup-consent-ledger-\d{4}-\d{2}-\d{2}\.json$/);
    expect(LedgerFileEnvelope.parse(JSON.parse(json!.text)).events).toHaveLength(2);
    expect(kantara?.name).toMatch(/^ingroup-consent-receipts-.*\.json$/);
    expect(JSON.parse(kantara!.text)).toHaveLength(2);
    expect(csv?.type).toBe('text/csv;charset=utf-8');
    expect(csv?.text.trim().split('\n')).toHaveLength(3);
  });

  it('verifies the chain on demand: intact, with the number of events', async () => {
    await twoChoices();
    show(<LedgerTools />);
    expect(screen.queryByText(/hash chain is intact/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Verify the hash chain' }));
    expect((await screen.findByText('The hash chain is intact: 2 events.')).getAttribute('role')).toBe('status');
  });

  it('names the first broken link when an event was changed behind the extension’s back', async () => {
    await twoChoices();
    const first = await db().ledger.orderBy('seq').first();
    await db().ledger.update(first!.seq, { state: 'given' });
    show(<LedgerTools />);
    fireEvent.click(screen.getByRole('button', { name: 'Verify the hash chain' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /^The hash chain is broken .* Event #1 \(.*\) was changed after it was recorded/,
    );
  });

  it('sends an imported file to the background and reports what was added and what was already there', async () => {
    reply = { added: 3, duplicates: 2, rejected: [] };
    show(<LedgerTools />);
    const input = chooseFile('{"format":"x"}');
    expect(await screen.findByText('Imported 3 events; 2 were already here.')).toBeTruthy();
    expect(sent).toEqual([{ type: 'ledger/import', text: '{"format":"x"}' }]);
    expect(input.value).toBe('');
  });

  it('lists why a file was rejected, event by event', async () => {
    reply = {
      added: 0,
      duplicates: 0,
      rejected: [
        { index: -1, error: { v: 1, code: 'ledger/not_export', params: {}, message: 'LOG: not an export' } },
        {
          index: 4,
          error: { v: 1, code: 'ledger/event_malformed', params: { n: 5, where: 'state' }, message: 'LOG: event 5' },
        },
      ],
    };
    show(<LedgerTools />);
    chooseFile('{}');
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Nothing was imported:')).toBeTruthy();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'This file is not an Ingroup privacy ledger export. Nothing was imported. Choose a file made with “Export ledger (JSON with hash chain)”.',
      'Event #5 in the file is malformed. Unreadable: state. Nothing was imported. Export the ledger again from the browser that made it, and import that file.',
    ]);
  });
});

describe('the ledger’s head hash on the options page', () => {
  beforeEach(async () => {
    await resetDbForTests();
  });

  it('shows the head hash with the date of the newest event, and copies it', async () => {
    await twoChoices();
    const head = await db().ledger.orderBy('seq').last();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    show(<LedgerTools />);
    expect((await screen.findByLabelText<HTMLInputElement>('Head hash (SHA-256)')).value).toBe(head!.hash);
    expect(screen.getByText(/^Hash of the newest event, recorded 21 Nov 2026/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy the head hash' }));
    expect(await screen.findByText('Copied. Keep it outside this browser.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(head!.hash);
    expect(screen.getByText(/^What it does not prove: who recorded an event/)).toBeTruthy();
  });

  it('tells a pasted head hash’s ledger intact, extended or rewritten', async () => {
    await appendConsents(db(), [choice(HOST, 'refused', '2026-11-20T10:00:00.000+03:00')]);
    const kept = (await db().ledger.orderBy('seq').last())!.hash;
    show(<LedgerTools />);
    const RESULT = /^(Intact|Extended|Rewritten|That is not)/;
    const check = async (text: string, expected: RegExp): Promise<HTMLElement> => {
      fireEvent.input(screen.getByLabelText('A head hash you kept'), { target: { value: text } });
      fireEvent.click(screen.getByRole('button', { name: 'Check the ledger against it' }));
      return waitFor(() => {
        const shown = screen.getByText(RESULT);
        expect(shown.textContent).toMatch(expected);
        return shown;
      });
    };
    expect((await check(kept, /^Intact: .* \(1 events\)\.$/)).getAttribute('role')).toBe('status');
    await appendConsents(db(), [choice(HOST, 'given', '2026-11-21T10:00:00.000+03:00', 'improvements', 'panel')]);
    await check(
      `  ${kept.toUpperCase()} `,
      /^Extended: the first 1 events are exactly the ones this hash anchored; 1 were recorded after it and are not covered by it\.$/,
    );
    // Rewritten behind the extension's back: the first event changed and every hash recomputed.
    const events = await db().ledger.orderBy('seq').toArray();
    let prevHash = '0'.repeat(64);
    for (const event of events) {
      const { seq, hash: _hash, ...rest } = event;
      const unhashed = { ...rest, ...(seq === events[0]!.seq ? { state: 'given' as const } : {}), prevHash };
      prevHash = await hashEvent(unhashed);
      await db().ledger.put({ ...unhashed, seq: seq!, hash: prevHash });
    }
    // The chain itself still verifies: only the kept hash shows the rewrite.
    expect(await verifyLedger(db())).toMatchObject({ ok: true, count: 2 });
    expect(
      (await check(kept, /^Rewritten: no event of this ledger \(2 events\) has that hash/)).getAttribute('role'),
    ).toBe('alert');
    await check('not a hash', /^That is not a head hash/);
  });

  it('words a broken chain in Russian, naming an event edited with its hash recomputed', async () => {
    await twoChoices();
    const first = (await db().ledger.orderBy('seq').first())!;
    const { seq, hash: _hash, ...rest } = first;
    const forged = { ...rest, state: 'given' as const };
    await db().ledger.put({ ...forged, seq: seq!, hash: await hashEvent(forged) });
    render(
      <I18nProvider lang="ru">
        <LedgerTools />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Проверить цепочку хешей' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      `Цепочка хешей нарушена — журнал изменили в обход расширения. Событие №1 (${first.id}) изменено после записи (state refused → given), и его хеш пересчитан: следующее событие всё ещё ссылается на исходное.`,
    );
  });
});

describe('deleting all local data', () => {
  beforeEach(() => {
    sent.length = 0;
    refuse = null;
    reply = { wiped: true };
  });

  it('asks in the page first, and keeps everything when the admin keeps the data', async () => {
    show(<WipeData />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all local data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete all local data?' });
    expect((dialog as HTMLDialogElement).open).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep my data' }));
    expect((dialog as HTMLDialogElement).open).toBe(false);
    expect(sent).toEqual([]);
  });

  it('deletes everything after the confirmation, and says so', async () => {
    show(<WipeData />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all local data…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete everything' }));
    expect(await screen.findByText('All local data was deleted.')).toBeTruthy();
    expect(sent).toEqual([{ type: 'data/wipe', confirm: 'wipe' }]);
  });

  it('says when the data could not be deleted', async () => {
    // A failure the background has no code for arrives as `unexpected`, its own text kept as a detail.
    refuse = new AppError('unexpected', 'The database is blocked by another page.', {
      message: 'The database is blocked by another page.',
    });
    show(<WipeData />);
    fireEvent.click(screen.getByRole('button', { name: 'Delete all local data…' }));
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete everything' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The data could not be deleted: Something went wrong. The error said: The database is blocked by another page. Try again. If it keeps happening, report it to the extension developers.',
    );
  });
});
