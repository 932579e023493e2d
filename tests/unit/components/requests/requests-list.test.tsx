import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/common/i18n';
import { RequestsList } from '@/components/requests/RequestsList';
import type { RequestRecord } from '@/lib/requests/record';
import { AppError } from '@/lib/errors';
import { REQUEST_ID, makeBody, makeRecord, requestRecord, sentEvents } from '../../requests/fixtures';
import type { Lang } from '@/lib/vocabulary';

const sent: unknown[] = [];
let refuse: AppError | null = null;
vi.mock('@/lib/send', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/send')>()),
  send: vi.fn(async (message: { type: string }) => {
    sent.push(message);
    if (refuse) throw refuse;
    return message.type === 'outbox/flush' ? { sent: 0, retried: 0, failed: 0, nextDueAt: null } : { id: REQUEST_ID };
  }),
}));
const downloads: Array<{ name: string; text: string; type: string }> = [];
vi.mock('@/components/common/download', () => ({
  download: (name: string, text: string, type: string) => downloads.push({ name, text, type }),
}));

const RECEIVED = '2026-11-02T09:00:00Z';

function failed(): RequestRecord {
  return requestRecord([
    { at: Date.parse(RECEIVED), kind: 'queued' },
    {
      at: Date.parse(RECEIVED) + 1000,
      kind: 'failed',
      httpStatus: 422,
      detail: 'Ingroup refused the request: Unknown account.',
    },
  ]);
}

function show(requests: RequestRecord[], lang: Lang = 'en', showAccount = false): void {
  render(
    <I18nProvider lang={lang}>
      <RequestsList requests={requests} regimeOf={() => 'ru152'} showAccount={showAccount} />
    </I18nProvider>,
  );
}

