/**
 * One data-subject request as the extension keeps it (Dexie table `requests`).
 *
 * Like datarequests.org's proceedings, the request's status is not a stored field patched by
 * hand: it is derived from an append-only list of events (`deriveStatus`). The two scheduling
 * fields exist only while there is work, so their indexes hold just the pending rows:
 * `outboxDueAt` while the request waits to be (re)sent, `pollDueAt` while its status is polled.
 */
import { z } from 'zod/mini';
import { IdentitySchema } from './identity';
import { DueDate, ReceiptSchema, RemoteStatus, RequestBodySchema, type RemoteStatus as RemoteStatusT } from './types';

export { IdentitySchema, type Identity } from './identity';

export const Channel = z.enum(['endpoint', 'email']);
export type Channel = z.infer<typeof Channel>;

export const EVENT_KINDS = [
  'queued',
  'attempt_failed',
  'sent',
  'received',
  'status',
  'failed',
  'email_sent',
  'answer',
] as const;

/**
 * Ingroup's answer to a request sent by email, as the administrator records it (`answer` events):
 * it acknowledged the request, answered it, extended the period (with its reason), or refused.
 */
export const ANSWER_KINDS = ['acknowledged', 'answered', 'extended', 'refused'] as const;
export const AnswerKind = z.enum(ANSWER_KINDS);
export type AnswerKind = z.infer<typeof AnswerKind>;

export const RequestEventSchema = z.object({
  /** Epoch milliseconds. */
  at: z.number(),
  kind: z.enum(EVENT_KINDS),
  /** `status` events: what the endpoint reported. */
  status: z.optional(RemoteStatus),
  /** The endpoint's HTTP status, for attempts that got an answer. */
  httpStatus: z.optional(z.int()),
  /** Plain words: what went wrong, or the endpoint's note. */
  detail: z.optional(z.string()),
  reference: z.optional(z.string()),
  dueAt: z.optional(DueDate),
  extendedDueAt: z.optional(DueDate),
  reason: z.optional(z.string()),
  message: z.optional(z.string()),
  /** `received` events: whether the endpoint asked the requester to confirm by email. */
  verification: z.optional(z.enum(['none', 'email_sent'])),
  /** `answer` events: what Ingroup answered, on which day (YYYY-MM-DD), and the administrator's note. */
  answer: z.optional(AnswerKind),
  answeredOn: z.optional(z.iso.date()),
  note: z.optional(z.string()),
});
export type RequestEvent = z.infer<typeof RequestEventSchema>;

export const RequestRecordSchema = z.object({
  id: z.uuid(),
  host: z.string(),
  type: RequestBodySchema.shape.type,
  channel: Channel,
  /** The body sent on every attempt, unchanged: the same Idempotency-Key always carries the same JSON. */
  body: RequestBodySchema,
  /** Epoch milliseconds. */
  createdAt: z.number(),
  /** Send attempts made so far (answered or not). */
  attempts: z.int().check(z.nonnegative()),
  lastError: z.optional(z.string()),
  identity: z.optional(IdentitySchema),
  receipt: z.optional(ReceiptSchema),
  events: z.array(RequestEventSchema),
  outboxDueAt: z.optional(z.number()),
  pollDueAt: z.optional(z.number()),
  /**
   * The endpoint origin the request was made for (DESIGN §7). The outbox sends it there only: after
   * the endpoint changes, it waits until the admin moves it to the new one (`request/move`).
   * Absent on requests made before this was kept: they follow the endpoint in force.
   */
  endpointOrigin: z.optional(z.string()),
  /** Status polls since the status last changed; drives the polling backoff. */
  polls: z.optional(z.int().check(z.nonnegative())),
  /**
   * Epoch ms when the request was made, kept only while it is open (neither completed nor rejected):
   * the sparse index the popup counts and the badge reads (database v5). A failed request, or one
   * sent by email and not yet answered, is open.
   */
  openSince: z.optional(z.number()),
});
export type RequestRecord = z.infer<typeof RequestRecordSchema>;

