import { useI18n } from '../common/i18n';
import { useLazy } from '../common/use-lazy';

/**
 * A failure said in an admin's words: what happened, why, and what to do next. amoCRM's errors are
 * worded by lib/amocrm/errors.ts, loaded when one is shown: rare, and long in two languages, those
 * words stay off the panel's first paint (DESIGN §9).
 */
export function ErrorBox({ error, onRetry }: { error: { code: string; message: string }; onRetry?: () => void }): preact.JSX.Element | null {
  const { lang, t } = useI18n();
  const known = error.code.startsWith('amo/');
  const words = useLazy(() => import('@/lib/amocrm/errors'), known);
  if (known && words.status !== 'ready' && words.status !== 'error') return null;
  const text =
    known && words.status === 'ready' ? words.value.describeAmoError(error, lang) : { title: t('error.title'), detail: error.message, action: t('error.retry') };
  return (
    <div class="error" role="alert">
      <h3>{text.title}</h3>
      <p>{text.detail}</p>
      <p>{text.action}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('panel.retry')}
        </button>
      )}
    </div>
  );
}
