/**
 * Ingroup's answer to a request sent by email, recorded by the administrator (issue 13): it
 * acknowledged the request, answered it, extended the period with a reason, or refused. Each is an
 * `answer` event in the request's one history, so the status, the legal deadline (extended when
 * Ingroup extended it) and the complaint follow exactly as they do for the endpoint's statuses.
 */
import { z } from 'zod/mini';
import type { PrivacyDb } from '../store/db';
import { RequestNotFound } from './outbox';
import { AnswerKind, deriveStatus, isFinal, type RequestEvent, type RequestRecord } from './record';
import { AppError } from '../errors';

const Words = z.string().check(z.maxLength(2000));

/** What the pages send (`request/answer`): the answer, the day Ingroup gave it, and the admin's words. */
export const AnswerInputSchema = z
  .strictObject({
    answer: AnswerKind,
    /** The day Ingroup answered (YYYY-MM-DD), as the admin read it in the letter. */
    on: z.iso.date(),
    /** What Ingroup said, or the admin's note. */
    note: z.optional(Words),
    /** Extended or refused: Ingroup's reason, as the law requires it to give one. */
    reason: z.optional(Words),
    /** Extended: the new date Ingroup named, if it named one. */
    extendedDueAt: z.optional(z.iso.date()),
  })
  .check(
    z.refine((a) => (a.answer !== 'extended' && a.answer !== 'refused') || (a.reason?.trim().length ?? 0) > 0, {
      message: 'Write the reason Ingroup gave for the extension or the refusal.',
      path: ['reason'],
    }),
  );
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

/** An answer that cannot be recorded: the request was not sent by email yet, or is already closed. */
export class AnswerRefused extends AppError {
  constructor(code: 'request/answer_not_emailed' | 'request/answer_closed', message: string) {
    super(code, message);
    this.name = 'AnswerRefused';
  }
}

/** The `answer` event for `input`, recorded at `now`. */
export function answerEvent(input: AnswerInput, now: number): RequestEvent {
  const note = input.note?.trim();
  const reason = input.reason?.trim();
  return {
    at: now,
    kind: 'answer',
    answer: input.answer,
    answeredOn: input.on,
    ...(note ? { note } : {}),
    ...(reason ? { reason } : {}),
    ...(input.answer === 'extended' && input.extendedDueAt ? { extendedDueAt: input.extendedDueAt } : {}),
  };
}

/**
 * Records Ingroup's answer on a request sent by email and not yet closed. A final answer
 * (answered, refused) closes it: it leaves the open requests the popup counts and the badge reads.
 */
export async function recordAnswer(
  db: PrivacyDb,
  id: string,
  raw: unknown,
  now: number = Date.now(),
): Promise<RequestRecord> {
  const input = AnswerInputSchema.parse(raw);
  return db.transaction('rw', db.requests, async () => {
    const record = await db.requests.get(id);
    if (!record) throw new RequestNotFound(id);
    const state = deriveStatus(record);
    if (state.sentBy !== 'email')
      throw new AnswerRefused(
        'request/answer_not_emailed',
        'Record an answer once you have sent the request by email and pressed “I have sent the email”.',
      );
    if (isFinal(state.status))
      throw new AnswerRefused(
        'request/answer_closed',
        'This request is closed: Ingroup’s final answer is already recorded.',
      );
    const events = [...record.events, answerEvent(input, now)];
    const next: RequestRecord = { ...record, events };
    if (isFinal(deriveStatus(next).status)) delete next.openSince;
    await db.requests.put(next);
    return next;
  });
}
