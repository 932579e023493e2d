import { describe, expect, it } from 'vitest';
import { addCalendarMonths, rollPastWeekend } from '@/lib/deadlines/gdpr';

describe('GDPR months (Regulation 1182/71 Art. 3)', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-04-30', 1, '2026-05-30'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2027-11-29', 3, '2028-02-29'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-05-31', 0, '2026-05-31'],
  ])('%s + %i month(s) = %s', (start, months, expected) => {
    expect(addCalendarMonths(start, months)).toBe(expected);
  });

  it('takes an instant as the date in Moscow', () => {
    expect(addCalendarMonths('2026-02-27T21:30:00Z', 1)).toBe('2026-03-28');
    expect(addCalendarMonths('2026-02-27T20:30:00Z', 1)).toBe('2026-03-27');
    expect(addCalendarMonths('2026-01-14T22:00:00Z', 1)).toBe('2026-02-15');
  });

  it.each([
    ['2026-02-28', '2026-03-02'],
    ['2026-03-01', '2026-03-02'],
    ['2026-03-02', '2026-03-02'],
  ])('moves a period ending on a weekend day %s to the next Monday %s', (date, expected) => {
    expect(rollPastWeekend(date)).toBe(expected);
  });
});
