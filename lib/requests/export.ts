/**
 * Requests out of the extension, as datarequests.org does: a CSV table for spreadsheets and an
 * iCalendar file with one all-day event per deadline.
 *
 * CSV: RFC 4180 quoting, CRLF rows, cells a spreadsheet would run as a formula neutralised
 * (the ledger's `csvCell`). ICS: RFC 5545 — CRLF line endings, lines folded at 75 octets,
 * TEXT values escaped, `DTSTART;VALUE=DATE` on the due date, `UID` = `<request id>@ingru-privacy`.
 */
import { csvCell } from '../consent/export';
import { requestTitle } from './titles';
import { deriveStatus, isFinal, type RequestRecord, type RequestState } from './record';

const CSV_COLUMNS = [
  'id',
  'reference',
  'host',
  'account_id',
  'type',
  'channel',
  'status',
  'created_at',
  'due_at',
  'extended_due_at',
  'reason',
  'last_error',
] as const;

/** All requests as CSV (header row, CRLF line ends). Prepend U+FEFF for Excel if wanted. */
export function requestsCsv(records: readonly RequestRecord[]): string {
  const rows = records.map((r) => {
    const s = deriveStatus(r);
    return [
      r.id,
      s.reference,
      r.host,
      r.body.account.id,
      r.type,
      r.channel,
      s.status,
      new Date(r.createdAt).toISOString(),
      s.dueAt,
      s.extendedDueAt,
      s.reason,
      s.lastError,
    ]
      .map(csvCell)
      .join(',');
  });
  return [CSV_COLUMNS.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function icsDate(date: string): string {
  return date.slice(0, 10).replaceAll('-', '');
}

function icsStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

export interface IcsOptions {
  /** DTSTAMP of the file (epoch ms). */
  now: number;
  lang: 'ru' | 'en';
  /**
   * The due date to show (`YYYY-MM-DD`) when the endpoint reported none — e.g. computed with
   * lib/deadlines. Default: the endpoint's extended due date, else its due date.
   */
  dueOf?: (record: RequestRecord, state: RequestState) => string | undefined;
  /** Include completed, rejected and failed requests. Default false: a calendar of what is still owed. */
  includeClosed?: boolean;
}

const TYPE_WORDS: Record<'ru' | 'en', string> = { ru: 'Срок ответа Ingroup', en: 'Ingroup must answer' };

/** An iCalendar file with an all-day event on each open request's due date. */
export function requestsIcs(records: readonly RequestRecord[], options: IcsOptions): string {
  const dueOf = options.dueOf ?? ((_r: RequestRecord, s: RequestState) => s.extendedDueAt ?? s.dueAt);
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ingroup Privacy for amoCRM//Requests//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  for (const record of records) {
    const state = deriveStatus(record);
    if (!options.includeClosed && (isFinal(state.status) || state.status === 'failed')) continue;
    const due = dueOf(record, state);
    if (!due || !/^\d{4}-\d{2}-\d{2}/.test(due)) continue;
    const ru = options.lang === 'ru';
    const name = `${TYPE_WORDS[options.lang]}: ${requestTitle(record.type, options.lang)}, ${state.reference ?? record.id} (${record.host})`;
    const description = [
      `${ru ? 'Номер запроса' : 'Request id'}: ${record.id}`,
      state.reference ? `${ru ? 'Номер в Ingroup' : 'Ingroup reference'}: ${state.reference}` : '',
      `${ru ? 'Статус' : 'Status'}: ${state.status}`,
      state.extendedDueAt && state.dueAt ? `${ru ? 'Срок продлён, исходный срок' : 'Extended; first due date'}: ${state.dueAt}` : '',
    ]
      .filter(Boolean)
      .join('\n');
    lines.push(
      'BEGIN:VEVENT',
      `UID:${record.id}@ingru-privacy`,
      `DTSTAMP:${icsStamp(options.now)}`,
      `DTSTART;VALUE=DATE:${icsDate(due)}`,
      `SUMMARY:${icsText(name)}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