describe('the list of requests', () => {
  beforeEach(() => {
    sent.length = 0;
    downloads.length = 0;
    refuse = null;
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says a request is not getting through and opens its email route at once, after one attempt that reached nothing', async () => {
    vi.setSystemTime(new Date('2026-11-02T09:01:00Z'));
    show([
      {
        ...requestRecord([
          { at: Date.parse(RECEIVED), kind: 'queued' },
          { at: Date.parse(RECEIVED) + 500, kind: 'attempt_failed', detail: 'network error' },
        ]),
        outboxDueAt: Date.parse(RECEIVED) + 4_000,
      },
    ]);
    expect(screen.getByText(/Not getting through to Ingroup’s endpoint/)).toBeTruthy();
    const route = screen.getByText('Send by email to support@ingru.ru').closest('details')!;
    expect(route.open).toBe(true);
    await within(route).findByText(/Subject:/);
    expect(within(route).getByRole('button', { name: 'I have sent the email' })).toBeTruthy();
  });

  it('shows a request saved for email as not yet sent, offers the endpoint instead, and takes Ingroup’s answer once emailed', async () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    const saved: RequestRecord = { ...requestRecord([{ at: Date.parse(RECEIVED), kind: 'queued' }]), channel: 'email' };
    const { unmount } = render(
      <I18nProvider lang="en">
        <RequestsList requests={[saved]} regimeOf={() => 'ru152'} />
      </I18nProvider>,
    );
    expect(screen.getByRole('listitem', { name: 'access: to be sent by email — not sent yet' })).toBeTruthy();
    expect(screen.queryByText('Record Ingroup’s answer')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Send through the endpoint instead' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'request/retry', id: REQUEST_ID }]));
    unmount();

    sent.length = 0;
    const emailed: RequestRecord = {
      ...saved,
      events: [...saved.events, { at: Date.parse(RECEIVED), kind: 'email_sent' }],
    };
    show([emailed]);
    fireEvent.click(screen.getByText('Record Ingroup’s answer'));
    fireEvent.click(await screen.findByRole('radio', { name: 'Refused' }));
    fireEvent.click(screen.getByRole('button', { name: 'Record the answer' }));
    // A refusal needs Ingroup's reason: nothing is sent without it.
    expect((await screen.findByRole('alert')).textContent).toMatch(/reasoned notice/);
    expect(sent).toEqual([]);
    fireEvent.input(screen.getByRole('textbox', { name: 'Ingroup’s reason' }), {
      target: { value: 'Identity not confirmed' },
    });
    fireEvent.input(screen.getByLabelText('Date of Ingroup’s answer'), { target: { value: '2026-11-04' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the answer' }));
    await waitFor(() =>
      expect(sent).toEqual([
        {
          type: 'request/answer',
          id: REQUEST_ID,
          answer: { answer: 'refused', on: '2026-11-04', reason: 'Identity not confirmed' },
        },
      ]),
    );
  });

  it('lists a recorded answer in the history with its day and note', () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    const events: RequestRecord['events'] = [
      { at: Date.parse(RECEIVED), kind: 'queued' },
      { at: Date.parse(RECEIVED), kind: 'email_sent' },
      {
        at: Date.parse(RECEIVED) + 1,
        kind: 'answer',
        answer: 'acknowledged',
        answeredOn: '2026-11-03',
        note: 'ticket 42',
      },
    ];
    show([{ ...requestRecord(events), channel: 'email' }]);
    expect(screen.getByRole('listitem', { name: 'access: received by Ingroup' })).toBeTruthy();
    expect(
      screen.getByText(/Ingroup’s answer, recorded by you: acknowledged, on 3 Nov 2026 \(ticket 42\)/),
    ).toBeTruthy();
  });

  it('says so when there are no requests', () => {
    show([]);
    expect(screen.getByText('No requests yet.')).toBeTruthy();
  });

  it('shows type, status, reference, request id, due date and working days left', () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    show([requestRecord(sentEvents(RECEIVED), RECEIVED)]);
    const item = screen.getByRole('listitem', { name: 'access: received by Ingroup' });
    expect(within(item).getByText('IG-2026-000001')).toBeTruthy();
    expect(within(item).getByText(REQUEST_ID)).toBeTruthy();
    expect(within(item).getByText('17 Nov 2026 — 8 working days left')).toBeTruthy();
    expect(within(item).getByText(/Deadline rule: 10 working days from receipt/)).toBeTruthy();
    expect(within(item).queryByRole('link', { name: 'Send by email instead' })).toBeNull();
  });

  it.each<[Lang, string, string, string]>([
    ['en', 'Send by email instead', 'I have sent the email', 'Try again'],
    ['ru', 'Отправить по email', 'Я отправил письмо', 'Повторить'],
  ])(
    'offers a failed request the email route naming it, "sent" and "try again" (%s)',
    async (lang, link, emailed, retry) => {
      vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
      show([failed()], lang);
      // The letter's writer loads with the first request that needs it.
      const mailto = (await screen.findByRole('link', { name: link })).getAttribute('href') ?? '';
      expect(mailto).toMatch(/^mailto:support@ingru\.ru\?/);
      expect(decodeURIComponent(mailto)).toContain(REQUEST_ID);
      fireEvent.click(screen.getByRole('button', { name: emailed }));
      fireEvent.click(screen.getByRole('button', { name: retry }));
      await waitFor(() => expect(sent).toHaveLength(2));
      expect(sent).toEqual([
        { type: 'request/email-sent', id: REQUEST_ID },
        { type: 'request/retry', id: REQUEST_ID },
      ]);
    },
  );

  it('offers email at any moment before Ingroup acknowledges: the whole letter to copy, a .eml file, and "I have sent it"', async () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    show([
      requestRecord([
        { at: Date.parse(RECEIVED), kind: 'queued' },
        { at: Date.parse(RECEIVED) + 1, kind: 'attempt_failed', detail: 'no answer' },
      ]),
    ]);
    fireEvent.click(screen.getByText('Send by email to support@ingru.ru'));
    const letter = await screen.findByText(/Subject: Data subject request: access/, { selector: 'pre' });
    expect(letter.textContent).toContain(REQUEST_ID);
    expect(letter.textContent).toContain('demo.amocrm.ru');
    expect(letter.textContent).not.toMatch(/shortened|сокращено/);
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(letter.textContent);
    fireEvent.click(screen.getByRole('button', { name: 'Download as an email file (.eml)' }));
    expect(downloads[0]).toMatchObject({ name: `ingroup-request-${REQUEST_ID}.eml`, type: 'message/rfc822' });
    expect(downloads[0]?.text).toContain('To: support@ingru.ru');
    fireEvent.click(screen.getByRole('button', { name: 'I have sent the email' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'request/email-sent', id: REQUEST_ID }]));
  });

  it('offers no email route once Ingroup has acknowledged the request', () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    show([requestRecord(sentEvents(RECEIVED), RECEIVED)]);
    expect(screen.queryByText('Send by email to support@ingru.ru')).toBeNull();
  });

  it('says in words when the background refuses an action', async () => {
    refuse = new AppError('request/not_found', `The request ${REQUEST_ID} is not in this browser's list of requests.`, {
      id: REQUEST_ID,
    });
    show([failed()]);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    // The error's words load with the first error shown.
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain(
        'The request is not here any more. It is not in this browser’s list of requests',
      ),
    );
  });

  it('marks an overdue request and offers the complaint to file, in Russian for Roskomnadzor, with a translation', async () => {
    vi.setSystemTime(new Date('2026-11-20T12:00:00Z'));
    show([requestRecord(sentEvents(RECEIVED), RECEIVED)]);
    expect(screen.getByText('17 Nov 2026 — overdue by law')).toBeTruthy();
    fireEvent.click(await screen.findByText('Complaint text for the authority'));
    const [filed, translation] = screen.getAllByText(/Ingroup|Ингруп/, { selector: 'pre' });
    expect(filed?.textContent).toContain('Роскомнадзор');
    expect(filed?.textContent).toContain(REQUEST_ID);
    expect(translation?.textContent).toContain('Roskomnadzor');
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    expect(writeText).toHaveBeenCalledWith(filed?.textContent);
    expect((await screen.findByText('Copied.')).getAttribute('role')).toBe('status');
  });

  it('offers no complaint once Ingroup completed the request, however late', () => {
    vi.setSystemTime(new Date('2026-12-20T12:00:00Z'));
    show([
      requestRecord(
        [...sentEvents(RECEIVED), { at: Date.parse('2026-12-01T00:00:00Z'), kind: 'status', status: 'completed' }],
        RECEIVED,
      ),
    ]);
    expect(screen.getByRole('listitem', { name: 'access: completed' })).toBeTruthy();
    expect(screen.queryByText('Complaint text for the authority')).toBeNull();
  });

  it('gives a January 2027 due date to a request received in late December 2026', () => {
    vi.setSystemTime(new Date('2026-12-29T12:00:00Z'));
    show([requestRecord(sentEvents('2026-12-28T09:00:00Z'), '2026-12-28T09:00:00Z')]);
    expect(screen.getByText(/20 Jan 2027 — \d+ working days left/)).toBeTruthy();
  });

  it('marks a due date counted on a provisional calendar, and shows Ingroup’s date beside the law’s', () => {
    vi.setSystemTime(new Date('2027-02-02T12:00:00Z'));
    const events = [
      ...sentEvents('2027-02-01T09:00:00Z'),
      {
        at: Date.parse('2027-02-02T09:00:00Z'),
        kind: 'status' as const,
        status: 'in_progress' as const,
        dueAt: '2027-03-31',
      },
    ];
    show([requestRecord(events, '2027-02-01T09:00:00Z')]);
    expect(screen.getByText(/provisional: the production calendar for that year is not yet decreed/)).toBeTruthy();
    expect(screen.getByText(/Ingroup says 31 Mar 2027/)).toBeTruthy();
  });

  it('shows the history in words and the account when asked', () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    show([failed()], 'ru', true);
    expect(screen.getByText(/не доставлен \(Ingroup refused the request: Unknown account\.\)/)).toBeTruthy();
    expect(screen.getByText('demo.amocrm.ru')).toBeTruthy();
  });

  it('exports the requests as CSV and the deadlines as ICS (the writers load on the first click)', async () => {
    vi.setSystemTime(new Date('2026-11-05T12:00:00Z'));
    const other = makeRecord(sentEvents(RECEIVED), {
      body: makeBody(),
      receipt: { id: 'x', reference: 'IG-2026-000002', status: 'received', receivedAt: RECEIVED, verification: 'none' },
    });
    show([requestRecord(sentEvents(RECEIVED), RECEIVED), other]);
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Deadlines as a calendar (ICS)' }));
    await vi.waitFor(() =>
      expect(downloads.map((d) => d.name)).toEqual(['ingroup-requests.csv', 'ingroup-deadlines.ics']),
    );
    expect(downloads[0]?.text).toContain(REQUEST_ID);
    expect(downloads[1]?.text).toContain('20261117');
  });

  it('asks the background to send and check statuses now', async () => {
    show([failed()]);
    fireEvent.click(screen.getByRole('button', { name: 'Send and check statuses now' }));
    await waitFor(() => expect(sent).toEqual([{ type: 'outbox/flush', checkNow: true }]));
  });
});
