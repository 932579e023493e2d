/**
 * Calendar dates as 'YYYY-MM-DD' strings. Deadlines run on dates in Europe/Moscow — Ingroup's
 * own time zone — so an instant received at 23:30 UTC already counts as the next day.
 * Arithmetic goes through UTC midnight, where no day is ever 23 or 25 hours long.
 */
import { z } from 'zod/mini';

export const IsoDate = z.iso.date();
export type IsoDate = z.infer<typeof IsoDate>;

/** An ISO 8601 instant with its zone, as the endpoint's contract writes them (lib/requests/types.ts). */
const IsoInstant = z.iso.datetime({ offset: true });
const MS_PER_DAY = 86_400_000;

const moscowParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Moscow',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export class InvalidDate extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a date: expected YYYY-MM-DD or an ISO 8601 instant`);
    this.name = 'InvalidDate';
  }
}

/**
 * The calendar date in Moscow: a 'YYYY-MM-DD' string is taken as that date as it stands; an
 * instant (a Date, or an ISO string with a time) is converted to the date in Moscow.
 */
export function toMoscowDate(input: Date | string): string {
  if (typeof input === 'string') {
    if (IsoDate.safeParse(input).success) return input;
    // Not Date.parse alone: it rolls 2026-02-30T10:00Z over to 2 March, reads "not 2026-01-05" as
    // a local date and a time without a zone in this computer's zone. No deadline counts from those.
    if (!IsoInstant.safeParse(input).success) throw new InvalidDate(input);
  }
  const instant = new Date(input);
  if (Number.isNaN(instant.getTime())) throw new InvalidDate(String(input));
  const parts = Object.fromEntries(moscowParts.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

function toUtcMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

function fromUtcMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromUtcMs(toUtcMs(date) + days * MS_PER_DAY);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / MS_PER_DAY);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: string): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isWeekend(date: string): boolean {
  const day = dayOfWeek(date);
  return day === 0 || day === 6;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
