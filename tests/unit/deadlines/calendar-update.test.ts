import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOG } from '@/lib/catalog/bundled';
import { calendarFromCatalog } from '@/lib/deadlines/calendar-update';
import { BUNDLED_RU_CALENDAR, provisionalYear } from '@/lib/deadlines/ru-calendar';
import { requestView } from '@/lib/requests/view';
import { requestRecord, sentEvents } from '../requests/fixtures';

/** A decree for 2027 as Ingroup's catalog could carry it (fixture: the real decree is not out). */
const DECREED_2027 = {
  ...provisionalYear(2027),
  status: 'decreed',
  source: {
    law: 'ТК РФ ст. 112',
    decree: 'Постановление Правительства РФ (fixture) «О переносе выходных дней в 2027 году»',
    published: '2026-10-01',
  },
  certainThrough: undefined,
  daysOff: [...provisionalYear(2027).daysOff, { date: '2027-02-22', movedFrom: '2027-01-02', basis: 'fixture decree' }],
  workingWeekends: [],
};

describe('the production calendar updated through the catalog, without a release', () => {
  it('is the bundled one when the catalog carries none', () => {
    expect(calendarFromCatalog(BUNDLED_CATALOG)).toEqual({ calendar: BUNDLED_RU_CALENDAR, taken: [], refused: [] });
    expect(calendarFromCatalog(null).calendar).toBe(BUNDLED_RU_CALENDAR);
  });

  it('takes a decreed year: due dates move with the decree and stop being provisional', () => {
    const { calendar, taken } = calendarFromCatalog({ ...BUNDLED_CATALOG, calendar: { ru: [DECREED_2027] } });
    expect(taken).toEqual([2027]);
    const record = requestRecord(sentEvents('2027-02-15T09:00:00Z'), '2027-02-15T09:00:00Z');
    const before = requestView(record, 'ru152', new Date('2027-02-16T09:00:00Z'));
    const after = requestView(record, 'ru152', new Date('2027-02-16T09:00:00Z'), calendar);
    // Art. 112 alone: 16–19, 22, 24–26 Feb, 1–2 Mar (23 Feb a holiday). The fixture decree takes 22 Feb off.
    expect(before).toMatchObject({ dueDate: '2027-03-02', provisional: true });
    expect(after).toMatchObject({ dueDate: '2027-03-03', provisional: false });
  });

  it('drops a malformed year with its reason and keeps the good one', () => {
    const { taken, refused } = calendarFromCatalog({
      calendar: { ru: [{ year: 2027, status: 'decreed' }, DECREED_2027] },
    });
    expect(taken).toEqual([2027]);
    expect(refused).toHaveLength(1);
  });

  it('ignores a calendar field of the wrong shape', () => {
    expect(calendarFromCatalog({ calendar: 'soon' }).calendar).toBe(BUNDLED_RU_CALENDAR);
    expect(calendarFromCatalog({ calendar: { ru: 'soon' } })).toEqual({
      calendar: BUNDLED_RU_CALENDAR,
      taken: [],
      refused: [],
    });
  });
});
