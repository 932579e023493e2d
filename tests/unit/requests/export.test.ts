// @vitest-environment node
import ICAL from 'ical.js';
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { requestTitle } from '@/lib/requests/email';
import { bestDueDate, foldLine, icsText, requestsCsv, requestsIcs } from '@/lib/requests/export';
import { deriveStatus, type RequestEvent, type RequestRecord } from '@/lib/requests/record';
import type { RequestView } from '@/lib/requests/view';
import { makeBody, makeRecord } from './fixtures';

const T = Date.parse('2026-03-02T09:00:00Z');
const received = (reference: string, dueAt: string): RequestEvent[] => [
  { at: T, kind: 'queued' },
  { at: T + 1, kind: 'sent' },
  { at: T + 1, kind: 'received', reference, dueAt, verification: 'none' },
];

function records(): RequestRecord[] {
  const open = makeRecord(received('IG-2026-000001', '2026-03-16'));
  const extended = makeRecord(
    [
      ...received('IG-2026-000002', '2026-03-16'),
      {
        at: T + 2,
        kind: 'status',
        status: 'in_progress',
        reference: 'IG-2026-000002',
        dueAt: '2026-03-16',
        extendedDueAt: '2026-03-23',
      },
    ],
    { body: makeBody({ type: 'erasure' }) },
  );
  const rejected = makeRecord([
    ...received('IG-2026-000003', '2026-03-16'),
    {
      at: T + 3,
      kind: 'status',
      status: 'rejected',
      reference: 'IG-2026-000003',
      reason: '=HYPERLINK("http://evil.example","click"), said "no"\nи ещё строка',
    },
  ]);
  const queued = makeRecord([{ at: T, kind: 'queued' }]);
  return [open, extended, rejected, queued];
}

/**
 * A request as the list shows it. Built by hand from the record's derived state, so these tests
 * hold the export to whatever due date the view carries, not to a deadline rule.
 */
function view(record: RequestRecord, dueDate: string | null, extra: Partial<RequestView> = {}): RequestView {
  const state = deriveStatus(record);
  const reported = state.extendedDueAt ?? state.dueAt;
  return {
    record,
    state,
    receivedAt: null,
    dueDate,
    reportedDueDate: reported ? reported.slice(0, 10) : null,
    promisedDueDate: null,
    thenDueDate: null,
    provisional: false,
    rule: null,
    workingDaysLeft: null,
    overdue: false,
    notGettingThrough: false,
    dueSoon: false,
    needsAction: null,
    ...extra,
  };
}

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

