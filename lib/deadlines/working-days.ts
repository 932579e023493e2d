/**
 * Counting days two ways:
 * - Russian working days, on the production calendar (152-FZ deadlines);
 * - plain business days, Monday to Friday (the policy's own "ten business days", GDPR display).
 *
 * A period "of n days from receipt" starts the day after receipt (Civil Code Art. 191), so
 * `addRuWorkingDays(start, n)` is the n-th working day strictly after `start`.
 * Dates are calendar dates in Europe/Moscow (see dates.ts).
 */
import { addDays, isWeekend, toMoscowDate } from './dates';
import { BUNDLED_RU_CALENDAR, type RuCalendar } from './ru-calendar';

export type DateInput = Date | string;

export class InvalidDayCount extends Error {
  constructor(readonly n: number) {
    super(`Cannot add ${n} days: expected a whole number of days, zero or more`);
    this.name = 'InvalidDayCount';
  }
}

/** A working day on the Russian production calendar (a provisional one past its decreed years). */
export function isRuWorkingDay(date: DateInput, calendar: RuCalendar = BUNDLED_RU_CALENDAR): boolean {
  return calendar.isWorkingDay(toMoscowDate(date));
}

export function isBusinessDay(date: DateInput): boolean {
  return !isWeekend(toMoscowDate(date));
}

function addCounted(start: DateInput, n: number, counts: (day: string) => boolean): string {
  if (!Number.isInteger(n) || n < 0) throw new InvalidDayCount(n);
  let day = toMoscowDate(start);
  for (let left = n; left > 0;) {
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
  for (let day = from; day < to;) {
    day = addDays(day, 1);
    if (counts(day)) count += 1;
  }
  return count;
}

/** The n-th Russian working day after `start` ('YYYY-MM-DD'). */
export function addRuWorkingDays(start: DateInput, n: number, calendar: RuCalendar = BUNDLED_RU_CALENDAR): string {
  return addCounted(start, n, (day) => calendar.isWorkingDay(day));
}

/** Russian working days after `a` up to and including `b`; negative when `b` is before `a`. */
export function ruWorkingDaysBetween(a: DateInput, b: DateInput, calendar: RuCalendar = BUNDLED_RU_CALENDAR): number {
  return countBetween(a, b, (day) => calendar.isWorkingDay(day));
}

/**
 * Civil Code Art. 193: a period whose last day is a non-working day ends on the next working day
 * after it.
 */
export function rollToRuWorkingDay(date: DateInput, calendar: RuCalendar = BUNDLED_RU_CALENDAR): string {
  let day = toMoscowDate(date);
  while (!calendar.isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** The n-th business day (Mon–Fri) after `start` ('YYYY-MM-DD'). */
export function addBusinessDays(start: DateInput, n: number): string {
  return addCounted(start, n, isBusinessDay);
}

/** Business days (Mon–Fri) after `a` up to and including `b`; negative when `b` is before `a`. */
export function businessDaysBetween(a: DateInput, b: DateInput): number {
  return countBetween(a, b, isBusinessDay);
}
