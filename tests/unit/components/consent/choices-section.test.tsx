import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { ChoicesSection } from '@/components/consent/ChoicesSection';
import { appendConsents } from '@/lib/consent/ledger';
import { db, resetDbForTests } from '@/lib/store/db';
import type { PanelModel } from '@/lib/panel/model-schema';
import { panelModel } from '@/lib/store/queries';
import { AppError } from '@/lib/errors';
import { account, choice } from './fixtures';
import type { Lang } from '@/lib/vocabulary';

const HOST = 'fixture-agency.amocrm.ru';
const sent: unknown[] = [];
let refuse: AppError | null = null;
vi.mock('@/lib/send', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/send')>()),
  send: vi.fn(async (message: unknown) => {
    sent.push(message);
    if (refuse) throw refuse;
    return { id: 'e1' };
  }),
}));

async function model(): Promise<PanelModel> {
  return panelModel(db(), HOST);
}

function show(m: PanelModel, lang: Lang = 'en'): ReturnType<typeof render> {
  return render(
    <I18nProvider lang={lang}>
      <ChoicesSection model={m} />
    </I18nProvider>,
  );
}

const switchNamed = (name: RegExp): HTMLInputElement => screen.getByRole<HTMLInputElement>('switch', { name });
const itemOf = (name: RegExp): HTMLElement => switchNamed(name).closest('li')!;

