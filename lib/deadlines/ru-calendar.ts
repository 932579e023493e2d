/**
 * The Russian production calendar (производственный календарь) as data, for the years whose
 * Government decree on moved days off has been published. Outside them, fail loudly: a deadline
 * computed on a guessed calendar would be wrong without anyone noticing.
 *
 * A day is non-working when it is a non-working holiday (Labour Code Art. 112 part 1), a day off
 * moved onto a weekday (by the year's decree, or automatically by Art. 112 part 2 when a holiday
 * falls on a weekend), or a Saturday/Sunday — unless the decree made that weekend day a working one.
 *
 * 2027 is not bundled: no decree on moved days off for 2027 could be confirmed when this table
 * was written. Add the year here, with its decree, once it is published.
 */
import { z } from 'zod/mini';
import { IsoDate, isWeekend, yearOf } from './dates';

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
    source: z.object({ decree: z.string().check(z.minLength(1)), published: IsoDate, law: z.string().check(z.minLength(1)) }),
    holidays: z.array(HolidaySchema).check(z.minLength(1)),
    daysOff: z.array(DayOffSchema),
    workingWeekends: z.array(WorkingWeekendSchema),
  })
  .check(
    z.superRefine((y, ctx) => {
      const all = [...y.holidays, ...y.daysOff, ...y.workingWeekends];
      for (const day of all) {
        if (yearOf(day.date) !== y.year) ctx.addIssue({ code: 'custom', message: `${day.date} is not in ${y.year}` });
      }
      for (const day of y.daysOff) {
        if (isWeekend(day.date)) ctx.addIssue({ code: 'custom', message: `moved day off ${day.date} already falls on a weekend` });
      }
      for (const day of y.workingWeekends) {
        if (!isWeekend(day.date)) ctx.addIssue({ code: 'custom', message: `working weekend day ${day.date} is a weekday` });
        if (!y.daysOff.some((off) => off.date === day.dayOffMovedTo)) {
          ctx.addIssue({ code: 'custom', message: `working weekend day ${day.date} moves its rest to ${day.dayOffMovedTo}, which is not listed as a day off` });
        }
      }
      const dates = all.map((d) => d.date);
      if (new Set(dates).size !== dates.length) ctx.addIssue({ code: 'custom', message: `a date is listed twice in ${y.year}` });
    }),
  );
export type RuCalendarYear = z.infer<typeof RuCalendarYearSchema>;

const LABOUR_CODE = 'Трудовой кодекс РФ, ст. 112 (нерабочие праздничные дни; перенос выходного, совпавшего с праздником)';
const ART_112_PART_2 = 'ТК РФ ст. 112 ч. 2: выходной, совпавший с праздником, переносится на следующий рабочий день';

/** Art. 112 part 1: the same dates every year. */
function holidaysOf(year: number): RuCalendarYear['holidays'] {
  const newYear = { ru: 'Новогодние каникулы', en: 'New Year holidays' };
  return [
    ...['01', '02', '03', '04', '05', '06', '08'].map((d) => ({ date: `${year}-01-${d}`, name: newYear })),
    { date: `${year}-01-07`, name: { ru: 'Рождество Христово', en: 'Orthodox Christmas' } },
    { date: `${year}-02-23`, name: { ru: 'День защитника Отечества', en: 'Defender of the Fatherland Day' } },
    { date: `${year}-03-08`, name: { ru: 'Международный женский день', en: "International Women's Day" } },
    { date: `${year}-05-01`, name: { ru: 'Праздник Весны и Труда', en: 'Spring and Labour Day' } },
    { date: `${year}-05-09`, name: { ru: 'День Победы', en: 'Victory Day' } },
    { date: `${year}-06-12`, name: { ru: 'День России', en: 'Russia Day' } },
    { date: `${year}-11-04`, name: { ru: 'День народного единства', en: 'Unity Day' } },
  ];
}

const DECREE_2025 = 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»';
const DECREE_2026 = 'Постановление Правительства РФ от 24.09.2025 № 1466 «О переносе выходных дней в 2026 году»';

const RAW: unknown[] = [
  {
    year: 2025,
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

export const RU_CALENDAR_YEARS: readonly number[] = RU_CALENDAR.map((y) => y.year);

export class CalendarNotCovered extends Error {
  readonly code = 'calendar-not-covered';
  constructor(readonly year: number) {
    super(
      `The Russian production calendar for ${year} is not bundled (covered: ${RU_CALENDAR_YEARS.join(', ')}); ` +
        'update the extension to count working days in that year.',
    );
    this.name = 'CalendarNotCovered';
  }
}

export interface YearIndex {
  nonWorking: ReadonlySet<string>;
  workingWeekends: ReadonlySet<string>;
}

const INDEX = new Map<number, YearIndex>(
  RU_CALENDAR.map((y) => [
    y.year,
    {
      nonWorking: new Set([...y.holidays, ...y.daysOff].map((d) => d.date)),
      workingWeekends: new Set(y.workingWeekends.map((d) => d.date)),
    },
  ]),
);

/** The year's table; throws `CalendarNotCovered` for a year that is not bundled. */
export function ruCalendarIndex(year: number): YearIndex {
  const index = INDEX.get(year);
  if (!index) throw new CalendarNotCovered(year);
  return index;
}