/** Whether the outbox may send `record` to `base`: the endpoint it was made for, or any for older records. */
export function sendsTo(record: Pick<RequestRecord, 'endpointOrigin'>, base: string): boolean {
  return record.endpointOrigin === undefined || record.endpointOrigin === new URL(base).origin;
}

export const DERIVED_STATUSES = [
  'queued',
  'sent',
  'received',
  'verifying',
  'in_progress',
  'completed',
  'rejected',
  'failed',
] as const;
export type DerivedStatus = (typeof DERIVED_STATUSES)[number];

export interface RequestState {
  status: DerivedStatus;
  reference?: string;
  dueAt?: string;
  extendedDueAt?: string;
  reason?: string;
  message?: string;
  /** The last failure in words, while queued after a failed attempt or once failed. */
  lastError?: string;
  /** How it went out: `email` once the admin sent it by email. */
  sentBy?: Channel;
  /** Ingroup extended the period (a reported extended date, or an extension the admin recorded). */
  extended?: boolean;
  /** The last answer the admin recorded for a request sent by email. */
  answer?: AnswerKind;
  /** Epoch milliseconds of the last event. */
  updatedAt: number;
}

/** Completed or rejected: nothing more will happen on Ingroup's side. */
export function isFinal(status: DerivedStatus): boolean {
  return status === 'completed' || status === 'rejected';
}

/** The request's status, reference and dates, replayed from its events in order. */
export function deriveStatus(record: Pick<RequestRecord, 'events' | 'createdAt'>): RequestState {
  const state: RequestState = { status: 'queued', updatedAt: record.createdAt };
  for (const event of record.events) {
    state.updatedAt = event.at;
    switch (event.kind) {
      case 'queued':
        state.status = 'queued';
        delete state.lastError;
        break;
      case 'attempt_failed':
        if (event.detail !== undefined) state.lastError = event.detail;
        break;
      case 'sent':
        state.status = 'sent';
        state.sentBy = 'endpoint';
        delete state.lastError;
        break;
      case 'email_sent':
        state.status = 'sent';
        state.sentBy = 'email';
        break;
      case 'received':
        state.status = event.verification === 'email_sent' ? 'verifying' : 'received';
        applyFacts(state, event);
        break;
      case 'status':
        if (event.status) state.status = event.status satisfies RemoteStatusT;
        // A status event is the endpoint's whole answer: a note or reason it no longer sends is gone.
        delete state.reason;
        delete state.message;
        applyFacts(state, event);
        break;
      case 'failed':
        state.status = 'failed';
        if (event.detail !== undefined) state.lastError = event.detail;
        break;
      case 'answer':
        applyAnswer(state, event);
        break;
    }
  }
  return state;
}

/** The status an answer moves a request to: the same steps as the endpoint's lifecycle. */
export const ANSWER_STATUS: Record<AnswerKind, DerivedStatus> = {
  acknowledged: 'received',
  answered: 'completed',
  extended: 'in_progress',
  refused: 'rejected',
};

function applyAnswer(state: RequestState, event: RequestEvent): void {
  if (!event.answer) return;
  state.status = ANSWER_STATUS[event.answer];
  state.answer = event.answer;
  delete state.reason;
  delete state.message;
  if (event.answer === 'extended') state.extended = true;
  if (event.extendedDueAt !== undefined) state.extendedDueAt = event.extendedDueAt;
  if (event.reason !== undefined) state.reason = event.reason;
  if (event.note !== undefined) state.message = event.note;
}

function applyFacts(state: RequestState, event: RequestEvent): void {
  if (event.reference !== undefined) state.reference = event.reference;
  if (event.dueAt !== undefined) state.dueAt = event.dueAt;
  if (event.extendedDueAt !== undefined) {
    state.extendedDueAt = event.extendedDueAt;
    state.extended = true;
  }
  if (event.reason !== undefined) state.reason = event.reason;
  if (event.message !== undefined) state.message = event.message;
}
