import { send } from '@/lib/send';
import { useLazy } from './use-lazy';
import { useI18n } from './i18n';

// Passed in rather than imported there: the prompt's chunk then shares no module with the pages' own.
const askBackground = (): Promise<string[]> => send({ type: 'access/missing' }).then((reply) => reply.missing);

/**
 * The host-access prompt (./HostAccess), fetched once `when` is true: the panel asks after it has
 * painted, so its first-paint script (DESIGN §9) carries neither the prompt nor its words.
 */
export function LazyHostAccess({ when = true }: { when?: boolean }): preact.JSX.Element | null {
  const { t } = useI18n();
  const access = useLazy(() => import('./HostAccess'), when);
  if (access.status === 'error') {
    return (
      <p role="alert" class="error">
        {/* The prompt's own code did not load: the error's words could not load either. */}
        {t('error.title')}. {t('error.retry')}
      </p>
    );
  }
  return access.status === 'ready' ? <access.value.HostAccess askBackground={askBackground} /> : null;
}
