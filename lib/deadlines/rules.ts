/**
 * Which legal deadline applies to a request, as data (DESIGN §6): one rule per request type and
 * regime, each citing the statute excerpt it rests on (statutes.ts). Counting follows Civil Code
 * Arts. 191 and 193 for Russian law (from the day after receipt; a period ending on a non-working
 * day moves to the next working day) and Regulation 1182/71 for the GDPR.
 */
import type { Regime, RequestType } from '../vocabulary';
import { addDays, daysBetween, toMoscowDate } from './dates';
import { addCalendarMonths, rollPastWeekend } from './gdpr';
import { BUNDLED_RU_CALENDAR, type RuCalendar } from './ru-calendar';
import type { ExcerptId } from './statutes';
import {
  addBusinessDays,
  addRuWorkingDays,
  businessDaysBetween,
  rollToRuWorkingDay,
  ruWorkingDaysBetween,
  type DateInput,
} from './working-days';

export interface Bilingual {
  ru: string;
  en: string;
}

/** How days left are counted for a rule: Russian working days, or Monday to Friday. */
export type DayCounting = 'ru152' | 'business';

/** A period of time as the statute words it. */
export type Period =
  | { unit: 'working_days'; count: number }
  | { unit: 'days'; count: number }
  | { unit: 'months'; count: number }
  | { unit: 'immediately' };

export type RuleId =
  | 'ru152-access'
  | 'ru152-rectification'
  | 'ru152-erasure'
  | 'ru152-unlawful'
  | 'ru152-stop'
  | 'ru152-withdrawal'
  | 'ru152-marketing'
  | 'gdpr-one-month'
  | 'none';

type MonthsPeriod = Extract<Period, { unit: 'months' }>;

/**
 * A rule's period and how far a reasoned notice may extend it. An extension in days is counted on
 * from the first due date (152-FZ: "by up to 5 working days"); one in months belongs to a period
 * in months and is counted with it from receipt (GDPR: "two further months", three in all).
 */
type Periods =
  | { period: MonthsPeriod; extension?: MonthsPeriod }
  | {
      /** The legal period; null when the law sets none (a marketing opt-in is consent given, not a demand). */
      period: Period | null;
      extension?: Exclude<Period, MonthsPeriod>;
    };

/** A rule extended in months: the period is in months, and both count from receipt. */
type ExtendedInMonths = DeadlineRule & { period: MonthsPeriod; extension: MonthsPeriod };

export type DeadlineRule = Periods & {
  id: RuleId;
  regime: Regime;
  /** A second step of the same duty, e.g. "destroy within 10 working days" after "stop within 3". */
  then?: { period: Period; label: Bilingual };
  label: Bilingual;
  /** The statute excerpts the rule rests on; the first one states the period. */
  cites: readonly ExcerptId[];
  /** A plain citation line for the UI and letters. */
  source: string;
  counting: DayCounting;
};

/** What Ingroup's own policy promises, shown beside the law's deadline, never instead of it. */
export interface PolicyPromise {
  /** Business days, Monday to Friday: the policy's words, not the production calendar. */
  period: Extract<Period, { unit: 'working_days' }>;
  label: Bilingual;
  source: string;
}

const ACCESS: DeadlineRule = {
  id: 'ru152-access',
  regime: 'ru152',
  period: { unit: 'working_days', count: 10 },
  extension: { unit: 'working_days', count: 5 },
  label: {
    ru: '10 рабочих дней с получения запроса; продление не более чем на 5 рабочих дней с мотивированным уведомлением',
    en: '10 working days from receipt; extendable by up to 5 working days with a reasoned notice',
  },
  cites: ['ru152-14-3', 'gk-191', 'gk-193'],
  source: '152-ФЗ, ч. 3 ст. 14, ч. 1 ст. 20; ГК РФ, ст. 191, 193',
  counting: 'ru152',
};

