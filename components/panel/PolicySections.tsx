import { FLAGS } from '@/lib/policy';
import type { RequestType } from '@/lib/vocabulary';
import { PolicyDetails } from './PolicyDetails';
import { PolicyFlags } from './PolicyFlags';

/** The policy read whole — its problems, then every statement — below the fold, loaded after the first paint. */
export function PolicySections({ onRequest }: { onRequest: (type: RequestType) => void }): preact.JSX.Element {
  return (
    <>
      <PolicyFlags onRequest={onRequest} />
      <PolicyDetails />
    </>
  );
}

/** How many problems the policy has, for the panel's summary (known once this part has loaded). */
export const PROBLEM_COUNT: number = FLAGS.length;
