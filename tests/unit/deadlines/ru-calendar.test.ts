import { describe, expect, it } from 'vitest';
import { BUNDLED_RU_CALENDAR, provisionalYear, RU_CALENDAR, RuCalendarYearSchema } from '@/lib/deadlines/ru-calendar';
import { isRuWorkingDay, ruWorkingDaysBetween } from '@/lib/deadlines/working-days';

describe('a year without a decree, built from Labour Code Art. 112', () => {
  it.each([
    ['2027-01-01', false, 'New Year holidays (Art. 112 part 1)'],
    ['2027-01-08', false, 'last New Year holiday'],
    ['2027-01-09', false, 'a Saturday'],
    ['2027-01-10', false, 'a Sunday'],
    ['2027-01-11', true, 'first working day of 2027'],
    ['2027-02-23', false, 'Defender of the Fatherland Day, a Tuesday'],
    ['2027-03-08', false, "International Women's Day, a Monday"],
    ['2027-05-03', false, '1 May on a Saturday moves to Monday (Art. 112 part 2)'],
    ['2027-05-10', false, '9 May on a Sunday moves to Monday (Art. 112 part 2)'],
    ['2027-06-14', false, '12 June on a Saturday moves to Monday (Art. 112 part 2)'],
    ['2027-11-04', false, 'Unity Day, a Thursday'],
    ['2027-11-05', true, 'an ordinary Friday'],
  ])('knows %s is a working day: %s (%s)', (date, expected) => {
    expect(isRuWorkingDay(date)).toBe(expected);
  });

  it('does not move the New Year weekend days: only the decree does (Art. 112 part 2, exception)', () => {
    expect(provisionalYear(2027).daysOff.map((d) => d.movedFrom)).toEqual(['2027-05-01', '2027-05-09', '2027-06-12']);
    // 2028: 1 and 8 January are Saturdays, 2 January a Sunday; only 4 November (a Saturday) moves.
    expect(provisionalYear(2028).daysOff).toEqual([
      { date: '2028-11-06', movedFrom: '2028-11-04', basis: expect.stringContaining('ст. 112 ч. 2') },
    ]);
  });

  it('reproduces the moves Art. 112 makes by itself in a decreed year', () => {
    const byCode = provisionalYear(2026).daysOff;
    const decreed = RU_CALENDAR.find((y) => y.year === 2026)!.daysOff.filter((d) => d.basis.includes('112'));
    expect(byCode).toEqual(decreed);
  });

  it('is a valid calendar table, marked provisional, with January certain', () => {
    const year = provisionalYear(2027);
    expect(RuCalendarYearSchema.safeParse(year).success).toBe(true);
    expect(year).toMatchObject({ status: 'provisional', certainThrough: '2027-01-31' });
  });

  it('says which ranges rest on the provisional part', () => {
    expect(BUNDLED_RU_CALENDAR.isProvisional('2026-12-17', '2027-01-11')).toBe(false);
    expect(BUNDLED_RU_CALENDAR.isProvisional('2027-01-25', '2027-02-08')).toBe(true);
    expect(BUNDLED_RU_CALENDAR.isProvisional('2026-03-01', '2026-03-20')).toBe(false);
  });

  it('takes a range given backwards as the same range', () => {
    expect(BUNDLED_RU_CALENDAR.isProvisional('2027-02-08', '2027-01-25')).toBe(true);
    expect(BUNDLED_RU_CALENDAR.isProvisional('2027-01-11', '2026-12-17')).toBe(false);
  });

  it('counts the last day of January as certain, and the first of February as not', () => {
    expect(BUNDLED_RU_CALENDAR.isProvisional('2027-01-20', '2027-01-31')).toBe(false);
    expect(BUNDLED_RU_CALENDAR.isProvisional('2027-01-20', '2027-02-01')).toBe(true);
    // Past the end of one provisional year into the next, still within that one's certain January.
    expect(BUNDLED_RU_CALENDAR.isProvisional('2027-01-25', '2028-01-05')).toBe(true);
  });
});

