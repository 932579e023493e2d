/**
 * What the open requests ask of the administrator, counted the way the toolbar badge counts them
 * (issue 13: no request fails silently). The background derives it from the open requests on
 * every outbox run and keeps the result under one settings key, so the popup shows the same
 * numbers as the badge without reading every request and every deadline rule itself.
 */
import { z } from 'zod/mini';
import type { RequestView } from './view';

export const ATTENTION_KEY = 'attention';

const Count = z.int().check(z.nonnegative());

export const AttentionSchema = z.object({
  /** Requests not yet completed or rejected. */
  open: Count,
  /** The badge's number: requests that need the administrator now (the four below, each counted once). */
  needYou: Count,
  /** Still being sent, and not getting through (no connection, a long wait, repeated failures). */
  notGettingThrough: Count,
  /** The outbox gave up, or the endpoint refused: not delivered. */
  failed: Count,
  /** Saved to go by email, and not yet marked as sent. */
  awaitingEmail: Count,
  /** Past the legal due date without a final answer. */
  overdue: Count,
  /** The legal due date is a few working days away (a reminder, not on the badge). */
  dueSoon: Count,
});
export type Attention = z.infer<typeof AttentionSchema>;

export function attentionSummary(views: readonly RequestView[]): Attention {
  const count = (test: (v: RequestView) => boolean): number => views.filter(test).length;
  return {
    open: views.length,
    needYou: count((v) => v.needsAction !== null),
    notGettingThrough: count((v) => v.notGettingThrough),
    failed: count((v) => v.state.status === 'failed'),
    awaitingEmail: count((v) => v.record.channel === 'email' && v.state.status === 'queued'),
    overdue: count((v) => v.overdue),
    dueSoon: count((v) => v.dueSoon),
  };
}
