/**
 * What the admin does to the queue: a new request written with its `queued` event before any send,
 * and the three changes to one already there — sent by email, moved to the endpoint in force,
 * "Try again". Each is one read-and-write of the request (./rows.ts); none takes the outbox lock,
 * so the admin is never kept waiting by a round on the wire: a round re-reads the request before
 * it writes its outcome, and keeps what the admin did meanwhile.
 */
import type { PrivacyDb } from '../../store/db';
import { deriveStatus, type Channel, type Identity, type RequestRecord } from '../record';
import type { RequestBody } from '../types';
import { without } from './context';
import { addRequest, settle } from './rows';
import { AppError } from '../../errors';

export class RequestNotFound extends AppError {
  constructor(id: string) {
    super(
      'request/not_found',
      `The request ${id} is not in this browser's list of requests. It may have been wiped; reopen the list and try again.`,
      { id },
    );
    this.name = 'RequestNotFound';
  }
}

/**
 * Writes the request with its `queued` event. An endpoint request is due at once, for the endpoint
 * origin it was made for; an email one is not sent by the outbox.
 */
export async function enqueue(
  db: PrivacyDb,
  body: RequestBody,
  channel: Channel,
  now: number = Date.now(),
  identity?: Identity,
  endpointOrigin?: string,
): Promise<RequestRecord> {
  const record: RequestRecord = {
    ...(identity && (identity.document?.trim() || identity.relationship?.trim()) ? { identity } : {}),
    id: body.id,
    host: body.account.host,
    type: body.type,
    channel,
    body,
    createdAt: now,
    attempts: 0,
    events: [{ at: now, kind: 'queued' }],
    openSince: now,
    ...(channel === 'endpoint' ? { outboxDueAt: now } : {}),
    ...(channel === 'endpoint' && endpointOrigin !== undefined ? { endpointOrigin } : {}),
  };
  await addRequest(db, record);
  return record;
}

/** Applies `change` to the request and stores the result; refuses, in words, a request that is not there. */
function update(db: PrivacyDb, id: string, change: (record: RequestRecord) => RequestRecord): Promise<RequestRecord> {
  return settle(db, id, (record) => {
    if (!record) throw new RequestNotFound(id);
    const next = change(record);
    return { write: next, result: next };
  });
}

/**
 * The admin sent the request by email (`request/email-sent`): recorded as sent, and taken off the
 * send queue so the endpoint does not get it too.
 */
export async function recordEmailSent(db: PrivacyDb, id: string, now: number = Date.now()): Promise<RequestRecord> {
  return update(db, id, (record) => ({
    ...without(record, 'outboxDueAt', 'pollDueAt', 'polls'),
    channel: 'email',
    events: [...record.events, { at: now, kind: 'email_sent' }],
  }));
}

/**
 * The admin agreed to send a request made for another endpoint to the one in force (asked per
 * request, in Options): it is queued afresh for `origin`, under the same id and body.
 */
export async function moveToEndpoint(
  db: PrivacyDb,
  id: string,
  origin: string,
  now: number = Date.now(),
): Promise<RequestRecord> {
  return update(db, id, (record) => {
    if (record.outboxDueAt === undefined || record.endpointOrigin === undefined || record.endpointOrigin === origin)
      return record;
    return { ...record, endpointOrigin: origin, outboxDueAt: now };
  });
}

/**
 * "Try again" on a failed request, or "send through the endpoint" on one saved for email and not
 * yet emailed: queued afresh under the same id (and so the same Idempotency-Key).
 */
export async function requeue(db: PrivacyDb, id: string, now: number = Date.now()): Promise<RequestRecord> {
  return update(db, id, (record) => {
    const status = deriveStatus(record).status;
    if (status !== 'failed' && !(status === 'queued' && record.channel === 'email')) return record;
    return {
      ...without(record, 'lastError'),
      channel: 'endpoint',
      attempts: 0,
      outboxDueAt: now,
      events: [...record.events, { at: now, kind: 'queued' }],
    };
  });
}
