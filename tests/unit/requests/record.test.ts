import { describe, expect, it } from 'vitest';
import { deriveStatus, RequestRecordSchema, type RequestEvent } from '@/lib/requests/record';
import { makeRecord } from './fixtures';

const T = Date.parse('2026-03-02T09:00:00Z');
const queued: RequestEvent = { at: T, kind: 'queued' };
const failedAttempt: RequestEvent = { at: T + 1, kind: 'attempt_failed', detail: 'HTTP 503' };
const sent: RequestEvent = { at: T + 2, kind: 'sent' };
const received: RequestEvent = {
  at: T + 2,
  kind: 'received',
  reference: 'IG-2026-000001',
  dueAt: '2026-03-16',
  verification: 'none',
};
const receivedVerify: RequestEvent = { ...received, verification: 'email_sent' };
const inProgress: RequestEvent = {
  at: T + 3,
  kind: 'status',
  status: 'in_progress',
  reference: 'IG-2026-000001',
  dueAt: '2026-03-16',
};
const extended: RequestEvent = {
  at: T + 4,
  kind: 'status',
  status: 'in_progress',
  reference: 'IG-2026-000001',
  dueAt: '2026-03-16',
  extendedDueAt: '2026-03-23',
  message: 'We need more time',
};
const completed: RequestEvent = {
  at: T + 5,
  kind: 'status',
  status: 'completed',
  reference: 'IG-2026-000001',
  dueAt: '2026-03-16',
};
const rejected: RequestEvent = {
  at: T + 5,
  kind: 'status',
  status: 'rejected',
  reference: 'IG-2026-000001',
  reason: 'Identity not confirmed',
};
const failed: RequestEvent = { at: T + 6, kind: 'failed', detail: 'HTTP 422: invalid' };
const emailed: RequestEvent = { at: T + 7, kind: 'email_sent' };

describe('deriveStatus', () => {
  it.each([
    ['a request just written', [queued], { status: 'queued' }],
    [
      'a request whose attempt failed, with the reason',
      [queued, failedAttempt],
      { status: 'queued', lastError: 'HTTP 503' },
    ],
    [
      'a sent and received request, with its reference and due date',
      [queued, sent, received],
      { status: 'received', reference: 'IG-2026-000001', dueAt: '2026-03-16' },
    ],
    ['a request Ingroup asked to confirm by email', [queued, sent, receivedVerify], { status: 'verifying' }],
    ['a request in progress', [queued, sent, received, inProgress], { status: 'in_progress' }],
    [
      'an extended request, with both dates and the note',
      [queued, sent, received, extended],
      { status: 'in_progress', dueAt: '2026-03-16', extendedDueAt: '2026-03-23', message: 'We need more time' },
    ],
    [
      'a completed request',
      [queued, sent, received, inProgress, completed],
      { status: 'completed', reference: 'IG-2026-000001' },
    ],
    [
      'a rejected request, with the reason',
      [queued, sent, received, rejected],
      { status: 'rejected', reason: 'Identity not confirmed' },
    ],
    ['a request that failed', [queued, failedAttempt, failed], { status: 'failed', lastError: 'HTTP 422: invalid' }],
    ['a failed request sent by email', [queued, failed, emailed], { status: 'sent', sentBy: 'email' }],
    ['a failed request queued again', [queued, failed, { at: T + 8, kind: 'queued' }], { status: 'queued' }],
  ] as const)('derives %s', (_name, events, expected) => {
    const state = deriveStatus(makeRecord([...events]));
    expect(state).toMatchObject(expected);
    expect(state.updatedAt).toBe(events.at(-1)?.at);
  });

  it('clears the last error when a failed request is queued again', () => {
    expect(deriveStatus(makeRecord([queued, failed, { at: T + 8, kind: 'queued' }]))).not.toHaveProperty('lastError');
  });

  it('forgets a note the endpoint no longer sends', () => {
    const later: RequestEvent = { at: T + 9, kind: 'status', status: 'in_progress', reference: 'IG-2026-000001' };
    const state = deriveStatus(makeRecord([queued, sent, received, extended, later]));
    expect(state.message).toBeUndefined();
    expect(state.extendedDueAt).toBe('2026-03-23');
  });

  it('keeps records that pass their own schema', () => {
    expect(RequestRecordSchema.safeParse(makeRecord([queued, sent, received], { outboxDueAt: T })).success).toBe(true);
    expect(
      RequestRecordSchema.safeParse({ ...makeRecord([queued]), events: [{ at: T, kind: 'paused' }] }).success,
    ).toBe(false);
  });
});
