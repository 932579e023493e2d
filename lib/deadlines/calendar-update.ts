/**
 * The production calendar as updated without a release (DESIGN §6): Ingroup's catalog may carry
 * `calendar.ru`, a list of years in the RuCalendarYear shape (docs/openapi.yaml). Each year is
 * parsed on its own; a malformed one costs that year, the bundled calendar stays the fallback.
 */
import { z } from 'zod/mini';
import { BUNDLED_RU_CALENDAR, type RuCalendar } from './ru-calendar';

const Carrier = z.looseObject({ calendar: z.optional(z.looseObject({ ru: z.optional(z.array(z.unknown())) })) });

export interface CalendarUpdate {
  calendar: RuCalendar;
  /** Years taken from the catalog. */
  taken: number[];
  /** Why each refused year was refused. */
  refused: string[];
}

/** The bundled calendar with the years a catalog carries laid over it. */
export function calendarFromCatalog(catalog: unknown): CalendarUpdate {
  const parsed = Carrier.safeParse(catalog);
  const years = parsed.success ? (parsed.data.calendar?.ru ?? []) : [];
  if (years.length === 0) return { calendar: BUNDLED_RU_CALENDAR, taken: [], refused: [] };
  return BUNDLED_RU_CALENDAR.withUpdates(years);
}