describe('a calendar updated as data, without a release', () => {
  const decreed2027 = {
    ...provisionalYear(2027),
    status: 'decreed',
    source: {
      law: 'ТК РФ ст. 112',
      decree: 'Постановление Правительства РФ (fixture) «О переносе выходных дней в 2027 году»',
      published: '2026-10-01',
    },
    certainThrough: undefined,
    daysOff: [
      ...provisionalYear(2027).daysOff,
      { date: '2027-12-31', movedFrom: '2027-01-02', basis: 'fixture decree' },
    ],
  };

  it('takes a decreed year and stops calling it provisional', () => {
    const { calendar, taken, refused } = BUNDLED_RU_CALENDAR.withUpdates([decreed2027]);
    expect({ taken, refused }).toEqual({ taken: [2027], refused: [] });
    expect(calendar.isWorkingDay('2027-12-31')).toBe(false);
    expect(BUNDLED_RU_CALENDAR.isWorkingDay('2027-12-31')).toBe(true);
    expect(calendar.isProvisional('2027-01-25', '2027-02-08')).toBe(false);
  });

  it('refuses one malformed year with its reason and keeps the rest', () => {
    const broken = { ...decreed2027, year: 2028 };
    const { taken, refused } = BUNDLED_RU_CALENDAR.withUpdates([broken, decreed2027]);
    expect(taken).toEqual([2027]);
    expect(refused).toEqual([expect.stringMatching(/not in 2028/)]);
  });

  it('never lets a provisional table replace a decreed one', () => {
    const { calendar, refused } = BUNDLED_RU_CALENDAR.withUpdates([provisionalYear(2026)]);
    expect(refused).toEqual([expect.stringMatching(/2026/)]);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
  });

  it('refuses a year marked decreed that names no decree', () => {
    const { refused } = BUNDLED_RU_CALENDAR.withUpdates([{ ...decreed2027, source: { law: 'x' } }]);
    expect(refused).toEqual([expect.stringMatching(/names no decree/)]);
  });

  it('takes a corrected decree over a bundled decreed year', () => {
    const bundled2026 = RU_CALENDAR.find((y) => y.year === 2026)!;
    const corrected = {
      ...bundled2026,
      daysOff: [...bundled2026.daysOff, { date: '2026-12-30', movedFrom: '2026-01-03', basis: 'fixture decree' }],
    };
    const { calendar, taken, refused } = BUNDLED_RU_CALENDAR.withUpdates([corrected]);
    expect({ taken, refused }).toEqual({ taken: [2026], refused: [] });
    expect(calendar.isWorkingDay('2026-12-30')).toBe(false);
  });

  it('takes a provisional year that says nothing is certain: every day of it is provisional', () => {
    const { calendar, taken } = BUNDLED_RU_CALENDAR.withUpdates([
      { ...provisionalYear(2027), certainThrough: undefined },
    ]);
    expect(taken).toEqual([2027]);
    expect(calendar.isProvisional('2027-01-01', '2027-01-02')).toBe(true);
    expect(calendar.isProvisional('2026-12-20', '2026-12-31')).toBe(false);
  });

  it('takes a working weekend day whose rest moves to a listed day off', () => {
    const swapped = {
      ...decreed2027,
      workingWeekends: [{ date: '2027-12-25', dayOffMovedTo: '2027-12-31', basis: 'fixture decree' }],
    };
    const { calendar, refused } = BUNDLED_RU_CALENDAR.withUpdates([swapped]);
    expect(refused).toEqual([]);
    expect(calendar.isWorkingDay('2027-12-25')).toBe(true);
    expect(calendar.isWorkingDay('2027-12-31')).toBe(false);
  });

  // 25 December 2027 is a Saturday, 30 December a Thursday; decreed2027 lists 31 December as a day off.
  it.each([
    [
      'a decreed year without its date of publication',
      { source: { law: 'ТК РФ ст. 112', decree: 'Постановление (fixture)' } },
      '2027 is marked decreed but names no decree and date of publication',
    ],
    [
      'a day off moved onto a weekend',
      { daysOff: [...decreed2027.daysOff, { date: '2027-12-25', movedFrom: '2027-01-03', basis: 'fixture' }] },
      'moved day off 2027-12-25 already falls on a weekend',
    ],
    [
      'a working weekend day that is a weekday',
      { workingWeekends: [{ date: '2027-12-30', dayOffMovedTo: '2027-12-31', basis: 'fixture' }] },
      'working weekend day 2027-12-30 is a weekday',
    ],
    [
      'a working weekend day whose rest moves to a day not listed as off',
      { workingWeekends: [{ date: '2027-12-25', dayOffMovedTo: '2027-12-27', basis: 'fixture' }] },
      'working weekend day 2027-12-25 moves its rest to 2027-12-27, which is not listed as a day off',
    ],
    [
      'a date listed twice',
      { daysOff: [...decreed2027.daysOff, { date: '2027-12-31', movedFrom: '2027-01-03', basis: 'fixture' }] },
      'a date is listed twice in 2027',
    ],
  ])('refuses %s, saying so', (_, change, message) => {
    const year = { ...decreed2027, ...change };
    expect(BUNDLED_RU_CALENDAR.withUpdates([year])).toMatchObject({ taken: [], refused: [message] });
    expect(RuCalendarYearSchema.safeParse(year).error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', message }),
    ]);
  });

  it('refuses a date outside its year as a custom issue naming the date', () => {
    expect(RuCalendarYearSchema.safeParse({ ...decreed2027, year: 2028 }).error?.issues[0]).toMatchObject({
      code: 'custom',
      message: '2027-01-01 is not in 2028',
    });
  });

  it('refuses a holiday without its name in both languages', () => {
    const [first, ...rest] = decreed2027.holidays;
    const unnamed = { ...decreed2027, holidays: [{ ...first, name: { ru: '', en: 'New Year holidays' } }, ...rest] };
    expect(BUNDLED_RU_CALENDAR.withUpdates([unnamed])).toMatchObject({ taken: [], refused: [expect.any(String)] });
    expect(RU_CALENDAR[0]!.holidays[0]!.name).toEqual({ ru: 'Новогодние каникулы', en: 'New Year holidays' });
  });

  it('counts 2027 the same, decreed or not, until the decree moves a day', () => {
    const { calendar } = BUNDLED_RU_CALENDAR.withUpdates([decreed2027]);
    expect(ruWorkingDaysBetween('2027-01-01', '2027-11-30', calendar)).toBe(
      ruWorkingDaysBetween('2027-01-01', '2027-11-30'),
    );
  });
});
