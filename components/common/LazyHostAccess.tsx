import { send } from '@/lib/send';
import { useLazy } from './use-lazy';

// Passed in rather than imported there: the prompt's chunk then shares no module with the pages' own.
const askBackground = (): Promise<string[]> => send({ type: 'access/missing' }).then((reply) => reply.missing);

/**
 * The host-access prompt (./HostAccess), fetched once `when` is true: the panel asks after it has
 * painted, so its first-paint script (DESIGN §9) carries neither the prompt nor its words.
 */
export function LazyHostAccess({ when = true }: { when?: boolean }): preact.JSX.Element | null {
  const access = useLazy(() => import('./HostAccess'), when);
  if (access.status === 'error') {
    return (
      <p role="alert" class="error">
        {access.error.message}
      </p>
    );
  }
  return access.status === 'ready' ? <access.value.HostAccess askBackground={askBackground} /> : null;
}
