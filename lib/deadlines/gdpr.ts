/**
 * GDPR Art. 12(3) periods in months, computed as Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c)
 * says: the period ends on the same date in the later month; where that month has no such date,
 * on its last day (31 Jan + 1 month = 28 Feb, or 29 Feb in a leap year).
 */
import { IsoDate, addDays, isWeekend, toMoscowDate } from './dates';
import type { DateInput } from './working-days';

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** The same date `months` later, clamped to the end of a shorter month. */
export function addCalendarMonths(start: DateInput, months: number): string {
  if (!Number.isInteger(months) || months < 0)
    throw new RangeError(`Cannot add ${months} months: expected a whole number, zero or more`);
  const date = IsoDate.parse(toMoscowDate(start));
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month1 = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month1));
  return `${String(year).padStart(4, '0')}-${String(month1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Regulation 1182/71 Art. 3(4): a period ending on a Saturday or Sunday ends on the next working
 * day. Public holidays differ between Member States and are not counted here, so the date shown
 * is never later than the law allows.
 */
export function rollPastWeekend(date: string): string {
  let day = date;
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}
