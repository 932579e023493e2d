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
});