const GDPR: DeadlineRule = {
  id: 'gdpr-one-month',
  regime: 'gdpr',
  period: { unit: 'months', count: 1 },
  extension: { unit: 'months', count: 2 },
  label: {
    ru: 'Один месяц с получения запроса; продление ещё на два месяца',
    en: 'One month from receipt; extendable by two further months',
  },
  cites: ['gdpr-12-3'],
  source: 'Regulation (EU) 2016/679 (GDPR) Art. 12(3); periods per Regulation (EEC, Euratom) No 1182/71 Art. 3',
  counting: 'business',
};

const NO_DEADLINE = (regime: Regime): DeadlineRule => ({
  id: 'none',
  regime,
  period: null,
  label: {
    ru: 'Закон не устанавливает срок: согласие на рекламу — ваше разрешение, а не требование',
    en: 'The law sets no deadline: consent to promotional messages is permission, not a demand',
  },
  cites: regime === 'ru152' ? ['ru152-15-1', 'ad38-18-1'] : [],
  source: regime === 'ru152' ? '152-ФЗ, ч. 1 ст. 15; 38-ФЗ, ч. 1 ст. 18' : 'GDPR Arts. 6(1)(a), 7',
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: a rule without a period has no due date, so nothing counts days by it
  counting: regime === 'ru152' ? 'ru152' : 'business',
});

/** The rule for each request type under each regime. */
export const RULES: Record<Regime, Record<RequestType, DeadlineRule>> = {
  ru152: {
    access: ACCESS,
    // 152-FZ knows no right to portability: the request is an access request (Art. 14) for the
    // data in a machine-readable form, and runs on the access deadline.
    portability: ACCESS,
    rectification: {
      id: 'ru152-rectification',
      regime: 'ru152',
      period: { unit: 'working_days', count: 7 },
      label: {
        ru: '7 рабочих дней со дня представления сведений о неполных, неточных или неактуальных данных',
        en: '7 working days from the day the incomplete, inaccurate or outdated data are shown',
      },
      cites: ['ru152-20-3', 'gk-191', 'gk-193'],
      source: '152-ФЗ, ч. 3 ст. 20; ГК РФ, ст. 191, 193',
      counting: 'ru152',
    },
    erasure: {
      id: 'ru152-erasure',
      regime: 'ru152',
      period: { unit: 'working_days', count: 7 },
      label: {
        ru: '7 рабочих дней на уничтожение данных, не необходимых для заявленной цели или полученных незаконно',
        en: '7 working days to destroy data not necessary for the stated purpose, or unlawfully obtained',
      },
      cites: ['ru152-20-3', 'gk-191', 'gk-193'],
      source: '152-ФЗ, ч. 3 ст. 20; ГК РФ, ст. 191, 193',
      counting: 'ru152',
    },
    restriction: {
      id: 'ru152-unlawful',
      regime: 'ru152',
      period: { unit: 'working_days', count: 3 },
      then: {
        period: { unit: 'working_days', count: 10 },
        label: {
          ru: 'уничтожить, если правомерность обработки обеспечить невозможно',
          en: 'destroy, if processing cannot be made lawful',
        },
      },
      label: {
        ru: 'Прекратить неправомерную обработку за 3 рабочих дня; уничтожить за 10 рабочих дней, если её нельзя сделать правомерной',
        en: 'Stop unlawful processing within 3 working days; destroy within 10 working days if it cannot be made lawful',
      },
      cites: ['ru152-21-3', 'gk-191', 'gk-193'],
      source: '152-ФЗ, ч. 3 ст. 21; ГК РФ, ст. 191, 193',
      counting: 'ru152',
    },
    objection: {
      id: 'ru152-stop',
      regime: 'ru152',
      period: { unit: 'working_days', count: 10 },
      extension: { unit: 'working_days', count: 5 },
      label: {
        ru: 'Прекратить обработку за 10 рабочих дней с получения требования; продление не более чем на 5 рабочих дней с мотивированным уведомлением',
        en: 'Stop processing within 10 working days of receiving the demand; extendable by up to 5 working days with a reasoned notice',
      },
      cites: ['ru152-21-5.1', 'gk-191', 'gk-193'],
      source: '152-ФЗ, ч. 5.1 ст. 21; ГК РФ, ст. 191, 193',
      counting: 'ru152',
    },
    withdraw_consent: {
      id: 'ru152-withdrawal',
      regime: 'ru152',
      period: { unit: 'days', count: 30 },
      label: {
        ru: '30 дней с поступления отзыва; срок, оканчивающийся в нерабочий день, переносится на следующий рабочий',
        en: '30 days from receipt of the withdrawal; a period ending on a non-working day moves to the next working day',
      },
      cites: ['ru152-21-5', 'gk-191', 'gk-193'],
      source: '152-ФЗ, ч. 5 ст. 21; ГК РФ, ст. 191, 193',
      counting: 'ru152',
    },
    marketing_opt_out: {
      id: 'ru152-marketing',
      regime: 'ru152',
      period: { unit: 'immediately' },
      label: {
        ru: 'Немедленно по требованию: прекратить обработку в целях продвижения и рассылку рекламы',
        en: 'Immediately on demand: stop processing for promotion and stop sending advertising',
      },
      cites: ['ru152-15-2', 'ad38-18-1'],
      source: '152-ФЗ, ч. 2 ст. 15; 38-ФЗ, ч. 1 ст. 18',
      counting: 'ru152',
    },
    marketing_opt_in: NO_DEADLINE('ru152'),
  },
  gdpr: {
    access: GDPR,
    portability: GDPR,
    rectification: GDPR,
    erasure: GDPR,
    restriction: GDPR,
    objection: GDPR,
    withdraw_consent: GDPR,
    // Art. 21(3) says the data "shall no longer be processed" for direct marketing; the period to
    // act on the request is Art. 12(3)'s, as for every request under Arts. 15–22.
    marketing_opt_out: {
      ...GDPR,
      cites: ['gdpr-12-3', 'gdpr-21-3'],
      source: 'GDPR Arts. 12(3), 21(3); Regulation (EEC, Euratom) No 1182/71 Art. 3',
    },
    marketing_opt_in: NO_DEADLINE('gdpr'),
  },
};

