/**
 * The Russian production calendar (производственный календарь) as data.
 *
 * A day is non-working when it is a non-working holiday (Labour Code Art. 112 part 1), a day off
 * moved onto a weekday (by the year's Government decree, or by Art. 112 part 2 when a holiday falls
 * on a weekend), or a Saturday/Sunday — unless the decree made that weekend day a working one.
 *
 * Three sources, most authoritative first:
 * 1. a year carried by Ingroup's catalog (`calendar.ru`, see docs/openapi.yaml) — so a decree
 *    published after a release reaches the extension without one;
 * 2. a year bundled here as decreed (2025, 2026);
 * 3. any other year, built from Labour Code Art. 112 alone and marked *provisional*: the holidays
 *    of part 1 and the moves of part 2. What the Government's decree will add (the two days off
 *    of the New Year weekend moved elsewhere, bridge days) is unknown until it is published, so a
 *    date counted across such a year is shown as provisional. January is certain: 1–8 January are
 *    holidays by the Code itself, and no decree since 2013 has moved a day within January.
 *
 * No year is ever missing: a deadline is always computed, and says how sure it is.
 */
import { z } from 'zod/mini';
import { IsoDate, addDays, isWeekend, yearOf } from './dates';

const Bilingual = z.object({ ru: z.string().check(z.minLength(1)), en: z.string().check(z.minLength(1)) });

const HolidaySchema = z.object({ date: IsoDate, name: Bilingual });
const DayOffSchema = z.object({
  date: IsoDate,
  /** The holiday or weekend day whose rest moved here. */
  movedFrom: IsoDate,
  basis: z.string().check(z.minLength(1)),
});
const WorkingWeekendSchema = z.object({
  date: IsoDate,
  /** The weekday that became a day off in exchange. */
  dayOffMovedTo: IsoDate,
  basis: z.string().check(z.minLength(1)),
});

export const RuCalendarYearSchema = z
  .object({
    year: z.int().check(z.gte(2000), z.lte(2100)),
    /** `decreed`: the Government's decree on moved days off is in the table; `provisional`: Art. 112 alone. */
    status: z.enum(['decreed', 'provisional']),
    source: z.object({
      law: z.string().check(z.minLength(1)),
      decree: z.optional(z.string().check(z.minLength(1))),
      published: z.optional(IsoDate),
    }),
    /** Provisional years: dates up to this day are certain whatever the decree says. */
    certainThrough: z.optional(IsoDate),
    holidays: z.array(HolidaySchema).check(z.minLength(1)),
    daysOff: z.array(DayOffSchema),
    workingWeekends: z.array(WorkingWeekendSchema),
  })
  .check(
    z.superRefine((y, ctx) => {
      if (y.status === 'decreed' && (!y.source.decree || !y.source.published)) {
        ctx.addIssue({
          code: 'custom',
          message: `${y.year} is marked decreed but names no decree and date of publication`,
        });
      }
      const all = [...y.holidays, ...y.daysOff, ...y.workingWeekends];
      for (const day of all) {
        if (yearOf(day.date) !== y.year) ctx.addIssue({ code: 'custom', message: `${day.date} is not in ${y.year}` });
      }
      for (const day of y.daysOff) {
        if (isWeekend(day.date))
          ctx.addIssue({ code: 'custom', message: `moved day off ${day.date} already falls on a weekend` });
      }
      for (const day of y.workingWeekends) {
        if (!isWeekend(day.date))
          ctx.addIssue({ code: 'custom', message: `working weekend day ${day.date} is a weekday` });
        if (!y.daysOff.some((off) => off.date === day.dayOffMovedTo)) {
          ctx.addIssue({
            code: 'custom',
            message: `working weekend day ${day.date} moves its rest to ${day.dayOffMovedTo}, which is not listed as a day off`,
          });
        }
      }
      const dates = all.map((d) => d.date);
      if (new Set(dates).size !== dates.length)
        ctx.addIssue({ code: 'custom', message: `a date is listed twice in ${y.year}` });
    }),
  );
export type RuCalendarYear = z.infer<typeof RuCalendarYearSchema>;

