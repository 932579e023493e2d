/**
 * What a request looks like to the administrator right now — status, due date, days left,
 * overdue, what to do next — derived from its record and today's date, never stored.
 */
import type { Regime } from '../amocrm/host';
import { CalendarNotCovered } from '../deadlines/ru-calendar';
import { daysLeft, deadlineFor, type DeadlineRule } from '../deadlines/rules';
import { deriveStatus, isFinal, type RequestRecord, type RequestState } from './record';

export interface RequestView {
  record: RequestRecord;
  state: RequestState;
  /** When Ingroup received it (the receipt's time, or when the admin emailed it), or null before then. */
  receivedAt: string | null;
  /** The last allowed day (YYYY-MM-DD): the endpoint's extended or own due date, else the law's. */
  dueDate: string | null;
  /** Why `dueDate` is null: not received yet, or the calendar for that year is not bundled. */
  dueUnknown?: 'not_received' | 'calendar_not_covered';
  calendarYear?: number;
  rule: DeadlineRule | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  /** failed → send by email; overdue → complaint; otherwise nothing to do. */
  needsAction: 'email' | 'complaint' | null;
}

/** When Ingroup received it: the receipt's time, or the admin's email time. */
function receivedAt(record: RequestRecord): string | null {
  if (record.receipt?.receivedAt) return record.receipt.receivedAt;
  const emailed = record.events.find((e) => e.kind === 'email_sent');
  return emailed ? new Date(emailed.at).toISOString() : null;
}

export function requestView(record: RequestRecord, regime: Regime, today: Date): RequestView {
  const state = deriveStatus(record);
  const received = receivedAt(record);
  const base = { record, state, receivedAt: received, rule: null, workingDaysLeft: null, overdue: false, needsAction: state.status === 'failed' ? ('email' as const) : null };
  if (!received) return { ...base, dueDate: null, dueUnknown: 'not_received' };
  try {
    const deadline = deadlineFor({ regime, type: record.type, receivedAt: received, extended: state.extendedDueAt !== undefined });
    const reported = state.extendedDueAt ?? state.dueAt;
    const dueDate = (reported ? reported.slice(0, 10) : undefined) ?? deadline.extendedDueDate ?? deadline.dueDate;
    const left = daysLeft(dueDate, today, deadline.rule.counting);
    const overdue = left.overdue && !isFinal(state.status);
    return {
      ...base,
      dueDate,
      rule: deadline.rule,
      workingDaysLeft: left.workingDays,
      overdue,
      needsAction: base.needsAction ?? (overdue ? 'complaint' : null),
    };
  } catch (error) {
    if (!(error instanceof CalendarNotCovered)) throw error;
    return { ...base, dueDate: null, dueUnknown: 'calendar_not_covered', calendarYear: error.year };
  }
}
