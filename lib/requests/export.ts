/**
 * Requests out of the extension, as datarequests.org does: a CSV table for spreadsheets and an
 * iCalendar file with one all-day event per deadline.
 *
 * CSV: a UTF-8 byte-order mark (for Excel), RFC 4180 quoting, CRLF rows, cells a spreadsheet
 * would run as a formula neutralised (the ledger's `csvFile`). ICS: RFC 5545 — CRLF line endings,
 * lines folded at 75 octets, TEXT values escaped, `DTSTART;VALUE=DATE` on the due date,
 * `UID` = `<request id>@ingru-privacy`.
 */
import { csvFile } from '../consent/export';
import { keyOf, translator } from '../i18n';
import { deriveStatus, isFinal, type RequestRecord } from './record';
import { requestTitle } from './titles';
import type { RequestView } from './view';
import type { Lang } from '../vocabulary';

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

/** All requests as CSV: byte-order mark, header row, CRLF line ends (the ledger's `csvFile`). */
export function requestsCsv(records: readonly RequestRecord[]): string {
  return csvFile(
    CSV_COLUMNS,
    records.map((r) => {
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
      ];
    }),
  );
}

/** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
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
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export interface IcsOptions {
  /** DTSTAMP of the file (epoch ms). */
  now: number;
  lang: Lang;
}

/** The best due date known for a request, and whose it is. */
export interface BestDue {
  /** YYYY-MM-DD, the last day. */
  date: string;
  /** `law`: counted by the extension from the law's rule; `ingroup`: the date Ingroup reported, where the law gives none. */
  source: 'law' | 'ingroup';
}

const DAY = /^\d{4}-\d{2}-\d{2}/;

/** The law's due date when the extension can count it, else the one Ingroup reported, else null. */
export function bestDueDate(view: RequestView): BestDue | null {
  if (view.dueDate && DAY.test(view.dueDate)) return { date: view.dueDate.slice(0, 10), source: 'law' };
  const reported = view.state.extendedDueAt ?? view.state.dueAt;
  return reported && DAY.test(reported) ? { date: reported.slice(0, 10), source: 'ingroup' } : null;
}

type Words = Record<Lang, string>;

const WORDS = {
  calendar: { ru: 'Сроки ответов Ingroup на запросы', en: 'Ingroup’s deadlines for your requests' },
  due: { ru: 'Срок ответа Ingroup', en: 'Ingroup must answer' },
  ingroupDate: { ru: 'по данным Ingroup', en: 'date reported by Ingroup' },
  lawDate: { ru: 'Срок по закону', en: 'Due by law' },
  reportedDate: { ru: 'Срок, сообщённый Ingroup', en: 'Due date reported by Ingroup' },
  noLawDate: {
    ru: 'Срок по закону расширение посчитать не может, и показан срок, который сообщил Ingroup; причина',
    en: 'The extension cannot count the legal deadline, so this is the date Ingroup reported; why',
  },
  firstDue: { ru: 'Срок продлён, исходный срок', en: 'Extended; first due date' },
  id: { ru: 'Номер запроса', en: 'Request id' },
  reference: { ru: 'Номер в Ingroup', en: 'Ingroup reference' },
  status: { ru: 'Статус', en: 'Status' },
  undated: { ru: 'Срок ответа Ingroup неизвестен', en: 'Ingroup’s deadline unknown' },
  allDated: {
    ru: 'Срок известен у всех запросов в этом файле.',
    en: 'Every request in this file has a known due date.',
  },
  undatedHeading: {
    ru: 'Запросы без известного срока (в файле — задачами без срока)',
    en: 'Requests without a known due date (in this file as tasks without a date)',
  },
  notReceived: {
    ru: 'Ingroup ещё не получил запрос: срок считается с момента получения',
    en: 'not received by Ingroup yet: the period counts from receipt',
  },
  noLegalDeadline: {
    ru: 'закон не устанавливает срок для такого запроса',
    en: 'the law sets no deadline for this kind of request',
  },
  provisional: {
    ru: 'посчитан по предварительному производственному календарю: может сдвинуться, когда выйдет постановление',
    en: 'counted on a provisional production calendar: it may move when the decree is out',
  },
  noDate: { ru: 'срок не известен', en: 'no due date known' },
} satisfies Record<string, Words>;

function whyUndated(view: RequestView, lang: Lang): string {
  if (view.dueUnknown === 'not_received') return WORDS.notReceived[lang];
  if (view.dueUnknown === 'no_legal_deadline') return WORDS.noLegalDeadline[lang];
  return WORDS.noDate[lang];
}