describe('requestsCsv', () => {
  it('starts with a UTF-8 byte-order mark, so Excel reads Cyrillic as Cyrillic', () => {
    const bytes = new TextEncoder().encode(requestsCsv(records()));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextEncoder().encode(requestsCsv([])).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes a header and one CRLF-terminated row per request', () => {
    const csv = requestsCsv(records()).slice(1);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'id,reference,host,account_id,type,channel,status,created_at,due_at,extended_due_at,reason,last_error',
    );
    expect(lines[2]).toContain(',erasure,endpoint,in_progress,2026-03-02T09:00:00.000Z,2026-03-16,2026-03-23,,');
  });

  it('comes back whole through csv-parse, every value, with formulas neutralised by one apostrophe', () => {
    const all = records();
    const rows = parseCsv<Record<string, string>>(requestsCsv(all), {
      bom: true,
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(rows).toHaveLength(all.length);
    rows.forEach((row, i) => {
      const record = all[i]!;
      const state = deriveStatus(record);
      expect(row).toEqual({
        id: record.id,
        reference: state.reference ?? '',
        host: record.host,
        account_id: String(record.body.account.id),
        type: record.type,
        channel: record.channel,
        status: state.status,
        created_at: new Date(record.createdAt).toISOString(),
        due_at: state.dueAt ?? '',
        extended_due_at: state.extendedDueAt ?? '',
        reason: state.reason ? (/^[=+\-@]/.test(state.reason) ? `'${state.reason}` : state.reason) : '',
        last_error: state.lastError ?? '',
      });
    });
    expect(rows[2]!.reason).toBe(`'=HYPERLINK("http://evil.example","click"), said "no"\nи ещё строка`);
  });
});

describe('icsText and foldLine', () => {
  it.each([
    ['a, b; c\\d', 'a\\, b\\; c\\\\d'],
    ['line one\nline two\r\nthree', 'line one\\nline two\\nthree'],
    ['plain', 'plain'],
  ])('escapes %j', (input, expected) => {
    expect(icsText(input)).toBe(expected);
  });

  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `SUMMARY:${'Срок ответа Ingroup: уничтожение данных '.repeat(5)}`;
    const folded = foldLine(line);
    const encoder = new TextEncoder();
    for (const part of folded.split('\r\n')) expect(encoder.encode(part).length).toBeLessThanOrEqual(75);
    expect(
      folded
        .split('\r\n')
        .slice(1)
        .every((p) => p.startsWith(' ')),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('requestsIcs', () => {
  const [open, extended, rejected, queued] = records();
  const views = [
    // The law's date known: it is the one shown, whatever Ingroup reported.
    view(open!, '2026-03-13'),
    // No legal date (the law sets none for it): Ingroup's extended date, marked as Ingroup's.
    view(extended!, null, { dueUnknown: 'no_legal_deadline' }),
    // A legal date on a provisional production calendar says so.
    view(rejected!, '2026-03-16', { provisional: true }),
    // Not received, no date from anyone.
    view(queued!, null, { dueUnknown: 'not_received' }),
  ];
  const ics = requestsIcs(views, { now: T, lang: 'ru' });
  const calendar = new ICAL.Component(ICAL.parse(ics));

  it('is one VCALENDAR with CRLF line endings and lines folded at 75 octets', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it('declares no METHOD, so it needs no ORGANIZER (RFC 5546), and every event has what RFC 5545 requires', () => {
    expect(unfold(ics).some((l) => l.startsWith('METHOD'))).toBe(false);
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Ingroup Privacy for amoCRM//Requests//EN');
    for (const component of [...calendar.getAllSubcomponents('vevent'), ...calendar.getAllSubcomponents('vtodo')]) {
      expect(component.getFirstPropertyValue('uid')).toMatch(/@ingru-privacy$/);
      expect(component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-03-02T09:00:00Z');
    }
  });

  it('holds every request with a known due date: the law’s date, or else Ingroup’s, marked as Ingroup’s', () => {
    const events = calendar.getAllSubcomponents('vevent');
    const byUid = new Map(events.map((e) => [e.getFirstPropertyValue('uid'), e]));
    expect(events).toHaveLength(3);
    const law = byUid.get(`${open!.id}@ingru-privacy`)!;
    expect(law.getFirstPropertyValue('dtstart')?.toString()).toBe('2026-03-13');
    expect(law.getFirstPropertyValue('summary')).not.toContain('по данным Ingroup');
    expect(law.getFirstPropertyValue('description')).toContain('Срок, сообщённый Ingroup: 2026-03-16');
    const ingroup = byUid.get(`${extended!.id}@ingru-privacy`)!;
    expect(ingroup.getFirstPropertyValue('dtstart')?.toString()).toBe('2026-03-23');
    expect(ingroup.getFirstPropertyValue('summary')).toBe(
      `Срок ответа Ingroup (по данным Ingroup): ${requestTitle('erasure', 'ru')}, IG-2026-000002 (fixture-agency.amocrm.ru)`,
    );
    expect(ingroup.getFirstPropertyValue('description')).toContain('закон не устанавливает срок для такого запроса');
    const closed = byUid.get(`${rejected!.id}@ingru-privacy`)!;
    expect(closed.getFirstPropertyValue('summary')).toMatch(/— отклонён$/);
    expect(closed.getFirstPropertyValue('description')).toContain('предварительному производственному календарю');
  });

  it('lists a request without a due date in the calendar’s own description, and as a task without a date', () => {
    const description = calendar.getFirstPropertyValue('description');
    expect(description).toContain(`${queued!.id} (fixture-agency.amocrm.ru): Ingroup ещё не получил запрос`);
    const [todo, ...more] = calendar.getAllSubcomponents('vtodo');
    expect(more).toHaveLength(0);
    expect(todo!.getFirstPropertyValue('uid')).toBe(`${queued!.id}.undated@ingru-privacy`);
    expect(todo!.hasProperty('due')).toBe(false);
    const allDated = new ICAL.Component(ICAL.parse(requestsIcs(views.slice(0, 3), { now: T, lang: 'en' })));
    expect(allDated.getFirstPropertyValue('description')).toBe('Every request in this file has a known due date.');
  });

  it('gives back, through ical.js, every text exactly as written, however it had to be escaped', () => {
    const nasty = 'IG;2026,007 C:\\new\\x; «ёлки»,\nвторая строка';
    const record = makeRecord([
      { at: T, kind: 'queued' },
      { at: T + 1, kind: 'sent' },
      { at: T + 1, kind: 'received', reference: nasty, dueAt: '2026-03-16', verification: 'none' },
    ]);
    const parsed = new ICAL.Component(ICAL.parse(requestsIcs([view(record, null)], { now: T, lang: 'en' })));
    const event = parsed.getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('summary')).toBe(
      `Ingroup must answer (date reported by Ingroup): ${requestTitle('access', 'en')}, ${nasty} (fixture-agency.amocrm.ru)`,
    );
    expect(event.getFirstPropertyValue('description')).toBe(
      [
        `Request id: ${record.id}`,
        `Ingroup reference: ${nasty}`,
        'Status: received by Ingroup',
        'Due date reported by Ingroup: 2026-03-16',
        'The extension cannot count the legal deadline, so this is the date Ingroup reported; why: no due date known',
      ].join('\n'),
    );
  });
});

describe('bestDueDate', () => {
  const [open] = records();
  it.each([
    ['the law’s date when the extension has one', '2026-03-13', { date: '2026-03-13', source: 'law' }],
    ['Ingroup’s date when the law’s is unknown', null, { date: '2026-03-16', source: 'ingroup' }],
  ] as const)('is %s', (_what, dueDate, expected) => {
    expect(bestDueDate(view(open!, dueDate))).toEqual(expected);
  });

  it('is null when nobody knows', () => {
    expect(bestDueDate(view(makeRecord([{ at: T, kind: 'queued' }]), null))).toBeNull();
  });
});
