/**
 * What the popup says beside an account's marketing switch (issue 16): the state of the last
 * marketing request made for it — sent, received, overdue by law — or that the choice in force has
 * not reached Ingroup yet. Derived from the request and the choice, never stored.
 */
import type { DerivedStatus } from './record';
import type { RequestView } from './view';
import type { ConsentState } from '../vocabulary';

export type MarketingRequestState =
  | { kind: 'none' }
  /** The choice was recorded after the last request (or with none): it has not gone to Ingroup. */
  | { kind: 'unsent'; state: ConsentState }
  | {
      kind: 'request';
      type: 'marketing_opt_out' | 'marketing_opt_in';
      status: DerivedStatus | 'overdue';
      at: number;
      dueDate: string | null;
    };

export function marketingRequestState(
  choice: { state: ConsentState } | null,
  last: (Pick<RequestView, 'state' | 'overdue' | 'dueDate'> & { record: { type: string; createdAt: number } }) | null,
): MarketingRequestState {
  const wanted = choice?.state === 'given' ? 'marketing_opt_in' : 'marketing_opt_out';
  if (last && (last.record.type === 'marketing_opt_out' || last.record.type === 'marketing_opt_in')) {
    // The last request carries the choice in force (or there is no recorded choice to compare).
    if (!choice || last.record.type === wanted) {
      return {
        kind: 'request',
        type: last.record.type,
        status: last.overdue ? 'overdue' : last.state.status,
        at: last.state.updatedAt,
        dueDate: last.dueDate,
      };
    }
  }
  // Only an opt-out needs to reach Ingroup by default; "allowed" with no request is the policy's default.
  if (choice && (choice.state !== 'given' || last)) return { kind: 'unsent', state: choice.state };
  return { kind: 'none' };
}
