/**
 * Calendar dates: a deadline counted from a date that does not exist would be silently wrong, so
 * such a date is refused in words; instants become the date in Moscow; arithmetic never slips a day.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayOfWeek,
  daysBetween,
  InvalidDate,
  isWeekend,
  IsoDate,
  toMoscowDate,
  yearOf,
} from '@/lib/deadlines/dates';

describe('toMoscowDate', () => {
  it.each(['2026-02-30', '2025-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00', '2026-01-32'])(
    'refuses %s, a date no calendar has',
    (text) => {
      expect(() => toMoscowDate(text)).toThrow(InvalidDate);
      expect(() => toMoscowDate(text)).toThrow(`"${text}" is not a date: expected YYYY-MM-DD or an ISO 8601 instant`);
    },
  );

  it.each(['yesterday', '', '2026'])('refuses %j, which is no date or instant', (text) => {
    expect(() => toMoscowDate(text)).toThrow(InvalidDate);
  });

  it('refuses an invalid Date', () => {
    expect(() => toMoscowDate(new Date('2026-02-32T00:00:00Z'))).toThrow('"Invalid Date" is not a date');
    const error = (() => {
      try {
        toMoscowDate(new Date(Number.NaN));
      } catch (caught) {
        return caught;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidDate);
    expect(error).toMatchObject({ name: 'InvalidDate', input: 'Invalid Date' });
  });

  it.each(['2024-02-29', '2026-02-28', '2026-12-31', '2026-01-01'])('takes %s, a real date, as it stands', (text) => {
    expect(toMoscowDate(text)).toBe(text);
  });

  it.each([
    ['an instant late in the UTC evening is the next day in Moscow', '2026-11-24T21:00:00Z', '2026-11-25'],
    ['the last second before Moscow midnight', '2026-11-24T20:59:59Z', '2026-11-24'],
    ['an instant with its own offset', '2026-01-01T01:30:00+05:00', '2025-12-31'],
    ['New Year in Moscow', '2025-12-31T21:00:00.000Z', '2026-01-01'],
    ['a single-digit month and day are written with two digits', '2026-03-04T12:00:00Z', '2026-03-04'],
  ])('%s', (_name, instant, date) => {
    expect(toMoscowDate(instant)).toBe(date);
    expect(toMoscowDate(new Date(instant))).toBe(date);
  });

  it('IsoDate is the same check', () => {
    expect(IsoDate.safeParse('2026-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2026-02-28').success).toBe(true);
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-28', 2, '2026-03-30'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-05-15', 0, '2026-05-15'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s plus %i days is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-01-01', '2026-01-31', 30],
    ['2026-01-31', '2026-01-01', -30],
    ['2026-02-01', '2026-03-01', 28],
    ['2024-02-01', '2024-03-01', 29],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2026-05-05', '2026-05-05', 0],
  ])('from %s to %s is %i days', (a, b, days) => {
    expect(daysBetween(a, b)).toBe(days);
  });

  it.each([
    ['2026-11-29', 0, true],
    ['2026-11-30', 1, false],
    ['2026-12-04', 5, false],
    ['2026-12-05', 6, true],
    ['2026-12-01', 2, false],
  ])('%s is weekday %i (weekend: %s)', (date, day, weekend) => {
    expect(dayOfWeek(date)).toBe(day);
    expect(isWeekend(date)).toBe(weekend);
  });

  it('reads the year', () => {
    expect(yearOf('2027-01-01')).toBe(2027);
    expect(yearOf('0999-12-31')).toBe(999);
  });
});

describe('instants given as text', () => {
  it.each([
    ['a day the month does not have', '2026-02-30T10:00:00Z'],
    ['free text around a date', 'not 2026-01-05'],
    ['a date with single digits', '2026-1-5'],
    ['a time without a zone, which would be read in this computer’s zone', '2026-01-05T10:00'],
    ['an hour past 23', '2026-01-05T25:00:00Z'],
    ['an offset without its colon, which not every browser reads', '2026-01-05T01:00:00+0500'],
    ['a time without seconds', '2026-01-05T10:00Z'],
    ['an expanded year', '+002026-01-05T10:00:00Z'],
    ['a lower-case T and Z', '2026-01-05t10:00:00z'],
  ])('refuses %s (%s) rather than guess', (_name, text) => {
    expect(() => toMoscowDate(text)).toThrow(InvalidDate);
  });

  it.each([
    ['2026-01-05T23:30:00.123456Z', '2026-01-06'],
    ['2026-01-05T10:00:00+03:00', '2026-01-05'],
    ['2026-01-05T01:00:00+05:00', '2026-01-04'],
  ])('reads %s as %s in Moscow', (text, date) => {
    expect(toMoscowDate(text)).toBe(date);
  });
});
