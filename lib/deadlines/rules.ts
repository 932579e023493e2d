/**
 * Which legal deadline applies to a request, as data (DESIGN §6). Each rule names its source so
 * the panel can show where a date comes from.
 */
import type { Regime } from '../amocrm/host';
import { daysBetween, toMoscowDate } from './dates';
import { addCalendarMonths, rollPastWeekend } from './gdpr';
import { addBusinessDays, addRuWorkingDays, businessDaysBetween, ruWorkingDaysBetween, type DateInput } from './working-days';

// Mirrors the request types of lib/requests (DESIGN §6); kept here as a plain union so the
// deadline rules do not depend on the request schemas.
export type RequestType =
  | 'access'
  | 'rectification'
  | 'erasure'
  | 'portability'
  | 'objection'
  | 'restriction'
  | 'withdraw_consent'
  | 'marketing_opt_out'
  | 'marketing_opt_in';

export interface Bilingual {
  ru: string;
  en: string;
}

/** How days left are counted for a rule: Russian working days, or Monday to Friday. */
export type DayCounting = 'ru152' | 'business';

export interface DeadlineRule {
  id: 'ru152-10-working-days' | 'gdpr-one-month' | 'policy-10-business-days';
  label: Bilingual;
  source: string;
  counting: DayCounting;
  /** Set when the law requires faster action than the rule's date (marketing opt-out). */
  lawRequiresImmediate?: { label: Bilingual; source: string };
}

export interface Deadline {
  dueDate: string;
  rule: DeadlineRule;
  /** Only when `extended` was asked for and the rule allows an extension. */
  extendedDueDate?: string;
}

export const RULES = {
  ru152: {
    id: 'ru152-10-working-days',
    label: {
      ru: '10 рабочих дней с получения запроса; продление не более чем на 5 рабочих дней с мотивированным уведомлением',
      en: '10 working days from receipt; extendable once by up to 5 working days with a reasoned notice',
    },
    source: 'Федеральный закон от 27.07.2006 № 152-ФЗ «О персональных данных», ст. 14, 20',
    counting: 'ru152',
  },
  gdpr: {
    id: 'gdpr-one-month',
    label: {
      ru: 'Один месяц с получения запроса; продление ещё на два месяца',
      en: 'One month from receipt; extendable by two further months',
    },
    source: 'Regulation (EU) 2016/679 (GDPR) Art. 12(3); periods per Regulation (EEC, Euratom) No 1182/71 Art. 3',
    counting: 'business',
  },
  marketing: {
    id: 'policy-10-business-days',
    label: {
      ru: 'До десяти рабочих дней (пн–пт), как обещает политика Ingroup',
      en: 'Up to ten business days (Mon–Fri), as Ingroup’s policy promises',
    },
    source: 'Ingroup privacy policy of 2022-01-20, §5.3',
    counting: 'business',
  },
} as const satisfies Record<string, DeadlineRule>;

const STOP_ADVERTISING_NOW = {
  label: {
    ru: 'Закон о рекламе требует прекратить рассылку рекламы немедленно по требованию получателя',
    en: 'Russian advertising law requires promotional messages to stop immediately on request',
  },
  source: 'Федеральный закон от 13.03.2006 № 38-ФЗ «О рекламе», ст. 18 ч. 1',
} as const;

export interface DeadlineInput {
  regime: Regime;
  type: RequestType;
  /** ISO 8601 instant (or a 'YYYY-MM-DD' date) when Ingroup received the request. */
  receivedAt: string;
  extended?: boolean;
}

/**
 * The due date of a request. Marketing opt-out/opt-in always runs on the policy's own ten
 * business days, whatever the regime; an opt-out also carries the flag that the law asks for
 * an immediate stop. Throws `CalendarNotCovered` when a 152-FZ date needs an unbundled year.
 */
export function deadlineFor(input: DeadlineInput): Deadline {
  const received = toMoscowDate(input.receivedAt);
  if (input.type === 'marketing_opt_out' || input.type === 'marketing_opt_in') {
    const rule: DeadlineRule =
      input.type === 'marketing_opt_out' ? { ...RULES.marketing, lawRequiresImmediate: STOP_ADVERTISING_NOW } : RULES.marketing;
    // The policy offers no extension of its ten business days.
    return { dueDate: addBusinessDays(received, 10), rule };
  }
  if (input.regime === 'ru152') {
    const dueDate = addRuWorkingDays(received, 10);
    return { dueDate, rule: RULES.ru152, ...(input.extended ? { extendedDueDate: addRuWorkingDays(dueDate, 5) } : {}) };
  }
  // One month, or one plus two further months: three months counted from receipt, not from the
  // first due date (31 Jan → 28 Feb, but → 30 Apr when extended).
  const dueDate = rollPastWeekend(addCalendarMonths(received, 1));
  return {
    dueDate,
    rule: RULES.gdpr,
    ...(input.extended ? { extendedDueDate: rollPastWeekend(addCalendarMonths(received, 3)) } : {}),
  };
}

export interface DaysLeft {
  /** Days still to count on the rule's calendar after `today`; negative once overdue. */
  workingDays: number;
  calendarDays: number;
  overdue: boolean;
}

/**
 * Days left until `dueDate` (the last allowed day). Working days are counted on the Russian
 * production calendar for `ru152`, Monday to Friday for `gdpr` and `business`.
 */
export function daysLeft(dueDate: string, today: DateInput, regime: Regime | DayCounting): DaysLeft {
  const due = toMoscowDate(dueDate);
  const now = toMoscowDate(today);
  const workingDays = regime === 'ru152' ? ruWorkingDaysBetween(now, due) : businessDaysBetween(now, due);
  return { workingDays, calendarDays: daysBetween(now, due), overdue: now > due };
}
