import { PolicyDetails } from './PolicyDetails';
import { PolicyFlags } from './PolicyFlags';

/** The policy read whole — its problems, then every statement — below the fold, loaded after the first paint. */
export function PolicySections(): preact.JSX.Element {
  return (
    <>
      <PolicyFlags />
      <PolicyDetails />
    </>
  );
}
