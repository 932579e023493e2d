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

  it('counts 2027 the same, decreed or not, until the decree moves a day', () => {
    const { calendar } = BUNDLED_RU_CALENDAR.withUpdates([decreed2027]);
    expect(ruWorkingDaysBetween('2027-01-01', '2027-11-30', calendar)).toBe(
      ruWorkingDaysBetween('2027-01-01', '2027-11-30'),
    );
  });
});
