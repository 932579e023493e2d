import { describe, expect, it } from 'vitest';
import { toMoscowDate } from '@/lib/deadlines/dates';
import { RU_CALENDAR, RU_CALENDAR_YEARS, RuCalendarYearSchema } from '@/lib/deadlines/ru-calendar';
import {
  addBusinessDays,
  addRuWorkingDays,
  businessDaysBetween,
  isRuWorkingDay,
  ruWorkingDaysBetween,
} from '@/lib/deadlines/working-days';

describe('the bundled Russian production calendar', () => {
  it('covers 2025 and 2026, each citing its Government decree', () => {
    expect(RU_CALENDAR_YEARS).toEqual([2025, 2026]);
    expect(RU_CALENDAR.find((y) => y.year === 2025)?.source.decree).toContain('№ 1335');
    expect(RU_CALENDAR.find((y) => y.year === 2026)?.source.decree).toContain('№ 1466');
  });

  it.each([
    [2025, 247],
    [2026, 247],
  ])('has the official number of working days in %i (%i)', (year, expected) => {
    expect(ruWorkingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(expected);
  });

  it.each([
    ['2025-01-08', false, 'last New Year holiday'],
    ['2025-01-09', true, 'first working day of 2025'],
    ['2025-02-24', true, 'Monday after 23 Feb on a Sunday: the rest moved to 8 May by the decree'],
    ['2025-03-10', true, 'Monday after 8 Mar on a Saturday: the rest moved to 13 June by the decree'],
    ['2025-05-02', false, 'moved from 4 January'],
    ['2025-05-08', false, 'moved from 23 February'],
    ['2025-06-13', false, 'moved from 8 March'],
    ['2025-11-01', true, 'working Saturday'],
    ['2025-11-03', false, 'moved from the working Saturday'],
    ['2025-12-31', false, 'moved from 5 January'],
    ['2026-01-09', false, 'moved from 3 January'],
    ['2026-01-12', true, 'first working day of 2026'],
    ['2026-02-23', false, 'Defender of the Fatherland Day'],
    ['2026-03-09', false, '8 March on a Sunday moves to Monday (Labour Code Art. 112)'],
    ['2026-05-11', false, '9 May on a Saturday moves to Monday (Labour Code Art. 112)'],
    ['2026-11-04', false, 'Unity Day'],
    ['2026-11-05', true, 'an ordinary Thursday'],
    ['2026-11-28', false, 'an ordinary Saturday'],
    ['2026-12-31', false, 'moved from 4 January'],
  ])('knows %s is a working day: %s (%s)', (date, expected) => {
    expect(isRuWorkingDay(date)).toBe(expected);
  });

  it('rejects a table whose working Saturday is a weekday', () => {
    const year = RU_CALENDAR[0]!;
    const broken = { ...year, workingWeekends: [{ date: '2025-11-05', dayOffMovedTo: '2025-11-03', basis: 'x' }] };
    expect(RuCalendarYearSchema.safeParse(broken).success).toBe(false);
  });
});

describe('adding Russian working days', () => {
  it.each([
    ['2025-12-25', 10, '2026-01-20', 'across the New Year holidays, 31 Dec and 9 Jan'],
    ['2026-02-20', 10, '2026-03-10', 'across 23 Feb and the moved 9 Mar'],
    ['2025-10-27', 10, '2025-11-11', 'through the working Saturday 1 Nov and 3–4 Nov off'],
    ['2025-04-30', 10, '2025-05-20', 'across both May breaks of 2025'],
    ['2026-03-10', 5, '2026-03-17', 'a five-day extension'],
    ['2026-11-25', 10, '2026-12-09', 'an ordinary fortnight'],
    ['2026-11-27', 0, '2026-11-27', 'zero days'],
  ])('%s + %i working days = %s (%s)', (start, n, expected) => {
    expect(addRuWorkingDays(start, n)).toBe(expected);
  });

  it('counts working days between two dates both ways', () => {
    expect(ruWorkingDaysBetween('2026-02-20', '2026-03-10')).toBe(10);
    expect(ruWorkingDaysBetween('2026-03-10', '2026-02-20')).toBe(-10);
    expect(ruWorkingDaysBetween('2026-03-10', '2026-03-10')).toBe(0);
  });

  it('takes an instant as the date in Moscow: 23:30 UTC is already the next day', () => {
    expect(toMoscowDate('2026-11-24T23:30:00Z')).toBe('2026-11-25');
    expect(toMoscowDate(new Date('2026-11-24T20:59:59Z'))).toBe('2026-11-24');
    expect(addRuWorkingDays('2026-02-19T21:30:00Z', 10)).toBe('2026-03-10');
    expect(addRuWorkingDays('2026-02-19T20:59:59Z', 10)).toBe('2026-03-06');
  });

  it('counts into 2027 without a decree, on Labour Code Art. 112 alone', () => {
    expect(addRuWorkingDays('2026-12-17', 10)).toBe('2027-01-11');
    expect(addRuWorkingDays('2026-12-30', 1)).toBe('2027-01-11');
    expect(ruWorkingDaysBetween('2026-12-30', '2027-01-11')).toBe(1);
  });

  it('refuses a negative or fractional number of days', () => {
    expect(() => addRuWorkingDays('2026-03-10', -1)).toThrow(/whole number/);
    expect(() => addBusinessDays('2026-03-10', 1.5)).toThrow(/whole number/);
    expect(() => addRuWorkingDays('2026-03-10', -1)).toThrow(
      expect.objectContaining({
        name: 'InvalidDayCount',
        n: -1,
        message: expect.stringContaining('Cannot add -1 days'),
      }),
    );
  });
});

describe('plain business days (Mon–Fri)', () => {
  it.each([
    ['2026-02-20', 10, '2026-03-06', 'counts 23 Feb: it is a Monday'],
    ['2026-11-27', 1, '2026-11-30', 'skips the weekend'],
    ['2029-06-01', 2, '2029-06-05', 'needs no bundled calendar'],
  ])('%s + %i business days = %s (%s)', (start, n, expected) => {
    expect(addBusinessDays(start, n)).toBe(expected);
  });

  it('counts business days between two dates', () => {
    expect(businessDaysBetween('2026-02-20', '2026-03-06')).toBe(10);
    expect(businessDaysBetween('2026-03-06', '2026-02-20')).toBe(-10);
  });
});
