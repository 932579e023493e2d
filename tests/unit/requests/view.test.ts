import { describe, expect, it } from 'vitest';
import { complaintText } from '@/lib/requests/complaint';
import { requestView } from '@/lib/requests/view';
import { requestRecord as record, sentEvents as sent } from './fixtures';

describe('what a request looks like today (derived, never stored)', () => {
  it('counts 10 Russian working days from receipt across the 4 November holiday', () => {
    const view = requestView(
      record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'),
      'ru152',
      new Date('2026-11-05T12:00:00Z'),
    );
    expect(view.dueDate).toBe('2026-11-17');
    expect(view.overdue).toBe(false);
    expect(view.workingDaysLeft).toBe(8);
  });

  it('is overdue after the due date while Ingroup has not finished, and offers the complaint', () => {
    const view = requestView(
      record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'),
      'ru152',
      new Date('2026-11-18T12:00:00Z'),
    );
    expect(view).toMatchObject({ overdue: true, needsAction: 'complaint' });
    const text = complaintText(view, 'ru152', 'ru');
    expect(text).toContain('Роскомнадзор');
    expect(text).toContain('3f0c6c1e-8a57-4c1f-9a51-0d9a7a5b2c11');
    expect(text).toContain('IG-2026-000001');
  });

  it('is not overdue once completed', () => {
    const events = [
      ...sent('2026-11-02T09:00:00Z'),
      { at: Date.parse('2026-11-10T09:00:00Z'), kind: 'status' as const, status: 'completed' as const },
    ];
    expect(requestView(record(events, '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-12-01T12:00:00Z')).overdue).toBe(
      false,
    );
  });

  it('extends the law’s date when Ingroup reports an extension, and shows Ingroup’s own date beside it', () => {
    const events = [
      ...sent('2026-11-02T09:00:00Z'),
      {
        at: Date.parse('2026-11-10T09:00:00Z'),
        kind: 'status' as const,
        status: 'in_progress' as const,
        extendedDueAt: '2026-11-24',
      },
    ];
    expect(
      requestView(record(events, '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-11-18T12:00:00Z')),
    ).toMatchObject({ dueDate: '2026-11-24', reportedDueDate: '2026-11-24', overdue: false });
  });

  it('holds Ingroup to the law when it reports a later date than the law allows', () => {
    // Received 1 September 2026: 10 working days end 15 September, the 5-day extension 22 September.
    const events = [
      ...sent('2026-09-01T09:00:00Z'),
      {
        at: Date.parse('2026-09-10T09:00:00Z'),
        kind: 'status' as const,
        status: 'in_progress' as const,
        extendedDueAt: '2026-12-31',
      },
    ];
    const view = requestView(record(events, '2026-09-01T09:00:00Z'), 'ru152', new Date('2026-10-01T12:00:00Z'));
    expect(view).toMatchObject({
      dueDate: '2026-09-22',
      reportedDueDate: '2026-12-31',
      overdue: true,
      needsAction: 'complaint',
    });
  });

  it.each([
    ['received on 17 December 2026', '2026-12-17T09:00:00Z', '2027-01-11'],
    ['received on 21 December 2026', '2026-12-21T09:00:00Z', '2027-01-13'],
    ['received on 25 December 2026', '2026-12-25T09:00:00Z', '2027-01-19'],
    ['received on 30 December 2026', '2026-12-30T09:00:00Z', '2027-01-22'],
    ['received on 31 December 2026', '2026-12-31T09:00:00Z', '2027-01-22'],
  ])('knows its due date in January 2027 when %s', (_label, at, due) => {
    const view = requestView(record(sent(at), at), 'ru152', new Date('2026-12-31T12:00:00Z'));
    expect(view).toMatchObject({ dueDate: due, provisional: false, overdue: false });
    expect(view.workingDaysLeft).toBeGreaterThan(0);
  });

  it('reads a request due in 2026 as overdue when viewed in January 2027, with its complaint', () => {
    const view = requestView(
      record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'),
      'ru152',
      new Date('2027-01-15T09:00:00Z'),
    );
    expect(view).toMatchObject({ dueDate: '2026-11-17', overdue: true, needsAction: 'complaint' });
    expect(view.workingDaysLeft).toBeLessThan(0);
  });

  it('marks a due date counted on the provisional part of a calendar', () => {
    const view = requestView(
      record(sent('2027-02-01T09:00:00Z'), '2027-02-01T09:00:00Z'),
      'ru152',
      new Date('2027-02-02T09:00:00Z'),
    );
    expect(view).toMatchObject({ dueDate: '2027-02-15', provisional: true });
  });

  it('offers the email route for a failed request, and waits for receipt before counting', () => {
    const failed = requestView(
      record([
        { at: 1, kind: 'queued' },
        { at: 2, kind: 'failed', detail: '422 Unknown account' },
      ]),
      'gdpr',
      new Date(),
    );
    expect(failed).toMatchObject({ needsAction: 'email', dueDate: null, dueUnknown: 'not_received' });
  });

  it.each([
    ['no date of Ingroup’s when it gives none', {}, null],
    ['Ingroup’s due date when it gives one', { dueAt: '2026-11-16' }, '2026-11-16'],
    ['Ingroup’s extended date over its first one', { dueAt: '2026-11-16', extendedDueAt: '2026-11-24' }, '2026-11-24'],
    ['the date part of a date-time Ingroup sends', { dueAt: '2026-11-16T20:59:59Z' }, '2026-11-16'],
  ])('shows %s beside the law’s', (_label, facts, reported) => {
    const events = [
      ...sent('2026-11-02T09:00:00Z'),
      { at: Date.parse('2026-11-03T09:00:00Z'), kind: 'status' as const, status: 'in_progress' as const, ...facts },
    ];
    const view = requestView(record(events, '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-11-05T12:00:00Z'));
    expect(view.reportedDueDate).toBe(reported);
    expect(view.dueDate).toBe('extendedDueAt' in facts ? '2026-11-24' : '2026-11-17');
  });

  it('counts a request sent by email from the day it was emailed', () => {
    const events = [
      { at: Date.parse('2026-11-02T09:00:00Z'), kind: 'queued' as const },
      { at: Date.parse('2026-11-02T09:01:00Z'), kind: 'failed' as const, detail: '422' },
      { at: Date.parse('2026-11-09T10:00:00Z'), kind: 'email_sent' as const },
    ];
    const view = requestView(record(events), 'ru152', new Date('2026-11-10T12:00:00Z'));
    expect(view).toMatchObject({
      receivedAt: '2026-11-09T10:00:00.000Z',
      dueDate: '2026-11-23',
      needsAction: null,
      state: { status: 'sent', sentBy: 'email' },
    });
  });

  it.each([
    ['ru152', '2026-11-17', 'ru152-access'],
    ['gdpr', '2026-12-02', 'gdpr-one-month'],
  ] as const)('runs on the %s rule', (regime, due, rule) => {
    const view = requestView(
      record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'),
      regime,
      new Date('2026-11-05T12:00:00Z'),
    );
    expect(view).toMatchObject({ dueDate: due, rule: { id: rule } });
  });

  it('holds a marketing opt-out to "immediately" under 152-FZ, with the policy’s ten business days as Ingroup’s promise', () => {
    const view = requestView(
      record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z', 'marketing_opt_out'),
      'ru152',
      new Date('2026-11-05T12:00:00Z'),
    );
    expect(view).toMatchObject({
      dueDate: '2026-11-02',
      promisedDueDate: '2026-11-16',
      overdue: true,
      rule: { id: 'ru152-marketing' },
    });
  });

  it('never calls a marketing opt-in overdue: the law sets no deadline for consent given', () => {
    const view = requestView(
      record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z', 'marketing_opt_in'),
      'ru152',
      new Date('2027-05-05T12:00:00Z'),
    );
    expect(view).toMatchObject({
      dueDate: null,
      dueUnknown: 'no_legal_deadline',
      promisedDueDate: '2026-11-16',
      overdue: false,
      needsAction: null,
    });
  });
});