function label(view: RequestView, lang: Lang): string {
  return `${requestTitle(view.record.type, lang)}, ${view.state.reference ?? view.record.id} (${view.record.host})`;
}

function statusWords(view: RequestView, lang: Lang): string {
  return translator(lang)(keyOf('requests.status', view.state.status));
}

function facts(view: RequestView, lang: Lang): string[] {
  return [
    `${WORDS.id[lang]}: ${view.record.id}`,
    view.state.reference ? `${WORDS.reference[lang]}: ${view.state.reference}` : '',
    `${WORDS.status[lang]}: ${statusWords(view, lang)}`,
  ];
}

function dueLines(view: RequestView, due: BestDue, lang: Lang): string[] {
  const reported = view.state.extendedDueAt ?? view.state.dueAt;
  if (due.source === 'ingroup') {
    return [
      `${WORDS.reportedDate[lang]}: ${due.date}`,
      view.state.extendedDueAt && view.state.dueAt ? `${WORDS.firstDue[lang]}: ${view.state.dueAt.slice(0, 10)}` : '',
      `${WORDS.noLawDate[lang]}: ${whyUndated(view, lang)}`,
    ];
  }
  return [
    `${WORDS.lawDate[lang]}: ${due.date}${view.rule ? ` (${view.rule.label[lang]}; ${view.rule.source})` : ''}`,
    view.provisional ? WORDS.provisional[lang] : '',
    reported && reported.slice(0, 10) !== due.date ? `${WORDS.reportedDate[lang]}: ${reported.slice(0, 10)}` : '',
  ];
}

/**
 * An iCalendar file (RFC 5545) of every request with a known due date: an all-day event on the
 * law's due date, or else on the date Ingroup reported, marked as Ingroup's in its title (a date
 * counted on a provisional production calendar says so). Requests
 * with no due date known are listed in the calendar's own description (RFC 7986 DESCRIPTION, and
 * X-WR-CALDESC for older clients) and written as tasks without a date, so the file never drops one
 * — and always holds the component RFC 5545 §3.6 requires.
 *
 * No METHOD: the file is a calendar to import, not an iTIP message (RFC 5546), which would need an
 * ORGANIZER on every event.
 */
export function requestsIcs(views: readonly RequestView[], options: IcsOptions): string {
  const { lang } = options;
  const stamp = `DTSTAMP:${icsStamp(options.now)}`;
  const components: string[] = [];
  const undated: string[] = [];
  for (const view of views) {
    const due = bestDueDate(view);
    if (!due) {
      undated.push(`- ${label(view, lang)}: ${whyUndated(view, lang)}`);
      components.push(
        'BEGIN:VTODO',
        `UID:${view.record.id}.undated@ingru-privacy`,
        stamp,
        `SUMMARY:${icsText(`${WORDS.undated[lang]}: ${label(view, lang)}`)}`,
        `DESCRIPTION:${icsText([...facts(view, lang), whyUndated(view, lang)].filter(Boolean).join('\n'))}`,
        'END:VTODO',
      );
      continue;
    }
    const closed = isFinal(view.state.status) || view.state.status === 'failed';
    const whose = due.source === 'ingroup' ? ` (${WORDS.ingroupDate[lang]})` : '';
    const summary = `${WORDS.due[lang]}${whose}: ${label(view, lang)}${closed ? ` — ${statusWords(view, lang)}` : ''}`;
    components.push(
      'BEGIN:VEVENT',
      `UID:${view.record.id}@ingru-privacy`,
      stamp,
      `DTSTART;VALUE=DATE:${icsDate(due.date)}`,
      `SUMMARY:${icsText(summary)}`,
      `DESCRIPTION:${icsText([...facts(view, lang), ...dueLines(view, due, lang)].filter(Boolean).join('\n'))}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  const description = undated.length ? [`${WORDS.undatedHeading[lang]}:`, ...undated].join('\n') : WORDS.allDated[lang];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Ingroup Privacy for amoCRM//Requests//EN',
    'CALSCALE:GREGORIAN',
    `NAME:${icsText(WORDS.calendar[lang])}`,
    `X-WR-CALNAME:${icsText(WORDS.calendar[lang])}`,
    `DESCRIPTION:${icsText(description)}`,
    `X-WR-CALDESC:${icsText(description)}`,
    ...components,
    'END:VCALENDAR',
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join('');
}
