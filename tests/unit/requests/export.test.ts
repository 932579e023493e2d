// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { foldLine, icsText, requestsCsv, requestsIcs } from '@/lib/requests/export';
import type { RequestEvent, RequestRecord } from '@/lib/requests/record';
import { makeBody, makeRecord } from './fixtures';

const T = Date.parse('2026-03-02T09:00:00Z');
const received = (reference: string, dueAt: string): RequestEvent[] => [
  { at: T, kind: 'queued' },
  { at: T + 1, kind: 'sent' },
  { at: T + 1, kind: 'received', reference, dueAt, verification: 'none' },
];

function records(): RequestRecord[] {
  const open = makeRecord(received('IG-2026-000001', '2026-03-16'));
  const extended = makeRecord([
    ...received('IG-2026-000002', '2026-03-16'),
    { at: T + 2, kind: 'status', status: 'in_progress', reference: 'IG-2026-000002', dueAt: '2026-03-16', extendedDueAt: '2026-03-23' },
  ], { body: makeBody({ type: 'erasure' }) });
  const rejected = makeRecord([
    ...received('IG-2026-000003', '2026-03-16'),
    { at: T + 3, kind: 'status', status: 'rejected', reference: 'IG-2026-000003', reason: '=HYPERLINK("http://evil.example","click"), said "no"' },
  ]);
  const queued = makeRecord([{ at: T, kind: 'queued' }]);
  return [open, extended, rejected, queued];
}

function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

describe('requestsCsv', () => {
  it('writes a header and one CRLF-terminated row per request', () => {
    const csv = requestsCsv(records());
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,reference,host,account_id,type,channel,status,created_at,due_at,extended_due_at,reason,last_error');
    expect(lines).toHaveLength(6); // header, four rows, and the empty string after the last CRLF
    expect(lines[5]).toBe('');
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(lines[2]).toContain(',erasure,endpoint,in_progress,2026-03-02T09:00:00.000Z,2026-03-16,2026-03-23,,');
  });

  it('quotes commas and quotes, and neutralises a formula from the endpoint', () => {
    const row = requestsCsv(records()).split('\r\n')[3]!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), said ""no"""`);
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
    expect(folded.split('\r\n').slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
  });
});

describe('requestsIcs', () => {
  const fixtures = records();
  const ics = requestsIcs(fixtures, { now: T, lang: 'ru' });

  it('is one VCALENDAR with CRLF line endings and folded lines', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const encoder = new TextEncoder();
    for (const line of ics.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
  });

  it('has an all-day event on the due date of each open request with one, the extended date when there is one', () => {
    const [open, extended] = fixtures;
    const lines = unfold(ics);
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain(`UID:${open!.id}@ingru-privacy`);
    expect(lines).toContain(`UID:${extended!.id}@ingru-privacy`);
    expect(lines).toContain('DTSTART;VALUE=DATE:20260316');
    expect(lines).toContain('DTSTART;VALUE=DATE:20260323');
    expect(lines).toContain('DTSTAMP:20260302T090000Z');
    expect(lines.find((l) => l.startsWith('SUMMARY:') && l.includes('IG-2026-000002'))).toContain('уничтожение данных');
  });

  it('uses a due date computed elsewhere when the endpoint gave none, and can include closed requests', () => {
    const all = records();
    const withDates = requestsIcs(all, { now: T, lang: 'en', includeClosed: true, dueOf: (_r, s) => s.dueAt ?? '2026-03-20' });
    expect(unfold(withDates).filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(4);
    expect(unfold(withDates)).toContain('DTSTART;VALUE=DATE:20260320');
  });
});
