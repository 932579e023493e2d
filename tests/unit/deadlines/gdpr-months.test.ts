/**
 * GDPR month periods at their edges: the turn of the year, twelve months at once, years written
 * with fewer than four digits, and a number of months that is not one.
 */
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, rollPastWeekend } from '@/lib/deadlines/gdpr';

describe('addCalendarMonths at the edges', () => {
  it.each([
    ['2026-11-15', 1, '2026-12-15'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-12-15', 12, '2027-12-15'],
    ['2026-06-30', 24, '2028-06-30'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-10-31', 2, '2026-12-31'],
    ['2026-08-31', 1, '2026-09-30'],
    ['0999-12-31', 2, '1000-02-28'],
    ['1199-12-31', 2, '1200-02-29'],
    ['0099-01-05', 1, '0099-02-05'],
  ])('%s + %i month(s) = %s', (start, months, expected) => {
    expect(addCalendarMonths(start, months)).toBe(expected);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d months, in words', (months) => {
    expect(() => addCalendarMonths('2026-01-15', months)).toThrow(RangeError);
    expect(() => addCalendarMonths('2026-01-15', months)).toThrow(
      `Cannot add ${months} months: expected a whole number, zero or more`,
    );
  });

  it('refuses a start date no calendar has', () => {
    expect(() => addCalendarMonths('2026-02-30', 1)).toThrow('"2026-02-30" is not a date');
  });
});

describe('rollPastWeekend', () => {
  it.each([
    ['a Saturday', '2026-03-07', '2026-03-09'],
    ['a Sunday', '2026-03-08', '2026-03-09'],
    ['a Friday stays', '2026-03-06', '2026-03-06'],
    ['a Saturday at the end of the year', '2026-12-26', '2026-12-28'],
  ])('%s: %s ends on %s', (_name, date, expected) => {
    expect(rollPastWeekend(date)).toBe(expected);
  });
});
