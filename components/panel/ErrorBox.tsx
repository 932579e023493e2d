import { useI18n } from '../common/i18n';
import { useLazy } from '../common/use-lazy';

/**
 * A failure said in an admin's words: what happened, why, and what to do next, from the error's
 * code (lib/errors.ts) in the panel's language (lib/i18n/errors.ts). Those words are loaded when an
 * error is shown: rare, and long in two languages, they stay off the panel's first paint (DESIGN §9).
 */
export function ErrorBox({ error, onRetry }: { error: unknown; onRetry?: () => void }): preact.JSX.Element | null {
  const { lang, t } = useI18n();
  const words = useLazy(() => import('@/lib/i18n/errors'), true);
  if (words.status === 'idle' || words.status === 'loading') return null;
  const text =
    words.status === 'ready'
      ? words.value.describeError(error, lang)
      : { title: t('error.title'), detail: '', action: t('error.retry') };
  return (
    <div class="error" role="alert">
      <h3>{text.title}</h3>
      {text.detail && <p>{text.detail}</p>}
      <p>{text.action}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('panel.retry')}
        </button>
      )}
    </div>
  );
}
