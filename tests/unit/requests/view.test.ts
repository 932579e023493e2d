import { describe, expect, it } from 'vitest';
import { complaintText } from '@/lib/requests/complaint';
import { requestView } from '@/lib/requests/view';
import { requestRecord as record, sentEvents as sent } from './fixtures';

describe('what a request looks like today (derived, never stored)', () => {
  it('counts 10 Russian working days from receipt across the 4 November holiday', () => {
    const view = requestView(record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-11-05T12:00:00Z'));
    expect(view.dueDate).toBe('2026-11-17');
    expect(view.overdue).toBe(false);
    expect(view.workingDaysLeft).toBe(8);
  });

  it('is overdue after the due date while Ingroup has not finished, and offers the complaint', () => {
    const view = requestView(record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-11-18T12:00:00Z'));
    expect(view).toMatchObject({ overdue: true, needsAction: 'complaint' });
    const text = complaintText(view, 'ru152', 'ru');
    expect(text).toContain('Роскомнадзор');
    expect(text).toContain('3f0c6c1e-8a57-4c1f-9a51-0d9a7a5b2c11');
    expect(text).toContain('IG-2026-000001');
  });

  it('is not overdue once completed', () => {
    const events = [...sent('2026-11-02T09:00:00Z'), { at: Date.parse('2026-11-10T09:00:00Z'), kind: 'status' as const, status: 'completed' as const }];
    expect(requestView(record(events, '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-12-01T12:00:00Z')).overdue).toBe(false);
  });

  it('takes the date Ingroup reports when it extends the deadline', () => {
    const events = [...sent('2026-11-02T09:00:00Z'), { at: Date.parse('2026-11-10T09:00:00Z'), kind: 'status' as const, status: 'in_progress' as const, extendedDueAt: '2026-11-24' }];
    expect(requestView(record(events, '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-11-18T12:00:00Z'))).toMatchObject({ dueDate: '2026-11-24', overdue: false });
  });

  it('says the due date is unknown, without crashing, past the bundled production calendar', () => {
    const view = requestView(record(sent('2026-12-28T09:00:00Z'), '2026-12-28T09:00:00Z'), 'ru152', new Date('2026-12-29T12:00:00Z'));
    expect(view).toMatchObject({ dueDate: null, dueUnknown: 'calendar_not_covered', calendarYear: 2027 });
  });

  it('offers the email route for a failed request, and waits for receipt before counting', () => {
    const failed = requestView(record([{ at: 1, kind: 'queued' }, { at: 2, kind: 'failed', detail: '422 Unknown account' }]), 'gdpr', new Date());
    expect(failed).toMatchObject({ needsAction: 'email', dueDate: null, dueUnknown: 'not_received' });
  });

  it.each([
    ['our own count when Ingroup gives no date', {}, '2026-11-17'],
    ['Ingroup’s due date when it gives one', { dueAt: '2026-11-16' }, '2026-11-16'],
    ['Ingroup’s extended date over its first one', { dueAt: '2026-11-16', extendedDueAt: '2026-11-24' }, '2026-11-24'],
    ['the date part of a date-time Ingroup sends', { dueAt: '2026-11-16T20:59:59Z' }, '2026-11-16'],
  ])('takes %s', (_label, facts, due) => {
    const events = [...sent('2026-11-02T09:00:00Z'), { at: Date.parse('2026-11-03T09:00:00Z'), kind: 'status' as const, status: 'in_progress' as const, ...facts }];
    expect(requestView(record(events, '2026-11-02T09:00:00Z'), 'ru152', new Date('2026-11-05T12:00:00Z')).dueDate).toBe(due);
  });

  it('counts a request sent by email from the day it was emailed', () => {
    const events = [
      { at: Date.parse('2026-11-02T09:00:00Z'), kind: 'queued' as const },
      { at: Date.parse('2026-11-02T09:01:00Z'), kind: 'failed' as const, detail: '422' },
      { at: Date.parse('2026-11-09T10:00:00Z'), kind: 'email_sent' as const },
    ];
    const view = requestView(record(events), 'ru152', new Date('2026-11-10T12:00:00Z'));
    expect(view).toMatchObject({ receivedAt: '2026-11-09T10:00:00.000Z', dueDate: '2026-11-23', needsAction: null, state: { status: 'sent', sentBy: 'email' } });
  });

  it.each([
    ['ru152', '2026-11-17', 'ru152-10-working-days'],
    ['gdpr', '2026-12-02', 'gdpr-one-month'],
  ] as const)('runs on the %s rule', (regime, due, rule) => {
    const view = requestView(record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z'), regime, new Date('2026-11-05T12:00:00Z'));
    expect(view).toMatchObject({ dueDate: due, rule: { id: rule } });
  });

  it('runs a marketing opt-out on the policy’s ten business days, whatever the regime', () => {
    const view = requestView(record(sent('2026-11-02T09:00:00Z'), '2026-11-02T09:00:00Z', 'marketing_opt_out'), 'gdpr', new Date('2026-11-05T12:00:00Z'));
    expect(view).toMatchObject({ dueDate: '2026-11-16', rule: { id: 'policy-10-business-days', lawRequiresImmediate: expect.any(Object) } });
  });
});