/** Ingroup's own promise for changes to promotional email (policy §5.3), whatever the regime. */
export const POLICY_PROMISE: PolicyPromise = {
  period: { unit: 'working_days', count: 10 },
  label: {
    ru: 'Ingroup обещает до десяти рабочих дней (пн–пт); это обещание политики, не срок закона',
    en: 'Ingroup promises up to ten business days (Mon–Fri); a promise of its policy, not the legal deadline',
  },
  source: 'Ingroup privacy policy of 2022-01-20, §5.3',
};

export function ruleFor(regime: Regime, type: RequestType): DeadlineRule {
  return RULES[regime][type];
}

export function promiseFor(type: RequestType): PolicyPromise | null {
  return type === 'marketing_opt_out' || type === 'marketing_opt_in' ? POLICY_PROMISE : null;
}

export interface Deadline {
  rule: DeadlineRule;
  /** The last allowed day by law (YYYY-MM-DD); null where the law sets no deadline. */
  dueDate: string | null;
  /** The last allowed day once extended with a reasoned notice, when asked for and the rule allows. */
  extendedDueDate?: string;
  /** The second step's last day (`rule.then`). */
  thenDueDate?: string;
  /** Ingroup's promised date (policy §5.3), for marketing changes. */
  promisedDueDate?: string;
  /** A date here was counted on a provisional production calendar (no decree bundled yet). */
  provisional: boolean;
}

export interface DeadlineInput {
  regime: Regime;
  type: RequestType;
  /** ISO 8601 instant (or a 'YYYY-MM-DD' date) when Ingroup received the request. */
  receivedAt: string;
  extended?: boolean;
  calendar?: RuCalendar;
}

/** A way of counting days: on the Russian production calendar, or Monday to Friday (which ignores it). */
interface Counting {
  addWorkingDays(start: string, count: number, calendar: RuCalendar): string;
  /** The day itself if it counts, else the next one that does. */
  roll(day: string, calendar: RuCalendar): string;
  workingDaysBetween(from: string, to: string, calendar: RuCalendar): number;
}