const LABOUR_CODE =
  'Трудовой кодекс РФ, ст. 112 (нерабочие праздничные дни; перенос выходного, совпавшего с праздником)';
export const ART_112_PART_2 =
  'ТК РФ ст. 112 ч. 2: выходной, совпавший с праздником, переносится на следующий рабочий день';

const NEW_YEAR = { ru: 'Новогодние каникулы', en: 'New Year holidays' };

/** Art. 112 part 1: the same dates every year. */
export function holidaysOf(year: number): RuCalendarYear['holidays'] {
  return [
    ...['01', '02', '03', '04', '05', '06', '08'].map((d) => ({ date: `${year}-01-${d}`, name: NEW_YEAR })),
    { date: `${year}-01-07`, name: { ru: 'Рождество Христово', en: 'Orthodox Christmas' } },
    { date: `${year}-02-23`, name: { ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' } },
    { date: `${year}-03-08`, name: { ru: 'Международный женский день', en: "International Women's Day" } },
    { date: `${year}-05-01`, name: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
    { date: `${year}-05-09`, name: { ru: 'День Победы', en: 'Victory Day' } },
    { date: `${year}-06-12`, name: { ru: 'День России', en: 'Russia Day' } },
    { date: `${year}-11-04`, name: { ru: 'День народного единства', en: 'Unity Day' } },
  ];
}

/**
 * A year as Labour Code Art. 112 alone makes it. Part 2: a weekend day that coincides with a
 * holiday moves to the next working day after the holiday — except the weekend days within
 * 1–8 January (part 1, paragraphs 2–3), which only the Government's decree moves.
 */
export function provisionalYear(year: number): RuCalendarYear {
  const holidays = holidaysOf(year);
  // Stryker disable next-line ArrowFunction: no weekend holiday outside 1–8 January is followed by another holiday, so only the moved days matter here
  const taken = new Set(holidays.map((h) => h.date));
  const daysOff: RuCalendarYear['daysOff'] = [];
  // Stryker disable next-line MethodExpression,ArrowFunction: holidaysOf lists its dates in order but 7 January, which is skipped below with all of 1–8 January
  for (const holiday of [...holidays].sort((a, b) => a.date.localeCompare(b.date))) {
    const inNewYearRun = holiday.date.slice(5) <= '01-08';
    if (!isWeekend(holiday.date) || inNewYearRun) continue;
    let day = addDays(holiday.date, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    daysOff.push({ date: day, movedFrom: holiday.date, basis: ART_112_PART_2 });
  }
  return {
    year,
    status: 'provisional',
    source: { law: LABOUR_CODE },
    certainThrough: `${year}-01-31`,
    holidays,
    daysOff,
    workingWeekends: [],
  };
}

const DECREE_2025 = 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»';
const DECREE_2026 = 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»';

const RAW: unknown[] = [
  {
    year: 2025,
    status: 'decreed',
    source: { decree: DECREE_2025, published: '2024-10-04', law: LABOUR_CODE },
    holidays: holidaysOf(2025),
    daysOff: [
      { date: '2025-05-02', movedFrom: '2025-01-04', basis: DECREE_2025 },
      { date: '2025-12-31', movedFrom: '2025-01-05', basis: DECREE_2025 },
      { date: '2025-05-08', movedFrom: '2025-02-23', basis: DECREE_2025 },
      { date: '2025-06-13', movedFrom: '2025-03-08', basis: DECREE_2025 },
      { date: '2025-11-03', movedFrom: '2025-11-01', basis: DECREE_2025 },
    ],
    workingWeekends: [{ date: '2025-11-01', dayOffMovedTo: '2025-11-03', basis: DECREE_2025 }],
  },
  {
    year: 2026,
    status: 'decreed',
    source: { decree: DECREE_2026, published: '2025-09-24', law: LABOUR_CODE },
    holidays: holidaysOf(2026),
    daysOff: [
      { date: '2026-01-09', movedFrom: '2026-01-03', basis: DECREE_2026 },
      { date: '2026-12-31', movedFrom: '2026-01-04', basis: DECREE_2026 },
      { date: '2026-03-09', movedFrom: '2026-03-08', basis: ART_112_PART_2 },
      { date: '2026-05-11', movedFrom: '2026-05-09', basis: ART_112_PART_2 },
    ],
    workingWeekends: [],
  },
];

/** Parsed once at load: a malformed table breaks the build's tests, not a user's deadline. */
export const RU_CALENDAR: readonly RuCalendarYear[] = z.array(RuCalendarYearSchema).parse(RAW);

/** The years bundled as decreed. */
export const RU_CALENDAR_YEARS: readonly number[] = RU_CALENDAR.map((y) => y.year);

export interface YearIndex {
  year: number;
  status: RuCalendarYear['status'];
  /** The last day that is certain: a decreed year's last day; a provisional year's own date, or the day before it. */
  certainThrough: string;
  nonWorking: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

/**
 * The last day a year's table makes certain: all of a decreed year; of a provisional one what it
 * says, else nothing (the day before the year starts).
 */
function certainThroughOf(y: RuCalendarYear): string {
  if (y.status === 'decreed') return `${y.year}-12-31`;
  // Stryker disable next-line StringLiteral: an empty date sorts before every day too, so it also makes nothing certain
  return y.certainThrough ?? `${y.year - 1}-12-31`;
}

function indexOf(y: RuCalendarYear): YearIndex {
  return {
    year: y.year,
    status: y.status,
    certainThrough: certainThroughOf(y),
    nonWorking: new Set([...y.holidays, ...y.daysOff].map((d) => d.date)),
    workingWeekends: new Set(y.workingWeekends.map((d) => d.date)),
  };
}

/**
 * A production calendar: the bundled years, overlaid with updates (from the catalog), and any
 * other year built provisionally. Immutable; `withUpdates` makes a new one.
 */
export class RuCalendar {
  private readonly years = new Map<number, YearIndex>();

  constructor(private readonly tables: ReadonlyMap<number, RuCalendarYear>) {}

  /** The year's table; a year with no table is built from Art. 112 and marked provisional. */
  year(year: number): YearIndex {
    return this.years.get(year) ?? this.index(year);
  }

  private index(year: number): YearIndex {
    const index = indexOf(this.tables.get(year) ?? provisionalYear(year));
    this.years.set(year, index);
    return index;
  }

  isWorkingDay(day: string): boolean {
    const index = this.year(yearOf(day));
    if (index.nonWorking.has(day)) return false;
    return !isWeekend(day) || index.workingWeekends.has(day);
  }

  /** True when any day in (from, to] lies past what a provisional year makes certain. */
  isProvisional(from: string, to: string): boolean {
    const [a, b] = [from, to].sort() as [string, string];
    for (let y = yearOf(a); y <= yearOf(b); y++) {
      // The range's last day within year y.
      const last = y < yearOf(b) ? `${y}-12-31` : b;
      if (last > this.year(y).certainThrough) return true;
    }
    return false;
  }

  /**
   * A calendar with `updates` laid over this one. A decreed year replaces a provisional one; a
   * provisional update never replaces a decreed year. Each year is parsed on its own: one bad
   * year is refused with its reason, the rest are taken.
   */
  withUpdates(updates: readonly unknown[]): { calendar: RuCalendar; taken: number[]; refused: string[] } {
    const tables = new Map(this.tables);
    const taken: number[] = [];
    const refused: string[] = [];
    for (const raw of updates) {
      const parsed = RuCalendarYearSchema.safeParse(raw);
      if (!parsed.success) {
        // Stryker disable next-line OptionalChaining,StringLiteral: a failed parse always carries at least one issue
        refused.push(parsed.error.issues[0]?.message ?? 'not a calendar year');
        continue;
      }
      const year = parsed.data;
      if (year.status === 'provisional' && tables.get(year.year)?.status === 'decreed') {
        refused.push(`${year.year}: a provisional table does not replace the decreed one`);
        continue;
      }
      tables.set(year.year, year);
      taken.push(year.year);
    }
    return { calendar: new RuCalendar(tables), taken, refused };
  }
}

/** The calendar as released: the bundled decreed years, everything else provisional. */
export const BUNDLED_RU_CALENDAR = new RuCalendar(new Map(RU_CALENDAR.map((y) => [y.year, y])));
