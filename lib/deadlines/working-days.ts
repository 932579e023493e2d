/**
 * Counting days two ways:
 * - Russian working days, on the production calendar (152-FZ deadlines);
 * - plain business days, Monday to Friday (the policy's own "ten business days", GDPR display).
 *
 * A period "of n days from receipt" starts the day after receipt (Civil Code Art. 191), so
 * `addRuWorkingDays(start, n)` is the n-th working day strictly after `start`.
 * Dates are calendar dates in Europe/Moscow (see dates.ts).
 */
import { addDays, isWeekend, toMoscowDate, yearOf } from './dates';
import { ruCalendarIndex } from './ru-calendar';

export type DateInput = Date | string;

export class InvalidDayCount extends Error {
  constructor(readonly n: number) {
    super(`Cannot add ${n} days: expected a whole number of days, zero or more`);
    this.name = 'InvalidDayCount';
  }
}

/** Throws `CalendarNotCovered` for a year whose calendar is not bundled. */
export function isRuWorkingDay(date: DateInput): boolean {
  const day = toMoscowDate(date);
  const index = ruCalendarIndex(yearOf(day));
  if (index.nonWorking.has(day)) return false;
  return !isWeekend(day) || index.workingWeekends.has(day);
}

export function isBusinessDay(date: DateInput): boolean {
  return !isWeekend(toMoscowDate(date));
}

function addCounted(start: DateInput, n: number, counts: (day: string) => boolean): string {
  if (!Number.isInteger(n) || n < 0) throw new InvalidDayCount(n);
  let day = toMoscowDate(start);
  for (let left = n; left > 0; ) {
    day = addDays(day, 1);
    if (counts(day)) left -= 1;
  }
  return day;
}

/** Counted days in (a, b]; negative, counted over (b, a], when `b` is before `a`. */
function countBetween(a: DateInput, b: DateInput, counts: (day: string) => boolean): number {
  const from = toMoscowDate(a);
  const to = toMoscowDate(b);
  if (from > to) return -countBetween(to, from, counts);
  let count = 0;
  for (let day = from; day < to; ) {
    day = addDays(day, 1);
    if (counts(day)) count += 1;
  }
  return count;
}

/** The n-th Russian working day after `start` ('YYYY-MM-DD'). */
export function addRuWorkingDays(start: DateInput, n: number): string {
  return addCounted(start, n, isRuWorkingDay);
}

/** Russian working days after `a` up to and including `b`; negative when `b` is before `a`. */
export function ruWorkingDaysBetween(a: DateInput, b: DateInput): number {
  return countBetween(a, b, isRuWorkingDay);
}

/** The n-th business day (Mon–Fri) after `start` ('YYYY-MM-DD'). */
export function addBusinessDays(start: DateInput, n: number): string {
  return addCounted(start, n, isBusinessDay);
}

/** Business days (Mon–Fri) after `a` up to and including `b`; negative when `b` is before `a`. */
export function businessDaysBetween(a: DateInput, b: DateInput): number {
  return countBetween(a, b, isBusinessDay);
}
