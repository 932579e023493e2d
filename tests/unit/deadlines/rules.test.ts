import { describe, expect, it } from 'vitest';
import { CalendarNotCovered } from '@/lib/deadlines/ru-calendar';
import { daysLeft, deadlineFor } from '@/lib/deadlines/rules';

describe('deadlineFor', () => {
  it.each([
    // regime, type, receivedAt, extended, dueDate, extendedDueDate
    ['ru152', 'access', '2026-02-20T10:00:00+03:00', true, '2026-03-10', '2026-03-17'],
    ['ru152', 'erasure', '2025-12-25T12:00:00Z', false, '2026-01-20', undefined],
    ['ru152', 'rectification', '2026-02-19T21:30:00Z', false, '2026-03-10', undefined],
    ['gdpr', 'access', '2026-01-31T10:00:00+03:00', true, '2026-03-02', '2026-04-30'],
    ['gdpr', 'portability', '2026-03-10T09:00:00Z', false, '2026-04-10', undefined],
    ['gdpr', 'objection', '2028-01-31T09:00:00Z', false, '2028-02-29', undefined],
  ] as const)('%s %s received %s (extended: %s) is due %s', (regime, type, receivedAt, extended, due, extendedDue) => {
    const deadline = deadlineFor({ regime, type, receivedAt, extended });
    expect(deadline.dueDate).toBe(due);
    expect(deadline.extendedDueDate).toBe(extendedDue);
    expect(deadline.rule.id).toBe(regime === 'ru152' ? 'ru152-10-working-days' : 'gdpr-one-month');
  });

  it.each(['ru152', 'gdpr'] as const)('holds marketing opt-out to the policy’s ten business days under %s, flagged as slower than the law', (regime) => {
    const deadline = deadlineFor({ regime, type: 'marketing_opt_out', receivedAt: '2026-02-20T10:00:00+03:00', extended: true });
    expect(deadline).toEqual({
      dueDate: '2026-03-06',
      rule: expect.objectContaining({
        id: 'policy-10-business-days',
        source: expect.stringContaining('§5.3'),
        lawRequiresImmediate: expect.objectContaining({ source: expect.stringContaining('38-ФЗ') }),
      }),
    });
  });

  it('gives marketing opt-in the same ten business days without the stop-now flag', () => {
    const deadline = deadlineFor({ regime: 'ru152', type: 'marketing_opt_in', receivedAt: '2026-02-20' });
    expect(deadline.dueDate).toBe('2026-03-06');
    expect(deadline.rule.lawRequiresImmediate).toBeUndefined();
  });

  it('fails loudly when a 152-FZ deadline runs into an unbundled year', () => {
    expect(() => deadlineFor({ regime: 'ru152', type: 'access', receivedAt: '2026-12-20T10:00:00+03:00' })).toThrow(CalendarNotCovered);
  });
});

describe('daysLeft', () => {
  it.each([
    ['2026-03-10', '2026-02-20', 'ru152', { workingDays: 10, calendarDays: 18, overdue: false }],
    ['2026-03-10', '2026-03-06', 'ru152', { workingDays: 1, calendarDays: 4, overdue: false }],
    ['2026-03-10', '2026-03-10', 'ru152', { workingDays: 0, calendarDays: 0, overdue: false }],
    ['2026-03-10', '2026-03-12', 'ru152', { workingDays: -2, calendarDays: -2, overdue: true }],
    ['2026-03-06', '2026-02-20', 'business', { workingDays: 10, calendarDays: 14, overdue: false }],
    ['2026-03-10', '2026-03-06', 'gdpr', { workingDays: 2, calendarDays: 4, overdue: false }],
  ] as const)('due %s, today %s, on the %s calendar', (due, today, regime, expected) => {
    expect(daysLeft(due, today, regime)).toEqual(expected);
  });

  it('reads today as the date in Moscow', () => {
    expect(daysLeft('2026-03-10', new Date('2026-03-10T21:30:00Z'), 'ru152')).toEqual({ workingDays: -1, calendarDays: -1, overdue: true });
    expect(daysLeft('2026-03-10', new Date('2026-03-10T20:30:00Z'), 'ru152').overdue).toBe(false);
  });
});