const COUNTINGS: Record<DayCounting, Counting> = {
  ru152: { addWorkingDays: addRuWorkingDays, roll: rollToRuWorkingDay, workingDaysBetween: ruWorkingDaysBetween },
  business: { addWorkingDays: addBusinessDays, roll: rollPastWeekend, workingDaysBetween: businessDaysBetween },
};

/** Whether `rule`, whose `extension` this is, is extended in months (its type then says its period is in months too). */
function extendedInMonths(rule: DeadlineRule, extension: Period): rule is ExtendedInMonths {
  return extension.unit === 'months';
}

/** The last day of `period` counted from `start` (the day of receipt, or a first due date). */
function endOf(start: string, period: Period, counting: Counting, calendar: RuCalendar): string {
  switch (period.unit) {
    case 'immediately':
      return start;
    case 'working_days':
      return counting.addWorkingDays(start, period.count, calendar);
    case 'days':
      return counting.roll(addDays(start, period.count), calendar);
    case 'months':
      return counting.roll(addCalendarMonths(start, period.count), calendar);
  }
}

/**
 * The legal due date of a request, and Ingroup's promised one where its policy makes a promise.
 * Never throws for a year: past the decreed years the calendar is provisional, and says so.
 */
export function deadlineFor(input: DeadlineInput): Deadline {
  const calendar = input.calendar ?? BUNDLED_RU_CALENDAR;
  const received = toMoscowDate(input.receivedAt);
  const rule = ruleFor(input.regime, input.type);
  const promise = promiseFor(input.type);
  const promisedDueDate = promise ? addBusinessDays(received, promise.period.count) : undefined;
  if (!rule.period) return { rule, dueDate: null, provisional: false, ...(promisedDueDate ? { promisedDueDate } : {}) };
  const counting = COUNTINGS[rule.counting];
  const dueDate = endOf(received, rule.period, counting, calendar);
  // Stryker disable next-line BooleanLiteral: set below, before the deadline is returned
  const deadline: Deadline = { rule, dueDate, provisional: false, ...(promisedDueDate ? { promisedDueDate } : {}) };
  if (input.extended && rule.extension) {
    // 152-FZ: "extended by up to 5 working days" — counted on from the first due date.
    // GDPR: "two further months" — three months from receipt, not from the first due date
    // (31 Jan → 28 Feb, but → 30 Apr when extended).
    deadline.extendedDueDate = extendedInMonths(rule, rule.extension)
      ? endOf(received, { unit: 'months', count: rule.period.count + rule.extension.count }, counting, calendar)
      : endOf(dueDate, rule.extension, counting, calendar);
  }
  if (rule.then) deadline.thenDueDate = endOf(received, rule.then.period, counting, calendar);
  const last =
    [deadline.extendedDueDate, deadline.thenDueDate, dueDate]
      .filter((d): d is string => d !== undefined)
      .sort()
      .pop() ?? dueDate;
  deadline.provisional = input.regime === 'ru152' && calendar.isProvisional(received, last);
  return deadline;
}

export interface DaysLeft {
  /** Days still to count on the rule's calendar after `today`; negative once overdue. */
  workingDays: number;
  calendarDays: number;
  overdue: boolean;
}

/**
 * Days left until `dueDate` (the last allowed day). Working days are counted on the Russian
 * production calendar for `ru152`, Monday to Friday for `gdpr` and `business`. Overdue needs no
 * calendar: it is today after the due date.
 */
export function daysLeft(
  dueDate: string,
  today: DateInput,
  regime: Regime | DayCounting,
  calendar: RuCalendar = BUNDLED_RU_CALENDAR,
): DaysLeft {
  const due = toMoscowDate(dueDate);
  const now = toMoscowDate(today);
  const workingDays = COUNTINGS[regime === 'ru152' ? 'ru152' : 'business'].workingDaysBetween(now, due, calendar);
  return { workingDays, calendarDays: daysBetween(now, due), overdue: isOverdue(due, now) };
}

/** Today (in Moscow) is after the last allowed day. */
export function isOverdue(dueDate: string, today: DateInput): boolean {
  return toMoscowDate(today) > toMoscowDate(dueDate);
}
