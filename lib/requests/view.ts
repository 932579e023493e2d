/**
 * What a request looks like to the administrator right now — status, the law's due date beside
 * Ingroup's, days left, overdue, what to do next — derived from its record and today's date,
 * never stored. Overdue is by law: a date Ingroup reports is shown, never obeyed.
 */
import type { Regime } from '../vocabulary';
import type { RuCalendar } from '../deadlines/ru-calendar';
import { daysLeft, deadlineFor, isOverdue, type DeadlineRule } from '../deadlines/rules';
import { deriveStatus, isFinal, type RequestRecord, type RequestState } from './record';

export interface RequestView {
  record: RequestRecord;
  state: RequestState;
  /** When Ingroup received it (the receipt's time, or when the admin emailed it), or null before then. */
  receivedAt: string | null;
  /**
   * The last allowed day by law (YYYY-MM-DD): the rule's date, or its extended date once Ingroup
   * reported an extension the rule allows. Null before receipt, or where the law sets no deadline.
   */
  dueDate: string | null;
  /** Why `dueDate` is null. */
  dueUnknown?: 'not_received' | 'no_legal_deadline';
  /** The date Ingroup reported (its extended date over its first one), shown beside the law's. */
  reportedDueDate: string | null;
  /** Ingroup's own promise (policy §5.3) for marketing changes. */
  promisedDueDate: string | null;
  /** The second step of the duty (destroy after stop), where the rule has one. */
  thenDueDate: string | null;
  /** A date was counted on a provisional production calendar: it may move when the decree is out. */
  provisional: boolean;
  rule: DeadlineRule | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  /**
   * Still being sent, and not getting through: no connection to the endpoint at all, an attempt
   * told to wait for long (a day-long Retry-After), or three attempts failed. Email is offered at once.
   */
  notGettingThrough: boolean;
  /** The due date is near: at most `REMINDER_WORKING_DAYS` working days left, and not yet answered. */
  dueSoon: boolean;
  /**
   * failed, not getting through, or saved for email and not yet sent → send by email;
   * overdue → complaint; otherwise nothing to do.
   */
  needsAction: 'email' | 'complaint' | null;
}

/** A reminder comes this many working days (or fewer) before the legal due date. */
export const REMINDER_WORKING_DAYS = 3;
/** A next attempt this far away means the endpoint is not taking requests now. */
export const LONG_WAIT_MS = 10 * 60_000;
/** Attempts that may fail, for reasons other than no connection, before the request counts as not getting through. */
export const FAILED_ATTEMPTS_BEFORE_EMAIL = 3;

/**
 * A queued request the endpoint is not taking: its last attempt reached nothing (a name that does
 * not resolve, a refused connection, a timeout), it is told to wait long, or it failed three times.
 */
export function isNotGettingThrough(record: RequestRecord, state: RequestState, now: number): boolean {
  if (state.status !== 'queued' || record.channel !== 'endpoint') return false;
  const lastFailure = [...record.events].reverse().find((e) => e.kind === 'attempt_failed' || e.kind === 'queued');
  const noConnection = lastFailure?.kind === 'attempt_failed' && lastFailure.httpStatus === undefined;
  const longWait = record.outboxDueAt !== undefined && record.outboxDueAt - now >= LONG_WAIT_MS;
  return (
    noConnection ||
    longWait ||
    (lastFailure?.kind === 'attempt_failed' && record.attempts >= FAILED_ATTEMPTS_BEFORE_EMAIL)
  );
}

/** When Ingroup received it: the receipt's time, or the admin's email time. */
function receivedAt(record: RequestRecord): string | null {
  if (record.receipt?.receivedAt) return record.receipt.receivedAt;
  const emailed = record.events.find((e) => e.kind === 'email_sent');
  return emailed ? new Date(emailed.at).toISOString() : null;
}

export function requestView(record: RequestRecord, regime: Regime, today: Date, calendar?: RuCalendar): RequestView {
  const state = deriveStatus(record);
  const received = receivedAt(record);
  const reported = state.extendedDueAt ?? state.dueAt;
  const notGettingThrough = isNotGettingThrough(record, state, today.getTime());
  const savedForEmail = record.channel === 'email' && state.status === 'queued';
  const wantsEmail = state.status === 'failed' || notGettingThrough || savedForEmail;
  const base = {
    record,
    state,
    receivedAt: received,
    reportedDueDate: reported ? reported.slice(0, 10) : null,
    promisedDueDate: null,
    thenDueDate: null,
    provisional: false,
    rule: null,
    workingDaysLeft: null,
    overdue: false,
    notGettingThrough,
    dueSoon: false,
    needsAction: wantsEmail ? ('email' as const) : null,
  };
  if (!received) return { ...base, dueDate: null, dueUnknown: 'not_received' };
  const deadline = deadlineFor({
    regime,
    type: record.type,
    receivedAt: received,
    extended: state.extended === true,
    ...(calendar ? { calendar } : {}),
  });
  const common = {
    ...base,
    rule: deadline.rule,
    promisedDueDate: deadline.promisedDueDate ?? null,
    thenDueDate: deadline.thenDueDate ?? null,
    provisional: deadline.provisional,
  };
  if (deadline.dueDate === null) return { ...common, dueDate: null, dueUnknown: 'no_legal_deadline' };
  const dueDate = deadline.extendedDueDate ?? deadline.dueDate;
  const overdue = isOverdue(dueDate, today) && !isFinal(state.status);
  const workingDaysLeft = daysLeft(dueDate, today, deadline.rule.counting, calendar).workingDays;
  return {
    ...common,
    dueDate,
    workingDaysLeft,
    overdue,
    dueSoon:
      !overdue &&
      !isFinal(state.status) &&
      deadline.rule.period?.unit !== 'immediately' &&
      workingDaysLeft <= REMINDER_WORKING_DAYS,
    needsAction: base.needsAction ?? (overdue ? 'complaint' : null),
  };
}