describe('“Your choices” in the panel', () => {
  beforeEach(async () => {
    await resetDbForTests();
    await db().accounts.put(account(HOST, 1));
    sent.length = 0;
    refuse = null;
  });

  it('lists every purpose of the policy: a named switch where there is a choice, the reason where there is none', async () => {
    show(await model());
    expect(screen.getByRole('heading', { name: 'Your choices' })).toBeTruthy();
    expect(
      screen
        .getAllByRole('switch')
        .map((s) => [s.textContent || s.closest('label')?.textContent, (s as HTMLInputElement).checked]),
    ).toEqual([
      ['Promotional email — Ingroup may do this', true],
      ['Improvements and analytics — Ingroup may do this', true],
      ['Combining with third-party data — Ingroup may do this', true],
    ]);
    expect(screen.getByText('Operating the service')).toBeTruthy();
    expect(screen.getByText(/Not optional: The widget cannot work without it/)).toBeTruthy();
    expect(screen.getByText('Administrative messages')).toBeTruthy();
    expect(
      screen.getByText(/Not optional: Under §5.3 administrative messages continue even after opting out/),
    ).toBeTruthy();
  });

  it('says that a switch nobody touched shows the policy’s default, not a choice', async () => {
    show(await model());
    for (const name of [/Promotional email/, /Improvements/, /Combining/]) {
      expect(switchNamed(name).getAttribute('aria-describedby')).toBeTruthy();
      expect(within(itemOf(name)).getByText('Default under the policy — not chosen by you.')).toBeTruthy();
    }
  });

  it('puts the policy’s ten business days for stopping promotional email beside the law’s “immediately”', async () => {
    show(await model());
    expect(
      within(itemOf(/Promotional email/)).getByText(
        /up to 10 business days to act \(§5\.3\); Russian advertising law \(38-FZ Art\. 18\) requires stopping immediately/,
      ),
    ).toBeTruthy();
    expect(within(itemOf(/Improvements/)).queryByText(/38-FZ/)).toBeNull();
  });

  it('shows each choice in force with when, where and under which policy version, and every change newest first', async () => {
    await appendConsents(db(), [
      choice(HOST, 'refused', '2026-11-20T10:00:00.000+03:00', 'marketing', 'popup'),
      choice(HOST, 'refused', '2026-11-21T10:00:00.000+03:00', 'improvements', 'panel'),
      choice(HOST, 'given', '2026-11-22T10:00:00.000+03:00', 'improvements', 'panel'),
    ]);
    show(await model());
    expect(switchNamed(/Promotional email/).checked).toBe(false);
    expect(switchNamed(/Improvements/).checked).toBe(true);
    expect(
      within(itemOf(/Promotional email/)).getByText(
        /^Refused on .*2026.* \(toolbar popup\), under the policy of 2022-01-20\.$/,
      ),
    ).toBeTruthy();
    expect(within(itemOf(/Promotional email/)).getByText(/Not yet sent to Ingroup/)).toBeTruthy();
    expect(within(itemOf(/Combining/)).getByText('Default under the policy — not chosen by you.')).toBeTruthy();

    const table = screen.getByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['When', 'Purpose', 'Choice', 'Where', 'Policy']);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) =>
        within(row)
          .getAllByRole('cell')
          .slice(1)
          .map((c) => c.textContent),
      );
    expect(rows).toEqual([
      ['Improvements and analytics', 'Allowed', 'privacy panel', '2022-01-20'],
      ['Improvements and analytics', 'Refused', 'privacy panel', '2022-01-20'],
      ['Promotional email', 'Refused', 'toolbar popup', '2022-01-20'],
    ]);
  });

  it('records a change through the background and shows it at once, before the ledger answers', async () => {
    show(await model());
    fireEvent.click(switchNamed(/Promotional email/));
    expect(sent).toEqual([
      { type: 'consent/record', host: HOST, purpose: 'marketing', state: 'refused', method: 'panel' },
    ]);
    expect(switchNamed(/Promotional email/).checked).toBe(false);
  });

  it('records allowing only through a second, previewed step whose Confirm one click cannot reach', async () => {
    await appendConsents(db(), [choice(HOST, 'refused', new Date().toISOString(), 'marketing', 'panel')]);
    show(await model());
    fireEvent.click(switchNamed(/Promotional email/));
    // Nothing is recorded by the switch itself, and it stays off.
    expect(sent).toEqual([]);
    expect(switchNamed(/Promotional email/).checked).toBe(false);
    const step = await screen.findByRole('dialog', { name: /Check and confirm: Allow: Promotional email/ });
    expect(within(step).getByText(/"state": "given"/)).toBeTruthy();
    const confirm = within(step).getByRole<HTMLButtonElement>('button', { name: 'Confirm' });
    fireEvent.click(confirm);
    expect(sent).toEqual([]);
    // The negative control: once armed, the same Confirm records the choice.
    await waitFor(() => expect(confirm.disabled).toBe(false), { timeout: 2_000 });
    fireEvent.click(confirm);
    expect(sent).toEqual([
      { type: 'consent/record', host: HOST, purpose: 'marketing', state: 'given', method: 'panel' },
    ]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('follows the ledger once it has the choice', async () => {
    const view = show(await model());
    fireEvent.click(switchNamed(/Improvements/));
    await appendConsents(db(), [choice(HOST, 'refused', new Date().toISOString(), 'improvements', 'panel')]);
    view.rerender(
      <I18nProvider lang="en">
        <ChoicesSection model={await model()} />
      </I18nProvider>,
    );
    expect(switchNamed(/Improvements/).checked).toBe(false);
    expect(within(itemOf(/Improvements/)).getByText(/^Refused on /)).toBeTruthy();
  });

  it('puts the switch back and says why when the choice could not be recorded', async () => {
    refuse = new AppError('account/unknown', `${HOST} has not been seen by the extension.`, { host: HOST });
    show(await model());
    fireEvent.click(switchNamed(/Combining/));
    // The words load with the first error shown (off the panel's first paint).
    await waitFor(() => expect(screen.getByRole('alert').textContent).not.toBe(''));
    expect(screen.getByRole('alert').textContent).toBe(
      `Problem with this choice: The extension has not seen this account. There is no account ${HOST} to record this choice for: it was never opened in this browser, or local data was wiped since. Open the account in amoCRM once, then choose again.`,
    );
    await waitFor(() => expect(switchNamed(/Combining/).checked).toBe(true));
  });

  it('speaks Russian', async () => {
    show(await model(), 'ru');
    expect(screen.getByRole('heading', { name: 'Ваш выбор' })).toBeTruthy();
    expect(switchNamed(/^Рекламные письма — Ingroup может это делать$/).checked).toBe(true);
    expect(screen.getByText(/38-ФЗ, ст\. 18/)).toBeTruthy();
    expect(screen.getAllByText('По умолчанию по политике — вы не выбирали.')).toHaveLength(3);
  });
});
